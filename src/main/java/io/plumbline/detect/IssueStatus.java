package io.plumbline.detect;

/** Whether an issue comes with a safe action, a blocked one, or none. */
public enum IssueStatus {
    PREPARED,
    BLOCKED,
    DETECTED;

    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }
}
