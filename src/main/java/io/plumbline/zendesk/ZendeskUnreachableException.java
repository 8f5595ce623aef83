package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * No connection to Zendesk could be made, attempt after attempt (refused, or not made in time, or the
 * host not found): nothing was sent. Unlike a failure of one record, this holds for every call that would
 * follow, so an apply or undo stops sending on meeting it, as it does for the rate limit.
 */
public final class ZendeskUnreachableException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    ZendeskUnreachableException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
