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

/**
 * How a live apply forms its bulk batches: actions that would change each other's preconditions (the
 * same org, the same domain or external_id on two orgs) never share a batch; the later one is deferred
 * to a later batch and re-checked there, and the batches stay as large as they can.
 */
class BulkBatchTest {
    private static final ApplyOptions BULK_FROM_2 =
            new ApplyOptions(true, new Caps(1000, 1000), Set.of(), Set.of(), 2, true);

    @Test
    void apply_sameDomainForTwoOrgsInOneRun_addsItToTheFirstAndSkipsTheSecond() {
        SnapshotZendesk z = zendesk(4);
        Recorder sink = run(
                z,
                action(1, ActionCode.ADD_ORG_DOMAIN, "x1.example"),
                action(2, ActionCode.ADD_ORG_DOMAIN, "shared.example"),
                action(3, ActionCode.ADD_ORG_DOMAIN, "SHARED.example"),
                action(4, ActionCode.ADD_ORG_DOMAIN, "x4.example"));

        assertThat(sink.status("A002")).isEqualTo("applied");
        assertThat(sink.status("A003")).isEqualTo("skipped");
        assertThat(sink.reason("A003")).isEqualTo("precondition_changed_domain_attached_elsewhere");
        assertThat(z.orgsWithDomain("shared.example"))
                .extracting(o -> o.id().value())
                .containsExactly(2L);
        assertThat(sink.batches).containsExactly(List.of("A001", "A002", "A004"));
    }

    @Test
    void apply_sameExternalIdInAnotherCaseForTwoOrgs_setsItOnceAndSkipsTheSecondAsInUse() {
        SnapshotZendesk z = zendesk(3);
        Recorder sink = run(
                z,
                action(1, ActionCode.SET_ORG_EXTERNAL_ID, "ACME-1"),
                action(2, ActionCode.SET_ORG_EXTERNAL_ID, "acme-1"),
                action(3, ActionCode.SET_ORG_EXTERNAL_ID, "ACME-3"));

        assertThat(sink.status("A001")).isEqualTo("applied");
        assertThat(sink.status("A002")).isEqualTo("skipped");
        assertThat(sink.reason("A002")).isEqualTo("precondition_changed_external_id_in_use");
        assertThat(z.orgsWithExternalId("acme-1")).hasSize(1);
    }

    @Test
    void apply_twoMissingDomainsPerOrg_goInTwoFullBatchesNotOneBatchPerOrg() {
        SnapshotZendesk z = zendesk(30);
        List<PlannedAction> actions = new ArrayList<>();
        for (int org = 1; org <= 30; org++) {
            actions.add(action(org, ActionCode.ADD_ORG_DOMAIN, "a" + org + ".example"));
            actions.add(action(org, ActionCode.ADD_ORG_DOMAIN, "b" + org + ".example"));
        }
        Recorder sink = run(z, actions.toArray(PlannedAction[]::new));

        assertThat(sink.batches).hasSize(2).allMatch(b -> b.size() == 30);
        assertThat(sink.results).hasSize(60).allMatch(r -> r.status() == ResultStatus.APPLIED);
        assertThat(z.org(new ZendeskOrgId(7)).orElseThrow().domainNames())
                .containsExactly("o7.example", "a7.example", "b7.example");
    }

    private static SnapshotZendesk zendesk(int orgs) {
        List<Organization> list = new ArrayList<>();
        for (int i = 1; i <= orgs; i++) {
            list.add(new Organization(new ZendeskOrgId(i), "Org " + i, "", List.of("o" + i + ".example"), ""));
        }
        return new SnapshotZendesk(
                new Snapshot(List.of(), List.of(), list, List.of(), List.of(), List.of(), Instant.EPOCH));
    }

    private static int next;

    private static PlannedAction action(int org, ActionCode code, String value) {
        next++;
        return new PlannedAction(
                "A000",
                code,
                ActionStatus.PREPARED,
                new SalesforceAccountId("ACC-" + org + "-" + next),
                new ZendeskOrgId(org),
                null,
                null,
                value,
                Map.of(),
                "",
                List.of());
    }

    private static Recorder run(SnapshotZendesk z, PlannedAction... actions) {
        List<PlannedAction> numbered = new ArrayList<>();
        for (int i = 0; i < actions.length; i++) {
            numbered.add(actions[i].withId(String.format("A%03d", i + 1)));
        }
        FixPlan plan =
                new FixPlan(FixPlan.SCHEMA_VERSION, "", Instant.EPOCH, "t", Map.of(), false, Caps.DEFAULT, numbered);
        Recorder sink = new Recorder();
        new Applier(z).run(plan, BULK_FROM_2, sink);
        return sink;
    }

    /** Keeps every result and the action ids of every batch named before its job. */
    private static final class Recorder implements ResultSink {
        final List<ActionResult> results = new ArrayList<>();
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public void accept(ActionResult r) {
            results.add(r);
        }

        @Override
        public void writingAll(List<ActionResult> pending) {
            batches.add(pending.stream().map(ActionResult::actionId).toList());
        }

        String status(String id) {
            return find(id).status().code();
        }

        String reason(String id) {
            return find(id).reason();
        }

        private ActionResult find(String id) {
            return results.stream()
                    .filter(r -> r.actionId().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
