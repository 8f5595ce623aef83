package io.plumbline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.config.ZendeskAuthConfig;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.zendesk.OnePercentChanges;
import io.plumbline.zendesk.Progress;
import io.plumbline.zendesk.PullStats;
import io.plumbline.zendesk.RateWindow;
import io.plumbline.zendesk.ZendeskConnector;
import io.plumbline.zendesk.ZendeskExporter;
import io.plumbline.zendesk.ZendeskHttp;
import io.plumbline.zendesk.ZendeskIncrementalPuller;
import io.plumbline.zendesk.ZendeskSettings;
import io.plumbline.zendesk.ZendeskSnapshotPuller;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A live pull against the Zendesk emulator seeded from a snapshot folder, with Enterprise limits (700
 * requests a minute for the account, 10 for incremental exports, fixed one-minute windows) on a clock
 * running {@code SCALE} times faster than real time: a full pull, then, after about 1% of the records
 * changed, an incremental pull. For each it prints the requests made per resource against the fewest
 * the endpoints allow ({@link MinimumRequests}), the wall time against the floor the limits impose
 * ({@link WindowFloor}; never less than the exports' one-minute lag, as a pull holds every change made
 * before its start), their ratio, and the 429s the emulator answered.
 */
public final class PullBench {
    static final String TOKEN = "bench-token-0123456789";
    static final int ACCOUNT_LIMIT = 700;
    static final int EXPORT_LIMIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PullBench() {}

    /** Args: SNAPSHOT_DIR OUT_DIR [SCALE (default 100)] [TICKET_LOOKBACK_DAYS (default 400)]. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PullBench SNAPSHOT_DIR OUT_DIR [SCALE] [TICKET_LOOKBACK_DAYS]");
            System.exit(2);
        }
        Path seed = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        int lookback = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        Instant capturedAt = manifestTime(seed);
        EmulatorTime time = new EmulatorTime(capturedAt.plus(Duration.ofMinutes(10)), scale);
        EmulatorConfig config = EmulatorConfig.withToken(TOKEN).withLimits(ACCOUNT_LIMIT, EXPORT_LIMIT);
        long t0 = System.nanoTime();
        try (ZendeskEmulator emulator = ZendeskEmulator.start(seed, config, time)) {
            System.out.printf(
                    "emulator seeded from %s in %.1f s; clock %.0fx real time; limits %d/min account, %d/min "
                            + "incremental exports (fixed minute windows)%n",
                    seed, (System.nanoTime() - t0) / 1e9, scale, ACCOUNT_LIMIT, EXPORT_LIMIT);
            ZendeskHttp http = connect(emulator, time);
            Path full = out.resolve("full");
            startOfMinute(time);
            long real = System.nanoTime();
            Instant start = time.instant();
            PullStats stats = new ZendeskSnapshotPuller(http, Progress.SILENT)
                    .pull(full, start, start.minus(Duration.ofDays(lookback)), lookback);
            PullLog log = new PullLog(emulator.log().all());
            Map<String, Long> minimum = MinimumRequests.fullPull(full, stats.records(), log, start);
            print("full pull, tickets of the last " + lookback + " days", stats, log, minimum, real);

            changeOnePercent(emulator, full, time);
            emulator.log().clear();
            startOfMinute(time);
            real = System.nanoTime();
            Instant incStart = time.instant();
            PullStats inc = new ZendeskIncrementalPuller(http, Progress.SILENT)
                    .pull(
                            full,
                            stats.cursors(),
                            out.resolve("incremental"),
                            incStart,
                            incStart.minus(Duration.ofDays(lookback)),
                            lookback);
            PullLog incLog = new PullLog(emulator.log().all());
            print(
                    "incremental pull after ~1% changes (" + String.join("; ", inc.notes()) + ")",
                    inc,
                    incLog,
                    MinimumRequests.incremental(inc, incLog, incStart),
                    real);
        }
    }

    private static ZendeskHttp connect(ZendeskEmulator emulator, EmulatorTime time) {
        ZendeskConfig config = new ZendeskConfig(
                null,
                emulator.baseUri().toString(),
                new ZendeskAuthConfig("BENCH_ZENDESK_TOKEN", null, null, null, null, null),
                60,
                6);
        ZendeskSettings settings = ZendeskSettings.from(config).withTime(time, time);
        return ZendeskConnector.connect(config, settings, Map.of("BENCH_ZENDESK_TOKEN", TOKEN), w -> {});
    }

    /** Waits for the next minute to begin, so that the pull starts with whole windows. */
    private static void startOfMinute(EmulatorTime time) throws InterruptedException {
        Instant now = time.instant();
        Instant next = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 60) + 1) * 60);
        time.advance(Duration.between(now, next));
    }

    /** Lets the exports' last minute pass, changes about 1% of the records, and lets a minute pass again. */
    private static void changeOnePercent(ZendeskEmulator emulator, Path snapshot, EmulatorTime time) {
        time.advance(Duration.ofMinutes(2));
        Set<Long> deleted = new HashSet<>();
        List<Long> orgs = ids(snapshot.resolve("zendesk/organizations.jsonl"), deleted);
        List<Long> users = ids(snapshot.resolve("zendesk/users.jsonl"), new HashSet<>());
        List<Long> tickets = ids(snapshot.resolve("zendesk/tickets.jsonl"), new HashSet<>());
        OnePercentChanges.of(orgs, deleted, users, tickets, 1).apply(emulator);
        time.advance(Duration.ofMinutes(2));
    }

    /** The ids in a snapshot file (sorted, as the file is); those with a deleted_at also go to {@code deleted}. */
    private static List<Long> ids(Path jsonl, Set<Long> deleted) {
        List<Long> out = new ArrayList<>();
        try (var lines = Files.lines(jsonl)) {
            lines.forEach(l -> {
                JsonNode n = read(l);
                out.add(n.path("id").asLong());
                if (n.path("deleted_at").isTextual()) {
                    deleted.add(n.path("id").asLong());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void print(String title, PullStats stats, PullLog log, Map<String, Long> minimum, long realStart) {
        System.out.println();
        System.out.println("== " + title);
        System.out.printf("%-26s %9s %9s %9s %6s%n", "resource", "records", "requests", "minimum", "429s");
        Map<String, Long> made = log.requests();
        long min = 0;
        for (Map.Entry<String, Long> e : minimum.entrySet()) {
            Integer records = stats.records().get(e.getKey());
            System.out.printf(
                    "%-26s %9s %9d %9d %6d%n",
                    e.getKey(),
                    records == null ? "-" : records.toString(),
                    made.getOrDefault(e.getKey(), 0L),
                    e.getValue(),
                    log.tooMany(e.getKey()));
            min += e.getValue();
        }
        System.out.printf("%-26s %9s %9d %9d %6d%n", "total", "", log.total(), min, log.tooMany());
        long exportMin = minimum.get("organizations")
                + minimum.get("tickets")
                + (stats.incremental() ? minimum.get("users") : 0);
        Duration exportLatency = log.latency("tickets");
        Duration listLatency = log.latency(stats.incremental() ? "organization_memberships" : "users");
        WindowFloor exports = new WindowFloor("exports", exportMin, EXPORT_LIMIT, exportLatency);
        // users and memberships may be listed side by side: the last window's list pages take half as long
        WindowFloor account = new WindowFloor("all", min, ACCOUNT_LIMIT, listLatency.dividedBy(2));
        // complete as of its start, a pull asks an export once the lag has passed that start
        Duration lag = ZendeskExporter.LAG;
        Duration floor = max(lag, max(exports.floor(), account.floor()));
        Duration usable = max(
                lag,
                max(
                        exports.usable(reserve(EXPORT_LIMIT)).floor(),
                        account.usable(reserve(ACCOUNT_LIMIT)).floor()));
        System.out.printf(
                "median request time (emulated): export page %s, list page %s%n",
                secs(exportLatency), secs(listLatency));
        System.out.printf(
                "floor at the limits:   %s; %s; exports' lag %s -> %s%n",
                exports.formula(), account.formula(), secs(ZendeskExporter.LAG), secs(floor));
        System.out.printf(
                "floor at usable rates: %d/min and %d/min (the client leaves 2%% of a window, rounded down) -> %s%n",
                EXPORT_LIMIT - reserve(EXPORT_LIMIT), ACCOUNT_LIMIT - reserve(ACCOUNT_LIMIT), secs(usable));
        System.out.printf(
                "wall (emulated) %s (%.1f s real); wall / floor %.2f (at usable rates %.2f); 429s %d; "
                        + "rate-limit waits %d (%s); retries %d%n",
                secs(stats.elapsed()),
                (System.nanoTime() - realStart) / 1e9,
                ratio(stats.elapsed(), floor),
                ratio(stats.elapsed(), usable),
                log.tooMany(),
                stats.rateLimitWaits(),
                secs(stats.rateLimitWaited()),
                stats.retries());
    }

    private static int reserve(int limit) {
        return new RateWindow("limit", limit, limit, null).reserve();
    }

    private static double ratio(Duration a, Duration b) {
        return b.isZero() ? Double.NaN : a.toMillis() / (double) b.toMillis();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String secs(Duration d) {
        long ms = d.toMillis();
        return ms >= 60_000
                ? String.format("%d:%04.1f min", ms / 60_000, (ms % 60_000) / 1000.0)
                : String.format("%.2f s", ms / 1000.0);
    }

    private static Instant manifestTime(Path snapshot) throws IOException {
        return Instant.parse(JSON.readTree(snapshot.resolve("snapshot.json").toFile())
                .path("captured_at")
                .asText());
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
