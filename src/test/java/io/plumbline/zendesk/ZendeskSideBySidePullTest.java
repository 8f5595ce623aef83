package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full pull lists its four resources side by side: its files are byte for byte what the seed holds
 * (as one listing after another writes them), and the listings, sharing one pacer, keep every
 * per-minute window of the account and of the exports without a single 429.
 */
class ZendeskSideBySidePullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = SeedSnapshots.CAPTURED_AT;

    @TempDir
    static Path shared;

    static Path seed;
    static Path expected;

    @BeforeAll
    static void seedAndExpect() throws IOException {
        seed = SeedSnapshots.write(shared.resolve("seed"), 1150, 900, 2300);
        expected = shared.resolve("expected");
        Instant windowStart = AS_OF.minus(Duration.ofDays(30));
        expect(SnapshotFiles.ORGANIZATIONS, o -> true);
        expect(SnapshotFiles.USERS, u -> u.path("role").asText().equals("end-user"));
        expect(SnapshotFiles.MEMBERSHIPS, m -> true);
        expect(
                SnapshotFiles.TICKETS,
                t -> !t.path("status").asText().equals("deleted")
                        && !OffsetDateTime.parse(t.path("updated_at").asText())
                                .toInstant()
                                .isBefore(windowStart));
    }

    @RepeatedTest(3)
    void pull_listingsSideBySide_filesByteIdenticalToTheExpectedFiles(@TempDir Path out) throws IOException {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
        }

        for (String f : SnapshotFiles.ZENDESK_FILES) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(expected.resolve(f)));
        }
        assertThat(Files.readString(out.resolve("snapshot.json"))).contains(AS_OF.toString());
    }

    @Test
    void pull_tightLimits_sharedPacerKeepsEveryWindowAndNoneAnswers429(@TempDir Path out) {
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN).withLimits(20, 3);
        // the window binds only when twenty requests take less than an emulated minute: at 50x that is up to
        // 60 ms a request, which a loaded machine keeps (at 200x and forty a minute, 7.5 ms, it did not always)
        try (EmulatorHarness h = new EmulatorHarness(seed, config, 50)) {
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
            List<LoggedRequest> log = h.emulator.log().all();

            assertThat(log).noneMatch(r -> r.status() == 429);
            assertThat(perMinute(log, r -> true))
                    .allSatisfy((minute, n) -> assertThat(n).isLessThanOrEqualTo(20));
            assertThat(perMinute(log, ZendeskSideBySidePullTest::export))
                    .allSatisfy((minute, n) -> assertThat(n).isLessThanOrEqualTo(3));
            assertThat(stats.rateLimitWaits()).isPositive();
            assertThat(stats.retries()).isZero();
            // the listings did overlap: list pages arrived while the ticket export was under way
            List<LoggedRequest> tickets = log.stream()
                    .filter(r -> r.path().startsWith("/api/v2/incremental/tickets"))
                    .toList();
            Instant first = tickets.get(0).at();
            Instant last = tickets.get(tickets.size() - 1).at();
            assertThat(log)
                    .filteredOn(r ->
                            r.path().equals("/api/v2/users") || r.path().equals("/api/v2/organization_memberships"))
                    .anyMatch(r -> r.at().isAfter(first) && r.at().isBefore(last));
        }
    }

    private static boolean export(LoggedRequest r) {
        return r.path().startsWith("/api/v2/incremental/");
    }

    private static Map<Long, Long> perMinute(List<LoggedRequest> log, Predicate<LoggedRequest> which) {
        return log.stream()
                .filter(which)
                .collect(Collectors.groupingBy(r -> Math.floorDiv(r.at().getEpochSecond(), 60), Collectors.counting()));
    }

    private static void expect(String file, Predicate<JsonNode> keep) throws IOException {
        Function<String, JsonNode> read = line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<String> lines = Files.readAllLines(seed.resolve(file)).stream()
                .filter(l -> keep.test(read.apply(l)))
                .toList();
        Files.createDirectories(expected.resolve(file).getParent());
        Files.writeString(
                expected.resolve(file), lines.stream().map(l -> l + "\n").collect(Collectors.joining()));
    }
}
