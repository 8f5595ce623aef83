package io.plumbline.plan;

/** A planned action is either safe to apply or blocked for review. */
public enum ActionStatus {
    PREPARED,
    BLOCKED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
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
