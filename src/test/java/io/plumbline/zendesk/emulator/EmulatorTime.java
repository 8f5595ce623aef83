package io.plumbline.zendesk.emulator;

import io.plumbline.zendesk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock and sleeper that run {@code scale} times faster than real time, starting at {@code start}:
 * with scale 1000 a 60-second Retry-After passes in 60 real milliseconds. The emulator and the client
 * under test share one, so rate-limit windows, token lifetimes and waits agree.
 */
public final class EmulatorTime extends Clock implements Sleeper {
    private final Instant start;
    private final double scale;
    private final long origin = System.nanoTime();
    private volatile long offsetNanos;

    public EmulatorTime(Instant start, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        this.start = start;
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        long realNanos = System.nanoTime() - origin;
        return start.plusNanos((long) (realNanos * scale) + offsetNanos);
    }

    /** Jumps ahead (e.g. past a token's expiry) without waiting. */
    public void advance(Duration d) {
        offsetNanos += d.toNanos();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        Instant until = instant().plus(d);
        long realNanos = (long) Math.ceil(d.toNanos() / scale);
        Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
        while (instant().isBefore(until)) {
            Thread.onSpinWait();
        }
    }

    public double scale() {
        return scale;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
