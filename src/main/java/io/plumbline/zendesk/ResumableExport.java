package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * One incremental export of a pull, which can be run again from where it stopped: each run asks the
 * export from the position the previous one ended at (the first from {@code start}) and puts the records
 * into one map by id, so a later version of a record replaces an earlier one. Runs report to the
 * progress output under the export's name. Not for use by two threads at once.
 */
final class ResumableExport<T> {
    private final String name;
    private final Map<Long, JsonNode> byId;
    private final BiFunction<T, PageSink, ExportEnd<T>> from;
    private final ZendeskHttp http;
    private final Progress progress;
    private final OptionalLong expected;
    private T position;
    private ExportEnd<T> end;

    /**
     * An export named {@code name} (as the snapshot's counts name it) into {@code byId}, run by {@code
     * from} (a position, or {@code start} the first time, and where to put each page); {@code expected}
     * records, when known, for the progress estimate.
     */
    ResumableExport(
            String name,
            Map<Long, JsonNode> byId,
            T start,
            BiFunction<T, PageSink, ExportEnd<T>> from,
            ZendeskHttp http,
            Progress progress,
            OptionalLong expected) {
        this.name = Objects.requireNonNull(name, "name");
        this.byId = Objects.requireNonNull(byId, "byId");
        this.position = start;
        this.from = Objects.requireNonNull(from, "from");
        this.http = http;
        this.progress = progress;
        this.expected = expected;
    }

    /** Asks the export from where it stopped (or from its start) to its end; answers that end. */
    ExportEnd<T> run() {
        if (end != null && position == null) {
            throw new IllegalStateException(name + ": the export gave no position to resume from");
        }
        try (Progress.Task task = progress.start(name)) {
            expected.ifPresent(task::expect);
            end = from.apply(position, page -> {
                for (JsonNode record : page) {
                    byId.put(SnapshotFiles.idOf(record, name), record);
                }
                RequestStats s = http.stats();
                task.update(byId.size(), s.requests(), s.rateLimitWaits());
            });
        }
        position = end.resumeAt();
        return end;
    }

    String name() {
        return name;
    }

    /** Where the last run ended; null before the first. */
    ExportEnd<T> end() {
        return end;
    }
}
