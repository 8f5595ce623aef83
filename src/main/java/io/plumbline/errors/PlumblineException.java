package io.plumbline.errors;

/**
 * An error a user can meet, with a message that names the object, the bad value and the next step,
 * and the process exit code it maps to. Technical detail goes in the cause, never in the message.
 */
public class PlumblineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public PlumblineException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public PlumblineException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
