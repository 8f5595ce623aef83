package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.parallel.SideBySide;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Pulls what an audit reads from a live Zendesk into a snapshot folder: organizations, end-users,
 * organization memberships and the tickets active in the lookback window, each file holding the API's
 * own JSON objects, one per line, deduplicated by id and sorted by id (UTF-8, {@code \n}), plus
 * {@code snapshot.json} with {@code captured_at}. Files appear whole or not at all. The four listings run
 * side by side (each listing's pages one after another, as every page needs the previous one's cursor),
 * sharing the client's pacing, so the exports' own per-minute budget and the account budget are used at
 * once; the files are the same as when they run one after another. The snapshot holds every change made
 * before the instant it stands for, although Zendesk's exports lag by a minute ({@link ExportLag}). It
 * answers where each listing stopped, so that {@link ZendeskIncrementalPuller} can later fetch only what
 * changed since.
 */
public final class ZendeskSnapshotPuller {
    /** How far before a full pull's start the next user export opens (covers clock skew between hosts). */
    static final Duration USER_EXPORT_OVERLAP = Duration.ofMinutes(10);
    /**
     * How far before a full pull's start its second ticket pass opens: past the export's one-minute lag,
     * with room for clock skew between hosts.
     */
    static final Duration TICKETS_AGAIN_FROM = Duration.ofMinutes(10);
    /** The name of the threads a pull lists and exports on. */
    static final String PULL_THREADS = "zendesk-pull";

    private final ZendeskHttp http;
    private final ZendeskExporter exporter;
    private final Progress progress;
    private final Clock clock;

    public ZendeskSnapshotPuller(ZendeskHttp http, Progress progress) {
        this.http = http;
        this.exporter = new ZendeskExporter(http, progress::note);
        this.progress = progress;
        this.clock = http.settings().clock();
    }

    /** Pulls a snapshot captured at {@code asOf} with the tickets active in the {@code lookbackDays} before it. */
    public PullStats pull(Path snapshotDir, Instant asOf, int lookbackDays) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("ticket lookback must be at least 1 day: " + lookbackDays);
        }
        return pull(snapshotDir, asOf, asOf.minus(Duration.ofDays(lookbackDays)), lookbackDays);
    }

    /**
     * Pulls a snapshot captured at {@code capturedAt} (holding every change made before it, or before the
     * pull began if that is earlier) with the tickets active since {@code ticketsSince} (for an audit
     * whose window ends earlier than the pull, e.g. {@code --as-of}).
     */
    public PullStats pull(Path snapshotDir, Instant capturedAt, Instant ticketsSince, int lookbackDays) {
        StatsWindow window = new StatsWindow(http.stats(), clock);
        OptionalLong orgCount = count("/api/v2/organizations/count");
        OptionalLong userCount = count("/api/v2/users/count?role=end-user");
        SortedMap<Long, JsonNode> orgRecords = new TreeMap<>();
        SortedMap<Long, JsonNode> ticketRecords = new TreeMap<>();
        ResumableExport<Long> orgs = new ResumableExport<>(
                "organizations", orgRecords, 0L, exporter::organizations, http, progress, orgCount);
        // the first pass leaves deleted tickets out, so a ticket deleted while it runs is neither listed
        // again nor dropped, and the pass's cursor moves past that deletion
        ResumableExport<String> tickets = new ResumableExport<>(
                "tickets",
                ticketRecords,
                null,
                (cursor, sink) ->
                        cursor == null ? exporter.tickets(ticketsSince, sink) : exporter.ticketsAfter(cursor, sink),
                http,
                progress,
                OptionalLong.empty());
        Lists lists = runSideBySide(snapshotDir, orgs, tickets, userCount);
        ExportLag lag = new ExportLag(capturedAt, window.started(), http.settings(), progress);
        lag.catchUp(List.of(orgs));
        // so a second pass takes every ticket changed since just before the pull began, deleted ones
        // included, once the export's lag has passed the pull's start: it holds those deletions (and any
        // change the first pass was too early to see), and the next pull resumes at its cursor
        ResumableExport<String> changedTickets = new ResumableExport<>(
                "tickets",
                ticketRecords,
                null,
                (cursor, sink) -> cursor == null
                        ? exporter.ticketsChangedSince(window.started().minus(TICKETS_AGAIN_FROM), sink)
                        : exporter.ticketsAfter(cursor, sink),
                http,
                progress,
                OptionalLong.empty());
        lag.runAfterLag(changedTickets);
        ticketRecords.values().removeIf(t -> "deleted".equals(t.path("status").asText()));
        TicketWindow.keepFrom(ticketRecords, ticketsSince);
        SnapshotFiles.write(snapshotDir.resolve(SnapshotFiles.ORGANIZATIONS), orgRecords);
        SnapshotFiles.write(snapshotDir.resolve(SnapshotFiles.TICKETS), ticketRecords);
        SnapshotFiles.writeManifest(
                snapshotDir, capturedAt, lookbackDays, http.settings().baseUri());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("organizations", orgRecords.size());
        counts.put("users", lists.users().records());
        counts.put("organization_memberships", lists.memberships().records());
        counts.put("tickets", ticketRecords.size());
        long usersFrom = window.started().minus(USER_EXPORT_OVERLAP).getEpochSecond();
        String ticketsCursor = changedTickets.end().resumeAt() == null
                ? ""
                : changedTickets.end().resumeAt();
        PullCursors cursors = new PullCursors(
                orgs.end().resumeAt(),
                null,
                usersFrom,
                ticketsCursor,
                lists.memberships().end());
        return window.stats(counts, false, cursors, lag.note().stream().toList());
    }

    /** How many records a listing wrote, and where it stopped. */
    private record Listed<T>(int records, T end) {}

    /** The two listings of a full pull: end-users and memberships. */
    private record Lists(Listed<ListPosition> users, Listed<ListPosition> memberships) {}

    /** Runs the two exports and the two listings side by side (sharing one pacer) until all four end. */
    private Lists runSideBySide(
            Path snapshotDir, ResumableExport<Long> orgs, ResumableExport<String> tickets, OptionalLong userCount) {
        try (SideBySide pulls = new SideBySide(PULL_THREADS, 4)) {
            pulls.start(orgs::run);
            Future<Listed<ListPosition>> users = pulls.start(
                    () -> resource(snapshotDir, SnapshotFiles.USERS, "users", userCount, exporter::endUsers));
            Future<Listed<ListPosition>> memberships = pulls.start(() -> resource(
                    snapshotDir,
                    SnapshotFiles.MEMBERSHIPS,
                    "organization_memberships",
                    OptionalLong.empty(),
                    exporter::memberships));
            pulls.start(tickets::run);
            pulls.awaitAll();
            return new Lists(pulls.result(users), pulls.result(memberships));
        }
    }

    /** Lists one resource into its file; safe to run beside the others (each has its own records and file). */
    private <T> Listed<T> resource(
            Path dir, String file, String name, OptionalLong expected, Function<PageSink, T> pull) {
        SortedMap<Long, JsonNode> byId = new TreeMap<>();
        T end;
        try (Progress.Task task = progress.start(name)) {
            expected.ifPresent(task::expect);
            end = pull.apply(page -> {
                for (JsonNode record : page) {
                    byId.put(SnapshotFiles.idOf(record, name), record);
                }
                RequestStats s = http.stats();
                task.update(byId.size(), s.requests(), s.rateLimitWaits());
            });
        }
        SnapshotFiles.write(dir.resolve(file), byId);
        return new Listed<>(byId.size(), end);
    }

    private OptionalLong count(String path) {
        ZendeskResponse r = http.send("GET", path, null, Set.of(400, 403, 404, 422));
        JsonNode value = r.body().path("count").path("value");
        return r.ok() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
