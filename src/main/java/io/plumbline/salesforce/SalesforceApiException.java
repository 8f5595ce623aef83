package io.plumbline.salesforce;

import io.plumbline.errors.PlumblineException;

/**
 * An error Salesforce reported, or a failure to reach it, turned into a message a user can act on.
 * It carries Salesforce's {@code errorCode} (e.g. {@code INVALID_FIELD}) and the HTTP status so callers
 * can react to a specific code; the message never contains a token, secret or key.
 */
public final class SalesforceApiException extends PlumblineException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;
    private final int status;

    public SalesforceApiException(int exitCode, String errorCode, int status, String message, Throwable cause) {
        super(exitCode, message, cause);
        this.errorCode = errorCode == null ? "" : errorCode;
        this.status = status;
    }

    /** Salesforce's error code, or an empty string when there was none (e.g. a network failure). */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
