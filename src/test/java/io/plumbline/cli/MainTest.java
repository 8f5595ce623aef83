package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.apply.PlanFile;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, readouts and the exact text of errors. */
class MainTest {
    @TempDir
    Path tmp;

    /** Copies the bundled demo fixtures into a writable snapshot folder. */
    private Path demoSnapshot() {
        Path dir = tmp.resolve("snap");
        assertThat(Cli.run("init", "--config", tmp.resolve("plumbline.yaml").toString(), "--demo", "--quiet")
                        .exitCode())
                .isZero();
        try {
            Files.move(tmp.resolve("plumbline-demo"), dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return dir;
    }

    /** {@code audit --snapshot SNAP --out TMP/out}. */
    private Cli.Result auditSnapshot(Path snap) {
        return Cli.run(
                "audit",
                "--snapshot",
                snap.toString(),
                "--out",
                tmp.resolve("out").toString());
    }

    private static long entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void audit_quiet_printsTheRunFolderAndThePlanHashOnly() throws IOException {
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "q", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String hash = new ObjectMapper()
                .readTree(tmp.resolve("q/fix_plan.json").toFile())
                .get("plan_hash")
                .asText();
        assertThat(r.out()).isEqualTo("run_folder: " + tmp.resolve("q") + "\nplan_hash: " + hash + "\n");
    }

    @Test
    void audit_lookbackOutOfRange_isAUsageErrorNamingTheOption() {
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.toString(), "--ticket-lookback-days", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --ticket-lookback-days must be between 1 and 3650, found 0\n");
    }

    @Test
    void audit_demoWithAWiderLookback_printedTraceKeepsTheRunsLookback() {
        Cli.Result audit = Cli.run(
                "audit", "--demo", "--out", tmp.toString(), "--run-id", "wide", "--ticket-lookback-days", "365");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        String printed = audit.out()
                .lines()
                .filter(l -> l.contains("plumbline trace "))
                .findFirst()
                .orElseThrow();
        String[] args = printed.substring(printed.indexOf("plumbline trace ") + "plumbline ".length())
                .strip()
                .split(" ");

        Cli.Result viaRun = Cli.run(args);
        Cli.Result viaDemo = Cli.run("trace", "--sf-account-id", "001ACME002", "--demo");

        assertThat(viaRun.exitCode()).as(viaRun.err()).isZero();
        assertThat(issuesLine(viaRun.out())).isNotEqualTo(issuesLine(viaDemo.out()));
        assertThat(viaRun.out()).contains("Issues (12)");
    }

    private static String issuesLine(String trace) {
        return trace.lines().filter(l -> l.startsWith("Issues (")).findFirst().orElse("");
    }

    @Test
    void audit_demo_printsReadoutWithPlanHashAndNextCommands() {
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("9 Salesforce accounts (1 contact), 11 Zendesk orgs, 24 users, 142 memberships, 487 tickets")
                .contains("1 account blocked: duplicate external_id")
                .containsPattern("plan_hash: [0-9a-f]{64}")
                .contains("plumbline apply --plan "
                        + tmp.resolve("20260417_221530Z_audit").resolve("fix_plan.json"))
                .contains("plumbline trace --sf-account-id 001ACME002 --run " + tmp.resolve("20260417_221530Z_audit"));
        assertThat(tmp.resolve("20260417_221530Z_audit/apply_receipt.json"))
                .content()
                .contains("\"mode\": \"not_run\"");
    }

    @Test
    void audit_duplicateAccountId_exits3NamingFileLineAndFirstLine() throws IOException {
        Path snap = demoSnapshot();
        Path csv = snap.resolve("salesforce_accounts.csv");
        Files.writeString(csv, Files.readString(csv) + "001acme002,Copy,copy.example,,,,\n");
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(csv + ":11:1: error: duplicate sf_account_id 001acme002 (first seen on line 3)\n");
        assertThat(entries(tmp.resolve("out"))).isZero();
    }

    @Test
    void audit_accountsRowCutShort_exits3NamingLineAndFirstMissingColumn() throws IOException {
        Path snap = demoSnapshot();
        Path csv = snap.resolve("salesforce_accounts.csv");
        Files.writeString(csv, Files.readString(csv) + "001ACME099,Acme Biotech\n");
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(csv + ":11:3: error: row has 2 fields but the header has 7; "
                        + "keep the commas of empty values and quote values that contain line breaks\n");
        assertThat(entries(tmp.resolve("out"))).isZero();
    }

    @Test
    void audit_accountsCsvNotUtf8_exits3NamingLineAndCharacter() throws IOException {
        Path snap = demoSnapshot();
        Path csv = snap.resolve("salesforce_accounts.csv");
        Files.write(
                csv,
                (Files.readString(csv) + "001ACME099,Caf\u00e9 Ltd,cafe.example,,,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(csv + ":11: error: not valid UTF-8 text (byte 0xE9 at character 15 of the line); "
                        + "save the file as UTF-8\n");
        assertThat(entries(tmp.resolve("out"))).isZero();
    }

    @Test
    void audit_missingHeader_exits3ListingWhatIsMissing() throws IOException {
        Path snap = demoSnapshot();
        Files.writeString(snap.resolve("salesforce_accounts.csv"), "id,name\n001A,A\n");
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "salesforce_accounts.csv:1:1: error: missing required columns sf_account_id, account_name, account_domains");
    }

    @Test
    void audit_malformedJsonLine_exits3WithLine() throws IOException {
        Path snap = demoSnapshot();
        Path orgs = snap.resolve("zendesk/organizations.jsonl");
        Files.writeString(orgs, Files.readString(orgs) + "{\"id\": 99, \"name\": \n");
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith(orgs + ":12:").contains("error: malformed JSON");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void audit_failingAfterItsRunIdIsReserved_leavesNoStagingFolderBehind() throws IOException {
        Files.createDirectories(tmp.resolve("out/plumbline.db")); // the store cannot be opened
        Cli.Result r = auditSnapshot(demoSnapshot());
        assertThat(r.exitCode()).isEqualTo(2);
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("plumbline.db");
        }
    }

    @Test
    void audit_malformedSnapshotManifest_exits3WithFileLineAndColumnInPlainWords() throws IOException {
        Path snap = demoSnapshot();
        Path manifest = snap.resolve("snapshot.json");
        Files.writeString(manifest, "{\"captured_at\": \"2026-04-17T00:00:00Z\",\n  x}\n");
        Cli.Result r = Cli.run(
                "audit",
                "--snapshot",
                snap.toString(),
                "--out",
                tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(manifest
                        + ":2:3: error: malformed JSON: unexpected character 'x' where a key in double quotes should "
                        + "start\n");
    }

    @Test
    void audit_snapshotManifestWithAKnownKeyMistyped_exits3OnItsLineWithTheKeyMeant() throws IOException {
        Path snap = demoSnapshot();
        Path manifest = snap.resolve("snapshot.json");
        Files.writeString(manifest, "{\"capturedAt\":\"2026-04-17T22:15:30Z\",\"zendsk\":\"acme.zendesk.com\"}\n");

        Cli.Result r = auditSnapshot(snap);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(manifest + ":1:2: error: unknown key 'capturedAt'; did you mean 'captured_at'? (known keys "
                        + "here: [captured_at, salesforce, source, ticket_lookback_days, zendesk])\n");
        Files.writeString(manifest, "{\"captured_at\":\"2026-04-17T22:15:30Z\",\n \"zendsk\":\"acme.zendesk.com\"}\n");
        assertThat(auditSnapshot(snap).err())
                .startsWith(manifest + ":2:2: error: unknown key 'zendsk'; did you mean 'zendesk'?");
    }

    @Test
    void audit_snapshotManifestWithAnotherKey_isAnInputWarningNamingIt() throws IOException {
        Path snap = demoSnapshot();
        Path manifest = snap.resolve("snapshot.json");
        Files.writeString(manifest, "{\"captured_at\":\"2026-04-17T22:15:30Z\",\"exported_by\":\"ops\"}\n");

        Cli.Result r = auditSnapshot(snap);

        assertThat(r.exitCode()).isZero();
        String warning = manifest + ": unknown key 'exported_by' is not read (known keys here: [captured_at, "
                + "salesforce, source, ticket_lookback_days, zendesk])";
        assertThat(r.out()).contains("1 input warning (all in receipt.json):\n    " + warning + "\n");
    }

    @Test
    void audit_snapshotWithItsUsersExportStillGzipped_exits3SayingToDecompressIt() throws IOException {
        Path snap = demoSnapshot();
        Path users = snap.resolve("zendesk/users.jsonl");
        Files.move(users, snap.resolve("zendesk/users.jsonl.gz"));

        Cli.Result r = auditSnapshot(snap);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(users + ": error: file not found; found users.jsonl.gz beside it: decompress it (gunzip); a "
                        + "snapshot folder needs salesforce_accounts.csv and "
                        + "zendesk/{organizations,users,organization_memberships,tickets}.jsonl\n");
    }

    @Test
    void audit_wrongTypeInJson_exits3NamingTheField() throws IOException {
        Path snap = demoSnapshot();
        Path users = snap.resolve("zendesk/users.jsonl");
        Files.writeString(users, "{\"id\":\"abc\",\"email\":\"x@y.example\"}\n");
        Cli.Result r = auditSnapshot(snap);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        users + ":1:2: error: 'id' must be a positive integer up to 9007199254740991, found \"abc\"\n");
    }

    @Test
    void audit_demoAndSnapshotTogether_exits2() {
        Cli.Result r = Cli.run("audit", "--demo", "--snapshot", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--demo and --snapshot cannot be used together");
    }

    @Test
    void audit_existingRunId_exits2AndLeavesTheOldFolderAlone() throws IOException {
        Files.createDirectories(tmp.resolve("out/r1"));
        Files.writeString(tmp.resolve("out/r1/keep.txt"), "mine");
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.resolve("out").toString(), "--run-id", "r1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run folder already exists");
        assertThat(entries(tmp.resolve("out/r1"))).isEqualTo(1);
        assertThat(entries(tmp.resolve("out"))).isEqualTo(1);
    }

    @Test
    void audit_outputRootIsAFile_exits2AndLeavesNoPartialFolder() throws IOException {
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x");
        Cli.Result r = Cli.run("audit", "--demo", "--out", file.toString(), "--run-id", "r1", "--no-history");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        file + ": is a file; --out (or output.root) names the folder that holds the run " + "folders");
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void audit_unsafeRunId_exits2() {
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "../x")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void unknownCommand_namesTheCommands_andHelpCommandPrintsACommandsUsage() {
        Cli.Result unknown = Cli.run("foo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .startsWith("error: unknown command 'foo': pick one of init, audit, trace, apply, undo, report, "
                        + "history, doctor (or help COMMAND)\n");

        Cli.Result help = Cli.run("help", "trace");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: plumbline trace ").contains("--zendesk-org-id");
    }

    @Test
    void audit_unknownOption_exits2WithHint() {
        Cli.Result r = Cli.run("audit", "--dmeo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--dmeo'").contains("plumbline audit --help");
        assertThat(Cli.run("audit", "--snapshto", "x").err()).contains("\nDid you mean: --snapshot?\n");
        Cli.Result command = Cli.run("aply", "--plan", "x");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("\nDid you mean: apply?\n");
    }

    @Test
    void audit_configWithUnknownKey_exits2NamingLineAndKey() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "audit:\n  ticket_lookback_dayz: 5\n");
        Cli.Result r = Cli.run("audit", "--demo", "--config", config.toString(), "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(config + ":2:").contains("unknown key 'ticket_lookback_dayz'");
    }

    @Test
    void audit_configWordForANumber_exits2NamingLineKeyAndValue() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "output:\n  root: ./out\naudit:\n  ticket_lookback_days: thirty\n");
        Cli.Result r = Cli.run("audit", "--demo", "--config", config.toString(), "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(config
                        + ":4:25: error: audit.ticket_lookback_days must be a whole number of days, not \"thirty\"\n");
    }

    @Test
    void audit_configSectionWrittenAsAList_exits2SayingWhatItMustBe() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "salesforce: [\n");
        Cli.Result r = Cli.run("audit", "--demo", "--config", config.toString(), "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(config + ":1:13: error: salesforce must be a mapping (indented key: value lines), not a "
                        + "list\n");
    }

    @Test
    void audit_negativeFullPullPeriod_exits2NamingTheKey() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "zendesk:\n  full_pull_every_days: -1\n");
        Cli.Result r = Cli.run("audit", "--demo", "--config", config.toString(), "--out", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("zendesk.full_pull_every_days must be 0 or more")
                .contains("-1");
    }

    @Test
    void audit_lookbackFromConfig_changesTheWindow() throws IOException {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, "audit:\n  ticket_lookback_days: 365\n");
        Cli.Result r = Cli.run("audit", "--demo", "--config", config.toString(), "--out", tmp.toString());
        assertThat(r.out()).contains("(365d lookback: ");
    }

    @Test
    void trace_demoAccount_printsStepsRuleIssuesAndActions() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001ACME002");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Salesforce account 001ACME002 'Acme Labs'")
                .contains("rule 2, external id: 2 orgs carry external_id 001ACME002 (9002, 9003)")
                .contains("Decided by: rule 2, external id: blocked, as more than one org carries its external_id")
                .contains("org_duplicate_external_id [critical, blocked: duplicate_external_id]")
                .contains("Actions (2)");
    }

    @Test
    void trace_15CharacterIdOfDemoAccount_findsTheAccount() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001Dn00000NsMdQ");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("001Dn00000NsMdQIAV 'Northshore Medical Network'")
                .contains("rule 1, stored org id");
    }

    @Test
    void trace_accountIdInAnotherCase_findsTheAccount() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001dn00000nsmdqiav");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo(Cli.run("trace", "--demo", "--sf-account-id", "001Dn00000NsMdQIAV")
                        .out())
                .contains("001Dn00000NsMdQIAV 'Northshore Medical Network'");
    }

    @Test
    void trace_userByEmailIdAndOrg_explainEach() {
        assertThat(Cli.run("trace", "--demo", "--user-email", "RILEY.JONES@acmestudios.example")
                        .out())
                .contains("Zendesk user 7010")
                .contains("user_default_org_not_expected")
                .contains("ticket_org_mismatch");
        assertThat(Cli.run("trace", "--demo", "--zendesk-user-id", "7012").out())
                .contains("ambiguous");
        assertThat(Cli.run("trace", "--demo", "--zendesk-org-id", "9011").out())
                .contains("org_orphaned")
                .contains("no account resolves to this org");
    }

    @Test
    void trace_blankOrNonEmailUserEmail_isAUsageErrorNotEveryUserWithoutAnEmail() {
        for (String email : List.of("", "   ", "riley.jones")) {
            Cli.Result r = Cli.run("trace", "--demo", "--user-email", email);
            assertThat(r.exitCode()).as(email).isEqualTo(2);
            assertThat(r.err()).as(email).contains("is not an email address");
        }
    }

    @Test
    void trace_demoOrgCarryingADuplicateExternalId_listsTheDuplicateIssueAndAction() {
        Cli.Result r = Cli.run("trace", "--demo", "--zendesk-org-id", "9003");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                        Zendesk org 9003 'Acme Labs (legacy)'
                          external_id: 001acme002 | domain_names: (none)
                        Resolution
                          account 001ACME002 'Acme Labs': carries its external_id (blocked: more than one org carries it)
                        Issues (1)
                          I0002 org_duplicate_external_id [critical, blocked: duplicate_external_id] org 9002
                              why: 2 orgs carry external_id 001ACME002: 9002 'Acme Labs', 9003 'Acme Labs (legacy)'
                              next: Pick the surviving org in Zendesk, clear or correct external_id on the others, \
                        then re-run the audit.
                        Actions (1)
                          A009 set_org_external_id blocked (duplicate_external_id) org 9002 for I0002
                        """);
    }

    @Test
    void trace_demoOrgHoldingAnotherAccountsDomain_listsTheBlockedDomainIssueAndAction() {
        Cli.Result r = Cli.run("trace", "--demo", "--zendesk-org-id", "9007");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                        Zendesk org 9007 'Acme Bio Partners'
                          external_id: (none) | domain_names: acmebio.example
                        Resolution
                          account 001ACME003 'Acme Biotech': holds one of its expected domains
                        Issues (1)
                          I0005 org_domain_attached_elsewhere [high, blocked: domain_belongs_to_other_org] org 9004
                              why: acmebio.example is on org 9007 'Acme Bio Partners', not on org 9004
                              next: Decide which org owns the domain: remove it from the other org in Zendesk, or fix \
                        the account's domains in Salesforce.
                        Actions (1)
                          A012 add_org_domain blocked (domain_belongs_to_other_org) org 9004 value acmebio.example \
                        for I0005
                        """);
    }

    @Test
    void trace_demoAccountSharingADomain_listsTheOtherAccountsIssuesNamingIt() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001ACME006");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Issues (6: 4 of this account, 2 of other accounts that name it)")
                .contains("  I0009 account_domain_shared [medium, detected] (of account 001ACME005 'Acme Logistics')\n")
                .contains(
                        "  I0010 user_domain_ambiguous [medium, blocked: user_domain_ambiguous] user 7012 (of account "
                                + "001ACME005 'Acme Logistics')\n")
                .contains("  I0011 account_domain_shared [medium, detected]\n")
                .contains("  A014 assign_user_to_org blocked (user_domain_ambiguous) user 7012 for I0010 (of account "
                        + "001ACME005 'Acme Logistics')\n");
    }

    @Test
    void trace_unknownAccount_exits2() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001NOPE");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Salesforce account 001NOPE is not in the demo input\n");
    }

    @Test
    void trace_unknownOrgInASnapshot_exits2NamingTheSnapshot() {
        Path snap = demoSnapshot();
        Cli.Result r = Cli.run("trace", "--snapshot", snap.toString(), "--zendesk-org-id", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Zendesk org 1 is not in the snapshot " + snap + "\n");
    }

    @Test
    void trace_andSummary_showNamesWithControlCharactersAsEscapes() throws IOException {
        Path snap = demoSnapshot();
        Path orgs = snap.resolve("zendesk/organizations.jsonl");
        Files.writeString(
                orgs,
                Files.readString(orgs)
                        .replace(
                                "\"name\":\"Acme Labs (legacy)\"",
                                "\"name\":\"Acme \\u001b[2JLabs\\nnext: \\u202e|\""));
        Path accounts = snap.resolve("salesforce_accounts.csv");
        Files.writeString(
                accounts,
                Files.readString(accounts)
                        .replace("001ACME002,Acme Labs,", "001ACME002,\"Acme | Labs\u009b2J\r\nx\","));

        Cli.Result trace = Cli.run("trace", "--snapshot", snap.toString(), "--sf-account-id", "001ACME002");
        Cli.Result audit = auditSnapshot(snap);

        assertThat(trace.exitCode()).isZero();
        assertThat(trace.out())
                .startsWith(
                        "Salesforce account 001ACME002 'Acme | Labs\\u009B2J\\u000D\\u000Ax' (accounts CSV line 3)\n")
                .contains("9003 'Acme \\u001B[2JLabs\\u000Anext: \\u202E|'")
                .doesNotContain("\u001b", "\u009b", "\u202e", "\r");
        assertThat(trace.out().lines()).noneMatch(l -> l.startsWith("next: "));
        assertThat(audit.exitCode()).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(tmp.resolve("out"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("summary.md")))
                .contains("| 001ACME002 | Acme \\| Labs\\\\u009B2J x |")
                .doesNotContain("\u009b");
    }

    @Test
    void error_quotingAValueWithControlCharacters_showsThemAsEscapes() {
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.toString(), "--as-of", "2026\u001b]52;c;eA==\u0007\nx");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --as-of must be an ISO 8601 instant such as 2026-04-17T00:00:00Z, found "
                        + "'2026\\u001B]52;c;eA==\\u0007\\u000Ax'\n");
    }

    @Test
    void trace_runFolderWithAnotherInput_exits2SayingTheRunBringsItsOwn() {
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r")
                        .exitCode())
                .isZero();
        Cli.Result r = Cli.run(
                "trace",
                "--run",
                tmp.resolve("r").toString(),
                "--demo",
                "--ticket-lookback-days",
                "5",
                "--zendesk-org-id",
                "9001");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("error: --run cannot be combined with --demo or --ticket-lookback-days: a run folder is "
                        + "traced with the inputs and settings it recorded; drop one or the other\n");
    }

    @Test
    void trace_runWhoseReceiptRecordsAnUnusableLookback_isAnInputErrorNamingTheReceipt() throws IOException {
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r")
                        .exitCode())
                .isZero();
        Path receipt = tmp.resolve("r/receipt.json");
        Files.writeString(
                receipt,
                Files.readString(receipt)
                        .replaceFirst("\"ticket_lookback_days\" ?: ?30", "\"ticket_lookback_days\": 0"));
        Cli.Result r = Cli.run("trace", "--run", tmp.resolve("r").toString(), "--zendesk-user-id", "7003");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .startsWith(receipt + ": error: the settings the run recorded under input cannot be used "
                        + "(audit.ticket_lookback_days must be between 1 and 3650 days, found 0)");
    }

    @Test
    void trace_finishedRunFolder_usesItsRecordedInputs() {
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r", "--ticket-lookback-days", "400")
                        .exitCode())
                .isZero();
        Cli.Result r = Cli.run("trace", "--run", tmp.resolve("r").toString(), "--zendesk-user-id", "7003");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("ticket_resolution_blocked_duplicate_external_id");
    }

    @Test
    void wrongKindOfPath_exits2SayingWhatIsWrongWithIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("plumbline.yaml"), "# comments only\n");
        Path missing = tmp.resolve("no-such-run");

        Cli.Result historyOutIsFile = Cli.run("history", "--out", file.toString());
        Cli.Result configIsFolder = Cli.run("audit", "--demo", "--config", tmp.toString(), "--quiet");
        Cli.Result runMissing = Cli.run("trace", "--run", missing.toString(), "--zendesk-org-id", "9001");
        Cli.Result longId =
                Cli.run("audit", "--demo", "--out", tmp.resolve("out").toString(), "--run-id", "a".repeat(300));
        Cli.Result negativeCap =
                Cli.run("apply", "--plan", tmp.resolve("any.json").toString(), "--max-actions", "-1");

        assertThat(List.of(historyOutIsFile, configIsFolder, runMissing, longId, negativeCap))
                .allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isEqualTo(2));
        assertThat(historyOutIsFile.err()).contains(file + ": is a file");
        assertThat(configIsFolder.err()).contains(tmp + ": is a folder, not a config file; pass --config FILE");
        assertThat(runMissing.err())
                .contains(missing + ": run folder not found; --run takes the folder an audit wrote");
        assertThat(longId.err()).contains("at most 128 characters (it has 300)");
        assertThat(negativeCap.err()).contains("--max-actions must not be negative: -1");
    }

    @Test
    void trace_noTarget_exits2NamingTheChoices() {
        Cli.Result r = Cli.run("trace", "--demo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: Missing required argument (specify one of these): (--sf-account-id=ID | "
                        + "--user-email=EMAIL | --zendesk-user-id=N | --zendesk-org-id=N | --zendesk-ticket-id=N)\n"
                        + "Try 'plumbline trace --help' for usage.\n");
    }

    @Test
    void init_writesCommentedConfigWithoutSecretsAndRefusesToOverwrite() throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result first = Cli.run("init", "--config", config.toString(), "--subdomain", "acme");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(config)
                .content()
                .contains("subdomain: \"acme\"")
                .contains("oauth_access_token_env: ZENDESK_OAUTH_TOKEN")
                .contains("# ")
                .contains("contacts_csv: null");
        assertThat(first.out())
                .contains("Next: export your Salesforce accounts to " + tmp.resolve("salesforce_accounts.csv")
                        + " (columns sf_account_id, account_name, account_domains), or name your export in "
                        + "salesforce.accounts_csv; then:\n  plumbline audit --config " + config);
        assertThat(first.out()).doesNotContain("placeholder");
        assertThat(tmp.resolve("artifacts/plumbline")).isDirectory();
        Cli.Result second = Cli.run("init", "--config", config.toString());
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("already exists; pass --force");
        Cli.Result forced = Cli.run("init", "--config", config.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out())
                .contains("Set zendesk.subdomain in " + config + " (it holds the placeholder 'yourcompany'), or pass "
                        + "--subdomain, before a live audit or apply.");
    }

    @Test
    void init_forceOverAHandEditedConfig_keepsItAsBak() throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        Files.writeString(config, "zendesk:\n  subdomain: mine # edited by hand\n");
        Files.writeString(tmp.resolve("plumbline.yaml.bak"), "an older copy\n");

        Cli.Result forced = Cli.run("init", "--config", config.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        Path kept = tmp.resolve("plumbline.yaml.bak.2");
        assertThat(forced.out()).contains("Kept the config it replaces as " + kept);
        assertThat(kept).content().contains("edited by hand");
        assertThat(tmp.resolve("plumbline.yaml.bak")).hasContent("an older copy");
        assertThat(config).content().doesNotContain("edited by hand");
        // forced again, over the text init wrote itself: nothing to keep
        Cli.Result again = Cli.run("init", "--config", config.toString(), "--force");
        assertThat(again.out()).doesNotContain("Kept the config");
        assertThat(tmp.resolve("plumbline.yaml.bak.3")).doesNotExist();
    }

    @Test
    void init_outputRootThatCannotBeMade_leavesNoConfigBehind() throws IOException {
        Files.writeString(tmp.resolve("artifacts"), "a file where the output root's folder goes\n");
        Path config = tmp.resolve("plumbline.yaml");

        Cli.Result r = Cli.run("init", "--config", config.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(tmp.resolve("artifacts/plumbline") + ": cannot write the output folder");
        assertThat(config).doesNotExist();
        Files.delete(tmp.resolve("artifacts"));
        assertThat(Cli.run("init", "--config", config.toString()).exitCode()).isZero();
    }

    @Test
    void init_demoFolderAlreadyThere_isKeptUnlessForced() throws IOException {
        Path edited = Files.createDirectories(tmp.resolve("plumbline-demo")).resolve("salesforce_accounts.csv");
        Files.writeString(edited, "sf_account_id,account_name,account_domains\nMINE,Mine,mine.example\n");
        Path config = tmp.resolve("fresh.yaml");

        Cli.Result r = Cli.run("init", "--config", config.toString(), "--demo");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("plumbline-demo: already exists; pass --force");
        assertThat(edited).content().contains("MINE");
        assertThat(config).doesNotExist();
        assertThat(Cli.run("init", "--config", config.toString(), "--demo", "--force")
                        .exitCode())
                .isZero();
        assertThat(edited).content().doesNotContain("MINE");
    }

    @Test
    void init_demoWithOwnAccounts_leavesTheDemoContactsOut() throws IOException {
        Path csv = Files.writeString(
                tmp.resolve("accounts.csv"), "sf_account_id,account_name,account_domains\n001A,A,a.example\n");
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run("init", "--config", config.toString(), "--demo", "--accounts-csv", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(config).content().contains("accounts_csv: \"" + csv + "\"").contains("contacts_csv: null");
    }

    @Test
    void init_csvPathsYamlWouldMisread_areQuotedAndReadBackExactly() throws IOException {
        for (String name : List.of("exports #1", "a: b", "say \"hi\" \\ there", "null")) {
            Path folder = Files.createDirectories(tmp.resolve(name));
            Path csv = Files.writeString(
                    folder.resolve("accounts.csv"), "sf_account_id,account_name,account_domains\n001A,A,a.example\n");
            Path config = tmp.resolve("plumbline.yaml");
            Cli.Result r = Cli.run(
                    "init", "--config", config.toString(), "--force", "--accounts-csv", "./" + name + "/accounts.csv");
            assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
            assertThat(ConfigLoader.load(config).salesforce().accountsCsv())
                    .as(name)
                    .isEqualTo("./" + name + "/accounts.csv");
        }
        // values YAML reads as a number or as null unless quoted
        Files.writeString(tmp.resolve(".inf"), "sf_account_id,account_name,account_domains\n001A,A,a.example\n");
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run(
                "init", "--config", config.toString(), "--force", "--accounts-csv", ".inf", "--subdomain", "null");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ConfigLoader.load(config).salesforce().accountsCsv()).isEqualTo(".inf");
        assertThat(ConfigLoader.load(config).zendesk().baseUri()).hasToString("https://null.zendesk.com");
    }

    @Test
    void init_badSubdomainOrUnwritableConfig_exits2WithAPlainMessageAndWritesNothing() throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result url = Cli.run("init", "--config", config.toString(), "--subdomain", "https://acme.zendesk.com");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("--subdomain 'https://acme.zendesk.com' is not a subdomain");
        assertThat(config).doesNotExist();

        Path folder = Files.createDirectories(tmp.resolve("a-folder"));
        Cli.Result dir = Cli.run("init", "--config", folder.toString());
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is a directory").doesNotContain("defect");

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli.Result under =
                Cli.run("init", "--config", file.resolve("plumbline.yaml").toString());
        assertThat(under.exitCode()).isEqualTo(2);
        assertThat(under.err()).contains("cannot write the config").doesNotContain("defect");
    }

    @Test
    void undo_receiptOfNoApply_exits3BeforeReadingAnyConfig() throws IOException {
        Path receipt = Files.writeString(tmp.resolve("receipt.json"), "{\"results\": []}");
        Cli.Result r = Cli.run("undo", "--receipt", receipt.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("not an apply receipt (mode ''");
    }

    @Test
    void init_csvPathThatOnlyWorksFromTheWorkingFolder_isRefusedWithThePathThatWorks() throws IOException {
        Path csv = Files.writeString(
                Files.createDirectories(tmp.resolve("data")).resolve("accounts.csv"),
                "sf_account_id,account_name,account_domains\n001A,A,a.example\n");
        // The config folder sits deeper than the working folder, so the leading ../ of the path that works
        // from here cannot climb to the file system root from there and land on the same file.
        Path here = Path.of("").toAbsolutePath();
        Path confDir = tmp.resolve("conf");
        for (int i = 0; i < here.getNameCount(); i++) {
            confDir = confDir.resolve("d" + i);
        }
        Path config = Files.createDirectories(confDir).resolve("plumbline.yaml");
        String fromHere = here.relativize(csv).toString();
        String thatWorks = confDir.relativize(csv).toString();

        Cli.Result r = Cli.run("init", "--config", config.toString(), "--accounts-csv", fromHere);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("the config reads a relative path from its own folder (" + confDir + ")")
                .endsWith("pass --accounts-csv " + thatWorks + "\n");
        assertThat(config).doesNotExist();

        Cli.Result fixed = Cli.run("init", "--config", config.toString(), "--accounts-csv", thatWorks);
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(ConfigLoader.load(config)
                        .resolve(ConfigLoader.load(config).salesforce().accountsCsv()))
                .isEqualTo(csv);
    }

    @Test
    void init_namedCsvWithBadHeader_exits3AndWritesNoConfig() throws IOException {
        Path csv = tmp.resolve("accounts.csv");
        Files.writeString(csv, "sf_account_id,name\n");
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run("init", "--config", config.toString(), "--accounts-csv", csv.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("missing required columns account_name, account_domains");
        assertThat(config).doesNotExist();

        Cli.Result demo = Cli.run("init", "--config", config.toString(), "--demo", "--accounts-csv", csv.toString());
        assertThat(demo.exitCode()).isEqualTo(3);
        assertThat(tmp.resolve("plumbline-demo"))
                .as("nothing written, so the corrected command is not refused for a folder left behind")
                .doesNotExist();
    }

    @Test
    void init_namedCsvWithMisspelledOptionalColumn_exits3WithoutSayingHeadersOk() throws IOException {
        Path csv = tmp.resolve("accounts.csv");
        Files.writeString(csv, "sf_account_id,account_name,account_domains,websit\n001A,A,a.example,a.example\n");
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run("init", "--config", config.toString(), "--accounts-csv", csv.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(csv + ":1:4: error: column 'websit' looks like 'website'");
        assertThat(r.out()).doesNotContain("headers OK");
        assertThat(config).doesNotExist();
    }

    @Test
    void init_namedCsvWithColumnsNotUsed_namesThemInANote() throws IOException {
        Path csv = tmp.resolve("accounts.csv");
        Files.writeString(csv, "sf_account_id,account_name,account_domains,Industry\n001A,A,a.example,Health\n");
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run("init", "--config", config.toString(), "--accounts-csv", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Checked " + csv + ": 1 account, headers OK");
        assertThat(r.err())
                .contains("note: " + csv + ": 1 column is not used: Industry (the columns read are: sf_account_id, "
                        + "account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, "
                        + "parent_account_id)\n");
    }

    @Test
    void init_subdomainPastedAsAUrlWithCredentials_isRefusedWithoutShowingThem() {
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result r = Cli.run(
                "init", "--config", config.toString(), "--subdomain", "https://admin:tok3n-s3cret@acme.zendesk.com");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not a subdomain").doesNotContain("tok3n-s3cret");
    }

    @Test
    void init_templateDefaults_areTheOnesTheCodeUses() throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        assertThat(Cli.run("init", "--config", config.toString()).exitCode()).isZero();
        String text = Files.readString(config);
        assertThat(text)
                .contains("# request_timeout_seconds: " + ZendeskConfig.DEFAULT_TIMEOUT_SECONDS + "\n")
                .contains("# max_retries: " + ZendeskConfig.DEFAULT_MAX_RETRIES + "\n");
        Files.writeString(
                config,
                text.replace("# request_timeout_seconds", "request_timeout_seconds")
                        .replace("# max_retries", "max_retries"));
        assertThat(ConfigLoader.load(config).zendesk().maxRetries()).isEqualTo(ZendeskConfig.DEFAULT_MAX_RETRIES);
    }

    @Test
    void init_thenAuditWithTheConfig_usesItsOutputRoot() throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        Cli.Result init = Cli.run("init", "--config", config.toString(), "--demo");
        assertThat(init.exitCode()).as(init.err()).isZero();
        // the config is not the one an audit finds by default: the next command names it
        assertThat(init.out())
                .contains("Next: plumbline audit --snapshot " + tmp.resolve("plumbline-demo") + " --config " + config
                        + "\n");
        assertThat(config)
                .content()
                .contains("accounts_csv: \"./plumbline-demo/salesforce_accounts.csv\"")
                .contains("contacts_csv: \"./plumbline-demo/salesforce_contacts.csv\"");
        Cli.Result r = auditDemoFolder(config, "x");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(tmp.resolve("artifacts/plumbline/x/summary.md")).exists();
        // the folder init wrote holds the demo fixtures: their plan is a demo plan, never applied live
        assertThat(r.err()).contains("holds the demo fixtures").contains("this is a demo plan");
        Path plan = tmp.resolve("artifacts/plumbline/x/fix_plan.json");
        assertThat(plan).content().contains("\"demo\": true");
        String hash = PlanFile.read(plan).plan().planHash();
        Cli.Result live = Cli.run(
                "apply",
                "--plan",
                plan.toString(),
                "--config",
                config.toString(),
                "--apply",
                "--confirm-plan-hash",
                hash);
        assertThat(live.exitCode()).as(live.err()).isEqualTo(5);
        assertThat(live.err()).contains("this is a demo plan");
        assertThat(tmp.resolve("artifacts/plumbline/x/summary.json")).content().contains("\"demo\": true");
        assertThat(tmp.resolve("artifacts/plumbline/x/summary.md"))
                .content()
                .contains(", the demo fixtures: the plan is dry-run only");

        // edited, the copy is a scenario tried out on the demo: still a demo plan, dry-run against the folder
        Path orgs = tmp.resolve("plumbline-demo/zendesk/organizations.jsonl");
        String text = Files.readString(orgs);
        assertThat(text).contains("\"domain_names\":[\"acmebio.example\"]");
        Files.writeString(orgs, text.replace("\"domain_names\":[\"acmebio.example\"]", "\"domain_names\":[]"));
        Cli.Result edited = auditDemoFolder(config, "edited");
        assertThat(edited.exitCode()).as(edited.err()).isZero();
        Path editedPlan = tmp.resolve("artifacts/plumbline/edited/fix_plan.json");
        assertThat(editedPlan).content().contains("\"demo\": true");
        Cli.Result dry = Cli.run("apply", "--plan", editedPlan.toString(), "--config", config.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        // acmebio.example left org 9007 in the folder, not in the bundled fixtures: the re-check sees the folder
        assertThat(dry.out())
                .containsPattern("add_org_domain +would_apply 001ACME003  org 9004 \\+ domain acmebio.example")
                .doesNotContain("precondition_changed");
    }

    /** Audits the folder {@code init --demo} wrote beside {@code config}, with that config, as run {@code id}. */
    private Cli.Result auditDemoFolder(Path config, String id) {
        return Cli.run(
                "audit",
                "--config",
                config.toString(),
                "--snapshot",
                config.resolveSibling("plumbline-demo").toString(),
                "--run-id",
                id);
    }

    @Test
    void help_everyCommand_exits0AndTeaches() {
        for (String cmd : new String[] {"init", "audit", "trace", "apply", "undo", "doctor", "report", "history"}) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: plumbline " + cmd).contains("Examples:");
            Cli.Result v = Cli.run(cmd, "-V");
            assertThat(v.exitCode()).isZero();
            assertThat(v.out()).as(cmd + " -V").startsWith("plumbline ");
        }
        assertThat(Cli.run("--help").out()).contains("plumbline audit --demo").contains("Exit codes");
    }

    @Test
    void unexpectedFailureMessage_masksWhatCouldBeASecretFromTheEnvironment_notPathsOrShortValues() {
        String token = "Xk9pQ2mN7vR4tY8wZ3aB6cD1eF5gH0jK";
        Map<String, String> env =
                Map.of("ZD_TOKEN", token, "HOME", "/home/someone/with/a/long/path", "LANG", "C.UTF-8");

        String shown = Main.withoutEnvSecrets(
                "invalid header value: \"Bearer " + token + "\" in /home/someone/with/a/long/path (C.UTF-8)", env);

        assertThat(shown)
                .isEqualTo("invalid header value: \"Bearer [redacted]\" in /home/someone/with/a/long/path (C.UTF-8)");
        // pasted with a line break, and one secret the start of another: each masked whole
        Map<String, String> pasted = Map.of("A", token + "\n", "B", token + "EXTRA-TAIL-123");
        assertThat(Main.withoutEnvSecrets("x " + token + "EXTRA-TAIL-123 y " + token, pasted))
                .isEqualTo("x [redacted] y [redacted]");
    }
}
