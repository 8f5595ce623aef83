package io.plumbline.model;

/**
 * A Salesforce account's canonical key: normally the 18-character Account Id, but any stable key a
 * team has chosen (non-blank, no whitespace or control characters, at most 255 characters). Invisible
 * format characters (a BOM, a zero-width space, a bidi mark) count as control characters: they would
 * make two keys that look the same differ.
 *
 * <p>Two ids are the same account when they are equal ignoring case, exactly as Zendesk compares
 * external ids, and ignoring the Unicode form an accented letter is stored in ({@link Texts#caseless});
 * {@link #matchKey()} is that comparison key.
 */
public record SalesforceAccountId(String value) implements Comparable<SalesforceAccountId> {
    public static final int MAX_LENGTH = 255;

    public SalesforceAccountId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("not a valid sf_account_id (" + problem + "): " + value);
        }
    }

    /** Returns why {@code raw} cannot be an account key, or null when it can. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "blank";
        }
        if (raw.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)
                    || Character.isISOControl(c)
                    || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                return "contains whitespace or a control character at position " + (i + 1);
            }
        }
        return null;
    }

    /** The key Zendesk would compare this id by: case-insensitive, in one Unicode form. */
    public String matchKey() {
        return Texts.caseless(value);
    }

    @Override
    public int compareTo(SalesforceAccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
