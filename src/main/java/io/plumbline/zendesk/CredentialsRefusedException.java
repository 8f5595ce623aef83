package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * Zendesk refused the credentials themselves: a 401 after any fresh token, a 403 naming a scope the token
 * lacks, or no token issued at all. Nothing was written. Unlike a refusal of one record, this holds for
 * every call that would follow (an expired access token, a token of read scope only), so an apply or undo
 * stops sending on meeting it, as it does for the rate limit.
 */
public final class CredentialsRefusedException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    CredentialsRefusedException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
