package io.plumbline.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One audit run as history keeps it: when, what it read, its totals and counts per issue code. */
public record RunRecord(
        String runId,
        String startedAt,
        String finishedAt,
        String inputKind,
        String planHash,
        int totalIssues,
        int prepared,
        int blocked,
        long durationMs,
        long requestsUsed,
        Map<String, Integer> countsByCode) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        countsByCode = Collections.unmodifiableMap(new TreeMap<>(countsByCode));
    }
}
