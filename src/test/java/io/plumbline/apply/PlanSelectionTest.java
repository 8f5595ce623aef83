package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.audit.Auditor;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.model.ActionCode;
import io.plumbline.plan.Caps;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters that select nothing of a plan are refused naming the values, before anything runs. */
class PlanSelectionTest {
    private static final FixPlan DEMO = new Auditor(ResolutionSettings.defaults(), List.of())
            .audit(SnapshotReader.read(ClasspathSource.DEMO, null), true, "t", Instant.EPOCH)
            .plan();

    private static ApplyOptions only(Set<String> accounts, Set<ActionCode> codes) {
        return new ApplyOptions(false, Caps.DEFAULT, accounts, codes);
    }

    private static FixPlan without(ActionCode code) {
        return with(DEMO.actions().stream().filter(a -> a.code() != code).toList());
    }

    private static FixPlan with(List<PlannedAction> actions) {
        return new FixPlan(
                DEMO.schemaVersion(),
                DEMO.planHash(),
                DEMO.generatedAt(),
                DEMO.runId(),
                DEMO.source(),
                DEMO.demo(),
                DEMO.capsDefault(),
                actions);
    }

    @Test
    void check_noFilters_passesEvenAnEmptyPlan() {
        assertThatCode(() -> PlanSelection.check(DEMO, only(Set.of(), Set.of())))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlanSelection.check(with(List.of()), only(Set.of(), Set.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyAccount_inAnotherCase_selectsThatAccountsActions() {
        ApplyOptions lower = only(Set.of("001acme004"), Set.of());
        assertThatCode(() -> PlanSelection.check(DEMO, lower)).doesNotThrowAnyException();
        assertThat(DEMO.actions().stream().filter(a -> PlanSelection.selects(a, lower)))
                .isNotEmpty()
                .allMatch(a -> a.accountId().value().equals("001ACME004"));
    }

    @Test
    void check_filtersThatMatch_pass() {
        assertThatCode(() -> PlanSelection.check(
                        DEMO, only(Set.of("001ACME004", "001ACME003"), Set.of(ActionCode.ADD_ORG_DOMAIN))))
                .doesNotThrowAnyException();
    }

    @Test
    void check_accountWithNoAction_isAUsageErrorNamingIt() {
        assertThatThrownBy(() -> PlanSelection.check(DEMO, only(Set.of("001ACME004", "001NOPE"), Set.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--only-account 001NOPE: the plan has no action for this account; nothing was run and "
                        + "no receipt was written")
                .extracting(e -> ((ConfigException) e).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void check_actionCodeNotInThePlan_namesItAndTheKindsThePlanHas() {
        assertThatThrownBy(() -> PlanSelection.check(
                        without(ActionCode.MOVE_USER_TO_ORG), only(Set.of(), Set.of(ActionCode.MOVE_USER_TO_ORG))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--only-action move_user_to_org: the plan has no action of this kind (it has "
                        + "set_org_external_id, add_org_domain, assign_user_to_org); nothing was run and no receipt "
                        + "was written");
    }

    @Test
    void check_accountAndCodeThatNeverMeet_isAUsageError() {
        assertThatThrownBy(() ->
                        PlanSelection.check(DEMO, only(Set.of("001ACME004"), Set.of(ActionCode.SET_ORG_EXTERNAL_ID))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--only-account 001ACME004 with --only-action set_org_external_id selects no action of "
                        + "the plan; nothing was run and no receipt was written");
    }

    @Test
    void selects_emptyFilters_selectEveryAction() {
        assertThat(DEMO.actions()).allMatch(a -> PlanSelection.selects(a, only(Set.of(), Set.of())));
    }
}
