package io.plumbline.salesforce;

import java.time.Duration;

/**
 * How Bulk API 2.0 query jobs are driven: how many rows to ask for per result page, the first wait
 * between state polls (doubling up to ten times that), and how long to wait for a job in total.
 */
public record QueryTuning(int bulkPageSize, Duration pollInterval, Duration maxWait) {
    public QueryTuning {
        if (bulkPageSize <= 0) {
            throw new IllegalArgumentException("bulkPageSize must be positive: " + bulkPageSize);
        }
        if (pollInterval.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public static QueryTuning defaults() {
        return new QueryTuning(100_000, Duration.ofSeconds(2), Duration.ofMinutes(30));
    }
}
