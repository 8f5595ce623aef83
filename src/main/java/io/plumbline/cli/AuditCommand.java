package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.artifacts.TrendPoint;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.InputFingerprints;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.store.IssueKey;
import io.plumbline.store.RunStore;
import io.plumbline.zendesk.PullStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline audit}: read both sides, resolve, detect, plan, and write one run folder. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Read Salesforce accounts and Zendesk orgs, users, memberships and recent tickets; resolve identities by "
                    + "strict rules; group drift by account; prepare a hashed fix plan; write one run folder.",
            "",
            "Examples:",
            "  plumbline audit --demo",
            "  plumbline audit --snapshot ./snapshot --out ./artifacts/plumbline",
            "  plumbline audit --config plumbline.yaml --ticket-lookback-days 14",
            "",
            "Without --demo or --snapshot the audit is live: it pulls Zendesk through its API (credentials from the "
                    + "environment variables named in the config) into RUN/snapshot/, then audits that folder. When "
                    + "the local store holds an earlier pull of the same Zendesk, only what changed since is fetched "
                    + "and merged into it; --full pulls everything."
        })
final class AuditCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "Name of the run folder (default: YYYYMMDD_HHMMSSZ_audit, UTC).")
    String runId;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output root (default: config output.root, else artifacts/plumbline in the current folder).")
    Path out;

    @Option(
            names = "--fail-on",
            paramLabel = "WHEN",
            description = "Exit 1 when the condition holds: any (any issue), "
                    + "blocked (any blocked action), new (any issue the previous recorded run of the same Zendesk and"
                    + " ticket window did not have; demo runs and runs on real inputs are never compared).")
    String failOn;

    @Option(names = "--json", description = "Print summary.json to stdout instead of the readout (for CI).")
    boolean json;

    @Option(names = "--no-history", description = "Neither read nor record the local history store.")
    boolean noHistory;

    @Option(
            names = "--full",
            description = "Live audits: pull all of Zendesk even when an earlier pull could be continued.")
    boolean full;

    List<String> argv = List.of();

    AuditCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Instant started = ctx.clock().instant();
        FailOn condition = failOn == null ? null : FailOn.parse(failOn);
        if (input.live()) {
            return live(started, condition);
        }
        AuditInputs inputs = AuditInputs.load(input);
        AuditInputs.snapshotNotes(input, inputs).forEach(ctx.err()::println);
        Path root = out != null
                ? out
                : inputs.config().resolve(inputs.config().output().root());
        Path store = inputs.config().storePath(root);
        String id = RunIds.choose(runId, started, "audit", root, claim(store, root, started), store.toString());
        try {
            return audit(inputs, root, id, started, condition, null);
        } catch (RuntimeException | IOException | Error e) {
            RunFolderWriter.deleteQuietly(RunFolderWriter.staging(root, id)); // gone once the run is published
            release(store, id);
            throw e;
        }
    }

    /**
     * Claims a run id in the history store the run will record itself in, which other output roots may
     * share (nothing with --no-history).
     */
    private Predicate<String> claim(Path store, Path root, Instant started) {
        if (noHistory) {
            return id -> true;
        }
        return id -> {
            try (RunStore s = RunStore.open(store)) {
                return s.claimRunId(
                        id, root.resolve(id).toAbsolutePath().normalize().toString(), started.toString());
            }
        };
    }

    /** Gives back the claim of a run that failed, so its --run-id can be used again. */
    private void release(Path store, String id) {
        if (noHistory) {
            return;
        }
        try (RunStore s = RunStore.open(store)) {
            s.releaseRunId(id);
        } catch (RuntimeException e) {
            // the run failed already: its error is the one to show; the id stays taken
        }
    }

    /** Neither --demo nor --snapshot: pull Zendesk into the run's snapshot/ and audit that folder. */
    private Integer live(Instant started, FailOn condition) throws IOException {
        PlumblineConfig config = ConfigLoader.load(input.configPath());
        Path root = out != null ? out : config.resolve(config.output().root());
        Path store = config.storePath(root);
        String id = RunIds.choose(runId, started, "audit", root, claim(store, root, started), store.toString());
        Path staging = RunFolderWriter.staging(root, id);
        try {
            return live(config, root, id, staging, started, condition);
        } catch (RuntimeException | IOException | Error e) {
            RunFolderWriter.deleteQuietly(staging); // gone once the run is published (an OutOfMemoryError too)
            release(store, id);
            throw e;
        }
    }

    /** Pulls Zendesk into the run's reserved {@code staging} folder and audits what it pulled. */
    private Integer live(PlumblineConfig config, Path root, String id, Path staging, Instant started, FailOn condition)
            throws IOException {
        ResolutionSettings settings = AuditInputs.settings(config, input.ticketLookbackDays);
        Instant asOf = AuditInputs.parseAsOf(input.asOf);
        Instant ticketsSince = LiveSnapshot.ticketsSince(settings, asOf, started);
        String source = config.zendesk().baseUri().toString();
        PullBaselines.Decision decision = noHistory
                ? PullBaselines.Decision.full("--no-history")
                : PullBaselines.decide(config, config.storePath(root), full, ticketsSince, started);
        PullStats stats = LiveSnapshot.pull(
                config,
                ctx,
                common,
                staging.resolve("snapshot"),
                started,
                ticketsSince,
                settings.ticketLookbackDays(),
                decision);
        Instant fullPullAt = stats.incremental() ? decision.baseline().fullPullAt() : started;
        AuditInputs inputs = AuditInputs.fromFolder(staging.resolve("snapshot"), asOf, config, settings, "live");
        return audit(
                new AuditInputs(
                        inputs.snapshot(),
                        config,
                        settings,
                        "live",
                        AuditInputs.absolute(root.resolve(id).resolve("snapshot")),
                        inputs.source()),
                root,
                id,
                started,
                condition,
                new PullBaselines.Pulled(source, stats, started, ticketsSince, fullPullAt));
    }

    /** Audits, publishes the run folder, then records the run (and a live pull) in the store. */
    private Integer audit(
            AuditInputs inputs, Path root, String id, Instant started, FailOn condition, PullBaselines.Pulled pull)
            throws IOException {
        Auditor auditor = new Auditor(
                inputs.settings(),
                inputs.config().audit().personalDomainsExtra(),
                inputs.config().audit().personalDomainsRemoved());
        boolean demo = inputs.demoPlan();
        if (demo && !inputs.demo()) {
            ctx.err()
                    .println("note: " + inputs.path() + " holds the demo fixtures (its " + SnapshotLayout.MANIFEST
                            + " says \"source\": \"" + SnapshotLayout.DEMO_SOURCE + "\"), so this is a demo plan,"
                            + " which apply dry-runs against that folder and never applies live");
        }
        AuditResult result = auditor.audit(inputs.snapshot(), demo, id, started);
        SummaryFacts facts = SummaryFacts.of(result);
        try (RunStore store = noHistory ? null : RunStore.open(inputs.config().storePath(root))) {
            AuditHistory.Series series = AuditHistory.Series.of(AuditHistory.series(result, input.asOf != null), root);
            Map<String, IssueKey> previous = AuditHistory.previousIssues(store, result, series);
            List<TrendPoint> trend = AuditHistory.trend(store, facts, id, started.toString(), result, series);
            RunInfo run = new RunInfo(
                    id,
                    started,
                    ctx.clock().instant(),
                    inputs.kind(),
                    inputs.path(),
                    argv,
                    InputFingerprints.of(inputs.source()),
                    input.config == null ? null : input.config.toAbsolutePath().normalize());
            Path runDir = RunFolderWriter.write(result, facts, run, root, trend);
            String unrecorded = null;
            if (store != null) {
                long requests = pull == null ? 0 : pull.stats().requests();
                String kind = pull == null ? inputs.kind() : pull.inputKind();
                try {
                    AuditHistory.record(store, result, facts, run, requests, kind, series);
                } catch (PlumblineException e) {
                    unrecorded = e.getMessage(); // the run folder is complete: its readout still counts
                }
                if (pull != null && unrecorded == null) {
                    try {
                        PullBaselines.remember(store, pull, id, runDir.resolve("snapshot"));
                    } catch (PlumblineException e) {
                        ctx.err()
                                .println("warning: the pull of this run could not be recorded as the baseline of"
                                        + " the next incremental pull (" + e.getMessage() + "); the next live audit"
                                        + " pulls from the last baseline recorded, or in full");
                    }
                }
            }
            if (json) {
                ctx.out().print(Files.readString(runDir.resolve("summary.json")));
                ctx.out().flush();
            } else {
                AuditReadout.print(ctx.out(), result, facts, run, runDir, common.quiet);
            }
            if (json || common.quiet) {
                AuditReadout.warnings(ctx.err(), result, runDir);
            }
            if (unrecorded != null) {
                ctx.err()
                        .println("warning: the run folder " + runDir + " is complete, but the run is not in the"
                                + " history store (" + unrecorded + "); `history`, the trend and the next"
                                + " `--fail-on new` will not know it"
                                + (RunStore.heldByAnother(unrecorded)
                                        ? " (another plumbline process held the store); the next audit records"
                                                + " itself as usual"
                                        : ""));
            }
            return failed(condition, facts, result, previous, store != null) ? ExitCodes.FAIL_ON : ExitCodes.OK;
        }
    }

    private boolean failed(
            FailOn condition,
            SummaryFacts facts,
            AuditResult result,
            Map<String, IssueKey> previous,
            boolean haveHistory) {
        if (condition == null) {
            return false;
        }
        boolean held = switch (condition) {
            case ANY -> facts.totalIssues() > 0;
            case BLOCKED -> facts.blocked() > 0;
            case NEW -> result.issues().stream().anyMatch(i -> !previous.containsKey(i.stableKey()));
        };
        if (condition == FailOn.NEW && !haveHistory) {
            ctx.err().println("warning: --fail-on new without history compares against nothing: every issue is new");
        }
        if (held) {
            ctx.err()
                    .println("fail-on " + condition.name().toLowerCase(Locale.ROOT) + ": the condition holds (exit 1)");
        }
        return held;
    }
}
