package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Consumer;

/**
 * Pulls what an audit reads from a live Zendesk into a snapshot folder: organizations, end-users,
 * organization memberships and the tickets active in the lookback window, each file holding the API's
 * own JSON objects, one per line, deduplicated by id and sorted by id (UTF-8, {@code \n}), plus
 * {@code snapshot.json} with {@code captured_at}. Files appear whole or not at all. It answers where each
 * listing stopped, so that {@link ZendeskIncrementalPuller} can later fetch only what changed since.
 */
public final class ZendeskSnapshotPuller {
    /** How far before a full pull's start the next user export opens (covers clock skew between hosts). */
    static final Duration USER_EXPORT_OVERLAP = Duration.ofMinutes(10);

    private final ZendeskHttp http;
    private final ZendeskExporter exporter;
    private final Progress progress;
    private final Clock clock;

    public ZendeskSnapshotPuller(ZendeskHttp http, Progress progress) {
        this.http = http;
        this.exporter = new ZendeskExporter(http);
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
     * Pulls a snapshot captured at {@code capturedAt} with the tickets active since {@code ticketsSince}
     * (for an audit whose window ends earlier than the pull, e.g. {@code --as-of}).
     */
    public PullStats pull(Path snapshotDir, Instant capturedAt, Instant ticketsSince, int lookbackDays) {
        StatsWindow window = new StatsWindow(http.stats(), clock);
        Map<String, Integer> counts = new LinkedHashMap<>();
        long[] orgsEnd = {0};
        counts.put(
                "organizations",
                resource(
                        snapshotDir,
                        SnapshotFiles.ORGANIZATIONS,
                        "organizations",
                        count("/api/v2/organizations/count"),
                        sink -> orgsEnd[0] = exporter.organizations(0, sink)));
        ListPosition[] memberships = {ListPosition.START};
        counts.put(
                "users",
                resource(
                        snapshotDir,
                        SnapshotFiles.USERS,
                        "users",
                        count("/api/v2/users/count?role=end-user"),
                        exporter::endUsers));
        counts.put(
                "organization_memberships",
                resource(
                        snapshotDir,
                        SnapshotFiles.MEMBERSHIPS,
                        "organization_memberships",
                        OptionalLong.empty(),
                        sink -> memberships[0] = exporter.memberships(sink)));
        String[] tickets = {null};
        counts.put(
                "tickets",
                resource(
                        snapshotDir,
                        SnapshotFiles.TICKETS,
                        "tickets",
                        OptionalLong.empty(),
                        sink -> tickets[0] = exporter.tickets(ticketsSince, sink)));
        SnapshotFiles.writeManifest(snapshotDir, capturedAt, lookbackDays);
        long usersFrom = window.started().minus(USER_EXPORT_OVERLAP).getEpochSecond();
        PullCursors cursors =
                new PullCursors(orgsEnd[0], null, usersFrom, tickets[0] == null ? "" : tickets[0], memberships[0]);
        return window.stats(counts, false, cursors, List.of());
    }

    private int resource(Path dir, String file, String name, OptionalLong expected, Consumer<PageSink> pull) {
        SortedMap<Long, JsonNode> byId = new TreeMap<>();
        try (Progress.Task task = progress.start(name)) {
            expected.ifPresent(task::expect);
            pull.accept(page -> {
                for (JsonNode record : page) {
                    byId.put(SnapshotFiles.idOf(record, name), record);
                }
                RequestStats s = http.stats();
                task.update(byId.size(), s.requests(), s.rateLimitWaits());
            });
        }
        SnapshotFiles.write(dir.resolve(file), byId);
        return byId.size();
    }

    private OptionalLong count(String path) {
        ZendeskResponse r = http.send("GET", path, null, Set.of(400, 403, 404, 422));
        JsonNode value = r.body().path("count").path("value");
        return r.ok() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
