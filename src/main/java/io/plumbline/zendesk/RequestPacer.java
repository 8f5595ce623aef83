package io.plumbline.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides how long to wait before each request so that Zendesk never has to say 429: it remembers the
 * rate-limit windows each response reported (the account window for every request, endpoint windows
 * such as incremental exports for the family of requests that reported them), and a {@code Retry-After}
 * that holds every request back until it has passed. When a window is nearly used up it waits for the
 * window's reset, or, when the reset is unknown, spaces requests at the window's per-minute rate.
 */
public final class RequestPacer {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Clock clock;
    private final Random random;
    private final Map<String, Observed> windows = new HashMap<>();
    private final Map<String, Set<String>> windowsByFamily = new HashMap<>();
    private Instant blockedUntil = Instant.MIN;

    private record Observed(RateWindow window, Instant at) {}

    public RequestPacer(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** How long the next request of {@code family} must wait from now (zero when it may go). */
    public synchronized Duration delayBefore(String family) {
        Instant now = clock.instant();
        Instant until = blockedUntil;
        until = later(until, readyAt(windows.get(RateLimitHeaders.ACCOUNT)));
        for (String name : windowsByFamily.getOrDefault(family, Set.of())) {
            until = later(until, readyAt(windows.get(name)));
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static Instant readyAt(Observed o) {
        if (o == null || !o.window().exhausted()) {
            return Instant.MIN;
        }
        RateWindow w = o.window();
        if (w.resetsIn() != null) {
            return o.at().plus(w.resetsIn());
        }
        int perMinute = w.limit() > 0 ? w.limit() : 60;
        return o.at().plus(MINUTE.dividedBy(perMinute));
    }

    /** Records the windows a response to a request of {@code family} reported. */
    public synchronized void observe(String family, List<RateWindow> reported) {
        Instant now = clock.instant();
        for (RateWindow w : reported) {
            windows.put(w.name(), new Observed(w, now));
            if (!RateLimitHeaders.ACCOUNT.equals(w.name())) {
                windowsByFamily.computeIfAbsent(family, k -> new HashSet<>()).add(w.name());
            }
        }
    }

    /**
     * Holds every request back for {@code retryAfter} plus a small random margin (up to 10%, at most
     * one second), so that several clients told the same time do not all come back at once.
     */
    public synchronized Duration holdFor(Duration retryAfter) {
        long maxJitter = Math.min(1000, retryAfter.toMillis() / 10);
        Duration hold = retryAfter.plusMillis(maxJitter <= 0 ? 0 : (long) (random.nextDouble() * maxJitter));
        blockedUntil = later(blockedUntil, clock.instant().plus(hold));
        return hold;
    }

    /** The account window last reported, if any (for doctor and stats). */
    public synchronized RateWindow accountWindow() {
        Observed o = windows.get(RateLimitHeaders.ACCOUNT);
        return o == null ? null : o.window();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
