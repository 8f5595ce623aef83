package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.testing.DemoFolder;
import io.plumbline.zendesk.RequestLogChecks;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live audit against the emulator seeded with the demo fixtures plans exactly what the fixtures do. */
class LiveAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "live-audit-token-4242";
    private static final List<String> SAME_ARTIFACTS = List.of(
            "org_issues.csv",
            "user_issues.csv",
            "ticket_issues.csv",
            "all_exceptions.csv",
            "exceptions_by_account.csv",
            "fix_plan.csv");

    @TempDir
    static Path dir;

    static Path fixture;
    static Instant capturedAt;
    static String snapshotHash;

    @BeforeAll
    static void auditTheFixtureFolder() throws IOException {
        fixture = dir.resolve("fixture");
        DemoFolder.copy(fixture);
        capturedAt =
                Instant.parse(JSON.readTree(fixture.resolve("snapshot.json").toFile())
                        .path("captured_at")
                        .asText());
        Clock later = Clock.fixed(capturedAt.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Run r = run(
                later,
                Map.of(),
                "audit",
                "--snapshot",
                fixture.toString(),
                "--as-of",
                capturedAt.toString(),
                "--run-id",
                "from-snapshot",
                "--out",
                dir.resolve("out").toString());
        assertThat(r.code).as(r.err).isZero();
        snapshotHash = RunPlans.hash(dir.resolve("out/from-snapshot"));
    }

    @Test
    void liveAudit_emulatorSeededWithDemo_samePlanHashAndArtifactsAsTheSnapshotAudit() throws IOException {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            Run r = liveAuditAsOfSnapshot(z, "live");

            assertThat(r.code).as(r.err).isZero();
            Path live = dir.resolve("out/live");
            assertThat(RunPlans.hashApartFromZendesk(live, z.baseUri())).isEqualTo(snapshotHash);
            for (String a : SAME_ARTIFACTS) {
                assertThat(Files.readString(live.resolve(a)))
                        .as(a)
                        .isEqualTo(Files.readString(
                                dir.resolve("out/from-snapshot").resolve(a)));
            }
            assertThat(live.resolve("snapshot/zendesk/tickets.jsonl")).exists();
            assertThat(live.resolve("snapshot/salesforce_accounts.csv"))
                    .hasSameTextualContentAs(fixture.resolve("salesforce_accounts.csv"));
            assertThat(r.out + r.err).doesNotContain(TOKEN).contains(RunPlans.hash(live));
            assertThat(z.log().writes()).isEmpty();
        }
    }

    @Test
    void liveAudit_orgEditedJustBefore_samePlanHashAsTheSnapshotAudit() throws IOException {
        // a clock slow enough that the audit's pull ends well inside Zendesk's one-minute export lag,
        // even on a busy machine (the lag passes in 6.1 s of real time)
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN), 10)) {
            // a field the audit does not read: the org must still be pulled, in its latest version
            z.change(e -> e.updateOrganization(9001, o -> o.put("notes", "edited just before the audit")));
            Run r = liveAuditAsOfSnapshot(z, "live-just-edited", "--no-history");

            assertThat(r.code).as(r.err).isZero();
            Path live = dir.resolve("out/live-just-edited");
            assertThat(Files.readString(live.resolve("all_exceptions.csv")))
                    .isEqualTo(Files.readString(dir.resolve("out/from-snapshot/all_exceptions.csv")));
            assertThat(RunPlans.hashApartFromZendesk(live, z.baseUri())).isEqualTo(snapshotHash);
            assertThat(Files.readString(live.resolve("snapshot/zendesk/organizations.jsonl")))
                    .contains("edited just before the audit");
            assertThat(r.err).contains("waiting").contains("for Zendesk's exports to include changes up to");
        }
    }

    @Test
    void liveAudit_tenPercentFaults_samePlanHash() {
        EmulatorConfig faulty = EmulatorConfig.withToken(TOKEN).withFaults(0.04, 0.03, 0.03, 0, Duration.ZERO, 11);
        // a clock slow enough that a Retry-After window (seconds of Zendesk time) lasts tens of milliseconds:
        // at full speed a thread delayed a millisecond on a busy machine looks like one ignoring the window
        try (ZendeskEmulator z = emulator(faulty, 100)) {
            // the demo tenant needs few requests, so some faults are scripted on top of the random ones
            z.failRequest("/api/v2/organization_memberships", 2, Fault.TOO_MANY);
            z.failRequest("/api/v2/incremental/tickets/cursor", 1, Fault.RESET);
            z.failRequest("/api/v2/incremental/organizations", 1, Fault.SERVER_ERROR);
            Run r = liveAuditAsOfSnapshot(z, "live-faulty", "--quiet");

            assertThat(r.code).as(r.err).isZero();
            assertThat(RunPlans.hashApartFromZendesk(dir.resolve("out/live-faulty"), z.baseUri()))
                    .isEqualTo(snapshotHash);
            assertThat(z.log().all()).filteredOn(q -> !q.fault().isEmpty()).hasSizeGreaterThanOrEqualTo(3);
            RequestLogChecks.noPageFetchedTwiceAfterSuccess(z.log().all());
            // the thread that met a 429 takes a real millisecond or so to hold the others back, which the
            // emulated clock, a thousand times faster, turns into a second: the same grace as the pull's own test
            RequestLogChecks.nothingSentWhileRetryAfterPending(z.log().all(), 4, Duration.ofSeconds(15));
        }
    }

    @Test
    void liveAudit_runSnapshot_reauditsOfflineToTheSamePlanHash() {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            Run live = liveAudit(z, "live-now");
            assertThat(live.code).as(live.err).isZero();
            Run again = run(
                    z.time(),
                    Map.of(),
                    "audit",
                    "--snapshot",
                    dir.resolve("out/live-now/snapshot").toString(),
                    "--run-id",
                    "offline",
                    "--out",
                    dir.resolve("out").toString());

            assertThat(again.code).as(again.err).isZero();
            // every key the pull writes into snapshot.json is one the reader knows
            assertThat(again.out + again.err).doesNotContain("unknown key");
            assertThat(RunPlans.hash(dir.resolve("out/offline"))).isEqualTo(RunPlans.hash(dir.resolve("out/live-now")));
        }
    }

    @Test
    void liveAudit_clientCredentials_asksForReadScopesOnlyThoughTheConfigAsksForWrite() throws IOException {
        try (ZendeskEmulator z = emulator(ClientCredentials.readOnlyClient())) {
            Path cfg = ClientCredentials.use(config(z));

            Run r = run(
                    z.time(),
                    ClientCredentials.ENV,
                    "audit",
                    "--config",
                    cfg.toString(),
                    "--run-id",
                    "cc",
                    "--no-progress");

            assertThat(r.code).as(r.err).isZero();
            assertThat(dir.resolve("out/cc/summary.json")).exists();
        }
    }

    @Test
    void liveAudit_failedWithARunId_canBeRunAgainWithTheSameId() {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            List<String> args = List.of(
                    "audit", "--config", config(z).toString(), "--as-of", capturedAt.toString(), "--run-id", "again");
            Run refused = run(z.time(), Map.of("ZD_TOKEN", "not-the-token"), args.toArray(String[]::new));
            assertThat(refused.code).as(refused.err).isEqualTo(4);

            // the failed run gave its id back (in the store too), so the retry is not refused as taken
            Run retried = liveAuditAsOfSnapshot(z, "again");

            assertThat(retried.code).as(retried.err).isZero();
            assertThat(dir.resolve("out/again/fix_plan.json")).exists();
        }
    }

    @Test
    void liveAudit_zendeskAnswering503ForLongerThanTheRetriesOfA5xx_waitsItOutAndFinishes() {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            String path = "/api/v2/organizations/count";
            z.failEvery("GET", path, Fault.UNAVAILABLE);
            z.interventions().afterRequest("GET", path, 9, () -> z.stopFailingEvery("GET", path));

            Run r = liveAudit(z, "outage");

            assertThat(r.code).as(r.err).isZero();
            assertThat(z.log().matching(q -> q.path().equals(path))).hasSize(10);
        }
    }

    @Test
    void liveAudit_badToken_exit4AndNoHalfWrittenRunFolder() {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            Run r = run(
                    z.time(),
                    Map.of("ZD_TOKEN", "wrong"),
                    "audit",
                    "--config",
                    config(z).toString(),
                    "--run-id",
                    "denied");

            assertThat(r.code).isEqualTo(4);
            assertThat(r.err).contains("answered 401").contains("$ZD_TOKEN");
            assertThat(dir.resolve("out/denied")).doesNotExist();
            assertThat(dir.resolve("out/.denied.partial")).doesNotExist();
        }
    }

    @Test
    void liveAudit_storedExportCursorRefused_pullsInFullSayingWhy() throws IOException {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            Path cfg = dir.resolve("stale-cursor.yaml");
            Files.writeString(
                    cfg,
                    Files.readString(config(z))
                            .replace(
                                    dir.resolve("out").toString(),
                                    dir.resolve("stale-out").toString()));
            Run first = auditAsOfSnapshot(z, cfg, "first");
            assertThat(first.code).as(first.err).isZero();
            z.failRequest("/api/v2/incremental/tickets/cursor", 1, Fault.UNPROCESSABLE);

            Run second = auditAsOfSnapshot(z, cfg, "second");

            assertThat(second.code).as(second.err).isZero();
            assertThat(second.err)
                    .contains(
                            "zendesk: Zendesk refused the tickets export cursor the last pull stored (HTTP 422) of run"
                                    + " first; pulling everything instead")
                    .contains("zendesk: full pull (Zendesk refused the tickets export cursor");
            assertThat(RunPlans.hash(dir.resolve("stale-out/second")))
                    .isEqualTo(RunPlans.hash(dir.resolve("stale-out/first")));
        }
    }

    @Test
    void trace_withoutAnInput_readsTheLiveApisAsAuditDoesAndKeepsNothing() throws IOException {
        try (ZendeskEmulator z = emulator(EmulatorConfig.withToken(TOKEN))) {
            Path root = dir.resolve("trace-root");
            Path cfg = dir.resolve("trace.yaml");
            Files.writeString(
                    cfg, Files.readString(config(z)).replace(dir.resolve("out").toString(), root.toString()));
            String[] target = {"--zendesk-org-id", "9005", "--as-of", capturedAt.toString()};
            Run offline = run(z.time(), Map.of(), concat(target, "trace", "--snapshot", fixture.toString()));
            assertThat(offline.code).as(offline.err).isZero();

            Set<String> tempBefore = traceFolders();
            Run live = run(z.time(), Map.of("ZD_TOKEN", TOKEN), concat(target, "trace", "--config", cfg.toString()));

            assertThat(live.code).as(live.err).isZero();
            assertThat(live.out)
                    .as("the same steps as on the snapshot the emulator was seeded with")
                    .isEqualTo(offline.out);
            assertThat(live.err).contains("zendesk: full pull (no earlier pull of " + z.baseUri());
            assertThat(z.log().writes()).isEmpty();
            assertThat(root).as("no run folder, no history store").doesNotExist();
            assertThat(traceFolders()).as("what it pulled is removed").isEqualTo(tempBefore);

            Run audit = auditAsOfSnapshot(z, cfg, "base");
            assertThat(audit.code).as(audit.err).isZero();
            Run again = run(z.time(), Map.of("ZD_TOKEN", TOKEN), concat(target, "trace", "--config", cfg.toString()));

            assertThat(again.code).as(again.err).isZero();
            assertThat(again.err).contains("zendesk: incremental pull since run base");
            assertThat(again.out).isEqualTo(offline.out);
            try (var entries = Files.list(root)) {
                assertThat(entries.map(p -> p.getFileName().toString()))
                        .as("the trace added nothing to the output root")
                        .containsExactlyInAnyOrder("base", "plumbline.db");
            }
        }
    }

    /** A live audit with the config {@code cfg}, as of the snapshot's instant, into its output root's RUN_ID. */
    private static Run auditAsOfSnapshot(ZendeskEmulator z, Path cfg, String runId) {
        return run(
                z.time(),
                Map.of("ZD_TOKEN", TOKEN),
                "audit",
                "--config",
                cfg.toString(),
                "--run-id",
                runId,
                "--as-of",
                capturedAt.toString());
    }

    /** The folders live traces pull into, in the system's temporary folder. */
    private static Set<String> traceFolders() throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("plumbline-trace-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static String[] concat(String[] tail, String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    /** A live audit against {@code z} now, into {@code out/RUN_ID}. */
    private static Run liveAudit(ZendeskEmulator z, String runId) {
        return run(
                z.time(),
                Map.of("ZD_TOKEN", TOKEN),
                "audit",
                "--config",
                config(z).toString(),
                "--run-id",
                runId,
                "--no-progress");
    }

    /** A live audit against {@code z} as of the snapshot's instant, into {@code out/RUN_ID}. */
    private static Run liveAuditAsOfSnapshot(ZendeskEmulator z, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "audit", "--config", config(z).toString(), "--as-of", capturedAt.toString(), "--run-id", runId));
        args.addAll(List.of(more));
        return run(z.time(), Map.of("ZD_TOKEN", TOKEN), args.toArray(String[]::new));
    }

    private static ZendeskEmulator emulator(EmulatorConfig config) {
        return emulator(config, 1000);
    }

    private static ZendeskEmulator emulator(EmulatorConfig config, double scale) {
        return ZendeskEmulator.start(fixture, config, new EmulatorTime(capturedAt.plus(Duration.ofMinutes(2)), scale));
    }

    private static Path config(ZendeskEmulator z) {
        Path cfg = dir.resolve("plumbline-" + z.baseUri().getPort() + ".yaml");
        String yaml = "salesforce:\n  source: csv\n  accounts_csv: " + fixture.resolve("salesforce_accounts.csv")
                + "\n  contacts_csv: " + fixture.resolve("salesforce_contacts.csv")
                + "\nzendesk:\n  base_url: " + z.baseUri()
                + "\n  auth:\n    oauth_access_token_env: ZD_TOKEN\noutput:\n  root: " + dir.resolve("out") + "\n";
        try {
            Files.writeString(cfg, yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cfg;
    }

    private record Run(int code, String out, String err) {}

    private static Run run(Clock clock, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new PrintWriter(out), new PrintWriter(err), env, clock).run(args);
        return new Run(code, out.toString(), err.toString());
    }
}
