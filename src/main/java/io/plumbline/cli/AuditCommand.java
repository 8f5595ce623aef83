package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
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
            "  plumbline audit --config plumbline.yaml --ticket-lookback-days 14"
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
        AuditInputs inputs = AuditInputs.load(input);
        Path root = out != null
                ? out
                : inputs.config().resolve(inputs.config().output().root());
        String id = RunIds.choose(runId, started, "audit", root);
        Auditor auditor = new Auditor(inputs.settings(), inputs.config().audit().personalDomainsExtra());
        AuditResult result = auditor.audit(inputs.snapshot(), "demo".equals(inputs.kind()), id, started);
        RunInfo run = new RunInfo(id, started, ctx.clock().instant(), inputs.kind(), inputs.path(), argv);
        Path runDir = RunFolderWriter.write(result, run, root);
        AuditReadout.print(ctx.out(), result, SummaryFacts.of(result), run, runDir, common.quiet);
        return 0;
    }
}
