package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.artifacts.NextCommands;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline audit --snapshot DIR} on small snapshot folders, as a user runs it. */
class AuditSnapshotTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-18T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path snapshot(String accountsCsv, String organizationsJsonl) throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("snapshot/zendesk")).getParent();
        Files.writeString(snapshot.resolve("salesforce_accounts.csv"), accountsCsv);
        Files.writeString(snapshot.resolve("zendesk/organizations.jsonl"), organizationsJsonl);
        Files.writeString(
                snapshot.resolve("zendesk/users.jsonl"),
                "{\"id\":7001,\"email\":\"maria@acme.example\",\"role\":\"end-user\",\"organization_id\":9001}\n");
        Files.writeString(
                snapshot.resolve("zendesk/organization_memberships.jsonl"),
                "{\"id\":5001,\"user_id\":7001,\"organization_id\":9001,\"default\":true}\n");
        Files.writeString(
                snapshot.resolve("zendesk/tickets.jsonl"),
                "{\"id\":10001,\"requester_id\":7001,\"organization_id\":9001,"
                        + "\"created_at\":\"2026-04-10T10:00:00Z\",\"status\":\"open\"}\n");
        return snapshot;
    }

    /** A clean snapshot: account 001ACME001 linked to org 9001 by external_id and domain, its user a member. */
    private Path acme() throws IOException {
        return snapshot(
                "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n",
                "{\"id\":9001,\"name\":\"Acme\",\"external_id\":\"001ACME001\",\"domain_names\":[\"acme.example\"]}\n");
    }

    /** Removes the runs audited so far, so the next audit may take run id r1 again. */
    private void removeRuns() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int audit(Path snapshot) throws IOException {
        return audit(snapshot, "--quiet");
    }

    private int audit(Path snapshot, String... more) throws IOException {
        return audit("", snapshot, more);
    }

    /** Audits {@code snapshot} with a config of {@code configYaml}, into run r1 of dir/out. */
    private int audit(String configYaml, Path snapshot, String... more) throws IOException {
        Path config = Files.writeString(dir.resolve("plumbline.yaml"), configYaml);
        List<String> args = new ArrayList<>(List.of(
                "audit",
                "--config",
                config.toString(),
                "--snapshot",
                snapshot.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--run-id",
                "r1"));
        args.addAll(List.of(more));
        return new Main(new PrintWriter(out), new PrintWriter(err), Map.of(), CLOCK).run(args.toArray(String[]::new));
    }

    @Test
    void audit_configNamingAnotherAccountsCsv_isNotedOrNamedWhenTheFolderHasNone() throws IOException {
        Path snapshot = acme();
        Path elsewhere = Files.writeString(
                dir.resolve("export.csv"), "sf_account_id,account_name,account_domains\n001B,B,b.example\n");
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), "email,sf_account_id\nb@b.example,001B\n");
        String config = "salesforce:\n  accounts_csv: ./export.csv\n  contacts_csv: ./contacts.csv\n";

        assertThat(audit(config, snapshot, "--quiet")).isZero();
        assertThat(err.toString())
                .isEqualTo("note: the accounts are read from " + snapshot.resolve("salesforce_accounts.csv")
                        + "; the config's salesforce.accounts_csv (" + elsewhere + ") is read by live audits only\n"
                        + "note: the contacts are read from the snapshot folder (it has no salesforce_contacts.csv, "
                        + "so none); the config's salesforce.contacts_csv (" + contacts + ") is read by live audits "
                        + "only\n");

        Files.delete(snapshot.resolve("salesforce_accounts.csv"));
        err.getBuffer().setLength(0);
        assertThat(audit(config, snapshot, "--quiet")).isEqualTo(3);
        assertThat(err.toString())
                .isEqualTo(snapshot.resolve("salesforce_accounts.csv") + ": error: file not found; a snapshot folder "
                        + "holds its own Salesforce accounts export (the config's salesforce.accounts_csv, " + elsewhere
                        + ", is read by live audits only): copy it into the folder as salesforce_accounts.csv\n");
    }

    @Test
    void audit_nameHoldingHalfACharacter_writesTheRunFolderWithAReplacementCharacter() throws IOException {
        // a name cut in the middle of an emoji, as a JSON escape of one half of it
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n",
                "{\"id\":9001,\"name\":\"Acme \\ud83d\",\"external_id\":\"001ACME002\",\"domain_names\":[]}\n");

        assertThat(audit(snapshot)).as(err.toString()).isZero();

        assertThat(dir.resolve("out/r1/org_issues.csv")).content().contains("Acme \uFFFD");
        assertThat(dir.resolve("out/r1/fix_plan.json")).exists();
    }

    @Test
    void audit_capturedAtMonthsBeforeTheTickets_saysTheTicketsAreLaterThanTheSnapshot() throws IOException {
        // exports dropped into a folder whose snapshot.json came from an older snapshot
        Path snapshot = acme();
        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2025-12-01T00:00:00Z\"}\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .contains("  1 ticket was last active more than a day after the snapshot's captured_at "
                        + "2025-12-01T00:00:00Z (the latest on 2026-04-10T10:00:00Z), which a snapshot taken "
                        + "then cannot hold, and the 30-day ticket window is counted back from it; if the "
                        + "exports are newer than that, correct captured_at in snapshot.json\n");

        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2026-04-11T00:00:00Z\"}\n");
        err.getBuffer().setLength(0);
        removeRuns();
        assertThat(audit(snapshot)).isZero();
        assertThat(err.toString()).doesNotContain("last active");

        // an --as-of in the past is no such sign: the snapshot's tickets are later by design
        err.getBuffer().setLength(0);
        removeRuns();
        assertThat(audit(snapshot, "--quiet", "--as-of", "2026-03-01T00:00:00Z"))
                .isZero();
        assertThat(err.toString()).doesNotContain("last active");
    }

    @Test
    void audit_folderWithAnExportInParts_notesTheFilesItDoesNotRead() throws IOException {
        Path snapshot = acme();
        Files.writeString(snapshot.resolve("zendesk/users-part2.jsonl"), "{\"id\":7002}\n");
        Files.writeString(snapshot.resolve("Accounts.CSV"), "x\n");
        Files.writeString(snapshot.resolve("README.txt"), "notes\n");
        Files.writeString(snapshot.resolve("zendesk/.users.jsonl.swp"), "x\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .isEqualTo("note: not read: Accounts.CSV, zendesk/users-part2.jsonl (a snapshot folder is read only "
                        + "from salesforce_accounts.csv, salesforce_contacts.csv, snapshot.json, "
                        + "zendesk/organizations.jsonl, zendesk/users.jsonl, zendesk/organization_memberships.jsonl, "
                        + "zendesk/tickets.jsonl; an export in parts must be joined into one file)\n");
    }

    @Test
    void audit_manyOrphanOrgs_summaryShowsFiftyAndCountsTheRest() throws IOException {
        StringBuilder orgs = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            orgs.append("{\"id\":")
                    .append(9100 + i)
                    .append(",\"name\":\"Gone ")
                    .append(i)
                    .append("\",\"external_id\":\"001GONE")
                    .append(i)
                    .append("\"}\n");
        }
        Path snapshot =
                snapshot("sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n", orgs.toString());

        assertThat(audit(snapshot)).isZero();

        String summary = Files.readString(dir.resolve("out/r1/summary.md"));
        assertThat(summary.lines().filter(l -> l.startsWith("| 91"))).hasSize(50);
        assertThat(summary).contains("\n10 more in org_issues.csv.\n");
    }

    @Test
    void audit_givenAConfig_itsNextApplyNamesThatConfig() throws IOException {
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n",
                "{\"id\":9001,\"name\":\"Acme\",\"external_id\":null,\"domain_names\":[\"acme.example\"]}\n");

        assertThat(audit(snapshot, "--no-progress")).isZero();

        String apply = "apply --plan " + dir.resolve("out/r1/fix_plan.json") + " --config "
                + dir.resolve("plumbline.yaml").toAbsolutePath().normalize();
        assertThat(out.toString()).contains(apply);
        assertThat(Files.readString(dir.resolve("out/r1/summary.md"))).contains(apply);
    }

    @Test
    void audit_unreadFileNamedWithControlCharacters_showsThemAsEscapes() throws IOException {
        Path snapshot = acme();
        Files.writeString(snapshot.resolve("x\u001b]0;title\u0007.csv"), "x\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .startsWith("note: not read: x\\u001B]0;title\\u0007.csv (")
                .doesNotContain("\u001b");
    }

    @Test
    void audit_cleanTenant_suggestsNoApplyOfAnEmptyPlan() throws IOException {
        Path snapshot = acme();
        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2026-04-11T00:00:00Z\"}\n");

        assertThat(audit("", snapshot)).as(err.toString()).isZero();

        assertThat(out.toString())
                .contains("Next:\n  " + NextCommands.NOTHING + "\n")
                .doesNotContain("apply --plan");
        assertThat(dir.resolve("out/r1/summary.md")).content().doesNotContain("apply --plan");
    }

    @Test
    void audit_usersWithARoleZendeskDoesNotSpell_areAnInputWarningNamingTheRoles() throws IOException {
        Path snapshot = acme();
        Files.writeString(
                snapshot.resolve("zendesk/users.jsonl"),
                "{\"id\":7001,\"email\":\"maria@acme.example\",\"role\":\"end-user\",\"organization_id\":9001}\n"
                        + "{\"id\":7002,\"email\":\"kim@acme.example\",\"role\":\"End-user\"}\n"
                        + "{\"id\":7003,\"email\":\"lee@acme.example\",\"role\":\"End-user\"}\n"
                        + "{\"id\":7004,\"email\":\"ana@acme.example\"}\n"
                        + "{\"id\":7005,\"email\":\"agent@acme.example\",\"role\":\"agent\"}\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .contains(
                        "  3 users have a role other than end-user, agent or admin ('End-user' 2, (none) 1); only "
                                + "end-users (role end-user, as Zendesk spells it) are resolved and checked, so these are not\n");
    }

    @Test
    void audit_emptyTicketsExport_isNoted() throws IOException {
        Path snapshot = acme();
        Files.writeString(snapshot.resolve("zendesk/tickets.jsonl"), "");
        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2026-04-11T00:00:00Z\"}\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .isEqualTo("note: " + snapshot.resolve("zendesk/tickets.jsonl") + " holds no ticket, so no ticket is "
                        + "checked; check that the tickets export is complete\n");
    }

    @Test
    void audit_ticketsWithoutEitherTimestamp_saysTheyAreNotCheckedWithTheirCount() throws IOException {
        Path snapshot = acme();
        Files.writeString(
                snapshot.resolve("zendesk/tickets.jsonl"),
                "{\"id\":12,\"requester_id\":1,\"organization_id\":9001,\"created_at\":null,\"updated_at\":null}\n"
                        + "{\"id\":11,\"requester_id\":1,\"organization_id\":9001,\"status\":\"open\"}\n"
                        + "{\"id\":13,\"requester_id\":1,\"organization_id\":9001,"
                        + "\"updated_at\":\"2026-04-10T00:00:00Z\"}\n");
        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2026-04-11T00:00:00Z\"}\n");

        assertThat(audit(snapshot)).isZero();

        assertThat(err.toString())
                .contains("  2 tickets have neither updated_at nor created_at (the lowest id: 11), so no ticket window "
                        + "holds them and they are not checked; export the tickets with their timestamps\n")
                .doesNotContain("none of the");
        assertThat(dir.resolve("out/r1/receipt.json")).content().contains("2 tickets have neither updated_at");
    }

    @Test
    void audit_asOfMistypedIntoTheFuture_saysNoTicketIsInTheWindow() throws IOException {
        Path snapshot = acme();

        assertThat(audit(snapshot, "--quiet", "--as-of", "2062-04-17T00:00:00Z"))
                .isZero();

        assertThat(err.toString())
                .contains("  none of the 1 ticket read was created or updated in the ticket window (the 30 days before "
                        + "2062-04-17T00:00:00Z), so no ticket is checked; if some should be, check --as-of or the "
                        + "snapshot's captured_at\n");
        assertThat(dir.resolve("out/r1/receipt.json")).content().contains("none of the 1 ticket read");
    }

    @Test
    void audit_userIdOnTwoLinesWithOtherContent_isAnInputWarningInTheReceipt() throws IOException {
        Path snapshot = acme();
        Files.writeString(
                snapshot.resolve("zendesk/users.jsonl"),
                "{\"id\":7001,\"email\":\"maria@acme.example\",\"role\":\"end-user\",\"organization_id\":9001}\n"
                        + "{\"id\":7001,\"email\":\"maria@other.example\",\"role\":\"end-user\"}\n");

        assertThat(audit(snapshot)).isZero();

        String warning = snapshot.resolve("zendesk/users.jsonl") + ": 1 user id appears on more than one line with "
                + "different content (first: 7001 on lines 1 and 2); the last line of each is used";
        assertThat(err.toString()).contains("  " + warning + "\n");
        assertThat(dir.resolve("out/r1/receipt.json")).content().contains(warning.replace("\\", "\\\\"));
    }

    @Test
    void audit_quietOrJson_stillSaysItsInputWarningsOnTheErrorStream() throws IOException {
        Path snapshot = snapshot("sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n", "");
        assertThat(audit(snapshot, "--quiet")).isZero();
        String receipt = dir.resolve("out/r1/receipt.json").toString();
        assertThat(err.toString())
                .isEqualTo("warning: 1 input warning (all in " + receipt + "):\n"
                        + "  no Zendesk organizations were read, so every account is reported as "
                        + "account_missing_zendesk_org; check that the organizations export is complete\n");
        assertThat(out.toString()).startsWith("run_folder: ");
    }

    @Test
    void audit_nextCommands_runAsPrintedFromFoldersWithSpacesAndKeepTheRunsSettings() throws IOException {
        Path snapshot = Files.move(
                snapshot(
                        "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n",
                        "{\"id\":9001,\"name\":\"Acme\",\"domain_names\":[\"acme.example\"]}\n"),
                dir.resolve("my snapshot"));
        Path outRoot = dir.resolve("it's out");
        int code = new Main(new PrintWriter(out), new PrintWriter(err), Map.of(), CLOCK)
                .run(
                        "audit",
                        "--snapshot",
                        snapshot.toString(),
                        "--out",
                        outRoot.toString(),
                        "--run-id",
                        "r1",
                        "--ticket-lookback-days",
                        "3",
                        "--no-progress");
        assertThat(code).as(err.toString()).isZero();

        String trace = out.toString()
                .lines()
                .filter(l -> l.contains("plumbline trace "))
                .findFirst()
                .orElseThrow()
                .strip();
        assertThat(trace).endsWith("--run '" + outRoot.resolve("r1").toString().replace("'", "'\\''") + "'");
        List<String> words = shellWords(trace.substring(trace.indexOf("plumbline trace ") + "plumbline ".length()));
        StringWriter traced = new StringWriter();
        int traceCode = new Main(new PrintWriter(traced), new PrintWriter(err), Map.of(), CLOCK)
                .run(words.toArray(String[]::new));
        assertThat(traceCode).as(err.toString()).isZero();
        assertThat(traced.toString()).contains("Salesforce account 001ACME001 'Acme'");
    }

    /** Splits a command line as a POSIX shell does for plain, backslash-escaped and single-quoted words. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (escaped) {
                word.append(c);
                escaped = false;
            } else if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted) {
                escaped = true;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void audit_contactsThatCannotBeUsed_areWarnedInTheReadoutAndTheSummary() throws IOException {
        Path snapshot = acme();
        Files.writeString(
                snapshot.resolve("salesforce_contacts.csv"),
                "email,sf_account_id\nnot-an-email,001ACME001\nbob@acme.example,001NOPE0001\n");

        assertThat(audit(snapshot, "--no-progress")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("  2 input warnings (all in receipt.json):\n"
                        + "    salesforce_contacts.csv: 1 contact's email is not an email address (line 2, "
                        + "'not-an-email'); it is not used\n"
                        + "    salesforce_contacts.csv: 1 contact names an account not among the accounts (line 3, "
                        + "account 001NOPE0001); it is not used\n");
        assertThat(Files.readString(dir.resolve("out/r1/summary.md")))
                .contains("- Input warnings: 2 (all in receipt.json):\n"
                        + "  - salesforce_contacts.csv: 1 contact's email is not an email address (line 2, "
                        + "'not-an-email'); it is not used\n");
    }

    @Test
    void audit_snapshotWithoutCapturedAtOrTickets_warnsItsPlanCannotBeAppliedAndApplySaysHowToDateIt()
            throws IOException {
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n",
                "{\"id\":9001,\"name\":\"Acme\",\"domain_names\":[\"acme.example\"]}\n");
        Files.writeString(snapshot.resolve("zendesk/tickets.jsonl"), "");

        assertThat(audit(snapshot)).as(err.toString()).isZero();

        assertThat(err.toString())
                .contains("warning: " + snapshot + " has no snapshot.json captured_at and no ticket to date it, so "
                        + "it is audited as of 1970-01-01T00:00:00Z and its plan cannot be applied live; add "
                        + "snapshot.json with the instant of the export");
        String hash = new ObjectMapper()
                .readTree(dir.resolve("out/r1/fix_plan.json").toFile())
                .path("plan_hash")
                .asText();
        StringWriter applyErr = new StringWriter();
        int code = new Main(new PrintWriter(new StringWriter()), new PrintWriter(applyErr), Map.of(), CLOCK)
                .run("apply", "--plan", dir.resolve("out/r1").toString(), "--apply", "--confirm-plan-hash", hash);
        assertThat(code).isEqualTo(ExitCodes.APPLY_REFUSED);
        assertThat(applyErr.toString())
                .contains("its audit found no instant for the Zendesk state")
                .contains("Add snapshot.json with the instant of the export")
                .doesNotContain("stale plan");

        // dated, the same folder is no longer warned about
        Files.writeString(snapshot.resolve("snapshot.json"), "{\"captured_at\": \"2026-04-11T00:00:00Z\"}\n");
        err.getBuffer().setLength(0);
        removeRuns();
        assertThat(audit(snapshot)).isZero();
        assertThat(err.toString()).doesNotContain("to date it");
    }

    @Test
    void audit_snapshotWithoutContactsFile_succeeds() throws IOException {
        Path snapshot = acme();

        assertThat(audit(snapshot)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("plan_hash");
    }

    @Test
    void audit_accountIdWithPercentSigns_isReportedNotACrash() throws IOException {
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains\nACME%#x%d,Acme,unknown.example\n",
                "{\"id\":9001,\"name\":\"Other\",\"domain_names\":[\"other.example\"]}\n");

        assertThat(audit(snapshot)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("out/r1/org_issues.csv")))
                .contains("no stored org id, no org carries external_id ACME%#x%d");
    }

    @Test
    void audit_csvColumnsNotUsed_areOneWarningPerFileInTheReadoutAndTheReceipt() throws IOException {
        Path snapshot = snapshot(
                "Industry,sf_account_id,account_name,account_domains,Type\nHealth,001ACME001,Acme,acme.example,"
                        + "Customer\n",
                "{\"id\":9001,\"name\":\"Acme\",\"external_id\":\"001ACME001\",\"domain_names\":[\"acme.example\"]}\n");
        Files.writeString(
                snapshot.resolve("salesforce_contacts.csv"),
                "FirstName,email,sf_account_id\nMaria,maria@acme.example,001ACME001\n");

        assertThat(audit(snapshot, "--no-progress")).as(err.toString()).isEqualTo(ExitCodes.OK);
        String accounts = snapshot.resolve("salesforce_accounts.csv") + ": 2 columns are not used: Industry, Type "
                + "(the columns read are: sf_account_id, account_name, account_domains, website, "
                + "zendesk_domain_override, zendesk_org_id, parent_account_id)";
        String contacts = snapshot.resolve("salesforce_contacts.csv") + ": 1 column is not used: FirstName (the "
                + "columns read are: email, sf_account_id, is_primary)";
        assertThat(out.toString())
                .contains("  2 input warnings (all in receipt.json):\n    " + accounts + "\n    " + contacts + "\n");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("out/r1/receipt.json").toFile())
                        .get("warnings"))
                .extracting(w -> w.asText())
                .containsExactly(accounts, contacts);
    }

    @Test
    void audit_optionalCsvColumnMisspelled_exitsThreeNamingTheColumn() throws IOException {
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains,zd_org_id\n001ACME001,Acme,acme.example,9001\n",
                "{\"id\":9001,\"name\":\"Acme\",\"domain_names\":[\"acme.example\"]}\n");

        assertThat(audit(snapshot)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString())
                .startsWith(snapshot.resolve("salesforce_accounts.csv") + ":1:4: error: column 'zd_org_id' looks "
                        + "like 'zendesk_org_id' but is not spelled so, and would be ignored; rename it to "
                        + "zendesk_org_id, or remove the column if it holds something else");
        assertThat(dir.resolve("out/r1")).doesNotExist();
    }

    @Test
    void audit_malformedJsonLine_exitsThreeWithDiagnostic() throws IOException {
        Path snapshot = snapshot(
                "sf_account_id,account_name,account_domains\n001ACME001,Acme,acme.example\n", "{\"id\":9001,\n");

        assertThat(audit(snapshot)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString())
                .startsWith(snapshot.resolve("zendesk/organizations.jsonl") + ":1:")
                .contains(": error: malformed JSON: ");
    }

    @Test
    void audit_snapshotThatIsAFile_saysItIsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("accounts.csv"), "sf_account_id,account_name,account_domains\n");

        assertThat(audit(file)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(file + ": not a folder; --snapshot takes the snapshot folder");
    }
}
