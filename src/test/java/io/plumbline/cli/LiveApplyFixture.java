package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.testing.DemoFolder;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the live apply and undo tests share: the demo fixtures copied to a plain snapshot folder (so
 * that their plan is not a demo plan), audited once, and per test an emulator seeded with that same
 * folder and a config pointing at it. Also the exact writes the full plan must send, in plan order.
 */
final class LiveApplyFixture {
    static final String TOKEN = "apply-live-token-7731";
    static final Map<String, String> ENV = Map.of("ZD_TOKEN", TOKEN);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.regex.Pattern CONFIRM_RECEIPT =
            java.util.regex.Pattern.compile("--confirm-receipt-hash ([0-9a-f]{64})");

    /** The eight prepared actions A001..A008 as the requests they must send, in plan order. */
    static final List<String> EXPECTED_WRITES = List.of(
            "PUT /api/v2/organizations/9001 {\"organization\":{\"external_id\":\"001ACME001\"}}",
            "PUT /api/v2/organizations/9008 {\"organization\":{\"external_id\":\"001Dn00000NsMdQIAV\"}}",
            "PUT /api/v2/organizations/9005 {\"organization\":{\"domain_names\":[\"acmeretail.example\","
                    + "\"acmeshop.example\"]}}",
            "PUT /api/v2/organizations/9009 {\"organization\":{\"domain_names\":[\"bvhs.bayvalley.example\","
                    + "\"bvhs.example\"]}}",
            "PUT /api/v2/organizations/9008 {\"organization\":{\"domain_names\":[\"northshoremed.health.example\","
                    + "\"northshoremed.example\"]}}",
            "POST /api/v2/organization_memberships {\"organization_membership\":{\"user_id\":7006,"
                    + "\"organization_id\":9005}}",
            "POST /api/v2/organization_memberships {\"organization_membership\":{\"user_id\":7015,"
                    + "\"organization_id\":9009}}",
            "PUT /api/v2/users/7010/organization_memberships/5051/make_default ");

    final Path dir;
    final Path fixture;
    final Instant capturedAt;
    final Path auditRun;
    final String planHash;

    /** The outcome of one command. */
    record Run(int code, String out, String err) {}

    private LiveApplyFixture(Path dir) throws IOException {
        this.dir = dir;
        this.fixture = dir.resolve("fixture");
        DemoFolder.copy(fixture);
        this.capturedAt = Instant.parse(
                json(fixture.resolve("snapshot.json")).path("captured_at").asText());
        this.auditRun = audit(fixture, "audit");
        this.planHash =
                json(auditRun.resolve("fix_plan.json")).path("plan_hash").asText();
    }

    /** Audits {@code snapshot} offline as of the fixture's capture; returns the run folder. */
    private Path audit(Path snapshot, String runId) {
        Clock later = Clock.fixed(capturedAt.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Run r = run(
                later,
                Map.of(),
                "audit",
                "--snapshot",
                snapshot.toString(),
                "--as-of",
                capturedAt.toString(),
                "--run-id",
                runId,
                "--out",
                dir.resolve("out").toString(),
                "--no-history",
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("out").resolve(runId);
    }

    /**
     * The plan of the fixture's data pulled from the Zendesk named {@code zendesk} (its snapshot.json says
     * so), audited in a run of its own named {@code runId}; returns its fix_plan.json.
     */
    Path planAuditedAgainst(String zendesk, String runId) throws IOException {
        Path copy = dir.resolve("snapshots").resolve(runId);
        DemoFolder.copy(copy);
        Files.writeString(
                copy.resolve("snapshot.json"),
                "{\"captured_at\": \"" + capturedAt + "\", \"zendesk\": \"" + zendesk + "\"}\n");
        return audit(copy, runId).resolve("fix_plan.json");
    }

    private static LiveApplyFixture shared;

    /**
     * One fixture for every test class in this JVM (the audit runs once), in a temporary folder removed
     * when the JVM exits. Each test takes its own plan copy ({@link #plan}) and its own emulator.
     */
    static synchronized LiveApplyFixture shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("plumbline-live-apply");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                shared = new LiveApplyFixture(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the OS cleans up what is left
        }
    }

    /** A fresh emulator seeded with the fixture folder, its clock 1,000 times faster than real time. */
    ZendeskEmulator emulator() {
        return emulator(1000);
    }

    /** The same on a clock {@code scale} times faster than real time. */
    ZendeskEmulator emulator(double scale) {
        return emulator(Duration.ofMinutes(2), scale);
    }

    /** A fresh emulator whose clock starts {@code after} the capture and runs {@code scale} times fast. */
    ZendeskEmulator emulator(Duration after, double scale) {
        return emulator(EmulatorConfig.withToken(TOKEN), after, scale);
    }

    /** Emulator settings taking {@link #TOKEN} whose injected 429s ask to wait 10 minutes, longer than apply waits. */
    static EmulatorConfig tenMinuteRateLimit() {
        return EmulatorConfig.withToken(TOKEN).withFault429RetryAfter(Duration.ofMinutes(10));
    }

    /** The same with its own settings (which must take {@link #TOKEN}). */
    ZendeskEmulator emulator(EmulatorConfig config, Duration after, double scale) {
        return ZendeskEmulator.start(fixture, config, new EmulatorTime(capturedAt.plus(after), scale));
    }

    /** A copy of the audited plan in its own folder, so that each run's receipt lands apart. */
    Path plan(String name) {
        Path to = dir.resolve("plans").resolve(name).resolve("fix_plan.json");
        try {
            Files.createDirectories(to.getParent());
            Files.copy(auditRun.resolve("fix_plan.json"), to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** A config naming the emulator, with few retries so that a persistent 5xx fails fast. */
    Path config(ZendeskEmulator z) {
        Path cfg = dir.resolve("plumbline-" + z.baseUri().getPort() + ".yaml");
        String yaml = "salesforce:\n  source: csv\n  accounts_csv: " + fixture.resolve("salesforce_accounts.csv")
                + "\n  contacts_csv: " + fixture.resolve("salesforce_contacts.csv")
                + "\nzendesk:\n  base_url: " + z.baseUri()
                + "\n  max_retries: 2\n  auth:\n    oauth_access_token_env: ZD_TOKEN\noutput:\n  root: "
                + dir.resolve("out") + "\n";
        try {
            Files.writeString(cfg, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cfg;
    }

    /** {@code apply --plan P --config C [more...]} in-process, on the emulator's clock. */
    Run apply(ZendeskEmulator z, Path plan, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "apply", "--plan", plan.toString(), "--config", config(z).toString()));
        args.addAll(List.of(more));
        return run(z.time(), ENV, args.toArray(String[]::new));
    }

    /** The same, live: {@code --apply --confirm-plan-hash} with the plan's own hash. */
    Run applyLive(ZendeskEmulator z, Path plan, String... more) {
        List<String> args = new ArrayList<>(List.of("--apply", "--confirm-plan-hash", planHash));
        args.addAll(List.of(more));
        return apply(z, plan, args.toArray(String[]::new));
    }

    /** Runs {@code plumbline undo} of {@code receipt} against the emulator, with {@code more} arguments. */
    Run undo(ZendeskEmulator z, Path receipt, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "undo", "--receipt", receipt.toString(), "--config", config(z).toString()));
        args.addAll(List.of(more));
        return run(z.time(), ENV, args.toArray(String[]::new));
    }

    /** Undoes {@code receipt} live, confirmed with the receipt_hash it records, with {@code more} arguments. */
    Run undoConfirmed(ZendeskEmulator z, Path receipt, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--apply",
                "--confirm-receipt-hash",
                json(receipt).path("receipt_hash").asText()));
        args.addAll(List.of(more));
        return undo(z, receipt, args.toArray(String[]::new));
    }

    /** Undoes {@code receipt} live, confirmed with the hash its dry run prints. */
    Run undoLive(ZendeskEmulator z, Path receipt) {
        return undo(
                z,
                receipt,
                "--apply",
                "--confirm-receipt-hash",
                confirmHash(undo(z, receipt).out()));
    }

    /** The receipt hash an undo dry run's output tells to confirm. */
    static String confirmHash(String out) {
        java.util.regex.Matcher m = CONFIRM_RECEIPT.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no --confirm-receipt-hash in: " + out);
        }
        return m.group(1);
    }

    static Run run(Clock clock, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new PrintWriter(out), new PrintWriter(err), env, clock).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every request other than GET the emulator received, as {@code METHOD path body}. */
    static List<String> writes(ZendeskEmulator z) {
        return z.log().writes().stream().map(LiveApplyFixture::describe).toList();
    }

    static String describe(LoggedRequest r) {
        return r.method() + " " + r.path() + " " + r.body();
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
