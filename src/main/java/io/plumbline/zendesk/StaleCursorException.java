package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * Zendesk refused (400, 404 or 422) the export cursor an earlier pull stored, the first request of an
 * incremental pull: the cursor expired, or the account moved. Nothing of the pull is written yet, so
 * the pull can start again in full.
 */
public final class StaleCursorException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    StaleCursorException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
