package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A read apply or undo relies on before a write comes back 200 without the list it asks for (a proxy
 * page, an empty object): that is an error, never "Zendesk holds none", which would clear a precondition.
 */
class EmptyAnswerTest {
    private static final LiveApplyFixture fx = LiveApplyFixture.shared();

    @Test
    void apply_domainSearchAnswersWithoutResults_doesNotAddADomainAnotherOrgHolds() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.edits().updateOrganization(9011, "{\"domain_names\": [\"acmeshop.example\"]}");
            Path plan = fx.plan("empty-search");
            z.failEvery("GET", "/api/v2/search", Fault.EMPTY_ANSWER);

            LiveApplyFixture.Run r = fx.applyLive(z, plan, "--only-action", "add_org_domain");

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
            JsonNode a003 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A003");
            assertThat(a003.path("status").asText()).isEqualTo("failed");
            assertThat(a003.path("reason").asText())
                    .contains("Zendesk answered GET /api/v2/search.json in an unexpected form: no 'results'");
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .doesNotContain("acmeshop.example");
        }
    }

    @Test
    void undo_membershipsAnswerWithoutTheList_doesNotCallTheMembershipGone() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("empty-memberships");
            assertThat(fx.applyLive(z, plan).code()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            long membership = assigned(receipt, 7015);
            String hash = LiveApplyFixture.confirmHash(fx.undo(z, receipt).out());
            z.failRequest("/api/v2/users/7015/organization_memberships", 1, Fault.EMPTY_ANSWER);

            LiveApplyFixture.Run u = fx.undo(z, receipt, "--apply", "--confirm-receipt-hash", hash);

            assertThat(u.code()).as(u.out() + u.err()).isNotZero();
            assertThat(u.out() + u.err()).doesNotContain("already_in_effect");
            assertThat(z.membership(membership))
                    .as("left for a later undo to remove")
                    .isPresent();
        }
    }

    /** The membership the receipt's assign_user_to_org made for {@code user}. */
    private static long assigned(Path receipt, long user) {
        for (JsonNode n : json(receipt).path("results")) {
            if (n.path("action_code").asText().equals("assign_user_to_org")
                    && n.path("zendesk_user_id").asLong() == user) {
                return n.path("after").path("membership_id").asLong();
            }
        }
        throw new AssertionError("no assign_user_to_org for user " + user + " in " + receipt);
    }
}
