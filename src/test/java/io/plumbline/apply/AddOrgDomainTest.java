package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** {@code add_org_domain} compares domains as the audit does: after normalization, not as raw text. */
class AddOrgDomainTest {
    @Test
    void apply_anotherOrgNowHoldsTheDomainWrittenWithWww_skipsAsAttachedElsewhere() {
        SnapshotZendesk z = zendesk(List.of("a.example"), List.of("WWW.Shop.example."));

        ActionResult r = applyLive(z);

        assertThat(r.reason()).isEqualTo("precondition_changed_domain_attached_elsewhere");
        assertThat(z.writes()).isEmpty();
    }

    @Test
    void apply_theOrgAlreadyHoldsTheDomainAsAUrl_isAlreadyInEffect() {
        SnapshotZendesk z = zendesk(List.of("a.example", "https://shop.example/"), List.of());

        ActionResult r = applyLive(z);

        assertThat(r.reason()).isEqualTo("already_in_effect");
        assertThat(z.writes()).isEmpty();
    }

    /** Org 1 (the action's target) and org 2 with the domain names given. */
    private static SnapshotZendesk zendesk(List<String> target, List<String> other) {
        List<Organization> orgs = List.of(
                new Organization(new ZendeskOrgId(1), "Target", "ACC-1", target, ""),
                new Organization(new ZendeskOrgId(2), "Other", "", other, ""));
        return new SnapshotZendesk(
                new Snapshot(List.of(), List.of(), orgs, List.of(), List.of(), List.of(), Instant.EPOCH));
    }

    private static ActionResult applyLive(SnapshotZendesk z) {
        PlannedAction action = new PlannedAction(
                "A001",
                ActionCode.ADD_ORG_DOMAIN,
                ActionStatus.PREPARED,
                new SalesforceAccountId("ACC-1"),
                new ZendeskOrgId(1),
                null,
                null,
                "shop.example",
                Map.of(),
                "",
                List.of());
        FixPlan plan = new FixPlan(
                FixPlan.SCHEMA_VERSION, "", Instant.EPOCH, "t", Map.of(), false, Caps.DEFAULT, List.of(action));
        List<ActionResult> results = new ArrayList<>();
        new Applier(z).run(plan, new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(), 0), results::add);
        return results.get(0);
    }
}
