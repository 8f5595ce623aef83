package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * {@code snapshot.json} with {@code captured_at}. Files appear whole or not at all.
 */
public final class ZendeskSnapshotPuller {
    public static final String ORGANIZATIONS = "zendesk/organizations.jsonl";
    public static final String USERS = "zendesk/users.jsonl";
    public static final String MEMBERSHIPS = "zendesk/organization_memberships.jsonl";
    public static final String TICKETS = "zendesk/tickets.jsonl";
    public static final String MANIFEST = "snapshot.json";
    private static final ObjectMapper JSON = new ObjectMapper();
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
        Instant asOf = capturedAt;
        Instant started = clock.instant();
        RequestStats stats = http.stats();
        long requests0 = stats.requests();
        long retries0 = stats.retries();
        long waits0 = stats.rateLimitWaits();
        Duration waited0 = stats.rateLimitWaited();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(
                "organizations",
                resource(
                        snapshotDir,
                        ORGANIZATIONS,
                        "organizations",
                        count("/api/v2/organizations/count"),
                        exporter::organizations));
        counts.put(
                "users",
                resource(snapshotDir, USERS, "users", count("/api/v2/users/count?role=end-user"), exporter::endUsers));
        counts.put(
                "organization_memberships",
                resource(
                        snapshotDir,
                        MEMBERSHIPS,
                        "organization_memberships",
                        OptionalLong.empty(),
                        exporter::memberships));
        counts.put(
                "tickets",
                resource(
                        snapshotDir,
                        TICKETS,
                        "tickets",
                        OptionalLong.empty(),
                        sink -> exporter.tickets(ticketsSince, sink)));
        writeManifest(snapshotDir, asOf, lookbackDays);
        return new PullStats(
                counts,
                stats.requests() - requests0,
                stats.retries() - retries0,
                stats.rateLimitWaits() - waits0,
                stats.rateLimitWaited().minus(waited0),
                Duration.between(started, clock.instant()));
    }

    private int resource(Path dir, String file, String name, OptionalLong expected, Consumer<PageSink> pull) {
        SortedMap<Long, JsonNode> byId = new TreeMap<>();
        try (Progress.Task task = progress.start(name)) {
            expected.ifPresent(task::expect);
            pull.accept(page -> {
                for (JsonNode record : page) {
                    byId.put(idOf(record, name), record);
                }
                RequestStats s = http.stats();
                task.update(byId.size(), s.requests(), s.rateLimitWaits());
            });
        }
        write(dir.resolve(file), byId);
        return byId.size();
    }

    private static long idOf(JsonNode record, String name) {
        JsonNode id = record.path("id");
        if (!id.canConvertToLong() || !id.isIntegralNumber()) {
            throw new PlumblineException(
                    ExitCodes.REMOTE,
                    "Zendesk sent a record without a numeric id in " + name + ": " + abbreviate(record));
        }
        return id.asLong();
    }

    private OptionalLong count(String path) {
        ZendeskResponse r = http.send("GET", path, null, Set.of(400, 403, 404, 422));
        JsonNode value = r.body().path("count").path("value");
        return r.ok() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    private static void write(Path file, SortedMap<Long, JsonNode> records) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (JsonNode record : records.values()) {
                    w.write(JSON.writeValueAsString(record));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlumblineException(ExitCodes.INPUT, file + ": cannot write the snapshot: " + e.getMessage(), e);
        }
    }

    private void writeManifest(Path dir, Instant asOf, int lookbackDays) {
        ObjectNode m = JSON.createObjectNode()
                .put("captured_at", asOf.toString())
                .put("source", "zendesk")
                .put("ticket_lookback_days", lookbackDays);
        Path file = dir.resolve(MANIFEST);
        try {
            Files.writeString(file, m.toPrettyString().replace("\r\n", "\n") + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlumblineException(ExitCodes.INPUT, file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
