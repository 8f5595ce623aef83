package io.plumbline.cli;

import io.plumbline.artifacts.ReportHtml;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.artifacts.TrendPoint;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.config.ConfigLoader;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.store.RunStore;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline report}: (re)write a run folder's report.html with the current history trend. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Rewrite report.html of a finished run folder from its recorded inputs, with the trend of every run "
                    + "recorded so far (the audit writes one already; use this after later runs to refresh the trend).",
            "",
            "Examples:",
            "  plumbline report --run ./artifacts/plumbline/20260417_221530Z_audit",
            "  plumbline report --run ./artifacts/plumbline/20260417_221530Z_audit \\",
            "      --config ./plumbline.yaml"
        })
final class ReportCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder.")
    Path run;

    @Option(
            names = "--store",
            paramLabel = "FILE",
            description = "History store (default: the config's store.path, else plumbline.db in the run's "
                    + "output root).")
    Path storePath;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Config file whose store.path names the history store (default: plumbline.yaml in the current folder).")
    Path config;

    @Mixin
    CommonOptions common = new CommonOptions();

    ReportCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AuditInputs inputs = AuditInputs.fromRun(run);
        var receipt = AuditInputs.readJson(run.resolve("receipt.json"));
        String runId = receipt.path("run_id").asText(run.getFileName().toString());
        Instant started = Instant.parse(
                receipt.path("started_at").asText(ctx.clock().instant().toString()));
        AuditResult result = new Auditor(
                        inputs.settings(),
                        inputs.config().audit().personalDomainsExtra(),
                        inputs.config().audit().personalDomainsRemoved())
                .audit(inputs.snapshot(), inputs.demoPlan(), runId, started);
        // report.html must describe the run: rewriting it from other inputs would disagree with its artifacts
        RunInputCheck.change(run, inputs, result).ifPresent(change -> {
            throw new PlumblineException(
                    ExitCodes.INPUT,
                    change + "; report.html would no longer describe the run: audit the input again for a new run");
        });
        SummaryFacts facts = SummaryFacts.of(result);
        Path db = storePath != null
                ? storePath
                : ConfigLoader.loadGiven(config, false)
                        .storePath(run.toAbsolutePath().normalize().getParent());
        if (storePath != null && !Files.isRegularFile(storePath)) {
            // a store named by hand that is not there is a typo, not a tenant without history
            throw new ConfigException(storePath + ": no history store there (--store); name the plumbline.db your "
                    + "audits write, or leave --store out");
        }
        List<TrendPoint> trend = new ArrayList<>();
        if (Files.exists(db)) {
            try (RunStore store = RunStore.open(db)) {
                // the series the audit recorded the run in; for a run it did not record, as it would have
                AuditHistory.Series series = store.run(runId)
                        .map(r -> new AuditHistory.Series(r.series(), r.outputRoot()))
                        .orElseGet(() -> AuditHistory.Series.of(
                                AuditHistory.series(result, RunInputCheck.asOfGiven(run)),
                                run.toAbsolutePath().normalize().resolve("..")));
                trend.addAll(AuditHistory.earlier(store, AuditHistory.TREND_RUNS, result, series));
            }
        } else if (!common.quiet) {
            // the audits may have recorded into a store.path a config names: said, not drawn as no history
            ctx.err()
                    .println("note: no history store at " + db + ", so the trend shows this run only; if the audits"
                            + " record into another (the config's store.path), pass --config or --store");
        }
        if (trend.stream().noneMatch(t -> t.runId().equals(runId))) {
            trend.add(
                    new TrendPoint(runId, started.toString(), facts.totalIssues(), facts.prepared(), facts.blocked()));
            // a run older than the trend's runs (or never recorded) takes its place in time, not the last one
            trend.sort(Comparator.comparing((TrendPoint t) -> Instant.parse(t.startedAt()))
                    .thenComparing(TrendPoint::runId));
        }
        RunInfo info = new RunInfo(runId, started, started, inputs.kind(), inputs.path(), List.of());
        Path file = run.resolve("report.html");
        // written beside the old page and moved over it when complete: a failure leaves the old page
        AtomicFiles.replace(file, partial -> {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                ReportHtml.write(out, result, facts, info, trend);
            }
        });
        if (!common.quiet) {
            ctx.out().println("Wrote " + file + " (" + AuditReadout.plural(trend.size(), "run") + " in the trend)");
        }
        ctx.out().flush();
        return 0;
    }
}
