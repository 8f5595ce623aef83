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
        boolean escaped = false; // in double quotes, after an odd run of backslashes
        char before = '\n';
        char lastSeen = '\n'; // the line's last character other than a space or tab
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
                escaped = false;
                before = '\n';
                lastSeen = '\n';
                continue;
            }
            if (control(c) || (!comment && quote == 0 && invisible(c))) {
                return new int[] {line, column, i};
            }
            if (quote == '\'' && c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                i++; // '' inside single quotes is one quote
                column++;
            } else if (quote == '"' && c == '\\') {
                escaped = !escaped;
            } else if (quote != 0 && c == quote && !escaped) {
                quote = 0;
            } else if (!comment && quote == 0 && (c == '"' || c == '\'') && startsValue(before, lastSeen)) {
                quote = c;
            } else if (quote == 0 && c == '#' && (before == ' ' || before == '\t' || before == '\n')) {
                comment = true; // what a comment holds is never read
            }
            if (c != '\\') {
                escaped = false;
            }
            before = c;
            if (c != ' ' && c != '\t') {
                lastSeen = c;
            }
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

    /**
     * Whether a quote met after {@code before}, the line's last other character being {@code lastSeen},
     * opens a quoted value: at the start of a line or after its indentation, after {@code ": "}, {@code "- "},
     * or in a flow collection after {@code [}, <code>{</code> or {@code ,}.
     */
    private static boolean startsValue(char before, char lastSeen) {
        if (lastSeen == '\n' || lastSeen == '[' || lastSeen == '{' || lastSeen == ',') {
            return true;
        }
        return (before == ' ' || before == '\t') && (lastSeen == ':' || lastSeen == '-');
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
