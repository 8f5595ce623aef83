package io.plumbline.zendesk;

/**
 * Zendesk refused the credentials themselves: a 401 after any fresh token, a 403 naming a scope the token
 * lacks, or no token issued at all. Nothing was written. Unlike a refusal of one record, this holds for
 * every call that would follow (an expired access token, a token of read scope only), so an apply or undo
 * stops sending on meeting it, as it does for the rate limit.
 */
public final class CredentialsRefusedException extends RunStopException {
    private static final long serialVersionUID = 1L;

    /** The receipt's reason of an action this stop left unwritten. */
    public static final String REASON = "credentials_refused";

    CredentialsRefusedException(String message) {
        super(REASON, message);
    }
}
