package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.parallel.SideBySide;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Brings an earlier pull's snapshot folder up to date by asking Zendesk only for what changed since its
 * {@link PullCursors}, and writes the merged state as a new snapshot folder that is byte for byte what a
 * full pull of the same Zendesk writes, so it audits (and re-audits offline) to the same plan_hash.
 * Organizations come from the time-based export (deduplicated by id; deleted ones stay, with their
 * {@code deleted_at}), users from the cursor-based user export (end-users kept; other roles and deleted
 * users, {@code active: false}, dropped), tickets from the cursor-based ticket export (deleted ones
 * dropped, as are tickets whose last change has left the lookback window), and memberships as
 * {@link MembershipRefresher} explains. The three exports run side by side; memberships follow, as they
 * depend on what the exports found. Exports leave out the last minute, so they start once it has passed
 * the pull's start ({@link ExportLag}): the merged snapshot holds every change made before the pull
 * began.
 */
public final class ZendeskIncrementalPuller {
    private static final String MEMBERSHIPS = "organization_memberships";
    private final ZendeskHttp http;
    private final ZendeskExporter exporter;
    private final Progress progress;
    private final Clock clock;

    public ZendeskIncrementalPuller(ZendeskHttp http, Progress progress) {
        this.http = http;
        this.exporter = new ZendeskExporter(http, progress::note);
        this.progress = progress;
        this.clock = http.settings().clock();
    }

    /**
     * Merges into {@code previous} (a folder an earlier pull wrote) what changed since {@code since} and
     * writes the result to {@code snapshotDir}, with the tickets active since {@code ticketsSince}.
     */
    public PullStats pull(
            Path previous,
            PullCursors since,
            Path snapshotDir,
            Instant capturedAt,
            Instant ticketsSince,
            int lookbackDays) {
        StatsWindow window = new StatsWindow(http.stats(), clock);
        SortedMap<Long, JsonNode> orgs = SnapshotFiles.read(previous.resolve(SnapshotFiles.ORGANIZATIONS), "orgs");
        SortedMap<Long, JsonNode> users = SnapshotFiles.read(previous.resolve(SnapshotFiles.USERS), "users");
        SortedMap<Long, JsonNode> memberships =
                SnapshotFiles.read(previous.resolve(SnapshotFiles.MEMBERSHIPS), MEMBERSHIPS);
        SortedMap<Long, JsonNode> tickets = SnapshotFiles.read(previous.resolve(SnapshotFiles.TICKETS), "tickets");
        // an export refuses a start in the last minute
        long latestStart = clock.instant().minus(ZendeskExporter.LAG).getEpochSecond();

        Map<Long, JsonNode> changedOrgs = new LinkedHashMap<>();
        Map<Long, JsonNode> changedUsers = new LinkedHashMap<>();
        Map<Long, JsonNode> changedTickets = new LinkedHashMap<>();
        long usersFrom = Math.min(since.usersStartTime(), latestStart);
        ResumableExport<Long> orgExport = export(
                "organizations",
                changedOrgs,
                Math.min(since.organizationsStartTime(), latestStart),
                exporter::organizations);
        ResumableExport<String> userExport = export(
                "users",
                changedUsers,
                since.usersCursor(),
                (cursor, sink) ->
                        exporter.usersChanged(cursor, usersFrom, Objects.equals(cursor, since.usersCursor()), sink));
        ResumableExport<String> ticketExport = export(
                "tickets",
                changedTickets,
                since.ticketsCursor(),
                (cursor, sink) -> cursor.equals(since.ticketsCursor())
                        ? exporter.ticketsAfterStored(cursor, sink)
                        : exporter.ticketsAfter(cursor, sink));
        ExportLag lag = new ExportLag(capturedAt, window.started(), http.settings(), progress);
        runAfterLag(List.of(orgExport, userExport, ticketExport), lag);
        Set<Long> deletedOrgs = mergeOrganizations(orgs, changedOrgs);
        Set<Long> goneUsers = mergeUsers(users, changedUsers);
        mergeTickets(tickets, changedTickets, ticketsSince);

        Set<Long> defaultLost = MembershipRefresher.defaultsIn(memberships, deletedOrgs, goneUsers);
        MembershipRefresher.Result m = refreshMemberships(
                memberships, changedUsers.values(), goneUsers, deletedOrgs, defaultLost, since.memberships());
        Set<Long> unreported = new TreeSet<>(defaultLost);
        unreported.removeAll(changedUsers.keySet()); // the export has those as they are now
        mergeUsers(users, reread(unreported));

        Map<String, Integer> counts = new LinkedHashMap<>();
        write(snapshotDir, SnapshotFiles.ORGANIZATIONS, "organizations", orgs, counts);
        write(snapshotDir, SnapshotFiles.USERS, "users", users, counts);
        write(snapshotDir, SnapshotFiles.MEMBERSHIPS, MEMBERSHIPS, memberships, counts);
        write(snapshotDir, SnapshotFiles.TICKETS, "tickets", tickets, counts);
        SnapshotFiles.writeManifest(
                snapshotDir, capturedAt, lookbackDays, http.settings().baseUri());
        List<String> notes = new ArrayList<>();
        notes.add("changes: " + changedOrgs.size() + " organizations, " + changedUsers.size() + " users, "
                + changedTickets.size() + " tickets");
        notes.add(m.note());
        lag.note().ifPresent(notes::add);
        PullCursors next = new PullCursors(
                orgExport.end().resumeAt(),
                userExport.end().resumeAt(),
                since.usersStartTime(),
                ticketExport.end().resumeAt(),
                m.position());
        return window.stats(counts, true, next, notes);
    }

    /** Brings the memberships of changed, gone and deleted-org users up to date, with progress. */
    private MembershipRefresher.Result refreshMemberships(
            SortedMap<Long, JsonNode> memberships,
            Collection<JsonNode> changedUsers,
            Set<Long> goneUsers,
            Set<Long> deletedOrgs,
            Set<Long> defaultLost,
            ListPosition from) {
        try (Progress.Task task = progress.start(MEMBERSHIPS)) {
            int[] seen = {0};
            PageSink observer = page -> {
                seen[0] += page.size();
                task.update(seen[0], http.stats().requests(), http.stats().rateLimitWaits());
            };
            return new MembershipRefresher(exporter, new ZendeskClient(http), observer)
                    .refresh(memberships, changedUsers, goneUsers, deletedOrgs, defaultLost, from);
        }
    }

    /** Writes one resource's records to its file in {@code dir} and counts them under {@code name}. */
    private static void write(
            Path dir, String file, String name, SortedMap<Long, JsonNode> records, Map<String, Integer> counts) {
        SnapshotFiles.write(dir.resolve(file), records);
        counts.put(name, records.size());
    }

    /** Runs the exports side by side once their lag has passed the pull's start. */
    private static void runAfterLag(List<ResumableExport<?>> exports, ExportLag lag) {
        // the exports of a pull of changes are short: waiting before them takes as long as asking each again
        // after it, without the requests
        lag.awaitLag();
        try (SideBySide side = new SideBySide(ZendeskSnapshotPuller.PULL_THREADS, exports.size())) {
            exports.forEach(e -> side.start(e::run));
            side.awaitAll();
        }
        lag.catchUp(exports);
    }

    private <T> ResumableExport<T> export(
            String name, Map<Long, JsonNode> into, T start, BiFunction<T, PageSink, ExportEnd<T>> from) {
        return new ResumableExport<>(name, into, start, from, http, progress, OptionalLong.empty());
    }

    /** Applies changed orgs; answers the ids of those deleted since the previous pull. */
    private static Set<Long> mergeOrganizations(Map<Long, JsonNode> orgs, Map<Long, JsonNode> changed) {
        Set<Long> deleted = new TreeSet<>();
        changed.forEach((id, org) -> {
            JsonNode before = orgs.get(id);
            if (ZendeskClient.deleted(org) && (before == null || !ZendeskClient.deleted(before))) {
                deleted.add(id);
            }
            orgs.put(id, org);
        });
        return deleted;
    }

    /**
     * The records of {@code ids} read now: users whose default org was deleted, whose organization_id
     * Zendesk moved without the user export necessarily reporting them; a user gone since is left out.
     */
    private Map<Long, JsonNode> reread(Set<Long> ids) {
        ZendeskClient client = new ZendeskClient(http);
        Map<Long, JsonNode> now = new LinkedHashMap<>();
        for (long id : ids) {
            client.user(new ZendeskUserId(id)).ifPresent(u -> now.put(id, u));
        }
        return now;
    }

    /** Applies changed users (only active end-users are kept); answers the ids of deleted users. */
    private static Set<Long> mergeUsers(Map<Long, JsonNode> users, Map<Long, JsonNode> changed) {
        Set<Long> gone = new TreeSet<>();
        changed.forEach((id, user) -> {
            boolean active = user.path("active").asBoolean(true);
            if (!active) {
                gone.add(id);
            }
            if (active && "end-user".equals(user.path("role").asText())) {
                users.put(id, user);
            } else {
                users.remove(id);
            }
        });
        return gone;
    }

    private static void mergeTickets(Map<Long, JsonNode> tickets, Map<Long, JsonNode> changed, Instant since) {
        changed.forEach((id, ticket) -> {
            if ("deleted".equals(ticket.path("status").asText())) {
                tickets.remove(id);
            } else {
                tickets.put(id, ticket);
            }
        });
        TicketWindow.keepFrom(tickets, since);
    }
}
