package io.plumbline.zendesk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the client did: requests sent, retries, rate-limit waits and the time spent waiting. */
public final class RequestStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimitWaits = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void rateLimitWait(Duration d) {
        rateLimitWaits.incrementAndGet();
        waitedMillis.addAndGet(d.toMillis());
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long rateLimitWaits() {
        return rateLimitWaits.get();
    }

    public Duration rateLimitWaited() {
        return Duration.ofMillis(waitedMillis.get());
    }
}
