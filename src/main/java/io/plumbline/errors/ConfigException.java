package io.plumbline.errors;

/** A usage or configuration error (exit 2). */
public final class ConfigException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(ExitCodes.USAGE, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(ExitCodes.USAGE, message, cause);
    }
}
