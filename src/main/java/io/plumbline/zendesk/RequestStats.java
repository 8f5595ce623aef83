package io.plumbline.zendesk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what the client did: requests sent, retries, rate-limit waits and the time spent waiting, and
 * whether it has given up on a call for a failure that holds for every call after it.
 */
public final class RequestStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<String> stop = new AtomicReference<>();
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

    /** A call was given up for a failure that holds for every call after it ({@link RunStopException#reason}). */
    void stopped(String reason) {
        stop.compareAndSet(null, reason);
    }

    /**
     * The reason of the first call given up for a failure that holds for every call after it (the rate
     * limit, Zendesk out of reach, refused credentials), wherever it was caught since; null while none was.
     */
    public String stopReason() {
        return stop.get();
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
