package io.plumbline.config;

import io.plumbline.errors.ConfigException;
import java.util.regex.Pattern;

/**
 * Checks the {@code *_env} settings, which name the environment variable that holds a secret. A value
 * that is not a variable name is most likely the secret itself, pasted in by mistake: it is refused
 * without being repeated, so it never reaches a terminal, a log or a CI transcript.
 */
public final class EnvNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** How variables are conventionally named; a mixed-case run of letters and digits may be a token. */
    private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    private EnvNames() {}

    /** {@code value} stripped when it names a variable; null or blank as given; otherwise an error. */
    static String check(String key, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String name = value.strip();
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

    private static boolean conventional(String name) {
        return name != null && CONVENTIONAL.matcher(name.strip()).matches();
    }
}
