package io.plumbline.zendesk;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait for a Zendesk background job: at most {@code maxPolls} looks at its status, the
 * first after {@code firstWait}, each later wait doubling up to {@code maxWait}. With the defaults a job
 * is given about six minutes before its items are settled from what Zendesk's records show.
 */
public record JobPolling(int maxPolls, Duration firstWait, Duration maxWait) {
    public static final JobPolling DEFAULT = new JobPolling(40, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public JobPolling {
        if (maxPolls < 1) {
            throw new IllegalArgumentException("a job needs at least one poll: " + maxPolls);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
    }

    /** The wait before poll number {@code poll} (1-based). */
    public Duration waitBefore(int poll) {
        Duration d = firstWait.multipliedBy(1L << Math.min(16, poll - 1));
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }
}
