package io.plumbline.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last pull of one Zendesk (by its base URL) that a later pull can continue from: the run whose
 * {@code snapshot/} folder holds the records it pulled (kept there, not copied into the store), a
 * SHA-256 fingerprint of each of its files, the instant it was captured, the start of the ticket window
 * its tickets cover, when the last full pull was, and the export cursors to resume at.
 */
public record PullRecord(
        String source,
        String runId,
        String snapshotDir,
        Map<String, String> fingerprints,
        String capturedAt,
        String ticketsSince,
        String fullPullAt,
        Map<String, String> cursors) {
    public PullRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(snapshotDir, "snapshotDir");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(ticketsSince, "ticketsSince");
        Objects.requireNonNull(fullPullAt, "fullPullAt");
        fingerprints = Collections.unmodifiableMap(new TreeMap<>(fingerprints));
        cursors = Collections.unmodifiableMap(new TreeMap<>(cursors));
    }
}
