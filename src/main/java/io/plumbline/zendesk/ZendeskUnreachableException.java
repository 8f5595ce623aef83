package io.plumbline.zendesk;

/**
 * No connection to Zendesk could be made, attempt after attempt (refused, or not made in time, or the
 * host not found): nothing was sent. Unlike a failure of one record, this holds for every call that would
 * follow, so an apply or undo stops sending on meeting it, as it does for the rate limit.
 */
public final class ZendeskUnreachableException extends RunStopException {
    private static final long serialVersionUID = 1L;

    /** The receipt's reason of an action this stop left unwritten. */
    public static final String REASON = "zendesk_unreachable";

    ZendeskUnreachableException(String message) {
        super(REASON, message);
    }
}
