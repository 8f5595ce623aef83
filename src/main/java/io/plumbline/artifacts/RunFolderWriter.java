package io.plumbline.artifacts;

import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Scope;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.PlumblineException;
import io.plumbline.parallel.SideBySide;
import io.plumbline.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
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

    /** Artifacts written at once. */
    private static final int WRITERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private RunFolderWriter() {}

    /** The staging folder a run writes into before it is published (extra files, e.g. a snapshot, may go there). */
    public static Path staging(Path outRoot, String runId) {
        return outRoot.resolve("." + runId + ".partial");
    }

    /**
     * Renders every artifact into {@code staging} then moves it to {@code outRoot/runId}; returns the run
     * folder. {@code facts} are the result's {@link SummaryFacts#of facts}.
     */
    public static Path write(
            AuditResult result, SummaryFacts facts, RunInfo run, Path outRoot, List<TrendPoint> trend) {
        Path target = outRoot.resolve(run.runId());
        if (Files.exists(target)) {
            throw new ConfigException(target + ": run folder already exists; pass a different --run-id");
        }
        Path staging = staging(outRoot, run.runId());
        try {
            Files.createDirectories(staging);
            writeAll(staging, artifacts(result, facts, run, target, trend));
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

    /** Writes one artifact's text to a writer that stays open. */
    private interface Body {
        void to(Writer out) throws IOException;
    }

    /** One artifact: its file name and its text. */
    private record Artifact(String name, Body body) {}

    /** Every artifact, the costliest first. */
    private static List<Artifact> artifacts(
            AuditResult result, SummaryFacts facts, RunInfo run, Path runDir, List<TrendPoint> trend) {
        var issues = result.issues();
        return List.of(
                new Artifact("fix_plan.json", out -> Json.pretty(PlanJson.toJson(result.plan()), out)),
                new Artifact("report.html", out -> ReportHtml.write(out, result, facts, run, trend)),
                new Artifact("all_exceptions.csv", out -> IssueCsv.write(out, issues, i -> true)),
                new Artifact(
                        "org_issues.csv",
                        out -> IssueCsv.write(
                                out,
                                issues,
                                i -> EnumSet.of(Scope.ORG, Scope.ACCOUNT)
                                        .contains(i.code().scope()))),
                new Artifact("fix_plan.csv", out -> FixPlanCsv.write(out, result.plan(), accountNames(result))),
                new Artifact(
                        "user_issues.csv",
                        out -> IssueCsv.write(out, issues, i -> i.code().scope() == Scope.USER)),
                new Artifact(
                        "ticket_issues.csv",
                        out -> IssueCsv.write(out, issues, i -> i.code().scope() == Scope.TICKET)),
                new Artifact("exceptions_by_account.csv", out -> AccountRollup.write(out, facts.rollups())),
                new Artifact("summary.md", out -> out.write(SummaryMarkdown.render(result, facts, run, runDir))),
                new Artifact("summary.json", out -> Json.pretty(SummaryJson.build(result, facts, run, ARTIFACTS), out)),
                new Artifact("receipt.json", out -> Json.pretty(ReceiptJson.audit(result, facts, run), out)),
                new Artifact(
                        "apply_receipt.json",
                        out -> Json.pretty(
                                ReceiptJson.applyNotRun(
                                        result,
                                        run,
                                        runDir.resolve("fix_plan.json").toString()),
                                out)));
    }

    private static Map<String, String> accountNames(AuditResult result) {
        Map<String, String> names = new HashMap<>();
        result.resolution()
                .accounts()
                .forEach((id, r) -> names.put(id.value(), r.account().name()));
        return names;
    }

    /**
     * Writes the artifacts two at a time, each streamed to its file as it is rendered: at millions of
     * records, holding their text in memory would add hundreds of megabytes to the audit's peak, and
     * more writers at once would add the trees of more large artifacts. The first to fail stops the
     * others, and they have ended when this returns or throws.
     */
    private static void writeAll(Path dir, List<Artifact> artifacts) throws IOException {
        try (SideBySide writers = new SideBySide("artifact-writer", WRITERS)) {
            artifacts.forEach(a -> writers.start(() -> writeOne(dir, a)));
            writers.awaitAll();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes one artifact; I/O failures unchecked (CSV rows report theirs so too). */
    private static Void writeOne(Path dir, Artifact artifact) {
        try (Writer out = Files.newBufferedWriter(dir.resolve(artifact.name()), StandardCharsets.UTF_8)) {
            artifact.body().to(out);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            // best effort: a leftover staging folder is hidden; its run id is taken, so later runs get another
        }
    }
}
