package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.ActionCode;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code set_org_external_id} re-checks, just before its write, that no org carries the account id in
 * a form the audit counts as the same id: any case, or the 15-character form (case-sensitive).
 */
class SetOrgExternalIdTest {
    private static final String ID18 = "001M000000qfPySIAU";

    @Test
    void apply_anotherOrgNowCarriesTheFifteenCharacterForm_skipsAsInUse() {
        SnapshotZendesk z = zendesk("001M000000qfPyS");

        ActionResult r = applyLive(z);

        assertThat(r.status()).isEqualTo(ResultStatus.SKIPPED);
        assertThat(r.reason()).isEqualTo("precondition_changed_external_id_in_use");
        assertThat(z.writes()).isEmpty();
    }

    @Test
    void apply_anotherOrgCarriesTheFifteenCharactersInAnotherCase_isAnotherIdAndApplies() {
        SnapshotZendesk z = zendesk("001m000000QFpYs");

        ActionResult r = applyLive(z);

        assertThat(r.status()).isEqualTo(ResultStatus.APPLIED);
        assertThat(z.org(new ZendeskOrgId(1)).orElseThrow().externalId()).isEqualTo(ID18);
    }

    @Test
    void apply_anotherOrgCarriesTheEighteenInAnotherCase_skipsAsInUse() {
        ActionResult r = applyLive(zendesk(ID18.toLowerCase(java.util.Locale.ROOT)));

        assertThat(r.reason()).isEqualTo("precondition_changed_external_id_in_use");
    }

    @Test
    void apply_anotherOrgCarriesTheKeyInAnotherUnicodeForm_skipsAsInUse() {
        String composed = "Caf\u00e9-42";
        SnapshotZendesk z = OneAction.zendesk(
                new Organization(new ZendeskOrgId(1), "Target", "", List.of("a.example"), ""),
                new Organization(new ZendeskOrgId(2), "Other", "cafe\u0301-42", List.of(), ""));

        ActionResult r = OneAction.applyLive(
                z,
                ActionCode.SET_ORG_EXTERNAL_ID,
                composed,
                composed,
                Map.of("org_external_id", "", "no_org_with_external_id", composed));

        assertThat(r.reason()).isEqualTo("precondition_changed_external_id_in_use");
        assertThat(z.writes()).isEmpty();
    }

    @Test
    void apply_targetAlreadyCarriesTheKeyInAnotherUnicodeForm_isAlreadyInEffect() {
        String composed = "Caf\u00e9-42";
        SnapshotZendesk z = OneAction.zendesk(
                new Organization(new ZendeskOrgId(1), "Target", "CAFE\u0301-42", List.of("a.example"), ""));

        ActionResult r = OneAction.applyLive(
                z,
                ActionCode.SET_ORG_EXTERNAL_ID,
                composed,
                composed,
                Map.of("org_external_id", "", "no_org_with_external_id", composed));

        assertThat(r.status()).isEqualTo(ResultStatus.SKIPPED);
        assertThat(r.reason()).isEqualTo("already_in_effect");
        assertThat(z.writes()).isEmpty();
    }

    /** Org 1 blank (the action's target), org 2 carrying {@code otherExternalId}. */
    private static SnapshotZendesk zendesk(String otherExternalId) {
        return OneAction.zendesk(
                new Organization(new ZendeskOrgId(1), "Target", "", List.of("a.example"), ""),
                new Organization(new ZendeskOrgId(2), "Other", otherExternalId, List.of(), ""));
    }

    private static ActionResult applyLive(SnapshotZendesk z) {
        return OneAction.applyLive(
                z,
                ActionCode.SET_ORG_EXTERNAL_ID,
                ID18,
                ID18,
                Map.of("org_external_id", "", "no_org_with_external_id", ID18));
    }
}
