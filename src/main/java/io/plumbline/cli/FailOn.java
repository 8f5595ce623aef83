package io.plumbline.cli;

import java.util.Locale;

/** The {@code --fail-on} conditions for CI: exit 1 when the condition holds after a completed audit. */
enum FailOn {
    /** Any issue at all. */
    ANY,
    /** Any blocked action (an issue a human must decide). */
    BLOCKED,
    /** Any issue that the previous recorded run of the same series (Zendesk and ticket window, or the demo) did not have. */
    NEW;

    static FailOn parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.plumbline.errors.ConfigException("--fail-on must be any, blocked or new, found '" + raw + "'");
        }
    }
}
