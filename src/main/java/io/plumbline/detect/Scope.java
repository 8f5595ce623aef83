package io.plumbline.detect;

/** What an issue is about; also the order issues are listed in within an account. */
public enum Scope {
    ACCOUNT,
    ORG,
    USER,
    TICKET;

    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }
}
