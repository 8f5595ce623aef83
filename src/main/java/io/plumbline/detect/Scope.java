package io.plumbline.detect;

/** What an issue is about; also the order issues are listed in within an account. */
public enum Scope {
    ACCOUNT,
    ORG,
    USER,
    TICKET;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
