package io.plumbline.audit;

import io.plumbline.detect.DriftDetector;
import io.plumbline.detect.Issue;
import io.plumbline.model.Snapshot;
import io.plumbline.normalize.PersonalDomains;
import io.plumbline.plan.Caps;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlanJson;
import io.plumbline.plan.PlannedAction;
import io.plumbline.plan.Planner;
import io.plumbline.resolve.IdentityResolver;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.ResolutionSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolve, detect, plan: a pure function from a snapshot to an {@link AuditResult}. The run id and
 * generation time are passed in and kept out of the plan hash.
 */
public final class Auditor {
    private final ResolutionSettings settings;
    private final List<String> personalDomainsExtra;
    private final List<String> personalDomainsRemoved;

    public Auditor(ResolutionSettings settings, List<String> personalDomainsExtra) {
        this(settings, personalDomainsExtra, List.of());
    }

    /**
     * An auditor whose settings' personal domains are the built-in ones plus {@code extra} less {@code
     * removed}. The plan records them as the audit uses them (normalized, each once, sorted), so settings
     * that differ only in spelling, order or repeats make the same plan and hash.
     */
    public Auditor(ResolutionSettings settings, List<String> extra, List<String> removed) {
        this.settings = settings;
        this.personalDomainsExtra = PersonalDomains.normalized("personal_domains_extra", extra);
        this.personalDomainsRemoved = PersonalDomains.normalized("personal_domains_removed", removed);
    }

    public AuditResult audit(Snapshot snapshot, boolean demo, String runId, Instant generatedAt) {
        Resolution resolved = new IdentityResolver(settings).resolve(snapshot);
        List<Issue> issues = new DriftDetector().detect(resolved);
        // the tickets are read by now (detection waited for them), so whether any is in the window is known,
        // and what reading the files found is all said
        List<String> ticketWarnings = new ArrayList<>(snapshot.readWarnings());
        IdentityResolver.noTicketInWindow(resolved).ifPresent(ticketWarnings::add);
        IdentityResolver.ticketsAfterCapture(resolved).ifPresent(ticketWarnings::add);
        IdentityResolver.undatedTickets(resolved).ifPresent(ticketWarnings::add);
        Resolution resolution = resolved.withWarnings(ticketWarnings);
        List<PlannedAction> actions = new Planner().plan(issues);
        FixPlan plan = PlanJson.withHash(new FixPlan(
                FixPlan.SCHEMA_VERSION, "", generatedAt, runId, source(resolution), demo, Caps.DEFAULT, actions));
        return new AuditResult(resolution, issues, plan);
    }

    /**
     * What the plan was computed from, limited to what decides its content (no paths, no clocks), with the
     * Zendesk the snapshot was pulled from when it says.
     */
    private Map<String, Object> source(Resolution resolution) {
        Map<String, Object> source = new TreeMap<>();
        source.put("as_of", resolution.snapshot().asOf().toString());
        source.put("ticket_lookback_days", settings.ticketLookbackDays());
        source.put("ticket_window_start", resolution.ticketWindowStart().toString());
        source.put("personal_domains_extra", personalDomainsExtra);
        if (!personalDomainsRemoved.isEmpty()) { // left out when empty: plans made before it keep their hash
            source.put("personal_domains_removed", personalDomainsRemoved);
        }
        if (!resolution.snapshot().zendesk().isEmpty()) {
            source.put("zendesk", resolution.snapshot().zendesk()); // its ids are that Zendesk's: apply checks it
        }
        return source;
    }
}
