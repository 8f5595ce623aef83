package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ActionCode;
import io.plumbline.model.Texts;
import io.plumbline.zendesk.RateLimitedException;
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

    /**
     * The reason (before its {@code ": "} and detail) of an action not written because Zendesk's rate limit
     * stopped the run: the one that met it, and each one after it, not sent.
     */
    public static final String RATE_LIMITED = "rate_limited";

    /** Whether this action was left unwritten because Zendesk's rate limit stopped the run. */
    public boolean rateLimited() {
        return status == ResultStatus.SKIPPED && reason.startsWith(RATE_LIMITED + ":");
    }

    /**
     * The result of an action an error stopped: skipped, {@value #RATE_LIMITED}, when it was Zendesk's rate
     * limit (a 429 is a refusal: nothing was written), else failed.
     */
    public ActionResult stoppedBy(PlumblineException e, Map<String, Object> before) {
        return withOutcome(
                e instanceof RateLimitedException ? ResultStatus.SKIPPED : ResultStatus.FAILED,
                e instanceof RateLimitedException ? RATE_LIMITED + ": " + e.getMessage() : e.getMessage(),
                before,
                before,
                "");
    }

    /** This action, not tried (nothing read or sent for it) because Zendesk's rate limit stopped the run at {@code at}. */
    public ActionResult notTriedAfterRateLimit(String at) {
        return withOutcome(
                ResultStatus.SKIPPED,
                RATE_LIMITED + ": not tried; Zendesk's rate limit stopped the run at " + at,
                Map.of(),
                Map.of(),
                "");
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
