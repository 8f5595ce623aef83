package io.plumbline.bench;

import java.time.Duration;

/**
 * The least time {@code requests} requests can take under a limit of {@code limit} a minute counted in
 * fixed windows, when the first window's whole budget is there at the start: {@code ⌈n / L⌉ − 1} full
 * minutes waiting for the last window to open, plus the time its own {@code n − (⌈n / L⌉ − 1)·L}
 * requests take one after another at {@code latency} each.
 */
record WindowFloor(String name, long requests, int limit, Duration latency) {
    WindowFloor {
        if (limit < 1 || requests < 0) {
            throw new IllegalArgumentException("window floor needs a positive limit: " + name + " " + limit);
        }
    }

    long windows() {
        return Math.max(1, (requests + limit - 1) / limit);
    }

    long lastWindowRequests() {
        return requests - (windows() - 1) * limit;
    }

    Duration floor() {
        return Duration.ofMinutes(windows() - 1).plus(latency.multipliedBy(lastWindowRequests()));
    }

    /** The same requests under a limit less the client's reserve ({@code RateWindow.reserve}). */
    WindowFloor usable(int reserve) {
        return new WindowFloor(name, requests, limit - reserve, latency);
    }

    String formula() {
        return String.format(
                "%s: %d req at %d/min -> (%d-1) min + %d x %.2f s",
                name, requests, limit, windows(), lastWindowRequests(), latency.toMillis() / 1000.0);
    }
}
