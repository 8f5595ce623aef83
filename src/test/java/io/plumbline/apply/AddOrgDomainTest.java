package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.ActionCode;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import java.util.List;
import java.util.Map;
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

    @Test
    void undo_anotherSpellingAddedSince_removesOnlyTheEntryTheRepairAdded() {
        SnapshotZendesk z = zendesk(List.of("a.example", "shop.example", "www.shop.example"), List.of());

        Check c = undoCheck(z);

        assertThat(c.ready()).isTrue();
        assertThat(c.after()).isEqualTo(Map.of("domain_names", List.of("a.example", "www.shop.example")));
    }

    @Test
    void undo_onlyAnotherSpellingLeft_isAlreadyInEffect() {
        SnapshotZendesk z = zendesk(List.of("a.example", "www.shop.example"), List.of());

        assertThat(undoCheck(z).reason()).isEqualTo("already_in_effect");
    }

    private static Check undoCheck(SnapshotZendesk z) {
        ActionTarget t = new ActionTarget(
                ActionCode.ADD_ORG_DOMAIN, "ACC-1", new ZendeskOrgId(1), null, null, "shop.example", Map.of());
        return new AddOrgDomain()
                .checkUndo(
                        t,
                        Map.of("domain_names", List.of("a.example")),
                        Map.of("domain_names", List.of("a.example", "shop.example")),
                        z);
    }

    /** Org 1 (the action's target) and org 2 with the domain names given. */
    private static SnapshotZendesk zendesk(List<String> target, List<String> other) {
        return OneAction.zendesk(
                new Organization(new ZendeskOrgId(1), "Target", "ACC-1", target, ""),
                new Organization(new ZendeskOrgId(2), "Other", "", other, ""));
    }

    private static ActionResult applyLive(SnapshotZendesk z) {
        return OneAction.applyLive(z, ActionCode.ADD_ORG_DOMAIN, "ACC-1", "shop.example", Map.of());
    }
}
