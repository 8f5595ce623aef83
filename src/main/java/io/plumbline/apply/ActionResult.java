package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.model.Texts;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One line of a receipt: what apply (or undo) did with one action, with the state before and after. */
public record ActionResult(
        String actionId,
        ActionCode code,
        ResultStatus status,
        String reason,
        String accountId,
        Long orgId,
        Long userId,
        Long membershipId,
        String value,
        Map<String, Object> before,
        Map<String, Object> after,
        String requestId) {
    public ActionResult {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        reason = Texts.orEmpty(reason);
        accountId = Texts.orEmpty(accountId);
        value = Texts.orEmpty(value);
        before = Collections.unmodifiableMap(new TreeMap<>(before));
        after = Collections.unmodifiableMap(new TreeMap<>(after));
        requestId = Texts.orEmpty(requestId);
    }

    /** This action with another outcome: same action, new status, reason, states and request id. */
    public ActionResult withOutcome(
            ResultStatus status,
            String reason,
            Map<String, Object> before,
            Map<String, Object> after,
            String requestId) {
        return new ActionResult(
                actionId,
                code,
                status,
                reason,
                accountId,
                orgId,
                userId,
                membershipId,
                value,
                before,
                after,
                requestId);
    }
}
