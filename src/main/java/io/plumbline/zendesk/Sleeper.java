package io.plumbline.zendesk;

import java.time.Duration;

/** Waits for a while; injected so tests can scale or skip waits instead of really sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the current thread. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
