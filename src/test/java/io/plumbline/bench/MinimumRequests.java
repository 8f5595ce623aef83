package io.plumbline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.zendesk.PullStats;
import io.plumbline.zendesk.ZendeskExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fewest requests the endpoints a full pull uses need for the records it wrote: a cursor listing of
 * n records at 100 a page takes {@code ⌊n / 100⌋ + 1} (the page after the last full one says there is
 * no more, and may be empty); the cursor-based ticket export {@code max(1, ⌈n / 1000⌉)}; the time-based
 * organization export as many pages as its paging rule allows (1,000 a page, extended to a whole
 * second, each next page starting again at the second the previous one ended on), computed from the
 * records' timestamps; and the two counts the puller asks for its progress estimate. Zendesk's exports
 * leave out the minute before each request, so an export whose last page (by that count) went out
 * within {@link ZendeskExporter#LAG} after the pull's start takes one request more, once the lag has
 * passed, for the pull to hold every change made before its start ({@link #lagged}). The ticket export
 * of a full pull always takes one request more: its first pass leaves deleted tickets out, so a second
 * pass over the tickets changed since just before the pull began, deleted ones included, is what keeps a
 * ticket deleted while the first ran out of this pull and the next one.
 */
final class MinimumRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHANGES =
            Pattern.compile("changes: (\\d+) organizations, (\\d+) users, (\\d+) tickets");
    private static final Pattern TAIL = Pattern.compile("memberships: (\\d+) re-listed .*?, (\\d+) users re-read");

    private MinimumRequests() {}

    static Map<String, Long> fullPull(Path snapshot, Map<String, Integer> records, PullLog log, Instant start) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("organizations", timeExportPages(changedAt(snapshot.resolve("zendesk/organizations.jsonl"))));
        out.put("users", records.get("users") / 100L + 1);
        out.put("organization_memberships", records.get("organization_memberships") / 100L + 1);
        out.put("tickets", Math.max(1, (records.get("tickets") + 999L) / 1000) + 1);
        out.put(PullLog.COUNTS, 2L);
        return lagged(out, log, start, List.of("organizations"));
    }

    /**
     * The fewest requests an incremental pull needs by its own method: one export page per 1,000 changed
     * records of each kind (at least one), the membership count, the membership list from the saved
     * cursor ({@code ⌊n / 100⌋ + 1} pages for the n records listed) and one read per user whose default
     * moved, as its notes report them (or a full membership listing when it made one); and one more per
     * export that ended within the lag ({@link #lagged}; none when the pull waits for the lag first).
     */
    static Map<String, Long> incremental(PullStats stats, PullLog log, Instant start) {
        Matcher changes = find(CHANGES, stats.notes());
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("organizations", exportPages(changes.group(1)));
        out.put("users", exportPages(changes.group(2)));
        out.put("tickets", exportPages(changes.group(3)));
        Matcher tail = TAIL.matcher(stats.notes().get(1));
        out.put(
                "organization_memberships",
                tail.find()
                        ? Long.parseLong(tail.group(1)) / 100 + 1 + Long.parseLong(tail.group(2))
                        : stats.records().get("organization_memberships") / 100L + 1);
        out.put(PullLog.COUNTS, 1L);
        return lagged(out, log, start, List.of("organizations", "users", "tickets"));
    }

    /**
     * Adds a request to each of {@code exports} whose last page by the minimum arrived within {@link
     * ZendeskExporter#LAG} after {@code start}, as the emulator logged it: without it the export would
     * lack the changes of that last minute before the start.
     */
    static Map<String, Long> lagged(Map<String, Long> minimum, PullLog log, Instant start, List<String> exports) {
        for (String export : exports) {
            Instant last = log.succeeded(export, minimum.get(export));
            if (last != null && last.isBefore(start.plus(ZendeskExporter.LAG))) {
                minimum.merge(export, 1L, Long::sum);
            }
        }
        return minimum;
    }

    private static long exportPages(String changed) {
        return Math.max(1, (Long.parseLong(changed) + 999) / 1000);
    }

    private static Matcher find(Pattern p, List<String> notes) {
        for (String n : notes) {
            Matcher m = p.matcher(n);
            if (m.find()) {
                return m;
            }
        }
        throw new IllegalStateException("no note matches " + p + ": " + notes);
    }

    /** Pages of the time-based export from the epoch over records changed at these (sorted) seconds. */
    static long timeExportPages(long[] seconds) {
        int from = 0;
        long pages = 0;
        while (true) {
            pages++;
            int end = Math.min(seconds.length, from + 1000);
            while (end < seconds.length && end > from && seconds[end] == seconds[end - 1]) {
                end++;
            }
            if (end == seconds.length) {
                return pages;
            }
            int next = end - 1;
            while (next > from && seconds[next - 1] == seconds[end - 1]) {
                next--;
            }
            if (next == from) {
                throw new IllegalStateException("more than a page of records share one second");
            }
            from = next;
        }
    }

    private static long[] changedAt(Path jsonl) {
        try (var lines = Files.lines(jsonl)) {
            return lines.mapToLong(MinimumRequests::changedAt).sorted().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long changedAt(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            for (String f : List.of("updated_at", "created_at")) {
                if (n.path(f).isTextual()) {
                    return OffsetDateTime.parse(n.path(f).asText()).toEpochSecond();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
