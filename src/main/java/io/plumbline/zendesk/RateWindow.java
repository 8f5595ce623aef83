package io.plumbline.zendesk;

import java.time.Duration;

/**
 * One rate-limit window as a response reported it: the limit, what is left, and when it resets (null
 * when the response did not say). A limit or remaining of -1 means unknown.
 */
public record RateWindow(String name, int limit, int remaining, Duration resetsIn) {
    /**
     * Requests kept back for other integrations of the same account: 2% of the limit, rounded down (14
     * of Enterprise's 700 a minute). A small window such as the incremental exports' 10 a minute keeps
     * none: one request held back there would cost a tenth of the export rate, and a 429 caused by
     * another integration's exports is waited out like any other. An unknown limit keeps one.
     */
    public int reserve() {
        return limit <= 0 ? 1 : limit / 50;
    }

    /** The window is nearly used up: the next request should wait. */
    public boolean exhausted() {
        return remaining >= 0 && remaining <= reserve();
    }
}
