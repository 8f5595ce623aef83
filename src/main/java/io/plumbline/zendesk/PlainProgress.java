package io.plumbline.zendesk;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress as plain lines (for logs and pipes): one at most every {@code interval} while a resource is
 * being pulled, and one when it is done.
 */
public final class PlainProgress implements Progress {
    private final PrintWriter out;
    private final Clock clock;
    private final Duration interval;

    public PlainProgress(PrintWriter out, Clock clock, Duration interval) {
        this.out = out;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void note(String line) {
        out.println("zendesk: " + line);
        out.flush();
    }

    @Override
    public Task start(String resource) {
        return new Task() {
            private final Instant started = clock.instant();
            private Instant lastLine = started;
            private long total = -1;
            private long records;
            private long requests;
            private long waits;

            @Override
            public void expect(long expected) {
                total = expected;
            }

            @Override
            public void update(long r, long q, long w) {
                records = r;
                requests = q;
                waits = w;
                Instant now = clock.instant();
                if (!now.isBefore(lastLine.plus(interval))) {
                    lastLine = now;
                    line("");
                }
            }

            @Override
            public void close() {
                line(" done in " + Duration.between(started, clock.instant()).toSeconds() + " s");
            }

            private void line(String suffix) {
                out.println("zendesk " + resource + ": " + records + (total >= 0 ? " of ~" + total : "") + " records, "
                        + requests + " requests, " + waits + " rate-limit waits" + suffix);
                out.flush();
            }
        };
    }
}
