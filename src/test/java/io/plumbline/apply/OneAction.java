package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.plan.ActionStatus;
import io.plumbline.plan.Caps;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One prepared org action applied live (no bulk) to an in-memory Zendesk: for the handlers' re-checks. */
final class OneAction {
    private OneAction() {}

    /** A Zendesk holding just {@code orgs}. */
    static SnapshotZendesk zendesk(Organization... orgs) {
        return new SnapshotZendesk(
                new Snapshot(List.of(), List.of(), List.of(orgs), List.of(), List.of(), List.of(), Instant.EPOCH));
    }

    /** Applies {@code code} with {@code value} to org 1 of {@code account}; returns its result. */
    static ActionResult applyLive(
            SnapshotZendesk z, ActionCode code, String account, String value, Map<String, Object> preconditions) {
        PlannedAction action = new PlannedAction(
                "A001",
                code,
                ActionStatus.PREPARED,
                new SalesforceAccountId(account),
                new ZendeskOrgId(1),
                null,
                null,
                value,
                preconditions,
                "",
                List.of());
        FixPlan plan = new FixPlan(
                FixPlan.SCHEMA_VERSION, "", Instant.EPOCH, "t", Map.of(), false, Caps.DEFAULT, List.of(action));
        List<ActionResult> results = new ArrayList<>();
        new Applier(z).run(plan, new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(), 0, true), results::add);
        return results.get(0);
    }
}
