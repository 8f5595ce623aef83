package io.plumbline.plan;

import io.plumbline.model.ActionCode;
import io.plumbline.model.MembershipId;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the fix plan: a Zendesk write that is either prepared (safe, with the preconditions
 * apply must find still true) or blocked (never written, with the reason).
 */
public record PlannedAction(
        String actionId,
        ActionCode code,
        ActionStatus status,
        SalesforceAccountId accountId,
        ZendeskOrgId orgId,
        ZendeskUserId userId,
        MembershipId membershipId,
        String value,
        Map<String, Object> preconditions,
        String blockedReason,
        List<String> issueIds) {
    public PlannedAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        value = Texts.orEmpty(value);
        preconditions = Collections.unmodifiableMap(new TreeMap<>(preconditions));
        blockedReason = Texts.orEmpty(blockedReason);
        issueIds = List.copyOf(issueIds);
        if ((status == ActionStatus.BLOCKED) == blockedReason.isEmpty()) {
            throw new IllegalArgumentException(
                    "action " + actionId + ": a blocked_reason is required exactly when blocked");
        }
    }

    public PlannedAction withId(String id) {
        return new PlannedAction(
                id,
                code,
                status,
                accountId,
                orgId,
                userId,
                membershipId,
                value,
                preconditions,
                blockedReason,
                issueIds);
    }

    public boolean prepared() {
        return status == ActionStatus.PREPARED;
    }
}
