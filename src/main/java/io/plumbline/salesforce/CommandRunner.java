package io.plumbline.salesforce;

import java.io.IOException;
import java.util.List;

/**
 * Runs an external command and collects its output; the seam that lets tests stand in for the
 * {@code sf} CLI. Throws {@link IOException} when the program cannot be started (e.g. not installed),
 * and a {@link NotFinished} when it was started but did not finish in time or the wait was interrupted.
 */
public interface CommandRunner {
    /** The finished command: its exit code and what it printed. */
    record Result(int exitCode, String stdout, String stderr) {}

    Result run(List<String> command) throws IOException;

    /** The command started but did not finish: it ran past its time limit, or the wait was interrupted. */
    final class NotFinished extends IOException {
        private static final long serialVersionUID = 1L;

        public NotFinished(String message) {
            super(message);
        }
    }
}
