package io.plumbline.artifacts;

import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Scope;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.PlumblineException;
import io.plumbline.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one run folder. Every artifact is written into a hidden staging folder beside the target
 * and moved into place only when complete, so a failed run never leaves a half-written run folder.
 */
public final class RunFolderWriter {
    /** The artifacts of every run folder, in the order they are listed. */
    public static final List<String> ARTIFACTS = List.of(
            "summary.md",
            "summary.json",
            "org_issues.csv",
            "user_issues.csv",
            "ticket_issues.csv",
            "all_exceptions.csv",
            "exceptions_by_account.csv",
            "fix_plan.csv",
            "fix_plan.json",
            "receipt.json",
            "apply_receipt.json",
            "report.html");

    private RunFolderWriter() {}

    /** The staging folder a run writes into before it is published (extra files, e.g. a snapshot, may go there). */
    public static Path staging(Path outRoot, String runId) {
        return outRoot.resolve("." + runId + ".partial");
    }

    /** Renders every artifact into {@code staging} then moves it to {@code outRoot/runId}; returns the run folder. */
    public static Path write(AuditResult result, RunInfo run, Path outRoot, List<TrendPoint> trend) {
        Path target = outRoot.resolve(run.runId());
        if (Files.exists(target)) {
            throw new ConfigException(target + ": run folder already exists; pass a different --run-id");
        }
        Path staging = staging(outRoot, run.runId());
        try {
            Files.createDirectories(staging);
            // each artifact is written as soon as it is rendered: at millions of records, holding the
            // text of all of them at once would double the audit's peak memory
            render(
                    result,
                    run,
                    target,
                    trend,
                    (name, text) -> Files.writeString(staging.resolve(name), text, StandardCharsets.UTF_8));
            publish(staging, target);
            return target;
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new PlumblineException(2, outRoot + ": cannot write the run folder: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    /** Every artifact's text by file name. */
    public static Map<String, String> render(AuditResult result, RunInfo run, Path runDir, List<TrendPoint> trend) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            render(result, run, runDir, trend, files::put);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Receives each artifact as soon as it is rendered. */
    private interface ArtifactSink {
        void accept(String name, String text) throws IOException;
    }

    private static void render(AuditResult result, RunInfo run, Path runDir, List<TrendPoint> trend, ArtifactSink files)
            throws IOException {
        SummaryFacts facts = SummaryFacts.of(result);
        var issues = result.issues();
        Map<String, String> names = new java.util.TreeMap<>();
        result.resolution()
                .accounts()
                .forEach((id, r) -> names.put(id.value(), r.account().name()));
        files.accept("summary.md", SummaryMarkdown.render(result, facts, run, runDir));
        files.accept("summary.json", Json.pretty(SummaryJson.build(result, facts, run, ARTIFACTS)));
        files.accept(
                "org_issues.csv",
                IssueCsv.render(
                        issues,
                        i -> EnumSet.of(Scope.ORG, Scope.ACCOUNT)
                                .contains(i.code().scope())));
        files.accept("user_issues.csv", IssueCsv.render(issues, i -> i.code().scope() == Scope.USER));
        files.accept("ticket_issues.csv", IssueCsv.render(issues, i -> i.code().scope() == Scope.TICKET));
        files.accept("all_exceptions.csv", IssueCsv.render(issues, i -> true));
        files.accept("exceptions_by_account.csv", AccountRollup.render(facts.rollups()));
        files.accept("fix_plan.csv", FixPlanCsv.render(result.plan(), names));
        files.accept("fix_plan.json", Json.pretty(PlanJson.toJson(result.plan())));
        files.accept("receipt.json", Json.pretty(ReceiptJson.audit(result, facts, run)));
        files.accept(
                "apply_receipt.json",
                Json.pretty(ReceiptJson.applyNotRun(
                        result, run, runDir.resolve("fix_plan.json").toString())));
        files.accept("report.html", ReportHtml.render(result, facts, run, trend));
    }

    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(target + ": run folder already exists; pass a different --run-id");
        }
    }

    /** Removes a folder tree, ignoring errors (used to clean up after a failed run). */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover staging folder is hidden and replaced by the next run
        }
    }
}
