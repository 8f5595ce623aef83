package io.plumbline.salesforce;

import java.io.IOException;
import java.util.List;

/**
 * Runs an external command and collects its output; the seam that lets tests stand in for the
 * {@code sf} CLI. Throws {@link IOException} when the program cannot be started (e.g. not installed).
 */
public interface CommandRunner {
    /** The finished command: its exit code and what it printed. */
    record Result(int exitCode, String stdout, String stderr) {}

    Result run(List<String> command) throws IOException;
}
