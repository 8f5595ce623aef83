package io.plumbline.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The client's counters and the clock at the start of a pull, to report what the pull alone did. */
final class StatsWindow {
    private final RequestStats stats;
    private final Clock clock;
    private final Instant started;
    private final long requests;
    private final long retries;
    private final long waits;
    private final Duration waited;

    StatsWindow(RequestStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
        this.started = clock.instant();
        this.requests = stats.requests();
        this.retries = stats.retries();
        this.waits = stats.rateLimitWaits();
        this.waited = stats.rateLimitWaited();
    }

    Instant started() {
        return started;
    }

    PullStats stats(Map<String, Integer> records, boolean incremental, PullCursors cursors, List<String> notes) {
        return new PullStats(
                records,
                stats.requests() - requests,
                stats.retries() - retries,
                stats.rateLimitWaits() - waits,
                stats.rateLimitWaited().minus(waited),
                Duration.between(started, clock.instant()),
                incremental,
                cursors,
                notes);
    }
}
