package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * Zendesk kept refusing a call for its rate limit: it asked to wait longer than Plumbline waits out, or
 * it answered 429 more times in a row than the retry policy allows. Unlike a failure of one record, this
 * holds for every call that would follow, so an apply or undo stops sending on meeting it.
 */
public final class RateLimitedException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
