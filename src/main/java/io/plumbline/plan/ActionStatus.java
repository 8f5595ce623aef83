package io.plumbline.plan;

/** A planned action is either safe to apply or blocked for review. */
public enum ActionStatus {
    PREPARED,
    BLOCKED;

    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }

    public static ActionStatus fromCode(String code) {
        for (ActionStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown action status '" + code + "' (expected prepared or blocked)");
    }
}
