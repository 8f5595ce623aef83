package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.plan.PlannedAction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the results so far of one run mean for its later actions. A record that a bulk job may still be
 * writing ({@value JobConfirmation#UNCONFIRMED}: the org of an org update, the user of a membership), or
 * that a single write whose answer was lost may have written and Zendesk could not be read to settle
 * ({@value JobConfirmation#WRITE_UNCONFIRMED}), is off limits for the rest of the run: a later action touching it is skipped as
 * {@value #PRIOR_UNCONFIRMED}, so that two writes never race on one record (an org's whole domain_names
 * list above all). And a domain or external_id this run has put (or may have put) on one org makes a
 * later action putting it on another org skip with the reason its own re-check would give, even before
 * Zendesk's search, which lags writes, shows it.
 */
final class RunLedger {
    static final String PRIOR_UNCONFIRMED = "prior_job_unconfirmed";

    private final Set<ZendeskOrgId> openOrgs = new HashSet<>();
    private final Set<ZendeskUserId> openUsers = new HashSet<>();
    private final Map<String, Long> claimed = new HashMap<>();

    /** Takes note of one result. */
    void record(ActionResult r) {
        boolean open = JobConfirmation.open(r);
        if (open && r.userId() != null) {
            openUsers.add(new ZendeskUserId(r.userId()));
        } else if (open && r.orgId() != null) {
            openOrgs.add(new ZendeskOrgId(r.orgId()));
        }
        String key = valueKey(r.code(), r.value());
        if ((open || r.status() == ResultStatus.APPLIED) && key != null && r.orgId() != null) {
            claimed.put(key, r.orgId());
        }
    }

    /** The step, or when the run's results so far decide it, the step with its skip. */
    Applier.Step screen(Applier.Step s) {
        if (s.decided() != null) {
            return s;
        }
        PlannedAction a = s.action();
        if ((a.orgId() != null && openOrgs.contains(a.orgId()))
                || (a.userId() != null && openUsers.contains(a.userId()))) {
            return skipped(a, PRIOR_UNCONFIRMED);
        }
        Long holder = claimed.get(valueKey(a.code(), a.value()));
        if (holder != null && a.orgId() != null && holder != a.orgId().value()) {
            return skipped(
                    a,
                    a.code() == ActionCode.ADD_ORG_DOMAIN
                            ? "precondition_changed_domain_attached_elsewhere"
                            : "precondition_changed_external_id_in_use");
        }
        return s;
    }

    private static Applier.Step skipped(PlannedAction a, String reason) {
        return new Applier.Step(a, Applier.result(a, ResultStatus.SKIPPED, reason, Map.of(), Map.of(), ""));
    }

    /** The value an org update puts on its org, which no other org may hold; null for other kinds. */
    private static String valueKey(ActionCode code, String value) {
        return switch (code) {
            case ADD_ORG_DOMAIN -> "domain:" + value.toLowerCase(Locale.ROOT);
            case SET_ORG_EXTERNAL_ID -> "external_id:" + value.toLowerCase(Locale.ROOT);
            default -> null;
        };
    }
}
