package io.plumbline.zendesk;

import io.plumbline.config.ZendeskConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything about how the client talks to one Zendesk except the credentials: where, how long to wait
 * for an answer, how to retry, and the clock and sleeper (injected so that tests run in scaled time).
 */
public record ZendeskSettings(
        URI baseUri,
        Duration requestTimeout,
        RetryPolicy retryPolicy,
        Clock clock,
        Sleeper sleeper,
        long jitterSeed,
        String userAgent) {
    public static final String USER_AGENT = "plumbline/0.1 (+java.net.http)";

    public ZendeskSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        userAgent = userAgent == null ? USER_AGENT : userAgent;
    }

    /** Settings from the config file, on the system clock. */
    public static ZendeskSettings from(ZendeskConfig config) {
        return from(config, Clock.systemUTC());
    }

    /**
     * Settings from the config file on {@code clock}; waits go through the clock too when it is also a
     * {@link Sleeper} (as a scaled test clock is), else they really sleep.
     */
    public static ZendeskSettings from(ZendeskConfig config, Clock clock) {
        return new ZendeskSettings(
                config.baseUri(),
                Duration.ofSeconds(config.requestTimeoutSeconds()),
                RetryPolicy.defaults(config.maxRetries()),
                clock,
                clock instanceof Sleeper s ? s : Sleeper.system(),
                System.nanoTime(),
                USER_AGENT);
    }

    public ZendeskSettings withTime(Clock clock, Sleeper sleeper) {
        return new ZendeskSettings(baseUri, requestTimeout, retryPolicy, clock, sleeper, jitterSeed, userAgent);
    }

    public ZendeskSettings withRetryPolicy(RetryPolicy policy) {
        return new ZendeskSettings(baseUri, requestTimeout, policy, clock, sleeper, jitterSeed, userAgent);
    }

    /** These settings for a pull, whose reads wait out a Zendesk outage ({@link RetryPolicy#waitOutOutages}). */
    public ZendeskSettings forPulls() {
        return withRetryPolicy(retryPolicy.waitingOutOutages());
    }

    public ZendeskSettings withRequestTimeout(Duration timeout) {
        return new ZendeskSettings(baseUri, timeout, retryPolicy, clock, sleeper, jitterSeed, userAgent);
    }
}
