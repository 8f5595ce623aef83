package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.resolve.ResolutionSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
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
            "Without --demo or --snapshot the audit is live: it pulls Zendesk through its API (credentials from the",
            "environment variables named in the config) into RUN/snapshot/, then audits that folder."
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
            description = "Output root (default: config output.root, else ./artifacts/plumbline).")
    Path out;

    List<String> argv = List.of();

    AuditCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Instant started = ctx.clock().instant();
        if (input.live()) {
            return live(started);
        }
        AuditInputs inputs = AuditInputs.load(input);
        Path root = out != null
                ? out
                : inputs.config().resolve(inputs.config().output().root());
        String id = RunIds.choose(runId, started, "audit", root);
        return audit(inputs, root, id, started);
    }

    /** Neither --demo nor --snapshot: pull Zendesk into the run's snapshot/ and audit that folder. */
    private Integer live(Instant started) {
        PlumblineConfig config = ConfigLoader.load(input.configPath());
        Path root = out != null ? out : config.resolve(config.output().root());
        String id = RunIds.choose(runId, started, "audit", root);
        Path staging = RunFolderWriter.staging(root, id);
        ResolutionSettings settings = AuditInputs.settings(config, input.ticketLookbackDays);
        Instant asOf = AuditInputs.parseAsOf(input.asOf);
        try {
            LiveSnapshot.pull(
                    config,
                    ctx,
                    common,
                    staging.resolve("snapshot"),
                    started,
                    asOf != null ? asOf : started,
                    settings.ticketLookbackDays());
            AuditInputs inputs = AuditInputs.fromFolder(staging.resolve("snapshot"), asOf, config, settings, "live");
            return audit(
                    new AuditInputs(
                            inputs.snapshot(),
                            config,
                            settings,
                            "live",
                            root.resolve(id).resolve("snapshot").toString()),
                    root,
                    id,
                    started);
        } catch (RuntimeException e) {
            RunFolderWriter.deleteQuietly(staging);
            throw e;
        }
    }

    private Integer audit(AuditInputs inputs, Path root, String id, Instant started) {
        Auditor auditor = new Auditor(inputs.settings(), inputs.config().audit().personalDomainsExtra());
        AuditResult result = auditor.audit(inputs.snapshot(), "demo".equals(inputs.kind()), id, started);
        RunInfo run = new RunInfo(id, started, ctx.clock().instant(), inputs.kind(), inputs.path(), argv);
        Path runDir = RunFolderWriter.write(result, run, root);
        AuditReadout.print(ctx.out(), result, SummaryFacts.of(result), run, runDir, common.quiet);
        return 0;
    }
}
