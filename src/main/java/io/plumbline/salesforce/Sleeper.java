package io.plumbline.salesforce;

import java.time.Duration;

/** Waits between polls and retries; tests pass one that returns at once. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the current thread. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
