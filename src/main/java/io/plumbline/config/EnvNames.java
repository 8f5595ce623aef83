package io.plumbline.config;

import io.plumbline.errors.ConfigException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code *_env} settings, which name the environment variable that holds a secret. A value
 * that is not a variable name is most likely the secret itself, pasted in by mistake: it is refused
 * without being repeated, so it never reaches a terminal, a log or a CI transcript.
 */
public final class EnvNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** {@code $NAME} or {@code ${NAME}}, a variable as a shell script would read it. */
    private static final Pattern SHELL_REFERENCE =
            Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");
    /** How variables are conventionally named; a mixed-case run of letters and digits may be a token. */
    private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    private EnvNames() {}

    /** {@code value} stripped when it names a variable; null or blank as given; otherwise an error. */
    static String check(String key, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String name = value.strip();
        Matcher shell = SHELL_REFERENCE.matcher(name);
        if (shell.matches()) {
            // a name written as the shell reads a variable: shown only when it looks like one (a token pasted
            // after a '$' has the shape of a name too)
            String bare = shell.group(1) != null ? shell.group(1) : shell.group(2);
            throw ConfigException.atKey(
                    key,
                    key + ": write the variable's name without '$'"
                            + (conventional(bare) ? " (" + bare + ")" : "") + ": Plumbline reads the variable itself,"
                            + " so that its value never has to be in the file");
        }
        if (!NAME.matcher(name).matches()) {
            throw ConfigException.atKey(
                    key,
                    key + " must be the name of an environment variable (letters, digits and '_', "
                            + "not starting with a digit), not a secret itself; the value found there is not shown. Put the "
                            + "secret in an environment variable and name that variable here");
        }
        return name;
    }

    /**
     * The variable {@code name} for a message: as it is when it looks like a variable name
     * ({@code ZENDESK_TOKEN}), else worded through the setting that holds it, since an API token
     * pasted there has the shape of a valid name too.
     */
    public static String shown(String key, String name) {
        return conventional(name) ? name.strip() : "(the one " + key + " names; not shown, in case it is a secret)";
    }

    /**
     * For a message saying the variable {@code name} is not set: when it is not {@link #shown} (it may be
     * the secret itself, pasted where its variable's name belongs), how to put that right; else empty.
     */
    public static String pastedHint(String key, String name) {
        return conventional(name)
                ? ""
                : "; if " + key + " holds the secret itself rather than a variable's name, put the secret in an "
                        + "environment variable and name that variable in " + key;
    }

    /**
     * {@code value}, the secret read from the variable {@code name}, when it can be sent in an HTTP header
     * as it is: every character plain visible ASCII. A token copied with a curly quote, a non-breaking
     * space or a line break inside it is refused here, naming the variable and the character, never the
     * value: sent on, the HTTP client would refuse the header with the whole value in its message.
     */
    public static String headerSafe(String key, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new ConfigException("environment variable " + shown(key, name) + " (" + key + ") holds "
                        + describe(c) + " at character " + (i + 1) + " of " + value.length() + ", which cannot be"
                        + " sent in an HTTP header; the value is not shown. Copy the secret again as plain text"
                        + " (a word processor or chat may have turned its quotes curly or wrapped it)");
            }
        }
        return value;
    }

    private static String describe(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (c == ' ' || c == 0xa0) {
            return "a space (" + code + ")";
        }
        if (c == '\n' || c == '\r') {
            return "a line break (" + code + ")";
        }
        if (c == 0x2018 || c == 0x2019 || c == 0x201c || c == 0x201d) {
            return "a curly quote (" + code + ")";
        }
        return "the character " + code;
    }

    /**
     * Whether {@code name} looks like a variable's name and not like a secret: upper case, and either
     * short or made of words ({@code ZENDESK_TOKEN}); a long run of capitals and digits with no '_' may be
     * a key (a Salesforce consumer secret is 64 hexadecimal capitals).
     */
    private static boolean conventional(String name) {
        if (name == null) {
            return false;
        }
        String n = name.strip();
        return CONVENTIONAL.matcher(n).matches() && (n.indexOf('_') >= 0 || n.length() <= 24);
    }
}
