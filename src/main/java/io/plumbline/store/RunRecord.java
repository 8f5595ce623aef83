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
    /** The input kind of a run on the bundled demo fixtures. */
    public static final String DEMO = "demo";

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        countsByCode = Collections.unmodifiableMap(new TreeMap<>(countsByCode));
    }

    /** True for a run on the demo fixtures: history never compares one with a run on real inputs. */
    public boolean demo() {
        return DEMO.equals(inputKind);
    }
}
