package io.plumbline.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One audit run as history keeps it: when, what it read, its totals, counts per issue code, and its series. */
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
        Map<String, Integer> countsByCode,
        String series) {
    /** The input kind of a run on the bundled demo fixtures. */
    public static final String DEMO = "demo";

    /**
     * One run. {@code series} names what it audited and how (which Zendesk, which ticket window): history
     * compares a run only with runs of its own series, and with runs recorded before series were (null),
     * of its own kind.
     */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        countsByCode = Collections.unmodifiableMap(new TreeMap<>(countsByCode));
    }

    /** Whether history compares this run with {@code other}: same series, or either from before series. */
    public boolean comparableWith(RunRecord other) {
        return series == null || other.series == null ? demo() == other.demo() : series.equals(other.series);
    }

    /**
     * True for a run on the demo fixtures (bundled, or a copy of them in a snapshot folder, whose runs are of
     * the demo series): history never compares one with a run on real inputs.
     */
    public boolean demo() {
        return DEMO.equals(inputKind) || DEMO.equals(series);
    }
}
