package io.plumbline.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exact commands an operator runs after an audit: a dry-run apply when the plan prepares an action,
 * and a trace of the top account when the queue has one.
 */
public final class NextCommands {
    /** Characters a POSIX shell passes through unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:=@%+,-]*");

    /** Said instead, when there is neither an action to apply nor an account to trace. */
    public static final String NOTHING =
            "Nothing to apply or trace: the plan prepares no action and no account has an issue.";

    private NextCommands() {}

    /**
     * Pairs of (what, command). The trace reads the run folder ({@code --run}), so it sees the same
     * inputs and settings (lookback, as-of, config) the audit used, a demo run included.
     */
    public static List<String[]> of(Path runDir, String topAccount, boolean prepared) {
        return of("plumbline", runDir, topAccount, prepared, null);
    }

    /**
     * As {@link #of(Path, String, boolean)}, each command starting with {@code program} (a shell word), and
     * the apply naming {@code config} when the audit was given one (null: the default), as apply reads the
     * Zendesk to check against from it.
     */
    public static List<String[]> of(String program, Path runDir, String topAccount, boolean prepared, Path config) {
        List<String[]> out = new ArrayList<>();
        if (prepared) {
            out.add(new String[] {
                "Dry-run apply",
                program + " apply --plan " + word(runDir.resolve("fix_plan.json"))
                        + (config == null ? "" : " --config " + word(config))
            });
        }
        if (topAccount != null) {
            String input = "--run " + word(runDir);
            out.add(new String[] {
                "Trace the top account", program + " trace --sf-account-id " + word(topAccount) + " " + input
            });
        }
        return out;
    }

    /** {@code value} as one word of a POSIX shell command line: as it is when that is safe, else single-quoted. */
    public static String word(Object value) {
        String s = String.valueOf(value);
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
