package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.store.RunRecord;
import io.plumbline.store.RunStore;
import io.plumbline.testing.Cli;
import io.plumbline.testing.DemoFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled runs: history with trend and new/resolved issues, CI exit codes, JSON output, report.html. */
class HistoryAndCiTest {
    @TempDir
    Path tmp;

    Path snap;
    Path out;

    @BeforeEach
    void snapshot() throws Exception {
        snap = DemoFolder.copy(tmp.resolve("snap")); // real inputs: history keeps demo runs apart
        out = tmp.resolve("out");
    }

    private Cli.Result audit(String runId, String... extra) {
        return auditAt(Cli.NOW.toString(), runId, extra);
    }

    /** {@link #audit} with the clock at {@code at}. */
    private Cli.Result auditAt(String at, String runId, String... extra) {
        String[] base = {"audit", "--snapshot", snap.toString(), "--out", out.toString(), "--run-id", runId, "--quiet"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.runAt(Instant.parse(at), args);
    }

    private void edit(String file, String from, String to) throws Exception {
        Path p = snap.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void history_threeRunsWithChanges_showsTrendAndNewAndResolvedKeys() throws Exception {
        assertThat(audit("run1").exitCode()).isZero();
        edit(
                "zendesk/organizations.jsonl",
                "\"id\":9001,\"name\":\"Acme Healthcare\",\"shared_tickets\":false,\"shared_comments\":false,\"external_id\":null",
                "\"id\":9001,\"name\":\"Acme Healthcare\",\"shared_tickets\":false,\"shared_comments\":false,\"external_id\":\"001ACME001\"");
        assertThat(audit("run2").exitCode()).isZero();
        edit(
                "zendesk/organizations.jsonl",
                "\"domain_names\":[\"acmebiotech.example\"]",
                "\"domain_names\":[\"acmebiotech.example\",\"acmeshop.example\"]");
        assertThat(audit("run3").exitCode()).isZero();
        Cli.Result h = Cli.run("history", "--out", out.toString());
        assertThat(h.exitCode()).as(h.err()).isZero();
        assertThat(h.out()).contains("run1").contains("run2").contains("run3").contains("Trend over 3 runs: 25 -> ");
        assertThat(h.out()).containsPattern("Latest run run3 against run2: \\d+ new, \\d+ resolved, \\d+ still open");
        assertThat(h.out()).contains("New:").contains("org_domain_attached_elsewhere  001ACME004  org ");
        assertThat(h.out().lines().filter(l -> l.startsWith("  ") && l.contains("|")))
                .as("keys are worded, not raw")
                .isEmpty();
        assertThat(HistoryCommand.worded("user_default_org_not_expected|001A|100|7||100"))
                .isEqualTo("  org 100 user 7 expected 100");
        assertThat(HistoryCommand.worded("account_domain_field_corrupted|001A|||||a|b"))
                .as("a value holding a | of its own")
                .isEqualTo("  current a|b");
        assertThat(HistoryCommand.worded("account_domain_shared|001A|||||a.example"))
                .isEqualTo("  current a.example");
        Cli.Result h2 = Cli.run("history", "--out", out.toString(), "--limit", "2");
        assertThat(h2.out()).doesNotContain("run1 ");
        String run2Full =
                h.out().lines().filter(l -> l.startsWith("run2 ")).findFirst().orElseThrow();
        String run2Limited =
                h2.out().lines().filter(l -> l.startsWith("run2 ")).findFirst().orElseThrow();
        assertThat(run2Limited)
                .as("run2's change against run1, which is not shown")
                .isEqualTo(run2Full);
        assertThat(run2Full).containsPattern("[+-]\\d+$");
        assertThat(out.resolve("run3/report.html"))
                .content()
                .contains("<svg id=\"trend\"")
                .contains("run1");
    }

    @Test
    void demoRuns_areNeverComparedWithRunsOnRealInputs() throws Exception {
        edit(
                "zendesk/organizations.jsonl",
                "\"domain_names\":[\"acmebiotech.example\"]",
                "\"domain_names\":[\"acmebiotech.example\",\"acmeshop.example\"]");
        assertThat(audit("real1").exitCode()).isZero();
        Cli.Result demo = Cli.run("audit", "--demo", "--out", out.toString(), "--run-id", "demo1", "--quiet");
        assertThat(demo.exitCode()).as(demo.err()).isZero();

        Cli.Result real2 = audit("real2", "--fail-on", "new");
        assertThat(real2.exitCode()).as(real2.err()).isZero();
        assertThat(out.resolve("real2/report.html")).content().contains("real1").doesNotContain("demo1");
        assertThat(out.resolve("demo1/report.html")).content().doesNotContain("real1");
        Cli.Result h = Cli.run("history", "--out", out.toString());
        assertThat(h.out())
                .contains("demo1")
                .contains("Latest run real2 against real1")
                .containsPattern("(?m)^demo1 .* \\d+ +\\d+ +\\d+ +demo$")
                .containsPattern("(?m)^real2 .* \\+0  \\(Zendesk not named\\), 30-day window$")
                .containsPattern("Trend over 2 non-demo runs: (\\d+) -> \\1 issues \\(flat\\)");

        assertThat(Cli.run("audit", "--demo", "--out", out.toString(), "--run-id", "xdemo", "--quiet")
                        .exitCode())
                .isZero();
        assertThat(Cli.run("history", "--out", out.toString()).out())
                .contains("Latest run real2 against real1")
                .contains("(The latest run, xdemo, was on the demo fixtures;")
                .doesNotContain("Latest run xdemo")
                .containsPattern("Trend over 2 non-demo runs: (\\d+) -> \\1 issues");

        // a copy of the demo fixtures (as init --demo writes it) is the demo too, though read as a folder
        Path copy = DemoFolder.copyAsIs(tmp.resolve("demo-copy"), (name, text) -> text);
        Cli.Result copied = Cli.run(
                "audit", "--snapshot", copy.toString(), "--out", out.toString(), "--run-id", "ycopy", "--quiet");
        assertThat(copied.exitCode()).as(copied.err()).isZero();
        assertThat(Cli.run("history", "--out", out.toString()).out())
                .contains("Latest run real2 against real1")
                .contains("(The latest run, ycopy, was on the demo fixtures;")
                .containsPattern("Trend over 2 non-demo runs: (\\d+) -> \\1 issues");
    }

    @Test
    void twoOutputRootsSharingAStore_startedTheSameSecond_recordTwoRunsUnderTwoIds() throws Exception {
        Path shared = tmp.resolve("shared/history.db");
        for (String name : List.of("a", "b")) {
            Files.writeString(
                    tmp.resolve(name + ".yaml"),
                    "output:\n  root: ./out-" + name + "\nstore:\n  path: ./shared/history.db\n");
        }
        for (String name : List.of("a", "b", "a")) { // the clock stands still: every run starts the same second
            Cli.Result r = Cli.run(
                    "audit",
                    "--config",
                    tmp.resolve(name + ".yaml").toString(),
                    "--snapshot",
                    snap.toString(),
                    "--quiet");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        try (RunStore store = RunStore.open(shared)) {
            assertThat(store.runs(10)).extracting(RunRecord::runId).hasSize(3).doesNotHaveDuplicates();
        }
        try (var b = Files.list(tmp.resolve("out-b"))) {
            assertThat(b.map(p -> p.getFileName().toString())).contains("20260417_221530Z_audit_2");
        }

        // a given id the shared store holds is refused, not recorded over the other root's run
        Files.writeString(tmp.resolve("c.yaml"), "output:\n  root: ./out-c\nstore:\n  path: ./shared/history.db\n");
        Cli.Result taken = Cli.run(
                "audit",
                "--config",
                tmp.resolve("c.yaml").toString(),
                "--snapshot",
                snap.toString(),
                "--run-id",
                "20260417_221530Z_audit",
                "--quiet");
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("--run-id 20260417_221530Z_audit is taken in the history store " + shared);
        assertThat(tmp.resolve("out-c/20260417_221530Z_audit")).doesNotExist();
    }

    @Test
    void failOnNew_twoConfigsSharingAStoreWithRootsAndExportsOfTheirOwn_areNeverComparedWithEachOther()
            throws Exception {
        // the same Zendesk and window, each config with its own Salesforce export (here: one account fewer)
        Path fewer = DemoFolder.copy(tmp.resolve("fewer"));
        Path accounts = fewer.resolve("salesforce_accounts.csv");
        List<String> rows = Files.readAllLines(accounts);
        Files.write(accounts, rows.subList(0, rows.size() - 1));
        for (String name : List.of("emea", "na")) {
            Files.writeString(
                    tmp.resolve(name + ".yaml"),
                    "output:\n  root: ./out-" + name + "\nstore:\n  path: ./shared/history.db\n");
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (int night = 1; night <= 2; night++) {
            for (String name : List.of("emea", "na")) {
                Cli.Result r = Cli.run(
                        "audit",
                        "--config",
                        tmp.resolve(name + ".yaml").toString(),
                        "--snapshot",
                        (name.equals("emea") ? snap : fewer).toString(),
                        "--run-id",
                        name + night,
                        "--quiet",
                        "--fail-on",
                        "new");
                codes.add(r.exitCode());
            }
        }

        // the first night is each root's first run (every issue new); the second finds nothing new
        assertThat(codes).containsExactly(1, 1, 0, 0);
        try (RunStore store = RunStore.open(tmp.resolve("shared/history.db"))) {
            assertThat(store.previous("na2")).map(RunRecord::runId).contains("na1");
            assertThat(store.previous("emea2")).map(RunRecord::runId).contains("emea1");
        }
    }

    @Test
    void history_oneOutputRootReachedThroughALink_isOneRoot() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        for (Path root : List.of(real, link, real.resolve("."))) {
            Cli.Result r = Cli.run(
                    "audit",
                    "--snapshot",
                    snap.toString(),
                    "--out",
                    root.toString(),
                    "--run-id",
                    "r" + root.getFileName(),
                    "--quiet");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }

        try (RunStore store = RunStore.open(real.resolve("plumbline.db"))) {
            assertThat(store.runs(10))
                    .extracting(RunRecord::outputRoot)
                    .containsOnly(real.toRealPath().toString());
        }
    }

    @Test
    void failOnNew_comparesNeverWithAnAuditOfAnotherInstant() throws Exception {
        assertThat(audit("nightly1").exitCode()).isZero();
        // an ad-hoc look at the tenant as it was a week before, recorded in the same store
        Cli.Result past = audit("lastweek", "--as-of", "2026-04-10T00:00:00Z", "--fail-on", "new");
        assertThat(past.exitCode())
                .as("the first run of its own series: every issue is new")
                .isEqualTo(1);

        Cli.Result nightly2 = audit("nightly2", "--fail-on", "new");

        assertThat(nightly2.exitCode()).as(nightly2.err()).isZero();
        String history = Cli.run("history", "--out", out.toString()).out();
        assertThat(history)
                .contains("Latest run nightly2 against nightly1: 0 new, 0 resolved")
                .containsPattern("(?m)^lastweek .*, as of 2026-04-10T00:00:00Z$");
    }

    @Test
    void failOnNew_reauditOfAnOlderSnapshot_isNotTheRunTheNextNightlyIsComparedWith() throws Exception {
        Path older = DemoFolder.copy(tmp.resolve("older")); // kept as the first night's snapshot
        assertThat(auditAt("2026-04-17T23:00:00Z", "nightly1").exitCode()).isZero();
        edit("snapshot.json", "\"captured_at\": \"2026-04-17T22:15:30Z\"", "\"captured_at\": \"2026-04-18T22:15:30Z\"");
        edit(
                "zendesk/organizations.jsonl",
                "\"domain_names\":[\"acmebiotech.example\"]",
                "\"domain_names\":[\"acmebiotech.example\",\"acmeshop.example\"]");
        assertThat(auditAt("2026-04-18T23:00:00Z", "nightly2").exitCode()).isZero();
        // the first night's snapshot audited again (started after nightly2, auditing an earlier instant)
        Cli.Result again = Cli.runAt(
                Instant.parse("2026-04-19T09:00:00Z"),
                "audit",
                "--snapshot",
                older.toString(),
                "--out",
                out.toString(),
                "--run-id",
                "reaudit",
                "--quiet",
                "--fail-on",
                "new");
        assertThat(again.exitCode())
                .as("compared with nightly1, the run of its own instant")
                .isZero();
        edit("snapshot.json", "\"captured_at\": \"2026-04-18T22:15:30Z\"", "\"captured_at\": \"2026-04-19T22:15:30Z\"");

        Cli.Result nightly3 = auditAt("2026-04-19T23:00:00Z", "nightly3", "--fail-on", "new");

        assertThat(nightly3.exitCode()).as(nightly3.out() + nightly3.err()).isZero();
        assertThat(Cli.runAt(Instant.parse("2026-04-20T00:00:00Z"), "history", "--out", out.toString())
                        .out())
                .contains("Latest run nightly3 against nightly2: 0 new, 0 resolved");
    }

    @Test
    void failOnNew_twoRunsInOneSecond_theLaterIsTheOneComparedWith() throws Exception {
        // Instant.toString() gives ":30Z" and ":30.500Z", whose text sorts the other way round
        assertThat(auditAt("2026-04-17T23:00:30Z", "first").exitCode()).isZero();
        edit(
                "zendesk/organizations.jsonl",
                "\"domain_names\":[\"acmebiotech.example\"]",
                "\"domain_names\":[\"acmebiotech.example\",\"acmeshop.example\"]");
        assertThat(auditAt("2026-04-17T23:00:30.500Z", "second").exitCode()).isZero();

        Cli.Result third = auditAt("2026-04-17T23:00:31Z", "third", "--fail-on", "new");

        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(Cli.runAt(Instant.parse("2026-04-17T23:01:00Z"), "history", "--out", out.toString())
                        .out())
                .contains("Latest run third against second: 0 new, 0 resolved");
    }

    @Test
    void failOnNew_snapshotWithoutCapturedAt_anAsOfTrialIsASeriesOfItsOwn() throws Exception {
        Files.delete(snap.resolve("snapshot.json")); // dated by its latest ticket
        assertThat(audit("nightly1").exitCode()).isZero();
        Cli.Result past = audit("trial", "--as-of", "2026-04-10T00:00:00Z", "--fail-on", "new");
        assertThat(past.exitCode())
                .as("the first run of its own series: every issue is new")
                .isEqualTo(1);

        Cli.Result nightly2 = audit("nightly2", "--fail-on", "new");

        assertThat(nightly2.exitCode()).as(nightly2.err()).isZero();
        assertThat(Cli.run("history", "--out", out.toString()).out())
                .containsPattern("(?m)^nightly2 .* \\+0  \\(Zendesk not named\\), 30-day window$")
                .containsPattern("(?m)^trial .*, as of 2026-04-10T00:00:00Z$");
        // a report rewritten later draws the trend of the series each run was recorded in
        for (String run : List.of("nightly2", "trial")) {
            assertThat(Cli.run("report", "--run", out.resolve(run).toString(), "--quiet")
                            .exitCode())
                    .isZero();
        }
        assertThat(out.resolve("nightly2/report.html"))
                .content()
                .contains("nightly1")
                .doesNotContain("trial");
        assertThat(out.resolve("trial/report.html")).content().doesNotContain("nightly1");
    }

    @Test
    void failOnNew_comparesOnlyWithTheLastRunOfTheSameTicketWindow() throws Exception {
        assertThat(audit("wide1").exitCode()).isZero();
        Cli.Result narrow = audit("narrow", "--ticket-lookback-days", "3", "--fail-on", "new");
        // the first run of its series: every issue is new, as for a store's first run
        assertThat(narrow.exitCode()).as(narrow.err()).isEqualTo(1);

        Cli.Result wide2 = audit("wide2", "--fail-on", "new");

        // compared with wide1, not with the narrower window run just before it (whose window hid tickets)
        assertThat(wide2.exitCode()).as(wide2.err()).isZero();
        String history = Cli.run("history", "--out", out.toString()).out();
        assertThat(history)
                .contains("Latest run wide2 against wide1: 0 new, 0 resolved")
                .containsPattern("(?m)^wide2 .* \\+0  \\(Zendesk not named\\), 30-day window$")
                .containsPattern("(?m)^narrow .* 3-day window$")
                .contains("series (compared within)")
                .contains("Trend over 2 comparable (same Zendesk, ticket window and output root) runs");
    }

    @Test
    void personalDomainRemovedByConfig_isRecordedWithTheRunAndReadBackByReport() throws Exception {
        edit(
                "salesforce_accounts.csv",
                "001ACME002,Acme Labs,acmelabs.example,",
                "001ACME002,Acme Labs,\"acmelabs.example gmail.com\",");
        Path cfg = tmp.resolve("removed.yaml");
        Files.writeString(cfg, "audit:\n  personal_domains_removed: [gmail.com]\n");

        Cli.Result r = audit("removed", "--config", cfg.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(out.resolve("removed/receipt.json").toFile())
                        .path("input")
                        .path("personal_domains_removed")
                        .toString())
                .isEqualTo("[\"gmail.com\"]");
        assertThat(Files.readString(out.resolve("removed/all_exceptions.csv")))
                .doesNotContain("gmail.com is a personal email domain");
        // report re-audits the run from what it recorded, and refuses when the plan does not come out the same
        Cli.Result report = Cli.run("report", "--run", out.resolve("removed").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
    }

    @Test
    void history_ticketIssuesGoneWithTheirWindow_areNotListedAsResolved() throws Exception {
        assertThat(audit("april").exitCode()).isZero();
        // the same inputs captured months later: every ticket has left the 30-day window
        edit("snapshot.json", "\"captured_at\": \"2026-04-17T22:15:30Z\"", "\"captured_at\": \"2026-07-15T00:00:00Z\"");
        Cli.Result later = audit("july");
        assertThat(later.exitCode()).as(later.err()).isZero();

        String history = Cli.run("history", "--out", out.toString()).out();

        assertThat(history)
                .containsPattern(
                        "Latest run july against april: 0 new, 0 resolved, \\d+ still open, 3 ticket issue\\(s\\)"
                                + " gone")
                .contains("Ticket issues gone (fixed, or the ticket not updated within the ticket window any more):")
                .doesNotContain("Resolved:");
    }

    @Test
    void history_issuesOfAnAccountNowBlocked_areNoLongerCheckedNotResolved() throws Exception {
        assertThat(audit("before").exitCode()).isZero();
        // a second org now carries Acme Studios' id: the account is blocked, its user and ticket checks wait
        edit(
                "zendesk/organizations.jsonl",
                "\"id\":9007,\"name\":\"Acme Bio Partners\",\"shared_tickets\":false,\"shared_comments\":false,"
                        + "\"external_id\":null",
                "\"id\":9007,\"name\":\"Acme Bio Partners\",\"shared_tickets\":false,\"shared_comments\":false,"
                        + "\"external_id\":\"001ACME006\"");
        // Northshore's org now carries another id (its link is in conflict), and the slug in its domain field
        // was fixed in Salesforce meanwhile: that issue, checked whatever the link, is resolved
        edit(
                "zendesk/organizations.jsonl",
                "\"id\":9008,\"name\":\"Northshore Medical Network\",\"shared_tickets\":false,"
                        + "\"shared_comments\":false,\"external_id\":null",
                "\"id\":9008,\"name\":\"Northshore Medical Network\",\"shared_tickets\":false,"
                        + "\"shared_comments\":false,\"external_id\":\"LEGACY-9\"");
        edit("salesforce_accounts.csv", " /accounts/northshore-medical-network", "");
        assertThat(auditAt(Cli.NOW.plusSeconds(60).toString(), "after").exitCode())
                .isZero();

        String history = Cli.run("history", "--out", out.toString()).out();

        assertThat(history)
                .containsPattern("Latest run after against before: \\d+ new, 1 resolved, \\d+ still open, 5 no longer "
                        + "checked\n")
                .contains(
                        "Resolved:\n  account_domain_field_corrupted  001Dn00000NsMdQIAV  current /accounts/northshore-medical"
                                + "-network\nNo longer checked")
                .contains("  org_missing_expected_domain  001Dn00000NsMdQIAV")
                .contains(
                        "No longer checked (not fixed: their account's org link is now blocked, contested or missing;")
                .contains("  user_default_org_not_expected  001ACME006")
                .contains("  ticket_org_mismatch  001ACME006")
                .contains("  org_duplicate_external_id  001ACME006")
                .contains("  org_external_id_conflict  001Dn00000NsMdQIAV");
    }

    @Test
    void report_runFolderGivenAsItsOwnDot_findsTheStoreInTheOutputRoot() throws Exception {
        assertThat(audit("run1").exitCode()).isZero();
        assertThat(audit("run2").exitCode()).isZero();

        Cli.Result r =
                Cli.run("report", "--run", out.resolve("run2").resolve(".").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("no history store");
        assertThat(out.resolve("run2/report.html")).content().contains("run1");
    }

    @Test
    void history_noStore_exits2WithHint() {
        Cli.Result r = Cli.run("history", "--out", tmp.resolve("empty").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no history yet");
    }

    @Test
    void history_limitBelowOne_isAUsageError() {
        for (String n : new String[] {"0", "-3"}) {
            Cli.Result r = Cli.run("history", "--out", tmp.resolve("empty").toString(), "--limit", n);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--limit must be 1 or more: " + n);
        }
    }

    @Test
    void failOn_new_secondCorruptedTokenOfAnAccountAlreadyReported_isNew() throws Exception {
        assertThat(audit("a").exitCode()).isZero();
        edit(
                "salesforce_accounts.csv",
                "northshoremed.example /accounts/northshore-medical-network",
                "northshoremed.example /accounts/northshore-medical-network bad-word");
        Cli.Result b = audit("b", "--fail-on", "new");
        assertThat(b.exitCode()).as(b.err()).isEqualTo(1);
        assertThat(Cli.run("history", "--out", out.toString()).out()).contains("1 new");
    }

    @Test
    void failOn_any_blocked_new_setExitCode1OnlyWhenTheConditionHolds() throws Exception {
        assertThat(audit("a", "--fail-on", "any").exitCode()).isEqualTo(1);
        assertThat(audit("b", "--fail-on", "blocked").exitCode()).isEqualTo(1);
        assertThat(audit("c", "--fail-on", "new").exitCode()).isZero();
        edit(
                "zendesk/organizations.jsonl",
                "\"domain_names\":[\"acmebiotech.example\"]",
                "\"domain_names\":[\"acmebiotech.example\",\"acmeshop.example\"]");
        Cli.Result d = audit("d", "--fail-on", "new");
        assertThat(d.exitCode()).isEqualTo(1);
        assertThat(d.err()).contains("fail-on new: the condition holds");
        assertThat(audit("e", "--fail-on", "sometimes").exitCode()).isEqualTo(2);
    }

    @Test
    void json_printsSummaryJsonOnly() throws Exception {
        Cli.Result r = Cli.run("audit", "--demo", "--out", out.toString(), "--run-id", "j", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(out.resolve("j/summary.json")));
        assertThat(new ObjectMapper()
                        .readTree(r.out())
                        .path("cards")
                        .path("total_issues")
                        .asInt())
                .isEqualTo(25);
    }

    @Test
    void report_rewritesReportHtmlWithTheCurrentTrend() throws Exception {
        assertThat(audit("r1").exitCode()).isZero();
        assertThat(audit("r2").exitCode()).isZero();
        Files.delete(out.resolve("r1/report.html"));
        Cli.Result r = Cli.run("report", "--run", out.resolve("r1").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 runs in the trend");
        String html = Files.readString(out.resolve("r1/report.html"));
        assertThat(html)
                .contains("id=\"card-total-issues\"><b>25</b>")
                .doesNotContain("<script src")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void audit_storeThatCannotRecordTheRun_stillPrintsTheReadoutAndWarnsThatHistoryMissesIt() throws Exception {
        Path db = out.resolve("plumbline.db");
        RunStore.open(db).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("DROP TABLE run_issues"); // recording the run's issue keys fails
        }

        Cli.Result r = Cli.run("audit", "--snapshot", snap.toString(), "--out", out.toString(), "--run-id", "r1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("plan_hash");
        assertThat(r.err())
                .contains("warning: the run folder " + out.resolve("r1") + " is complete, but the run is not in the"
                        + " history store")
                .contains("run_issues");
        assertThat(out.resolve("r1/summary.json")).exists();
    }

    @Test
    void report_runOlderThanTheTrendsRuns_isDrawnFirstNotAsTheNewest() throws Exception {
        assertThat(audit("r1").exitCode()).isZero();
        try (RunStore store = RunStore.open(out.resolve("plumbline.db"))) {
            for (int i = 10; i < 10 + AuditHistory.TREND_RUNS; i++) {
                store.recordRun(
                        new RunRecord(
                                "later" + i,
                                "2099-01-01T00:00:" + i + "Z",
                                "2099-01-01T00:00:" + i + "Z",
                                "snapshot",
                                "h",
                                7,
                                0,
                                0,
                                1,
                                0,
                                Map.of(),
                                null), // recorded before runs had a series: comparable with any real run
                        List.of());
            }
        }

        Cli.Result r = Cli.run("report", "--run", out.resolve("r1").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("r1/report.html"));
        assertThat(html).contains("<title>r1: 25 issues</title>", "<title>later39: 7 issues</title>");
        assertThat(html.indexOf("<title>r1: ")).isLessThan(html.indexOf("<title>later10: "));
        assertThat(html.indexOf("<title>later10: ")).isLessThan(html.indexOf("<title>later39: "));
    }

    @Test
    void report_storeNamedByHandThatIsNotThere_isAUsageErrorNotAnEmptyTrend() throws Exception {
        assertThat(audit("r1").exitCode()).isZero();
        Path typo = tmp.resolve("plumbline.bd");

        Cli.Result r = Cli.run("report", "--run", out.resolve("r1").toString(), "--store", typo.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(typo + ": no history store there (--store)");
        assertThat(Cli.run(
                                "report",
                                "--run",
                                out.resolve("r1").toString(),
                                "--store",
                                out.resolve("plumbline.db").toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void report_configNamingTheStore_readsTheTrendFromIt() throws Exception {
        Path config = Files.writeString(tmp.resolve("store.yaml"), "store:\n  path: ./elsewhere/hist.db\n");
        assertThat(audit("r1", "--config", config.toString()).exitCode()).isZero();
        assertThat(audit("r2", "--config", config.toString()).exitCode()).isZero();
        assertThat(out.resolve("plumbline.db")).doesNotExist();

        Cli.Result r = Cli.run("report", "--run", out.resolve("r1").toString(), "--config", config.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 runs in the trend");

        // without the config, no store is beside the run: the one-run trend is said, not passed off as history
        Cli.Result without = Cli.run("report", "--run", out.resolve("r1").toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(without.err())
                .contains("note: no history store at " + out.toAbsolutePath().resolve("plumbline.db")
                        + ", so the trend shows this run only");
    }

    @Test
    void report_ofARunOnACopyOfTheDemoFixtures_reproducesItsDemoPlan() throws Exception {
        Path copy = DemoFolder.copyAsIs(tmp.resolve("demo-copy"), (name, text) -> text);
        Cli.Result audited =
                Cli.run("audit", "--snapshot", copy.toString(), "--out", out.toString(), "--run-id", "d", "--quiet");
        assertThat(audited.exitCode()).as(audited.err()).isZero();

        Cli.Result r = Cli.run("report", "--run", out.resolve("d").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
