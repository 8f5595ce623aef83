package io.plumbline.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
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
        String series,
        String asOf,
        String outputRoot) {
    /** The input kind of a run on the bundled demo fixtures. */
    public static final String DEMO = "demo";

    /**
     * History's order of the runs it compares: the runs recorded before the instant audited was kept
     * first (by their start: they all ran before any run that keeps it), then by the instant each audited
     * ({@code asOf}), then by start, then by id. A re-audit of an older snapshot so falls in among the runs
     * of its time, rather than becoming the run the next nightly one is compared with. Instants are kept as
     * {@link #instant} writes them, so that their text sorts as they do.
     */
    public static final Comparator<RunRecord> AUDITED_ORDER = Comparator.comparing((RunRecord r) -> r.asOf() != null)
            .thenComparing(RunRecord::auditedAt)
            .thenComparing(RunRecord::startedAt)
            .thenComparing(RunRecord::runId);

    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * One run. {@code series} names what it audited and how (which Zendesk, which ticket window): history
     * compares a run only with runs of its own series, and with runs recorded before series were (null),
     * of its own kind. {@code asOf} is the instant it audited, and {@code outputRoot} the folder its run
     * folder is in (each null for a run recorded before they were kept): two configs that share one store
     * but write to output roots of their own (each with its own Salesforce export, say) are never compared.
     */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        countsByCode = Collections.unmodifiableMap(new TreeMap<>(countsByCode));
    }

    /** A run as recorded before the audited instant was kept. */
    public RunRecord(
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
        this(
                runId,
                startedAt,
                finishedAt,
                inputKind,
                planHash,
                totalIssues,
                prepared,
                blocked,
                durationMs,
                requestsUsed,
                countsByCode,
                series,
                null,
                null);
    }

    /**
     * An instant as the store keeps it: UTC with nine digits of fraction, so that text order is time order
     * ({@code Instant.toString()} drops trailing zeros: {@code :30Z} would sort after {@code :30.5Z}).
     */
    public static String instant(Instant at) {
        return FIXED_WIDTH.format(at);
    }

    /** The instant the run audited, else (recorded before that was kept) its start: the first key of {@link #AUDITED_ORDER}. */
    public String auditedAt() {
        return asOf != null ? asOf : startedAt;
    }

    /**
     * Whether history compares this run with {@code other}: same series, or either from before series; and
     * the same output root, unless either is from before roots were kept.
     */
    public boolean comparableWith(RunRecord other) {
        boolean sameRoot = outputRoot == null || other.outputRoot == null || outputRoot.equals(other.outputRoot);
        return sameRoot
                && (series == null || other.series == null ? demo() == other.demo() : series.equals(other.series));
    }

    /**
     * True for a run on the demo fixtures (bundled, or a copy of them in a snapshot folder, whose runs are of
     * the demo series): history never compares one with a run on real inputs.
     */
    public boolean demo() {
        return DEMO.equals(inputKind) || DEMO.equals(series);
    }
}
