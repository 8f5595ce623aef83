package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ActionCode;
import io.plumbline.model.Texts;
import io.plumbline.zendesk.CredentialsRefusedException;
import io.plumbline.zendesk.RateLimitedException;
import io.plumbline.zendesk.RunStopException;
import io.plumbline.zendesk.ZendeskUnreachableException;
import java.util.Collections;
import java.util.List;
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
    public static final String RATE_LIMITED = RateLimitedException.REASON;

    /**
     * The reason (before its {@code ": "} and detail) of an action not written because Zendesk could not be
     * reached at all (every attempt to connect failed): the one that met it, and each one after it, not sent.
     */
    public static final String UNREACHABLE = ZendeskUnreachableException.REASON;

    /**
     * The reason (before its {@code ": "} and detail) of an action not written because Zendesk refused the
     * credentials themselves (an expired token, a scope missing): the one that met it, and each one after
     * it, not sent.
     */
    public static final String CREDENTIALS_REFUSED = CredentialsRefusedException.REASON;

    private static final List<String> STOPS = List.of(RATE_LIMITED, UNREACHABLE, CREDENTIALS_REFUSED);

    /**
     * Whether this action was left unwritten because the run stopped here: Zendesk's rate limit, or Zendesk
     * out of reach, either of which holds for every request after it.
     */
    public boolean stopped() {
        return status == ResultStatus.SKIPPED && stop() != null;
    }

    /** The stop this action's reason names ({@link #STOPS}), or null. */
    private String stop() {
        return STOPS.stream()
                .filter(s -> reason.startsWith(s + ":"))
                .findFirst()
                .orElse(null);
    }

    /**
     * The result of an action an error stopped: skipped, {@value #RATE_LIMITED}, when it was Zendesk's rate
     * limit (a 429 is a refusal: nothing was written), skipped, {@value #UNREACHABLE}, when no connection
     * could be made (nothing was sent), skipped, {@value #CREDENTIALS_REFUSED}, when Zendesk refused the
     * credentials (nothing was written), else failed.
     */
    public ActionResult stoppedBy(PlumblineException e, Map<String, Object> before) {
        String cause = e instanceof RunStopException stop ? stop.reason() : null;
        return withOutcome(
                cause != null ? ResultStatus.SKIPPED : ResultStatus.FAILED,
                cause != null ? cause + ": " + e.getMessage() : e.getMessage(),
                before,
                before,
                "");
    }

    /** The reason of each action after this one, which {@link #stopped} the run: not tried. */
    public String notTriedAfter() {
        return notTriedAfterStop(actionId, stop());
    }

    /**
     * The reason of an action not tried because the run stopped at action {@code at} for {@code stop}
     * ({@value #RATE_LIMITED}, {@value #UNREACHABLE} or {@value #CREDENTIALS_REFUSED}).
     */
    public static String notTriedAfterStop(String at, String stop) {
        return stop + ": not tried; "
                + switch (stop) {
                    case UNREACHABLE -> "Zendesk could not be reached at " + at;
                    case CREDENTIALS_REFUSED -> "Zendesk refused the credentials at " + at;
                    default -> "Zendesk's rate limit stopped the run at " + at;
                };
    }

    /**
     * Whether anything was read or sent for this action: not for one the run left untried after it stopped,
     * or kept off records a job of the run may still be writing ({@code prior_job_unconfirmed}).
     */
    public boolean tried() {
        return !(status == ResultStatus.SKIPPED
                && (reason.contains(": not tried; ") || reason.startsWith(RunLedger.PRIOR_UNCONFIRMED)));
    }

    /** This action, not tried (nothing read or sent for it) for {@code reason}, where the run stopped. */
    public ActionResult notTried(String reason) {
        return withOutcome(ResultStatus.SKIPPED, reason, Map.of(), Map.of(), "");
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
