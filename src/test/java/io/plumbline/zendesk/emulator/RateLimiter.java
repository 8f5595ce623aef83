package io.plumbline.zendesk.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Per-minute fixed windows (aligned to whole minutes of emulator time), one per named limit. */
final class RateLimiter {
    /** Whether a request may go, and what the rate headers say after it. */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private record Window(long minute, int used) {}

    private final Map<String, Window> windows = new HashMap<>();

    synchronized Decision acquire(String name, int limit, Instant now) {
        long second = now.getEpochSecond();
        long minute = Math.floorDiv(second, 60);
        long reset = (minute + 1) * 60 - second;
        Window w = windows.get(name);
        if (w == null || w.minute() != minute) {
            w = new Window(minute, 0);
        }
        if (w.used() >= limit) {
            windows.put(name, w);
            return new Decision(false, limit, 0, reset);
        }
        w = new Window(minute, w.used() + 1);
        windows.put(name, w);
        return new Decision(true, limit, limit - w.used(), reset);
    }
}
