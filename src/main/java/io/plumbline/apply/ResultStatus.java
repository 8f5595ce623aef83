package io.plumbline.apply;

/** What happened to one action in an apply or undo. */
public enum ResultStatus {
    /** Written (live). */
    APPLIED,
    /** Would be written (dry run). */
    WOULD_APPLY,
    /** Not written: over a cap, a changed precondition, or already in effect. */
    SKIPPED,
    /** A blocked plan row: never written. */
    BLOCKED,
    /** Zendesk refused or failed the write; the batch went on. */
    FAILED;

    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }
}
