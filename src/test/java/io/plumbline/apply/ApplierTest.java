package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.detect.IssueCode;
import io.plumbline.model.ActionCode;
import io.plumbline.model.Snapshot;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.plan.Caps;
import io.plumbline.plan.FixPlan;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarded write path against an in-memory Zendesk seeded with the demo state. */
class ApplierTest {
    private static final Snapshot DEMO = SnapshotReader.read(ClasspathSource.DEMO, null);
    private static final ApplyOptions LIVE_NO_CAPS = new ApplyOptions(true, new Caps(1000, 1000), Set.of(), Set.of());

    @TempDir
    Path tmp;

    private static AuditResult audit(Snapshot s) {
        return new Auditor(ResolutionSettings.defaults(), List.of()).audit(s, false, "t", Instant.EPOCH);
    }

    private static List<ActionResult> run(ZendeskWrites z, FixPlan plan, ApplyOptions o) {
        List<ActionResult> out = new ArrayList<>();
        new Applier(z).run(plan, o, out::add);
        return out;
    }

    @Test
    void apply_live_fixesExactlyThePreparedIssuesAndNothingElse() {
        AuditResult before = audit(DEMO);
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> results = run(z, before.plan(), LIVE_NO_CAPS);
        assertThat(results).filteredOn(r -> r.status() == ResultStatus.APPLIED).hasSize(8);
        assertThat(z.writes()).hasSize(8);
        AuditResult after = audit(z.toSnapshot(DEMO));
        assertThat(after.issues())
                .noneMatch(i -> i.code() == IssueCode.ORG_MISSING_EXTERNAL_ID
                        || i.code() == IssueCode.ORG_MISSING_EXPECTED_DOMAIN
                        || i.code() == IssueCode.USER_DEFAULT_ORG_NOT_EXPECTED);
        assertThat(after.plan().actions()).noneMatch(a -> a.prepared());
        List<String> untouched = before.issues().stream()
                .filter(i -> i.code().status() != io.plumbline.detect.IssueStatus.PREPARED)
                .map(i -> i.stableKey())
                .toList();
        assertThat(after.issues().stream().map(i -> i.stableKey()).toList())
                .containsAll(untouched.stream()
                        .filter(k -> !k.startsWith("ticket_org_mismatch"))
                        .toList());
    }

    @Test
    void apply_dryRun_writesNothing() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> results =
                run(z, audit(DEMO).plan(), new ApplyOptions(false, Caps.DEFAULT, Set.of(), Set.of()));
        assertThat(results)
                .filteredOn(r -> r.status() == ResultStatus.WOULD_APPLY)
                .hasSize(8);
        assertThat(z.writes()).isEmpty();
    }

    @Test
    void apply_rerunOfSamePlan_neverRepeatsAWrite() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        run(z, plan, LIVE_NO_CAPS);
        List<ActionResult> second = run(z, plan, LIVE_NO_CAPS);
        assertThat(z.writes()).hasSize(8);
        assertThat(second)
                .filteredOn(r -> r.status() == ResultStatus.SKIPPED)
                .extracting(ActionResult::reason)
                .containsOnly("already_in_effect");
    }

    @Test
    void apply_caps_skipInPlanOrderBeforeAnyWrite() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> r = run(z, audit(DEMO).plan(), new ApplyOptions(true, new Caps(3, 1), Set.of(), Set.of()));
        assertThat(r.subList(0, 8))
                .extracting(x -> x.status() + ":" + x.reason())
                .containsExactly(
                        "APPLIED:",
                        "APPLIED:",
                        "APPLIED:",
                        "SKIPPED:cap_max_actions",
                        "SKIPPED:cap_max_actions",
                        "SKIPPED:cap_max_actions",
                        "SKIPPED:cap_max_actions",
                        "SKIPPED:cap_max_actions");
        List<ActionResult> perAccount = run(
                new SnapshotZendesk(DEMO),
                audit(DEMO).plan(),
                new ApplyOptions(true, new Caps(25, 1), Set.of(), Set.of()));
        assertThat(perAccount)
                .filteredOn(x -> x.reason().equals("cap_max_per_account"))
                .extracting(ActionResult::actionId)
                .containsExactly("A005", "A006", "A007");
    }

    @Test
    void apply_filters_selectASubset() {
        List<ActionResult> r = run(
                new SnapshotZendesk(DEMO),
                audit(DEMO).plan(),
                new ApplyOptions(false, Caps.DEFAULT, Set.of("001ACME004"), Set.of(ActionCode.ADD_ORG_DOMAIN)));
        assertThat(r).extracting(ActionResult::actionId).containsExactly("A003");
    }

    @Test
    void apply_preconditionChangedSinceAudit_skipsWithReason() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        z.setOrgExternalId(new ZendeskOrgId(9001), "SOMEONE-ELSE");
        List<ActionResult> r = run(z, plan, LIVE_NO_CAPS);
        assertThat(r.get(0).actionId()).isEqualTo("A001");
        assertThat(r.get(0).status()).isEqualTo(ResultStatus.SKIPPED);
        assertThat(r.get(0).reason()).isEqualTo("precondition_changed_org_external_id");
        assertThat(r.get(0).before()).containsEntry("external_id", "SOMEONE-ELSE");
    }

    @Test
    void apply_orgRelinkedSinceAudit_itsAccountsUsersAndDomainsDoNotFollow() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        // Acme Retail's org now names another account; Acme Studios' org was unlinked
        z.setOrgExternalId(new ZendeskOrgId(9005), "001OTHER000000000A");
        z.setOrgExternalId(new ZendeskOrgId(9006), null);
        // Northshore's org, blank at audit time, was linked to another account before A002 could link it
        z.setOrgExternalId(new ZendeskOrgId(9008), "001OTHER000000000B");
        // Bay Valley's org went from the 15-character form to the account's own 18-character id: still linked
        z.setOrgExternalId(new ZendeskOrgId(9009), "001Dn00000BvHsAIAV");
        Map<String, String> reasons = new TreeMap<>();
        run(z, plan, LIVE_NO_CAPS)
                .forEach(r -> reasons.put(r.actionId(), r.status().code() + " " + r.reason()));

        assertThat(reasons)
                .containsEntry("A002", "skipped precondition_changed_org_external_id")
                .containsEntry("A003", "skipped precondition_changed_org_external_id")
                .containsEntry("A005", "skipped precondition_changed_org_external_id")
                .containsEntry("A006", "skipped precondition_changed_org_external_id")
                .containsEntry("A008", "skipped precondition_changed_org_external_id")
                .containsEntry("A001", "applied ")
                .containsEntry("A004", "applied ")
                .containsEntry("A007", "applied ");
        assertThat(z.org(new ZendeskOrgId(9005)).orElseThrow().domainNames()).containsExactly("acmeretail.example");
        assertThat(z.user(new ZendeskUserId(7006)).orElseThrow().membershipIn(new ZendeskOrgId(9005)))
                .isEmpty();
    }

    @Test
    void apply_orgLinkedByThisRun_takesItsAccountsUsersAndDomains() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        // Northshore's org was blank at audit time; A002 links it, then A005 adds its domain
        List<ActionResult> r = run(z, plan, LIVE_NO_CAPS);
        assertThat(r)
                .filteredOn(x -> Long.valueOf(9008).equals(x.orgId()))
                .extracting(x -> x.actionId() + " " + x.status().code())
                .containsExactly("A002 applied", "A005 applied");
    }

    @Test
    void apply_domainAddedElsewhereSinceAudit_skips() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        z.setOrgDomains(new ZendeskOrgId(9011), List.of("acmeshop.example"));
        ActionResult a003 = run(z, plan, LIVE_NO_CAPS).stream()
                .filter(x -> x.actionId().equals("A003"))
                .findFirst()
                .orElseThrow();
        assertThat(a003.reason()).isEqualTo("precondition_changed_domain_attached_elsewhere");
    }

    @Test
    void apply_domainTheOrgHeldTakenOffSinceAudit_skips() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        z.setOrgDomains(new ZendeskOrgId(9005), List.of());
        List<ActionResult> results =
                run(z, plan, new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.ADD_ORG_DOMAIN)));
        assertThat(results)
                .filteredOn(r -> r.orgId() == 9005)
                .extracting(ActionResult::reason)
                .containsOnly("precondition_changed_org_domain_names");
        assertThat(z.org(new ZendeskOrgId(9005)).orElseThrow().domainNames()).isEmpty();
    }

    @Test
    void apply_addOrgDomain_sendsTheWholeCurrentListPlusOne() {
        FixPlan plan = audit(DEMO).plan();
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        z.setOrgDomains(new ZendeskOrgId(9005), List.of("acmeretail.example", "added-meanwhile.example"));
        run(z, plan, new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.ADD_ORG_DOMAIN)));
        assertThat(z.org(new ZendeskOrgId(9005)).orElseThrow().domainNames())
                .containsExactly("acmeretail.example", "added-meanwhile.example", "acmeshop.example");
    }

    @Test
    void apply_killedAfterKthWrite_receiptHoldsEveryWriteAndRerunFinishesWithoutDuplicates() throws Exception {
        FixPlan plan = audit(DEMO).plan();
        for (int k = 1; k <= 8; k += 3) {
            SnapshotZendesk z = new SnapshotZendesk(DEMO);
            Path receipt = tmp.resolve("receipt-" + k + ".json");
            ReceiptFile file = new ReceiptFile(
                    receipt, new ObjectMapper().createObjectNode().put("mode", "apply"));
            int limit = k;
            assertThatThrownBy(() -> new Applier(z).run(plan, LIVE_NO_CAPS, r -> {
                        file.accept(r);
                        if (file.json().path("counts").path("applied").asInt() == limit) {
                            throw new IllegalStateException("killed");
                        }
                    }))
                    .hasMessage("killed");
            JsonNode onDisk = new ObjectMapper().readTree(Files.readString(receipt));
            assertThat(onDisk.path("counts").path("applied").asInt()).isEqualTo(k);
            assertThat(z.writes()).hasSize(k);
            run(z, plan, LIVE_NO_CAPS);
            assertThat(z.writes()).as("k=%d", k).hasSize(8).doesNotHaveDuplicates();
        }
    }

    @Test
    void undo_afterApply_restoresTheStateExactly() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        Snapshot original = z.toSnapshot(DEMO);
        List<ActionResult> applied = run(z, audit(DEMO).plan(), LIVE_NO_CAPS);
        List<ActionResult> undone = new ArrayList<>();
        new Undoer(z).run(applied, true, undone::add);
        assertThat(undone).hasSize(8).allMatch(r -> r.status() == ResultStatus.APPLIED);
        Snapshot restored = z.toSnapshot(DEMO);
        assertThat(restored.organizations()).isEqualTo(original.organizations());
        assertThat(restored.memberships()).isEqualTo(original.memberships());
        assertThat(restored.users()).isEqualTo(original.users());
    }

    @Test
    void undo_valueChangedSinceApply_skips() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> applied = run(
                z,
                audit(DEMO).plan(),
                new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.SET_ORG_EXTERNAL_ID)));
        z.setOrgExternalId(new ZendeskOrgId(9001), "CHANGED");
        List<ActionResult> undone = new ArrayList<>();
        new Undoer(z).run(applied, true, undone::add);
        assertThat(undone)
                .filteredOn(r -> r.orgId() == 9001)
                .extracting(ActionResult::reason)
                .containsExactly("precondition_changed_org_external_id");
        assertThat(z.org(new ZendeskOrgId(9001)).orElseThrow().externalId()).isEqualTo("CHANGED");
    }

    @Test
    void undo_membershipRecordedInAnotherOrgThanTheActions_isNotDeleted() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> applied = run(
                z,
                audit(DEMO).plan(),
                new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.ASSIGN_USER_TO_ORG)));
        ActionResult a006 = applied.stream()
                .filter(r -> r.actionId().equals("A006"))
                .findFirst()
                .orElseThrow();
        // the same user's membership in another org than the action's 9005, as an edited receipt might name it
        long other = z.createMembership(new ZendeskUserId(7006), new ZendeskOrgId(9001))
                .createdMembership()
                .value();
        ActionResult edited = a006.withOutcome(
                ResultStatus.APPLIED, "", a006.before(), Map.of("member", true, "membership_id", other), "");
        List<ActionResult> undone = new ArrayList<>();
        new Undoer(z).run(List.of(edited), true, undone::add);
        assertThat(undone).extracting(ActionResult::reason).containsExactly("receipt_not_as_applied");
        assertThat(z.user(new ZendeskUserId(7006)).orElseThrow().memberships()).hasSize(2);
    }

    @Test
    void undo_dryRun_writesNothing() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        List<ActionResult> applied = run(z, audit(DEMO).plan(), LIVE_NO_CAPS);
        int writes = z.writes().size();
        List<ActionResult> undone = new ArrayList<>();
        new Undoer(z).run(applied, false, undone::add);
        assertThat(undone).allMatch(r -> r.status() == ResultStatus.WOULD_APPLY);
        assertThat(z.writes()).hasSize(writes);
    }

    @Test
    void undo_writesInFlightWhenApplyStopped_reversesThoseZendeskHoldsAndListsTheOthers() {
        SnapshotZendesk z = new SnapshotZendesk(DEMO);
        Snapshot original = z.toSnapshot(DEMO);
        AuditResult audit = audit(DEMO);
        // the first assign reached Zendesk before the apply stopped; the first external id set did not
        List<ActionResult> applied = run(
                z, audit.plan(), new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.ASSIGN_USER_TO_ORG)));
        ActionResult landed = applied.stream()
                .filter(r -> r.status() == ResultStatus.APPLIED)
                .findFirst()
                .orElseThrow();
        ActionResult notSent = run(
                        new SnapshotZendesk(DEMO),
                        audit.plan(),
                        new ApplyOptions(true, Caps.DEFAULT, Set.of(), Set.of(ActionCode.SET_ORG_EXTERNAL_ID)))
                .stream()
                .filter(r -> r.status() == ResultStatus.APPLIED)
                .findFirst()
                .orElseThrow();
        Map<String, Object> recordedAfter = Map.of("member", true); // no membership id: its answer was lost
        List<ActionResult> inFlight =
                List.of(landed.withOutcome(ResultStatus.APPLIED, "", landed.before(), recordedAfter, ""), notSent);

        List<ActionResult> undone = new ArrayList<>();
        new Undoer(z).run(applied.stream().filter(r -> r != landed).toList(), inFlight, Set.of(), true, undone::add);

        assertThat(undone.get(0).actionId()).isEqualTo(notSent.actionId());
        assertThat(undone.get(0).status()).isEqualTo(ResultStatus.SKIPPED);
        assertThat(undone.get(0).reason()).isEqualTo(Undoer.IN_FLIGHT_NOT_IN_EFFECT);
        assertThat(undone.get(1).actionId()).isEqualTo(landed.actionId());
        assertThat(undone.get(1).status()).isEqualTo(ResultStatus.APPLIED);
        assertThat(undone.get(1).before()).containsKey("membership_id");
        assertThat(z.toSnapshot(DEMO).memberships()).isEqualTo(original.memberships());

        // once reversed, the same write is no longer in effect: a second undo says so and writes nothing
        List<ActionResult> again = new ArrayList<>();
        int writes = z.writes().size();
        new Undoer(z).run(List.of(), List.of(inFlight.get(0)), Set.of(), true, again::add);
        assertThat(again).extracting(ActionResult::reason).containsExactly(Undoer.IN_FLIGHT_NOT_IN_EFFECT);
        // and one a later apply of the plan lists as applied is left to that apply's receipt
        List<ActionResult> later = new ArrayList<>();
        new Undoer(z).run(List.of(), List.of(inFlight.get(0)), Set.of(landed.actionId()), true, later::add);
        assertThat(later).extracting(ActionResult::reason).containsExactly(Undoer.IN_FLIGHT_APPLIED_BY_LATER_RUN);
        assertThat(z.writes()).hasSize(writes);
    }
}
