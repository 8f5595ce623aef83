package io.plumbline.config;

import java.util.Locale;

/**
 * Characters a config file should not hold where YAML reads them, found before YAML does: the YAML reader
 * reports a control character as an error at the start of the file, and takes a no-break or zero-width
 * space (common in text copied from a web page or a chat) for part of a key or a value, so that the
 * message names the wrong line or the wrong mistake. Said at the character's own line and column.
 */
final class StrayCharacters {
    private StrayCharacters() {}

    /**
     * The first stray character: {line, column, index} (line and column 1-based, the column counted in
     * characters as an editor shows them; index into {@code text}), or null when there is none. Inside a
     * quoted value or a comment, where such a space may be meant, only control characters count.
     */
    static int[] find(String text) {
        int line = 1;
        int column = 0;
        boolean comment = false;
        char quote = 0;
        char before = '\n';
        // a byte order mark that starts the file is not part of its first line; a quote opens a quoted value
        // only where a value can start (an apostrophe inside a plain word does not)
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLowSurrogate(c) && Character.isHighSurrogate(before))) {
                column++;
            }
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++; // a line feed, or a carriage return alone (an old Mac file)
                column = 0;
                comment = false;
                quote = 0;
                before = '\n';
                continue;
            }
            if (control(c) || (!comment && quote == 0 && invisible(c))) {
                return new int[] {line, column, i};
            }
            if (!comment && quote == 0 && (c == '"' || c == '\'') && " \t\n:[{,-".indexOf(before) >= 0) {
                quote = c;
            } else if (quote != 0 && c == quote && !(quote == '"' && before == '\\')) {
                quote = 0;
            } else if (quote == 0 && c == '#' && (before == ' ' || before == '\t' || before == '\n')) {
                comment = true; // what a comment holds is never read
            }
            before = c;
        }
        return null;
    }

    /** What the character {@link #find} found is, and what to do about it. */
    static String describe(String text, int[] at) {
        char c = text.charAt(at[2]);
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (control(c)) {
            return "a control character (" + code + ") YAML does not allow; remove it";
        }
        if (c == '\u00A0' || c == '\u202F' || c == '\u2007') {
            return "a no-break space (" + code + ") where YAML needs a plain space (text copied from a web page or a"
                    + " chat often carries one); type the space again";
        }
        return "an invisible character (" + code + ") YAML would read as part of a key or value; remove it";
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
    }

    /** No-break and zero-width spaces, joiners, word joiner and a byte order mark past the start. */
    private static boolean invisible(char c) {
        return c == '\u00A0'
                || c == '\u202F'
                || c == '\u2007'
                || (c >= '\u200B' && c <= '\u200D')
                || c == '\u2060'
                || c == '\uFEFF';
    }
}
