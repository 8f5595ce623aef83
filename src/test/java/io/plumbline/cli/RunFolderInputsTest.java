package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.testing.Cli;
import io.plumbline.testing.DemoFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace --run} and {@code report --run} re-read the snapshot a run recorded: from any working
 * directory, and saying when its files are no longer the ones the run read.
 */
class RunFolderInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path snapshot;

    @BeforeEach
    void demoSnapshot() throws IOException {
        snapshot = DemoFolder.copy(tmp.resolve("base"));
    }

    private Path audit(String runId) {
        Cli.Result r = Cli.run(
                "audit",
                "--snapshot",
                snapshot.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--run-id",
                runId,
                "--no-history",
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return tmp.resolve("out").resolve(runId);
    }

    /** Runs {@code plumbline ARGS} as a separate JVM started in {@code dir}; returns its exit code. */
    private static int runIn(Path dir, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                cp,
                "io.plumbline.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void traceAndReport_runAuditedFromARelativeSnapshotPath_workFromAnotherDirectory() throws Exception {
        int audit = runIn(tmp, "audit", "--snapshot", "base", "--out", "out", "--run-id", "r", "--no-history");
        assertThat(audit).as(Files.readString(tmp.resolve("process.log"))).isZero();
        Path run = tmp.resolve("out/r");

        Cli.Result trace = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");
        Cli.Result report = Cli.run("report", "--run", run.toString(), "--quiet");

        assertThat(JSON.readTree(run.resolve("receipt.json").toFile())
                        .path("input")
                        .path("path")
                        .asText())
                .isEqualTo(snapshot.toAbsolutePath().normalize().toString());
        assertThat(trace.exitCode()).as(trace.err()).isZero();
        assertThat(trace.err()).isEmpty();
        assertThat(trace.out()).startsWith("Zendesk org 9003 'Acme Labs (legacy)'\n");
        assertThat(report.exitCode()).as(report.err()).isZero();
    }

    @Test
    void audit_snapshotPathWithDotDot_recordsItAbsoluteAndNormalized() throws IOException {
        Cli.Result r = Cli.run(
                "audit",
                "--snapshot",
                snapshot.resolve("zendesk").resolve("..").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--run-id",
                "r",
                "--no-history",
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();

        assertThat(JSON.readTree(tmp.resolve("out/r/receipt.json").toFile())
                        .path("input")
                        .path("path")
                        .asText())
                .isEqualTo(snapshot.toAbsolutePath().normalize().toString());
    }

    @Test
    void audit_recordsTheChecksumOfEachInputFile() throws IOException {
        Path run = audit("r");

        assertThat(JSON.readTree(run.resolve("receipt.json").toFile())
                        .path("input")
                        .path("crc32c")
                        .path("zendesk/organizations.jsonl")
                        .asText())
                .isEqualTo(crc32c(Files.readAllBytes(snapshot.resolve("zendesk/organizations.jsonl"))));
    }

    @Test
    void traceAndReport_snapshotMovedAway_sayTheRunReadsItAgainFromWhereItWas() throws IOException {
        Path run = audit("r");
        Files.move(snapshot, tmp.resolve("moved"));

        Cli.Result trace = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");
        Cli.Result report = Cli.run("report", "--run", run.toString(), "--quiet");

        assertThat(trace.exitCode()).isEqualTo(2);
        assertThat(trace.err())
                .contains(snapshot.toAbsolutePath().normalize() + ": snapshot folder not found; run " + run)
                .contains("its inputs are read again from there");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("snapshot folder not found");
    }

    @Test
    void trace_outputRootInsteadOfARunFolder_namesTheNewestRunInside() throws IOException {
        audit("older");
        Path newer = audit("newer");
        Files.setLastModifiedTime(tmp.resolve("out/older/receipt.json"), FileTime.fromMillis(1_000));

        Cli.Result r = Cli.run("trace", "--run", tmp.resolve("out").toString(), "--zendesk-org-id", "9003");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(tmp.resolve("out") + ": not a run folder (no receipt.json); it holds 2 run folders, the "
                        + "newest " + newer);
    }

    @Test
    void traceAndReport_damagedRunFolderFile_exit3NamingFileAndLine() throws IOException {
        Path run = audit("r");
        Files.writeString(run.resolve("receipt.json"), "{\"input\": {\n");

        Cli.Result trace = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");
        Cli.Result report = Cli.run("report", "--run", run.toString(), "--quiet");

        assertThat(trace.exitCode()).as(trace.err()).isEqualTo(3);
        assertThat(trace.err()).contains(run.resolve("receipt.json") + ":2:");
        assertThat(report.exitCode()).as(report.err()).isEqualTo(3);
    }

    @Test
    void trace_receiptWithoutAsOf_saysSoRatherThanBlamingTheOption() throws IOException {
        Path run = audit("r");
        Files.writeString(run.resolve("receipt.json"), "{\"input\": {\"kind\": \"snapshot\"}}\n");

        Cli.Result trace = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");

        assertThat(trace.exitCode()).isEqualTo(3);
        assertThat(trace.err()).contains("input.as_of is missing").doesNotContain("--as-of");

        Files.writeString(
                run.resolve("receipt.json"), "{\"input\": {\"kind\": \"snapshot\", \"as_of\": \"garbage\"}}\n");
        Cli.Result damaged = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");
        assertThat(damaged.exitCode()).isEqualTo(3);
        assertThat(damaged.err()).contains("input.as_of 'garbage'").doesNotContain("--as-of");
    }

    @Test
    void trace_runWhoseSnapshotFileChanged_warnsNamingTheFile() throws IOException {
        Path run = audit("r");
        Path orgs = snapshot.resolve("zendesk/organizations.jsonl");
        Files.writeString(orgs, Files.readString(orgs) + "{\"id\": 9999, \"name\": \"Added later\"}\n");

        Cli.Result r = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Zendesk org 9003");
        assertThat(r.err())
                .isEqualTo("warning: the snapshot " + snapshot.toAbsolutePath().normalize()
                        + " changed since the run: zendesk/organizations.jsonl differs from the checksum recorded in "
                        + "the run's receipt.json (the plan is the same); this trace describes the inputs as they are "
                        + "now, which may not match the run's artifacts\n");
    }

    @Test
    void trace_runWhosePlanNoLongerReproduces_warnsWithBothHashes() throws IOException {
        Path run = audit("r");
        Path accounts = snapshot.resolve("salesforce_accounts.csv");
        Files.writeString(accounts, Files.readString(accounts) + "001ZZZ,Zed,zed.example,,,,\n");
        String then = JSON.readTree(run.resolve("fix_plan.json").toFile())
                .path("plan_hash")
                .asText();

        Cli.Result r = Cli.run("trace", "--run", run.toString(), "--sf-account-id", "001ZZZ");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .startsWith("warning: the snapshot " + snapshot.toAbsolutePath().normalize()
                        + " changed since the run: salesforce_accounts.csv differs from the checksum recorded in "
                        + "the run's receipt.json (plan_hash " + then + " then, ")
                .endsWith(" now); this trace describes the inputs as they are now, which may not match the run's "
                        + "artifacts\n");
    }

    @Test
    void trace_runWithUnchangedFilesButAnotherPlanHash_warnsThePlanNoLongerFollows() throws IOException {
        Path run = audit("r");
        Path plan = run.resolve("fix_plan.json");
        String now = JSON.readTree(plan.toFile()).path("plan_hash").asText();
        String then = "0".repeat(64);
        Files.writeString(plan, Files.readString(plan).replace(now, then));

        Cli.Result r = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .isEqualTo("warning: the run's plan no longer follows from its unchanged input files (plan_hash "
                        + then + " then, " + now + " now), as when another version of plumbline audits them; this "
                        + "trace describes the inputs as they are now, which may not match the run's artifacts\n");
    }

    @Test
    void report_runWhoseSnapshotFileChanged_exits3AndKeepsTheReport() throws IOException {
        Path run = audit("r");
        String page = Files.readString(run.resolve("report.html"));
        Path users = snapshot.resolve("zendesk/users.jsonl");
        Files.writeString(users, Files.readString(users) + "\n");

        Cli.Result r = Cli.run("report", "--run", run.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo("error: the snapshot " + snapshot.toAbsolutePath().normalize()
                        + " changed since the run: zendesk/users.jsonl differs from the checksum recorded in the run's "
                        + "receipt.json (the plan is the same); report.html would no longer describe the run: audit "
                        + "the input again for a new run\n");
        assertThat(run.resolve("report.html")).content().isEqualTo(page);
    }

    @Test
    void trace_runThatRecordedARelativePath_saysItResolvesFromTheAuditsFolder() throws IOException {
        Path run = audit("r");
        Path receipt = run.resolve("receipt.json");
        ObjectNode root = (ObjectNode) JSON.readTree(receipt.toFile());
        ((ObjectNode) root.path("input")).put("path", "no-such-base");
        JSON.writeValue(receipt.toFile(), root);

        Cli.Result r = Cli.run("trace", "--run", run.toString(), "--zendesk-org-id", "9003");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: no-such-base: snapshot folder not found; run " + run
                        + " recorded it relative to the folder its audit was started in: run this command from "
                        + "there\n");
    }

    private static String crc32c(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }
}
