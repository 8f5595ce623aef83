package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.store.HistoryDiff;
import io.plumbline.store.IssueKey;
import io.plumbline.store.RunRecord;
import io.plumbline.store.RunStore;
import io.plumbline.zendesk.OnePercentChanges;
import io.plumbline.zendesk.SeedSnapshots;
import io.plumbline.zendesk.SnapshotFiles;
import io.plumbline.zendesk.emulator.AccountEdits;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nightly audits of one emulated Zendesk (10,000 users) with a day of changes (about 1% of every
 * kind of record, some drift fixed, some introduced) between them: the first pulls in full, the next two
 * only what changed; a fourth, {@code --full} into another output root, pulls the final state in full
 * to compare with.
 */
class IncrementalAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "incremental-token-77";
    private static final int ORGS = 400;
    private static final int USERS = 10_000;
    private static final int TICKETS = 2000;
    private static final long NEW_USER = 950_001;
    private static final long NEW_TICKET = 750_001;

    @TempDir
    static Path dir;

    static ZendeskEmulator z;
    static Path config;
    static final List<Long> requests = new ArrayList<>();
    static final List<Map<String, Long>> byPath = new ArrayList<>();
    static final List<String> errors = new ArrayList<>();
    static String history;

    @BeforeAll
    static void threeNightsThenAFullPull() throws IOException {
        Path seed = SeedSnapshots.write(dir.resolve("seed"), ORGS, USERS, TICKETS);
        StringBuilder csv = new StringBuilder("sf_account_id,account_name,account_domains\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(String.format("001ACME%05d,Org %d,org%d.example.com%n", i, i, i));
        }
        Files.writeString(seed.resolve("salesforce_accounts.csv"), csv.toString());
        EmulatorTime time = new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), 1000);
        z = ZendeskEmulator.start(seed, EmulatorConfig.withToken(TOKEN), time);
        config = writeConfig(seed);
        OnePercentChanges day = new OnePercentChanges(ORGS, USERS, TICKETS, 5);

        audit("run1", dir.resolve("out"));
        day.apply(z);
        z.change(IncrementalAuditTest::fixOneDriftIntroduceAnother);
        audit("run2", dir.resolve("out"));
        day.apply(z);
        z.change(IncrementalAuditTest::fixTheNewDriftIntroduceAConflict);
        audit("run3", dir.resolve("out"));
        audit("run3-full", dir.resolve("full"), "--full");
        history = run("history", "--out", dir.resolve("out").toString()).out();
    }

    @AfterAll
    static void stop() {
        z.close();
    }

    /** Day 1: org 1 gets its external_id; a new user of account 2 lands in org 7 with a ticket there. */
    private static void fixOneDriftIntroduceAnother(AccountEdits e) {
        e.updateOrganization(1001, o -> o.put("external_id", "001ACME00001"));
        ObjectNode u = JSON.createObjectNode();
        u.put("id", NEW_USER).put("name", "Pat New").put("email", "pat@org2.example.com");
        u.put("role", "end-user").putNull("organization_id");
        u.put("active", true).put("suspended", false);
        e.createUser(u);
        e.addMembership(NEW_USER, 1007);
        ObjectNode t = JSON.createObjectNode();
        t.put("id", NEW_TICKET).put("requester_id", NEW_USER).put("organization_id", 1007);
        t.put("status", "open").put("subject", "Where is my invoice?");
        e.createTicket(t);
    }

    /** Day 2: the new user joins org 2 (default) and the ticket moves there; org 4 gets a foreign external_id. */
    private static void fixTheNewDriftIntroduceAConflict(AccountEdits e) {
        e.makeDefault(e.addMembership(NEW_USER, 1002));
        e.updateTicket(NEW_TICKET, t -> t.put("organization_id", 1002));
        e.updateOrganization(1004, o -> o.put("external_id", "LEGACY-4"));
    }

    @Test
    void incrementalAudits_afterOnePercentChanged_useAtMostATenthOfAFullPullsRequests() throws IOException {
        long full = requests.get(0);
        System.out.printf(
                "requests: full pull %d; incremental after ~1%% changed: %d and %d (%.1f%%, %.1f%%); full pull of the"
                        + " final state %d%n",
                full,
                requests.get(1),
                requests.get(2),
                100.0 * requests.get(1) / full,
                100.0 * requests.get(2) / full,
                requests.get(3));
        System.out.println("  full pull by endpoint: " + byPath.get(0));
        System.out.println("  incremental by endpoint: " + byPath.get(1) + ", " + byPath.get(2));
        assertThat(requests.get(1)).isLessThanOrEqualTo(full / 10);
        assertThat(requests.get(2)).isLessThanOrEqualTo(requests.get(3) / 10);
        try (RunStore store = RunStore.open(dir.resolve("out/plumbline.db"))) {
            assertThat(store.runs(3).stream().map(RunRecord::requestsUsed))
                    .containsExactly(requests.get(2), requests.get(1), requests.get(0));
            assertThat(store.runs(3).stream().map(RunRecord::inputKind))
                    .containsExactly("live-incr", "live-incr", "live");
        }
        assertThat(errors.get(1)).contains("zendesk: incremental pull since run run1");
        assertThat(errors.get(3)).contains("zendesk: full pull (--full)");
    }

    @Test
    void incrementalAudit_samePlanHashSnapshotAndIssuesAsAFullPullOfTheSameState() throws IOException {
        Path incremental = dir.resolve("out/run3");
        Path full = dir.resolve("full/run3-full");

        assertThat(planHash(incremental)).isEqualTo(planHash(full));
        for (String f : SnapshotFiles.ZENDESK_FILES) {
            assertThat(Files.readString(incremental.resolve("snapshot").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(full.resolve("snapshot").resolve(f)));
        }
        try (RunStore a = RunStore.open(dir.resolve("out/plumbline.db"));
                RunStore b = RunStore.open(dir.resolve("full/plumbline.db"))) {
            assertThat(a.issues("run3")).isEqualTo(b.issues("run3-full"));
        }
    }

    @Test
    void history_threeAudits_showsTrendRequestsAndTheNewAndResolvedKeys() throws IOException {
        System.out.println(history);
        assertThat(history)
                .containsPattern("run1 .* live +" + requests.get(0) + " ")
                .containsPattern("run2 .* live-incr +" + requests.get(1) + " ")
                .containsPattern("run3 .* live-incr +" + requests.get(2) + " ")
                .contains("Trend over 3 runs: ")
                .containsPattern("Latest run run3 against run2: \\d+ new, \\d+ resolved, \\d+ still open");
        try (RunStore store = RunStore.open(dir.resolve("out/plumbline.db"))) {
            HistoryDiff day1 = HistoryDiff.of(store.issues("run1"), store.issues("run2"));
            assertThat(keys(day1.resolved())).anyMatch(k -> k.startsWith("org_missing_external_id|001ACME00001|"));
            assertThat(keys(day1.added()))
                    .anyMatch(k -> k.startsWith("user_missing_expected_membership|001ACME00002|1002|" + NEW_USER))
                    .anyMatch(
                            k -> k.startsWith("ticket_org_mismatch|001ACME00002|1007|" + NEW_USER + "|" + NEW_TICKET));
            HistoryDiff day2 = HistoryDiff.of(store.issues("run2"), store.issues("run3"));
            assertThat(keys(day2.resolved()))
                    .anyMatch(k -> k.startsWith("user_missing_expected_membership|001ACME00002|1002|" + NEW_USER))
                    .anyMatch(k -> k.contains("|" + NEW_TICKET + "|"))
                    .anyMatch(k -> k.startsWith("org_missing_external_id|001ACME00004|"));
            assertThat(keys(day2.added())).anyMatch(k -> k.startsWith("org_external_id_conflict|001ACME00004|"));
        }
        assertThat(history).contains("org_external_id_conflict  001ACME00004");
    }

    private static List<String> keys(List<IssueKey> keys) {
        return keys.stream().map(IssueKey::key).toList();
    }

    private static void audit(String runId, Path out, String... extra) {
        int before = z.log().all().size();
        List<String> args = new ArrayList<>(List.of(
                "audit",
                "--config",
                config.toString(),
                "--out",
                out.toString(),
                "--as-of",
                SeedSnapshots.CAPTURED_AT.toString(),
                "--run-id",
                runId,
                "--no-progress"));
        args.addAll(List.of(extra));
        Cli r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        // the pull's requests: not the one asking when the access token expires, made before it
        List<LoggedRequest> sent = z.log().all().subList(before, z.log().all().size()).stream()
                .filter(q -> !q.path().equals("/api/v2/oauth/tokens/current"))
                .toList();
        requests.add((long) sent.size());
        byPath.add(sent.stream()
                .collect(Collectors.groupingBy(
                        q -> q.path().replaceAll("/\\d+/", "/{id}/"), TreeMap::new, Collectors.counting())));
        errors.add(r.err());
    }

    private static Path writeConfig(Path seed) throws IOException {
        Path cfg = dir.resolve("plumbline.yaml");
        Files.writeString(
                cfg,
                "salesforce:\n  source: csv\n  accounts_csv: " + seed.resolve("salesforce_accounts.csv")
                        + "\nzendesk:\n  base_url: " + z.baseUri()
                        + "\n  auth:\n    oauth_access_token_env: ZD_TOKEN\n");
        return cfg;
    }

    private record Cli(int code, String out, String err) {}

    private static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new PrintWriter(out), new PrintWriter(err), Map.of("ZD_TOKEN", TOKEN), z.time()).run(args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static String planHash(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("fix_plan.json").toFile())
                .path("plan_hash")
                .asText();
    }
}
