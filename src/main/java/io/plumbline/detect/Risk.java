package io.plumbline.detect;

/** How much harm an issue does if left alone; declared worst first. */
public enum Risk {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }
}
