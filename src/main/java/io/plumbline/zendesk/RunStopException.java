package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * A failure that holds for every call that would follow, not for one record: Zendesk's rate limit kept
 * past the retries, Zendesk out of reach, or the credentials refused. An apply or undo sends nothing
 * more on meeting one, and its receipt names the stop by {@link #reason}.
 */
public abstract sealed class RunStopException extends PlumblineException
        permits RateLimitedException, ZendeskUnreachableException, CredentialsRefusedException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    RunStopException(String reason, String message) {
        super(ExitCodes.REMOTE, message);
        this.reason = reason;
    }

    /** The receipt's reason of the action that met this stop (before its {@code ": "} and detail). */
    public final String reason() {
        return reason;
    }
}
