package io.plumbline.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides how long to wait before each request so that Zendesk never has to say 429, for any number of
 * threads sharing one client: it remembers the rate-limit windows each response reported (the account
 * window for every request, endpoint windows such as incremental exports for the family of requests
 * that reported them), and a {@code Retry-After} that holds every request back until it has passed.
 * When a window is nearly used up it waits for the window's reset, or, when the reset is unknown,
 * spaces requests at the window's per-minute rate. A request allowed to go counts against its windows
 * at once, and a window's remaining budget is taken as what Zendesk reported less the requests still in
 * flight, never more than known before within the same window: requests sent side by side cannot
 * together overrun a window that each alone would have respected.
 */
public final class RequestPacer {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /**
     * Reset instants closer than this belong to the same window. Zendesk's windows are a minute long, so
     * the next window resets about a minute later; answers of one window reach the client with resets
     * that differ by the rounding to whole seconds and by how long each answer took to arrive, and an
     * answer that arrives late must not give back requests a later one already counted.
     */
    private static final Duration SAME_WINDOW = Duration.ofSeconds(30);

    private final Clock clock;
    private final Random random;
    private final Map<String, Budget> windows = new HashMap<>();
    private final Map<String, Set<String>> windowsByFamily = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private Instant blockedUntil = Instant.MIN;

    /** A window as last reported, and what is left of it by this client's own count since. */
    private static final class Budget {
        final RateWindow window;
        final Instant at;
        final Instant resetAt;
        int remaining;

        Budget(RateWindow window, Instant at, int remaining) {
            this.window = window;
            this.at = at;
            this.resetAt = window.resetsIn() == null ? null : at.plus(window.resetsIn());
            this.remaining = remaining;
        }

        boolean current(Instant now) {
            return resetAt == null || now.isBefore(resetAt);
        }

        boolean sameWindow(Budget next) {
            return resetAt != null
                    && next.resetAt != null
                    && current(next.at)
                    && Duration.between(resetAt, next.resetAt).abs().compareTo(SAME_WINDOW) <= 0;
        }

        Instant readyAt() {
            if (window.remaining() < 0 || remaining > window.reserve()) {
                return Instant.MIN;
            }
            if (resetAt != null) {
                return resetAt;
            }
            int perMinute = window.limit() > 0 ? window.limit() : 60;
            return at.plus(MINUTE.dividedBy(perMinute));
        }
    }

    public RequestPacer(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * How long the next request of {@code family} must wait from now. Zero means it may go now, and it
     * is then counted as sent: report its answer with {@link #observe}, or {@link #abandon} it. After a
     * wait, ask again.
     */
    public synchronized Duration delayBefore(String family) {
        Instant now = clock.instant();
        Instant until = blockedUntil;
        for (Budget b : budgets(family)) {
            until = later(until, b.readyAt());
        }
        if (until.isAfter(now)) {
            return Duration.between(now, until);
        }
        for (Budget b : budgets(family)) {
            if (b.current(now)) {
                b.remaining--;
            }
        }
        inFlight.merge(family, 1, Integer::sum);
        return Duration.ZERO;
    }

    private List<Budget> budgets(String family) {
        List<Budget> out = new ArrayList<>();
        Budget account = windows.get(RateLimitHeaders.ACCOUNT);
        if (account != null) {
            out.add(account);
        }
        for (String name : windowsByFamily.getOrDefault(family, Set.of())) {
            out.add(windows.get(name));
        }
        return out;
    }

    /** Records the windows the answer to a request of {@code family} reported; the request is done. */
    public synchronized void observe(String family, List<RateWindow> reported) {
        abandon(family);
        Instant now = clock.instant();
        for (RateWindow w : reported) {
            boolean account = RateLimitHeaders.ACCOUNT.equals(w.name());
            int others = account ? totalInFlight() : inFlight.getOrDefault(family, 0);
            Budget next = new Budget(w, now, w.remaining() - others);
            Budget known = windows.get(w.name());
            if (known != null && known.sameWindow(next)) {
                known.remaining = Math.min(known.remaining, next.remaining);
            } else {
                windows.put(w.name(), next);
            }
            if (!account) {
                windowsByFamily.computeIfAbsent(family, k -> new HashSet<>()).add(w.name());
            }
        }
    }

    /** The request of {@code family} allowed last went unanswered (it failed before any answer). */
    public synchronized void abandon(String family) {
        inFlight.computeIfPresent(family, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The requests let go and not yet answered or abandoned, of every family. */
    synchronized int totalInFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
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
        Budget b = windows.get(RateLimitHeaders.ACCOUNT);
        return b == null ? null : b.window;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
