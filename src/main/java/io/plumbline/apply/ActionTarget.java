package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.plan.PlannedAction;
import java.util.Map;

/** What a repair (or its undo) acts on: taken from a plan action or from a receipt result. */
record ActionTarget(
        ActionCode code,
        String account,
        ZendeskOrgId org,
        ZendeskUserId user,
        MembershipId membership,
        String value,
        Map<String, Object> preconditions) {
    static ActionTarget of(PlannedAction a) {
        return new ActionTarget(
                a.code(),
                a.accountId() == null ? null : a.accountId().value(),
                a.orgId(),
                a.userId(),
                a.membershipId(),
                a.value(),
                a.preconditions());
    }
}
