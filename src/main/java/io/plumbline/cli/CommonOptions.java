package io.plumbline.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {
    @Option(
            names = "--no-progress",
            description =
                    "Do not draw progress bars or periodic progress lines (waits are still said; --quiet keeps them back).")
    boolean noProgress;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors and the essential result.")
    boolean quiet;
}
