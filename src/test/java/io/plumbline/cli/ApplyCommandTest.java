package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.apply.PlanFile;
import io.plumbline.testing.Cli;
import io.plumbline.testing.DemoFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply and undo gates as a user meets them: dry run by default, exit 5 for every refusal. */
class ApplyCommandTest {
    @TempDir
    Path tmp;

    Path plan;

    @BeforeEach
    void audit() {
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r", "--quiet")
                        .exitCode())
                .isZero();
        plan = tmp.resolve("r/fix_plan.json");
    }

    private String planHash() throws Exception {
        String text = Files.readString(plan);
        int i = text.indexOf("\"plan_hash\": \"") + 14;
        return text.substring(i, i + 64);
    }

    @Test
    void apply_demoPlanDryRun_writesReceiptWithWouldApply() throws Exception {
        Cli.Result r = Cli.run("apply", "--plan", plan.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Mode: dry_run").contains("would_apply 8").contains("blocked 6");
        String receipt = Files.readString(tmp.resolve("r/apply_receipt.json"));
        assertThat(receipt)
                .contains("\"mode\": \"dry_run\"")
                .contains("\"source_plan_hash\": \"" + planHash() + "\"")
                .contains("\"complete\": true");
        try (var s = Files.list(tmp.resolve("r/applies"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void apply_runFolderAndSpaceSeparatedAccounts_areTakenAsTheSpecWritesThem() {
        Cli.Result r = Cli.run(
                "apply",
                "--plan",
                tmp.resolve("r").toString(),
                "--only-account",
                "001ACME004",
                "001ACME006",
                "--quiet");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Mode: dry_run");
        Cli.Result undo = Cli.run("undo", "--receipt", tmp.resolve("r").toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("Nothing to undo: " + tmp.resolve("r/apply_receipt.json"));
    }

    @Test
    void apply_demoPlanDryRunMonthsLater_doesNotWarnThatItIsStale() {
        Clock later = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        LiveApplyFixture.Run r = LiveApplyFixture.run(later, Map.of(), "apply", "--plan", plan.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Mode: dry_run");
        assertThat(r.err()).doesNotContain("stale");
    }

    @Test
    void apply_demoPlanLive_refusedWithExit5() throws Exception {
        Cli.Result r = Cli.run("apply", "--plan", plan.toString(), "--apply", "--confirm-plan-hash", planHash());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("demo plans are dry-run only");
    }

    @Test
    void apply_tamperedPlan_refusedWithExit5() throws Exception {
        Files.writeString(
                plan, Files.readString(plan).replace("\"value\": \"acmeshop.example\"", "\"value\": \"evil.example\""));
        Cli.Result r = Cli.run("apply", "--plan", plan.toString());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("does not match its plan_hash").contains("edited after the audit");
    }

    @Test
    void apply_planWithAKeyGivenTwice_isRefusedNamingItsLine() throws Exception {
        // the hash still matches (the last value is the one a lenient reader keeps), but a reader of the
        // first would be approving another value than the one applied
        Files.writeString(
                plan,
                Files.readString(plan)
                        .replace(
                                "\"value\": \"acmeshop.example\"",
                                "\"value\": \"gmail.com\",\n\"value\": \"acmeshop.example\""));
        Cli.Result r = Cli.run("apply", "--plan", plan.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith(plan + ":").contains("value");
        assertThat(Files.readString(plan.resolveSibling("apply_receipt.json"))).contains("\"not_run\"");
    }

    @Test
    void apply_liveWithWrongOrMissingHash_refusedWithExit5() throws Exception {
        Path snap = DemoFolder.copy(tmp.resolve("snap"));
        assertThat(Cli.run("audit", "--snapshot", snap.toString(), "--out", tmp.toString(), "--run-id", "s", "--quiet")
                        .exitCode())
                .isZero();
        Path real = tmp.resolve("s/fix_plan.json");
        Cli.Result wrong =
                Cli.run("apply", "--plan", real.toString(), "--apply", "--confirm-plan-hash", "0".repeat(64));
        assertThat(wrong.exitCode()).isEqualTo(5);
        assertThat(wrong.err()).contains("does not match the plan's plan_hash");
        Cli.Result missing = Cli.run("apply", "--plan", real.toString(), "--apply");
        assertThat(missing.exitCode()).isEqualTo(5);
        assertThat(missing.err()).contains("--apply needs --confirm-plan-hash");
    }

    @Test
    void apply_planAuditedWithAnAsOfInTheFuture_isRefusedLiveAsOfUnknownAge() throws Exception {
        Path snap = DemoFolder.copy(tmp.resolve("no-manifest"));
        Files.delete(snap.resolve("snapshot.json")); // nothing says when it was captured
        assertThat(Cli.run(
                                "audit",
                                "--snapshot",
                                snap.toString(),
                                "--as-of",
                                "2062-01-01T00:00:00Z",
                                "--out",
                                tmp.toString(),
                                "--run-id",
                                "future",
                                "--quiet")
                        .exitCode())
                .isZero();
        Path future = tmp.resolve("future/fix_plan.json");
        String hash = PlanFile.read(future).plan().planHash();

        Cli.Result live = Cli.run("apply", "--plan", future.toString(), "--apply", "--confirm-plan-hash", hash);
        Cli.Result dry = Cli.run("apply", "--plan", future.toString());

        assertThat(live.exitCode()).isEqualTo(5);
        assertThat(live.err())
                .contains("its source.as_of 2062-01-01T00:00:00Z is after the plan was made")
                .contains("Audit again without --as-of");
        // a dry run warns (it then needs a Zendesk to read, which this test has not configured)
        assertThat(dry.err()).contains("warning: its source.as_of 2062-01-01T00:00:00Z is after the plan was made");
    }

    @Test
    void apply_unknownActionCode_exits2ListingTheValidOnes() {
        Cli.Result r = Cli.run("apply", "--plan", plan.toString(), "--only-action", "delete_org");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --only-action: unknown action code 'delete_org' (expected one of "
                        + "set_org_external_id, add_org_domain, assign_user_to_org, move_user_to_org)\n");
    }

    @Test
    void apply_help_listsEveryActionCode() {
        Cli.Result r = Cli.run("apply", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains(
                        "Only these action codes (space- or comma-separated, or repeated): set_org_external_id, add_org_domain, "
                                + "assign_user_to_org, move_user_to_org.");
    }

    @Test
    void apply_onlyAccountNotInPlan_exits2WithoutRunningOrWritingAReceipt() throws Exception {
        Path receipt = tmp.resolve("r/apply_receipt.json");
        String before = Files.readString(receipt);
        Cli.Result r = Cli.run("apply", "--plan", plan.toString(), "--only-account", "001NOPE");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --only-account 001NOPE: the plan has no action for this account; nothing was run "
                        + "and no receipt was written\n");
        assertThat(r.out()).isEmpty();
        assertThat(receipt).hasContent(before);
        assertThat(tmp.resolve("r/applies")).doesNotExist();
    }

    @Test
    void apply_filtersThatSelectNothingTogether_exits2() {
        Cli.Result r = Cli.run(
                "apply",
                "--plan",
                plan.toString(),
                "--only-account",
                "001ACME004",
                "--only-action",
                "set_org_external_id");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --only-account 001ACME004 with --only-action set_org_external_id selects no action "
                        + "of the plan; nothing was run and no receipt was written\n");
    }

    @Test
    void apply_confirmHashWithoutApply_notesThatItIsStillADryRun() throws Exception {
        Cli.Result r = Cli.run("apply", "--plan", plan.toString(), "--confirm-plan-hash", planHash(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .isEqualTo("note: --confirm-plan-hash only takes effect with --apply; this is a dry run and nothing "
                        + "is written to Zendesk\n");
        assertThat(tmp.resolve("r/apply_receipt.json")).content().contains("\"mode\": \"dry_run\"");
    }

    @Test
    void apply_jsonFileThatIsNotAPlan_exits3NamingTheMissingMembers() {
        Path summary = tmp.resolve("r/summary.json");
        Cli.Result r = Cli.run("apply", "--plan", summary.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(summary + ": error: not a fix plan: missing members 'source', 'caps_default'; pass the "
                        + "fix_plan.json of an audit run folder\n");
    }

    @Test
    void apply_missingPlan_isAUsageError() {
        Cli.Result r = Cli.run("apply", "--plan", tmp.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: file not found; pass the fix_plan.json");
    }

    @Test
    void apply_planOfRealInputsWithoutAConfigFile_saysTheConfigIsMissing() throws Exception {
        Path snapshot = DemoFolder.copy(tmp.resolve("snap"));
        assertThat(Cli.run(
                                "audit",
                                "--snapshot",
                                snapshot.toString(),
                                "--out",
                                tmp.toString(),
                                "--run-id",
                                "s",
                                "--no-history",
                                "--quiet")
                        .exitCode())
                .isZero();

        Cli.Result r = Cli.run("apply", "--plan", tmp.resolve("s/fix_plan.json").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "plumbline.yaml: config file not found; create one with `plumbline init` or pass --config FILE")
                .doesNotContain("is not set");
    }

    @Test
    void apply_receiptNamingThePlanTheAuditsReceiptOrAnInput_isRefusedAndTheFileKept() throws Exception {
        Path run = tmp.resolve("r");
        for (String name : List.of("fix_plan.json", "receipt.json", "summary.md")) {
            String before = Files.readString(run.resolve(name));

            Cli.Result r = Cli.run(
                    "apply",
                    "--plan",
                    plan.toString(),
                    "--receipt",
                    run.resolve(name).toString(),
                    "--quiet");

            assertThat(r.exitCode()).as(name).isEqualTo(2);
            assertThat(r.err())
                    .as(name)
                    .contains("--receipt " + run.resolve(name))
                    .contains(name.equals("receipt.json") ? "is the receipt of plumbline audit" : "not a receipt")
                    .contains("the receipt would replace it");
            assertThat(Files.readString(run.resolve(name))).as(name).isEqualTo(before);
        }
    }

    @Test
    void apply_receiptNamingAFolderOrAnEarlierReceipt_writesIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("receipts"));

        assertThat(Cli.run("apply", "--plan", plan.toString(), "--receipt", folder.toString(), "--quiet")
                        .exitCode())
                .isZero();
        assertThat(Cli.run(
                                "apply",
                                "--plan",
                                plan.toString(),
                                "--receipt",
                                folder.resolve("apply_receipt.json").toString(),
                                "--quiet")
                        .exitCode())
                .as("an earlier receipt of apply is replaced, as the default one is")
                .isZero();
        assertThat(folder.resolve("apply_receipt.json")).exists();
        assertThat(folder.resolve("applies")).isDirectory();
        // the receipt the audit itself left beside the plan (mode not_run), and an empty file, are taken too
        assertThat(Cli.run(
                                "apply",
                                "--plan",
                                plan.toString(),
                                "--receipt",
                                tmp.resolve("r").toString(),
                                "--quiet")
                        .exitCode())
                .isZero();
        Path empty = Files.createFile(tmp.resolve("empty-receipt.json"));
        assertThat(Cli.run("apply", "--plan", plan.toString(), "--receipt", empty.toString(), "--quiet")
                        .exitCode())
                .isZero();
        // a kept receipt is the record undo reads: never written over
        Path kept;
        try (var files = Files.list(folder.resolve("applies"))) {
            kept = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String keptBefore = Files.readString(kept);
        Cli.Result refused = Cli.run("apply", "--plan", plan.toString(), "--receipt", kept.toString(), "--quiet");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is in a folder of kept receipts");
        assertThat(Files.readString(kept)).isEqualTo(keptBefore);
        Path newInKept = kept.resolveSibling("mine.json");
        assertThat(Cli.run("apply", "--plan", plan.toString(), "--receipt", newInKept.toString(), "--quiet")
                        .exitCode())
                .as("a new file there would be read as a kept receipt")
                .isEqualTo(2);
        assertThat(newInKept).doesNotExist();
        assertThat(Cli.run(
                                "apply",
                                "--plan",
                                plan.toString(),
                                "--receipt",
                                kept.getParent().toString(),
                                "--quiet")
                        .exitCode())
                .as("nor an apply_receipt.json there")
                .isEqualTo(2);
        assertThat(kept.resolveSibling("apply_receipt.json")).doesNotExist();

        Cli.Result undo = Cli.run(
                "undo", "--receipt", folder.resolve("apply_receipt.json").toString(), "--out", plan.toString());
        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).contains("--out " + plan).contains("not a receipt");
    }

    @Test
    void undo_missingReceipt_isAUsageError() {
        Cli.Result r = Cli.run("undo", "--receipt", tmp.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: file not found; pass the apply_receipt.json");
    }

    @Test
    void undo_liveWithoutMatchingReceiptHash_refusedWithExit5() {
        assertThat(Cli.run("apply", "--plan", plan.toString(), "--quiet").exitCode())
                .isZero();
        Cli.Result r = Cli.run(
                "undo",
                "--receipt",
                tmp.resolve("r/apply_receipt.json").toString(),
                "--apply",
                "--confirm-receipt-hash",
                "x");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err())
                .contains("--apply needs --confirm-receipt-hash with the hash of ")
                .contains("(x does not match it): review the inverses with a dry run");
    }

    @Test
    void undo_unparseableReceipt_exits3WithFileLineAndColumnInPlainWords() throws Exception {
        Path receipt = tmp.resolve("bad.json");
        Files.writeString(receipt, "{\n  \"results\": [\n    {\"action_id\": \"A001\"\n");
        Cli.Result r = Cli.run("undo", "--receipt", receipt.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(receipt + ":4:1: error: malformed JSON: the text ends before the object is closed with }\n");
    }

    @Test
    void undo_confirmHashWithoutApply_notesThatItIsStillADryRun() {
        Path receipt = plan.resolveSibling("apply_receipt.json");
        assertThat(Cli.run("apply", "--plan", plan.toString()).exitCode()).isZero();
        Cli.Result r = Cli.run("undo", "--receipt", receipt.toString(), "--confirm-receipt-hash", "0".repeat(64));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("note: --confirm-receipt-hash only takes effect with --apply");
    }

    @Test
    void undo_dryRunOfDryRunReceipt_hasNothingToReverse() {
        assertThat(Cli.run("apply", "--plan", plan.toString(), "--quiet").exitCode())
                .isZero();
        Cli.Result r =
                Cli.run("undo", "--receipt", tmp.resolve("r/apply_receipt.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("Nothing to undo: " + tmp.resolve("r/apply_receipt.json") + " holds no applied action (it "
                        + "is the receipt of a dry run, which wrote nothing; the receipt of every live apply is kept "
                        + "in " + tmp.resolve("r/applies").toAbsolutePath() + ").\n");
        assertThat(tmp.resolve("r/undo_receipt.json")).doesNotExist();
    }

    @Test
    void undo_ofAKeptDryRunReceipt_namesTheFolderItIsIn() throws Exception {
        assertThat(Cli.run("apply", "--plan", plan.toString(), "--quiet").exitCode())
                .isZero();
        Path kept;
        try (var files = Files.list(tmp.resolve("r/applies"))) {
            kept = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        Cli.Result r = Cli.run("undo", "--receipt", kept.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .endsWith("the receipt of every live apply is kept in "
                        + tmp.resolve("r/applies").toAbsolutePath() + ").\n");
    }

    @Test
    void apply_readout_ofADryRun_showsNoReceiptHashToConfirm() {
        Cli.Result r = Cli.run("apply", "--plan", plan.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Receipt: ").doesNotContain("receipt_hash");
    }
}
