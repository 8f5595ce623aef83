package io.plumbline.detect;

/** How much harm an issue does if left alone; declared worst first. */
public enum Risk {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
