package io.plumbline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.Applier;
import io.plumbline.apply.ApplyOptions;
import io.plumbline.apply.PlanFile;
import io.plumbline.apply.PlanSelection;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.apply.ZendeskWrites;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.ActionCode;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.plan.Caps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plumbline apply}: dry run by default; live only with --apply and the plan's own hash. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Re-read current Zendesk state, re-check every prepared action's preconditions, and write the receipt "
                    + "apply_receipt.json next to the plan. Dry run by default: nothing is written to Zendesk.",
            "A live apply needs --apply and --confirm-plan-hash equal to the plan's plan_hash; demo plans and stale "
                    + "plans (see --max-plan-age-days) are refused. "
                    + "Caps are decided in plan order before any write; each write re-checks its preconditions first.",
            "Exit 4 when an action failed, when Zendesk's rate limit outlasted what Plumbline waits out (a "
                    + "Retry-After over 5 minutes, or 30 in a row), when Zendesk could not be reached, or when it "
                    + "refused the credentials (an expired token, a scope missing): the rest is then skipped "
                    + "(rate_limited, zendesk_unreachable, credentials_refused) unsent. Run the same command again: "
                    + "what is in effect is skipped.",
            "",
            "Examples:",
            "  plumbline apply --plan artifacts/plumbline/RUN/fix_plan.json",
            "  plumbline apply --plan artifacts/plumbline/RUN/fix_plan.json \\",
            "      --apply --confirm-plan-hash <plan_hash>",
            "  plumbline apply --plan fix_plan.json --only-action add_org_domain \\",
            "      --only-account 001ACME004"
        })
final class ApplyCommand implements Callable<Integer> {
    static final int DEFAULT_MAX_PLAN_AGE_DAYS = 7;

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--plan",
            required = true,
            paramLabel = "FILE",
            description = "The fix_plan.json of an audit run (or the run folder that holds it).")
    Path plan;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config naming the Zendesk to use (default: plumbline.yaml in the current folder).")
    Path config;

    @Option(names = "--apply", description = "Write to Zendesk (needs --confirm-plan-hash).")
    boolean live;

    @Option(names = "--confirm-plan-hash", paramLabel = "HASH", description = "The plan_hash of the plan you reviewed.")
    String confirmHash;

    @Option(
            names = "--max-actions",
            paramLabel = "N",
            defaultValue = "25",
            description = "At most N writes in this run (default: ${DEFAULT-VALUE}).")
    int maxActions;

    @Option(
            names = "--max-per-account",
            paramLabel = "N",
            defaultValue = "3",
            description = "At most N writes per Salesforce account (default: ${DEFAULT-VALUE}).")
    int maxPerAccount;

    @Option(
            names = "--only-account",
            paramLabel = "ID",
            split = ",",
            arity = "1..*",
            description =
                    "Only actions of these accounts (space- or comma-separated, or repeated); an id with no action in the plan is "
                            + "refused before anything runs.")
    List<String> onlyAccounts = new ArrayList<>();

    @Option(
            names = "--only-action",
            paramLabel = "CODE",
            split = ",",
            arity = "1..*",
            completionCandidates = ActionCodes.class,
            description = "Only these action codes (space- or comma-separated, or repeated): ${COMPLETION-CANDIDATES}.")
    List<String> onlyActions = new ArrayList<>();

    @Option(
            names = "--bulk-threshold",
            paramLabel = "N",
            defaultValue = "" + ApplyOptions.DEFAULT_BULK_THRESHOLD,
            description = "On a live apply, send assign_user_to_org in Zendesk's bulk jobs (create_many, 100 a "
                    + "job) when at least N of them are to be written; 0 never does (default: ${DEFAULT-VALUE}). "
                    + "move_user_to_org is always written one at a time; org updates only with --bulk-org-updates.")
    int bulkThreshold;

    @Option(
            names = "--bulk-org-updates",
            description = "Send set_org_external_id and add_org_domain in bulk too (update_many jobs, from "
                    + "--bulk-threshold of a kind). Zendesk runs a job later, from its queue, and it writes each "
                    + "org's whole domain list, or its external_id, as Plumbline read it just before: a change "
                    + "made to one of those orgs while the job waits is overwritten. For a quiet window, as a "
                    + "first clean-up of many orgs; by default each org update follows its own re-check at once.")
    boolean bulkOrgUpdates;

    @Option(
            names = "--max-plan-age-days",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_MAX_PLAN_AGE_DAYS,
            description = "Refuse a live apply of a stale plan: one made from Zendesk as it was more than N days ago "
                    + "(its source.as_of; default: ${DEFAULT-VALUE}). A dry run only warns.")
    int maxPlanAgeDays;

    @Option(
            names = "--receipt",
            paramLabel = "FILE",
            description = "Where to write the receipt (default: apply_receipt.json beside the plan).")
    Path receipt;

    @Mixin
    CommonOptions common = new CommonOptions();

    ApplyCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** The action codes --only-action accepts, as its help lists them. */
    static final class ActionCodes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ActionCode.codes().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(plan)) {
            plan = plan.resolve("fix_plan.json");
        }
        ApplyOptions options = new ApplyOptions(live, caps(), accounts(), actions(), bulkThreshold(), bulkOrgUpdates);
        Duration maxAge = maxPlanAge();
        PlanFile file = PlanFile.read(plan);
        Path out = receipt != null
                ? ReceiptArchive.target(
                        receipt, "apply_receipt.json", Set.of("apply", "dry_run", "not_run"), "--receipt")
                : plan.toAbsolutePath().getParent().resolve("apply_receipt.json");
        if (live) {
            file.checkLive(confirmHash);
            file.checkFresh(ctx.clock().instant(), maxAge);
        }
        // a demo plan describes the bundled fixtures, never applied: its age says nothing
        Optional<Duration> staleAge = live || file.plan().demo()
                ? Optional.empty()
                : file.staleness(ctx.clock().instant(), maxAge);
        staleAge.ifPresent(age -> ctx.err()
                .println("warning: stale plan: " + file.describeAge(age, maxAge) + "; a live apply of it is refused"));
        Optional<PlanFile.AgeUnknown> ageUnknown = live || file.plan().demo() ? Optional.empty() : file.ageUnknown();
        ageUnknown.ifPresent(
                u -> ctx.err().println("warning: " + u.why() + "; a live apply of it is refused. " + u.fix()));
        boolean stale = staleAge.isPresent() || ageUnknown.isPresent();
        PlanSelection.check(file.plan(), options);
        if (!live && confirmHash != null) {
            ctx.err()
                    .println("note: --confirm-plan-hash only takes effect with --apply; this is a dry run and "
                            + "nothing is written to Zendesk");
        }
        // only a demo plan runs without a config; any other needs the Zendesk a config names
        PlumblineConfig cfg = ConfigLoader.loadGiven(config, !file.plan().demo());
        String target = file.plan().demo() ? "" : cfg.zendesk().instance();
        if (!file.plan().demo()) {
            file.checkZendesk(target);
            if (live && file.zendesk().isEmpty()) {
                ctx.err()
                        .println("note: " + plan + " does not say which Zendesk it was audited against (its snapshot "
                                + "was not pulled by Plumbline); it is applied to " + target);
            }
        }
        ZendeskWrites zendesk = ZendeskConnections.open(
                file.plan().demo(), file.plan().demo() ? demoFolder(plan) : null, live, cfg, ctx, common.quiet);
        Instant started = ctx.clock().instant();
        ReceiptFile receiptFile;
        String hash;
        try (ReceiptArchive.Held writes = live ? holdPlan(file, target) : () -> {};
                ReceiptArchive.Held held = ReceiptArchive.hold(out)) {
            EarlierJobs.check(zendesk, out, live, ctx.err());
            ReceiptArchive.keepUnfinished(out, ctx.err());
            String runId = ReceiptArchive.freshRunId(out, started, live ? "apply" : "dry_run");
            try {
                receiptFile = new ReceiptFile(out, header(file, runId, options, started, target));
                new Applier(zendesk).run(file.plan(), options, receiptFile);
                hash = receiptFile.finish(ctx.clock().instant().toString());
                ReceiptArchive.archiveOrSay(out, runId, "apply", ctx.err());
            } finally {
                ReceiptArchive.release(out, runId);
            }
        }
        ApplyReadout.NextWords next = new ApplyReadout.NextWords(
                NextOptions.repeated(spec, Set.of("--plan", "--apply", "--confirm-plan-hash")),
                NextOptions.only(spec, "--config"));
        ApplyReadout.print(
                ctx.out(), receiptFile.json(), receiptFile.results(), hash, out, file, stale, common.quiet, next);
        return ApplyReadout.exitCode(receiptFile.json(), ctx.err());
    }

    /** Holds the plan's live writes to {@code zendesk} against another live run of it, on this machine. */
    private ReceiptArchive.Held holdPlan(PlanFile file, String zendesk) {
        return ReceiptArchive.holdWrites(
                "apply",
                zendesk,
                file.plan().planHash(),
                "another plumbline run is applying this plan to " + zendesk + ", or undoing an apply of it, right"
                        + " now (its receipt may be elsewhere); wait for it to finish, then dry-run again: two live"
                        + " runs of one plan at once would each write its actions",
                w -> ctx.err().println("warning: " + w));
    }

    /**
     * The snapshot folder a demo plan's audit read, as its run's receipt.json records it: a copy of the demo
     * fixtures, perhaps edited, that the dry run re-checks against; null for the bundled fixtures.
     */
    private static Path demoFolder(Path plan) {
        Path receipt = plan.toAbsolutePath().resolveSibling("receipt.json");
        if (!Files.isRegularFile(receipt)) {
            return null;
        }
        var input = AuditInputs.readJson(receipt).path("input");
        Path folder = Path.of(input.path("path").asText("."));
        return input.path("kind").asText().equals("snapshot") && Files.isDirectory(folder) ? folder : null;
    }

    private Duration maxPlanAge() {
        if (maxPlanAgeDays < 1) {
            throw new ConfigException("--max-plan-age-days must be at least 1: " + maxPlanAgeDays);
        }
        return Duration.ofDays(maxPlanAgeDays);
    }

    private Caps caps() {
        if (maxActions < 0 || maxPerAccount < 0) {
            throw new ConfigException((maxActions < 0 ? "--max-actions" : "--max-per-account")
                    + " must not be negative: " + (maxActions < 0 ? maxActions : maxPerAccount));
        }
        return new Caps(maxActions, maxPerAccount);
    }

    private int bulkThreshold() {
        if (bulkThreshold < 0) {
            throw new ConfigException("--bulk-threshold must not be negative: " + bulkThreshold);
        }
        return bulkThreshold;
    }

    private Set<String> accounts() {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : onlyAccounts) {
            try {
                out.add(SalesforceIds.canonical(raw.strip()).value());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--only-account: " + e.getMessage());
            }
        }
        return out;
    }

    private Set<ActionCode> actions() {
        Set<ActionCode> out = new LinkedHashSet<>();
        for (String raw : onlyActions) {
            try {
                out.add(ActionCode.fromCode(raw.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--only-action: " + e.getMessage());
            }
        }
        return out;
    }

    /** The receipt's fields before its results; {@code target} names the Zendesk it reads and writes ("" for a demo plan). */
    private ObjectNode header(PlanFile file, String runId, ApplyOptions options, Instant started, String target) {
        ObjectNode h = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        h.put("run_id", runId);
        h.put("source_plan_path", file.path().toString());
        h.put("source_plan_hash", file.plan().planHash());
        h.put("mode", options.live() ? "apply" : "dry_run");
        h.put("demo", file.plan().demo());
        if (!target.isEmpty()) {
            h.put("zendesk", target); // undo checks it: the inverses go to the Zendesk the writes went to
        }
        h.put("started_at", started.toString());
        ObjectNode caps = h.putObject("caps_used");
        caps.put("max_actions", options.caps().maxActions());
        caps.put("max_per_account", options.caps().maxPerAccount());
        if (options.live()) {
            h.put("bulk_threshold", options.bulkThreshold());
            h.put("bulk_org_updates", options.bulkOrgUpdates());
        }
        ObjectNode filters = h.putObject("filters");
        options.onlyAccounts().stream().sorted().forEach(filters.putArray("only_account")::add);
        options.onlyActions().stream().map(ActionCode::code).sorted().forEach(filters.putArray("only_action")::add);
        h.put("complete", false);
        return h;
    }
}
