package io.plumbline.zendesk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one snapshot pull did: records written per resource (in pull order), requests sent, retries,
 * rate-limit waits and their total length, the wall time taken, whether it was incremental, where each
 * listing stopped (for the next pull), and notes worth telling the operator (e.g. why memberships were
 * re-listed in full).
 */
public record PullStats(
        Map<String, Integer> records,
        long requests,
        long retries,
        long rateLimitWaits,
        Duration rateLimitWaited,
        Duration elapsed,
        boolean incremental,
        PullCursors cursors,
        List<String> notes) {
    public PullStats {
        records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
        Objects.requireNonNull(cursors, "cursors");
        notes = List.copyOf(notes);
    }
}
