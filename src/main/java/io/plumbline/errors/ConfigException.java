package io.plumbline.errors;

/** A usage or configuration error (exit 2). */
public final class ConfigException extends PlumblineException {
    private static final long serialVersionUID = 1L;
    /** The dotted config key the error is about ({@code zendesk.max_retries}), or null. */
    private final String key;

    public ConfigException(String message) {
        this(message, (Throwable) null);
    }

    public ConfigException(String message, Throwable cause) {
        super(ExitCodes.USAGE, message, cause);
        this.key = null;
    }

    private ConfigException(String key, String message) {
        super(ExitCodes.USAGE, message, null);
        this.key = key;
    }

    /**
     * An error about the value of one config key, so the loader can point at the line that sets it;
     * {@code message} is the whole message and names the key itself.
     */
    public static ConfigException atKey(String key, String message) {
        return new ConfigException(key, message);
    }

    /** The dotted config key the error is about, or null when it is about no one key. */
    public String key() {
        return key;
    }
}
