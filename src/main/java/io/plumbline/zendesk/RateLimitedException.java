package io.plumbline.zendesk;

/**
 * Zendesk kept refusing a call for its rate limit: it asked to wait longer than Plumbline waits out, or
 * it answered 429 more times in a row than the retry policy allows. Unlike a failure of one record, this
 * holds for every call that would follow, so an apply or undo stops sending on meeting it.
 */
public final class RateLimitedException extends RunStopException {
    private static final long serialVersionUID = 1L;

    /** The receipt's reason of an action this stop left unwritten. */
    public static final String REASON = "rate_limited";

    public RateLimitedException(String message) {
        super(REASON, message);
    }
}
