package io.plumbline.zendesk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one snapshot pull did: records written per resource (in pull order), requests sent, retries,
 * rate-limit waits and their total length, and the wall time taken.
 */
public record PullStats(
        Map<String, Integer> records,
        long requests,
        long retries,
        long rateLimitWaits,
        Duration rateLimitWaited,
        Duration elapsed) {
    public PullStats {
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    }
}
