package io.plumbline.zendesk;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * Where a pull reports how far it got, one task per resource. The caller decides the form: bars on a
 * terminal, plain periodic lines in logs, or nothing.
 */
public interface Progress {
    /** Starts reporting on one resource (e.g. "organizations"). */
    Task start(String resource);

    /** Says what the pull is doing between resources (e.g. that it waits, and why), in plain words. */
    default void note(String line) {}

    /** One resource being pulled. */
    interface Task extends AutoCloseable {
        /** The number of records expected, when Zendesk can say (enables an ETA). */
        void expect(long total);

        /** Records received so far, requests sent and rate-limit waits so far. */
        void update(long records, long requests, long rateLimitWaits);

        @Override
        void close();
    }

    /** Reports nothing (for {@code --quiet}). */
    Progress SILENT = resource -> new Task() {
        @Override
        public void expect(long total) {}

        @Override
        public void update(long records, long requests, long rateLimitWaits) {}

        @Override
        public void close() {}
    };

    /**
     * The usual choice: nothing when quiet; with progress off, only the notes (a wait of a minute is said,
     * so it is not taken for a hang); bars on {@code terminal}, else a plain line to {@code lines} at most
     * every ten seconds and one when each resource is done.
     */
    static Progress choose(
            boolean quiet,
            boolean noProgress,
            boolean terminal,
            PrintStream terminalStream,
            PrintWriter lines,
            Clock clock) {
        if (quiet) {
            return SILENT;
        }
        if (noProgress) {
            return new Progress() {
                @Override
                public Task start(String resource) {
                    return SILENT.start(resource);
                }

                @Override
                public void note(String line) {
                    lines.println("zendesk: " + line);
                    lines.flush();
                }
            };
        }
        if (terminal) {
            return new ProgressBars(terminalStream);
        }
        return new PlainProgress(lines, clock, Duration.ofSeconds(10));
    }
}
