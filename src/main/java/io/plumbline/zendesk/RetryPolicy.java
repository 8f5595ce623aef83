package io.plumbline.zendesk;

import java.time.Duration;
import java.util.Random;

/**
 * How often and how long to retry: 5xx answers, connection resets and timeouts are retried up to
 * {@code maxRetries} times with capped exponential backoff and full jitter ({@code random(0, min(cap,
 * base * 2^n))}); 429 answers wait their {@code Retry-After} (or {@code defaultRetryAfter}) and are
 * retried up to {@code max429} times. A {@code Retry-After} longer than {@code maxRetryAfter} is not waited
 * out: the call gives up at once (exit 4) instead of sleeping silently for as long as a server asks.
 * With {@code waitOutOutages} (a pull's reads), a read answered 503 without {@code Retry-After}, or 502
 * or 504 (what an edge in front of Zendesk answers during an incident, often as an HTML page), waits as a
 * 429 does, so that a Zendesk outage of a few minutes does not end a pull of hours; apply, undo and doctor
 * keep the 5xx retries, so an outage fails their reads in seconds.
 */
public record RetryPolicy(
        int maxRetries,
        Duration baseDelay,
        Duration maxDelay,
        int max429,
        Duration defaultRetryAfter,
        Duration maxRetryAfter,
        boolean waitOutOutages) {
    /** The longest {@code Retry-After} waited out by default; Zendesk's windows are a minute long. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    public RetryPolicy {
        if (maxRetries < 0 || max429 < 0) {
            throw new IllegalArgumentException("retry counts must not be negative: " + maxRetries + ", " + max429);
        }
    }

    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, int max429, Duration defaultRetryAfter) {
        this(maxRetries, baseDelay, maxDelay, max429, defaultRetryAfter, MAX_RETRY_AFTER, false);
    }

    /** This policy for a pull: reads answered 502, 503 or 504 are waited out (unless it never retries). */
    public RetryPolicy waitingOutOutages() {
        return new RetryPolicy(
                maxRetries, baseDelay, maxDelay, max429, defaultRetryAfter, maxRetryAfter, maxRetries > 0);
    }

    /** This policy retrying a failed call at most {@code retries} times (its own count when lower). */
    public RetryPolicy withAtMostRetries(int retries) {
        return new RetryPolicy(
                Math.min(maxRetries, retries),
                baseDelay,
                maxDelay,
                max429,
                defaultRetryAfter,
                maxRetryAfter,
                waitOutOutages);
    }

    public static RetryPolicy defaults(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30), 30, Duration.ofSeconds(10));
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration backoff(int retry, Random random) {
        long cap = maxDelay.toMillis();
        long exp = baseDelay.toMillis() << Math.min(20, retry - 1);
        long ceiling = Math.max(1, Math.min(cap, exp));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2)));
    }
}
