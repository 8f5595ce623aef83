package io.plumbline.zendesk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the client did: requests sent, retries, rate-limit waits and the time spent waiting, and
 * whether it has given up on a call for Zendesk's rate limit.
 */
public final class RequestStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimitedOut = new AtomicLong();
    private final AtomicLong unreachableOut = new AtomicLong();
    private final AtomicLong credentialsRefusedOut = new AtomicLong();
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

    void rateLimitedOut() {
        rateLimitedOut.incrementAndGet();
    }

    void unreachableOut() {
        unreachableOut.incrementAndGet();
    }

    void credentialsRefusedOut() {
        credentialsRefusedOut.incrementAndGet();
    }

    /**
     * Whether Zendesk refused the credentials themselves ({@link CredentialsRefusedException}), wherever it
     * was met: an expired token or a missing scope holds for every call after it.
     */
    public boolean credentialsRefused() {
        return credentialsRefusedOut.get() > 0;
    }

    /**
     * Whether a call was given up because no connection to Zendesk could be made ({@link
     * ZendeskUnreachableException}), wherever it was met.
     */
    public boolean unreachable() {
        return unreachableOut.get() > 0;
    }

    /**
     * Whether a call was given up for Zendesk's rate limit ({@link RateLimitedException}), wherever it was
     * caught since: a limit that outlasts the retries holds for the calls after it too.
     */
    public boolean rateLimited() {
        return rateLimitedOut.get() > 0;
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
