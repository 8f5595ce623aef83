package io.plumbline.detect;

/** Whether an issue comes with a safe action, a blocked one, or none. */
public enum IssueStatus {
    PREPARED,
    BLOCKED,
    DETECTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
