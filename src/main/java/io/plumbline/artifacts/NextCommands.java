package io.plumbline.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The exact commands an operator runs after an audit: a dry-run apply and a trace of the top account. */
public final class NextCommands {
    private NextCommands() {}

    /** Pairs of (what, command). */
    public static List<String[]> of(Path runDir, RunInfo run, String topAccount) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"Dry-run apply", "plumbline apply --plan " + runDir.resolve("fix_plan.json")});
        if (topAccount != null) {
            String input = switch (run.inputKind()) {
                case "demo" -> "--demo";
                case "snapshot" -> "--snapshot " + run.inputPath();
                default -> "--run " + runDir;
            };
            out.add(new String[] {"Trace the top account", "plumbline trace --sf-account-id " + topAccount + " " + input
            });
        }
        return out;
    }
}
