package io.plumbline.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Small null-safe string helpers shared by the value records, and text as it is safe to show. */
public final class Texts {
    private Texts() {}

    /**
     * {@code text} with control, format and non-ASCII space characters written as backslash-u escapes
     * (a backslash, {@code u} and four hex digits: ESC becomes {@code u001B} after the backslash), so a value read from Zendesk or Salesforce can neither hide text, reorder it,
     * break a line in two nor drive the terminal it is printed on; "null" for null.
     */
    public static String shown(String text) {
        String s = String.valueOf(text);
        if (s.codePoints().noneMatch(Texts::invisible)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (invisible(cp)) {
                // one escape per UTF-16 unit, as Java and JSON write them: U+E0041 is DB40 then DC41
                for (char c : Character.toChars(cp)) {
                    sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || (cp != ' ' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp)))
                || type == Character.FORMAT
                || type == Character.SURROGATE;
    }

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static boolean isBlank(String s) {
        return s == null || strip(s).isEmpty();
    }

    /**
     * {@code s} without the spaces around it as a person pasting a value means them: ASCII and Unicode
     * whitespace, and the no-break spaces ({@code U+00A0}, {@code U+2007}, {@code U+202F}) that {@link
     * String#strip} keeps, so an id copied from a web page still reads as that id. An invisible character
     * stays: in an id it is refused where it can be shown, and a byte order mark in the middle of a file
     * is the sign of two files joined.
     */
    public static String strip(String s) {
        return strip(s, false);
    }

    /**
     * As {@link #strip}, also without the invisible characters a copy brings along at either end (a
     * zero-width space, a word joiner, a byte order mark): for a domain or an email address, where they
     * can only be such leftovers.
     */
    public static String stripWithInvisible(String s) {
        return strip(s, true);
    }

    private static String strip(String s, boolean invisible) {
        int from = 0;
        int to = s.length();
        while (from < to && strippable(s.charAt(from), invisible)) {
            from++;
        }
        while (to > from && strippable(s.charAt(to - 1), invisible)) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean strippable(char c, boolean invisible) {
        return isSpace(c) || invisible && (c == '\u200B' || c == '\u2060' || c == '\uFEFF');
    }

    /**
     * {@code s} in Unicode normalization form C: an accented letter as one character, however the system
     * that stored it spelled it ({@code é} or {@code e} and a combining accent look the same and are the
     * same address or id to a person). {@code s} itself when it is ASCII or already composed, which is
     * nearly every value, so the check costs a scan and no copy.
     */
    public static String composed(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC)
                        ? s
                        : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /**
     * The key two values are the same by when case does not matter (an email address, an external id):
     * {@link #composed} first, so the Unicode form a system stored does not count, then lowercased.
     */
    public static String caseless(String s) {
        return composed(s).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code a} and {@code b} are the same by {@link #caseless}: as Zendesk compares emails and ids. */
    public static boolean sameCaseless(String a, String b) {
        return a.equalsIgnoreCase(b) || caseless(a).equals(caseless(b));
    }

    /** A space of any kind, no-break ones included ({@link #strip}). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * {@code s} with each unpaired surrogate (half of a character, as a JSON escape of one half of an emoji
     * without the other spells) replaced by U+FFFD, so that every string read can be written as UTF-8;
     * {@code s} itself when it has none.
     */
    public static String wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired =
                        Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    return replaceUnpaired(s);
                }
                i++;
            }
        }
        return s;
    }

    private static String replaceUnpaired(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The letters to insert, delete or replace to turn {@code a} into {@code b} (Levenshtein distance). */
    public static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(
                        Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /**
     * {@code items} joined by {@code separator}, the first {@code max} of them and then how many more: a
     * value of one row that names thousands (the accounts sharing one domain) is said in a line, not in a
     * list that grows every row of them with their number.
     */
    public static String listed(List<String> items, String separator, int max) {
        if (items.size() <= max) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
