package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.audit.TraceHints;
import io.plumbline.audit.Tracer;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.resolve.ResolutionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline trace}: explain, step by step, how one record resolved and what touches it. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Explain one record: its fields, each resolution step, the rule that decided, and every issue and "
                    + "action that touches it.",
            "",
            "Examples:",
            "  plumbline trace --demo --sf-account-id 001ACME002",
            "  plumbline trace --snapshot ./snapshot --user-email ana@acme.example",
            "  plumbline trace --run ./artifacts/plumbline/20260417_221530Z_audit \\",
            "      --zendesk-org-id 9001",
            "  plumbline trace --config plumbline.yaml --zendesk-user-id 7006",
            "  plumbline trace --demo --zendesk-ticket-id 10003",
            "",
            "--user-email ignores case (Ana@Acme.example finds ana@acme.example) and traces every user with the "
                    + "address, one after the other.",
            "",
            "After the record's fields, a trace has these parts:",
            "  Resolution   each step that matched the record (for an org: the accounts",
            "               that point to it)",
            "  Decided by   the rule that settled an account, and what it settled (for a",
            "               ticket, Decided: whether it was checked and what was found)",
            "  Issues (N)   each issue that names the record: why, and what to do next",
            "  Actions (N)  the planned fixes on the record or for those issues, ready or",
            "               blocked",
            "",
            "Without --demo, --snapshot or --run, trace reads the live APIs as audit does (only what changed since "
                    + "the last live audit's pull, when the history store allows it, else everything), traces what "
                    + "it read, and keeps nothing of it: no run folder, no history.",
            "",
            "Exit codes: 0 the record was traced; 2 it is not in the input (the error may suggest near matches), or "
                    + "an option or the config is wrong; 3 an input file cannot be read, or a run folder's "
                    + "receipt.json is damaged; 4 reading Zendesk or Salesforce failed (live trace only); 70 out of"
                    + " memory (raise it with PLUMBLINE_JAVA_OPTS=\"-Xmx8g\") or an internal error."
        })
final class TraceCommand implements Callable<Integer> {
    private final Context ctx;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--run", paramLabel = "DIR", description = "Trace against the inputs of a finished run folder.")
    Path run;

    static final class Target {
        @Option(
                names = "--sf-account-id",
                paramLabel = "ID",
                description = "A Salesforce account id (15 or 18 characters, or your key), or the address of the "
                        + "account's page in Salesforce.")
        String accountId;

        @Option(
                names = "--user-email",
                paramLabel = "EMAIL",
                description = "A Zendesk user's email address, in any case; every user with it is traced.")
        String email;

        @Option(
                names = "--zendesk-user-id",
                paramLabel = "N",
                converter = TraceTargets.UserId.class,
                description = "A Zendesk user id, or the address of the user's page in Zendesk.")
        Long userId;

        @Option(
                names = "--zendesk-org-id",
                paramLabel = "N",
                converter = TraceTargets.OrgId.class,
                description = "A Zendesk organization id, or the address of its page in Zendesk.")
        Long orgId;

        @Option(
                names = "--zendesk-ticket-id",
                paramLabel = "N",
                converter = TraceTargets.TicketId.class,
                description = "A Zendesk ticket id, or the address of its page in Zendesk; only tickets active "
                        + "within the lookback period (--ticket-lookback-days) are kept, so an older one is not found.")
        Long ticketId;
    }

    TraceCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        List<String> ignored = run != null ? input.given() : List.of();
        if (!ignored.isEmpty()) {
            throw new ConfigException("--run cannot be combined with " + String.join(" or ", ignored)
                    + ": a run folder is traced with the inputs and settings it recorded; drop one or the other");
        }
        if (run == null && input.live()) {
            Path pulled = Files.createTempDirectory("plumbline-trace-");
            try {
                return trace(live(pulled), "what was just read from Zendesk and Salesforce");
            } finally {
                RunFolderWriter.deleteQuietly(pulled);
            }
        }
        AuditInputs inputs = run != null ? AuditInputs.fromRun(run) : AuditInputs.load(input);
        if (run == null) {
            AuditInputs.snapshotNotes(input, inputs).forEach(ctx.err()::println);
        }
        return trace(inputs, inputs.description());
    }

    /**
     * Pulls both sides into {@code dir}, as a live audit does, continuing the last recorded pull of the
     * same Zendesk when the history store holds one that may be continued; a trace creates no store.
     */
    private AuditInputs live(Path dir) {
        PlumblineConfig config = ConfigLoader.load(input.configPath());
        ResolutionSettings settings = AuditInputs.settings(config, input.ticketLookbackDays);
        Instant started = ctx.clock().instant();
        Instant asOf = AuditInputs.parseAsOf(input.asOf);
        Instant ticketsSince = LiveSnapshot.ticketsSince(settings, asOf, started);
        PullBaselines.Decision decision = PullBaselines.decide(
                config, config.storePath(config.resolve(config.output().root())), false, ticketsSince, started);
        LiveSnapshot.pull(config, ctx, common, dir, started, ticketsSince, settings.ticketLookbackDays(), decision);
        return AuditInputs.fromFolder(dir, asOf, config, settings, "live");
    }

    private Integer trace(AuditInputs inputs, String described) {
        AuditResult result = new Auditor(
                        inputs.settings(),
                        inputs.config().audit().personalDomainsExtra(),
                        inputs.config().audit().personalDomainsRemoved())
                .audit(
                        inputs.snapshot(),
                        inputs.demoPlan(),
                        "trace",
                        ctx.clock().instant());
        if (run != null) {
            RunInputCheck.change(run, inputs, result)
                    .ifPresent(change -> ctx.err()
                            .println("warning: " + change + "; this trace describes the inputs as they are now, "
                                    + "which may not match the run's artifacts"));
        }
        Optional<List<String>> lines = trace(new Tracer(result));
        if (lines.isEmpty() && target.ticketId != null) {
            // the tickets before the window are counted, not kept
            throw new ConfigException("Zendesk ticket " + target.ticketId + " is not among the tickets of the ticket "
                    + "window in " + described + ": it is not in the tickets export, or it was last active before "
                    + result.resolution().ticketWindowStart() + ", and such a ticket is not checked");
        }
        if (lines.isEmpty()) {
            List<String> near = nearMisses(new TraceHints(result.resolution()));
            throw new ConfigException(describeTarget() + " is not in " + described
                    + (near.isEmpty() ? "" : "\n" + String.join("\n", near)));
        }
        // names, emails and domain fields come from the inputs: shown so they cannot drive the terminal
        lines.get().forEach(line -> ctx.out().println(Texts.shown(line)));
        ctx.out().flush();
        return 0;
    }

    private Optional<List<String>> trace(Tracer tracer) {
        try {
            if (target.accountId != null) {
                return tracer.account(SalesforceIds.canonical(TraceTargets.accountId(target.accountId)));
            }
            if (target.email != null) {
                String email = TraceTargets.email(target.email);
                if (email.isBlank() || !email.contains("@")) {
                    throw new ConfigException(
                            "--user-email '" + Texts.strip(target.email) + "' is not an email address;"
                                    + " give one like ana@acme.example, or trace the user by --zendesk-user-id");
                }
                return tracer.userByEmail(email);
            }
            if (target.userId != null) {
                return tracer.user(new ZendeskUserId(target.userId));
            }
            if (target.ticketId != null) {
                return tracer.ticket(new ZendeskTicketId(target.ticketId));
            }
            return tracer.org(new ZendeskOrgId(target.orgId));
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new ConfigException("--sf-account-id: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(describeTarget() + ": " + e.getMessage(), e);
        }
    }

    /** The records near the one asked for that was not found, as the error's further lines. */
    private List<String> nearMisses(TraceHints hints) {
        if (target.accountId != null) {
            return hints.account(SalesforceIds.canonical(TraceTargets.accountId(target.accountId)));
        }
        return target.email != null ? hints.email(TraceTargets.email(target.email)) : List.of();
    }

    private String describeTarget() {
        if (target.accountId != null) {
            return "Salesforce account " + target.accountId;
        }
        if (target.email != null) {
            return "user " + target.email;
        }
        if (target.ticketId != null) {
            return "Zendesk ticket " + target.ticketId;
        }
        return target.userId != null ? "Zendesk user " + target.userId : "Zendesk org " + target.orgId;
    }
}
