package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Snapshot;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
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
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskSnapshotPullerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = SeedSnapshots.CAPTURED_AT;

    @TempDir
    static Path shared;

    static Path seed;

    @BeforeAll
    static void seed() {
        seed = SeedSnapshots.write(shared.resolve("seed"), 1150, 450, 2300);
    }

    @Test
    void pull_seededEmulator_writesTheSeedRecordsVerbatim(@TempDir Path out) throws IOException {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);

            assertThat(lines(out, "zendesk/organizations.jsonl"))
                    .containsExactlyElementsOf(lines(seed, "zendesk/organizations.jsonl"));
            assertThat(lines(out, "zendesk/organization_memberships.jsonl"))
                    .isEqualTo(lines(seed, "zendesk/organization_memberships.jsonl"));
            assertThat(lines(out, "zendesk/users.jsonl"))
                    .containsExactlyElementsOf(seedLines(
                            "zendesk/users.jsonl", u -> u.path("role").asText().equals("end-user")));
            assertThat(lines(out, "zendesk/tickets.jsonl"))
                    .containsExactlyElementsOf(seedLines("zendesk/tickets.jsonl", this::inWindow));
            assertThat(stats.records()).containsEntry("organizations", 1150).containsEntry("users", 405);
            assertThat(stats.retries()).isZero();
            assertThat(stats.rateLimitWaits()).isZero();
        }
    }

    @Test
    void pull_seededEmulator_readsBackLikeTheSeed(@TempDir Path out) throws IOException {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
        }
        Files.copy(seed.resolve("salesforce_accounts.csv"), out.resolve("salesforce_accounts.csv"));

        Snapshot pulled = SnapshotReader.read(new FolderSource(out), null);
        Snapshot original = SnapshotReader.read(new FolderSource(seed), null);

        assertThat(pulled.asOf()).isEqualTo(AS_OF);
        assertThat(pulled.organizations()).isEqualTo(original.organizations());
        assertThat(pulled.memberships()).isEqualTo(original.memberships());
        assertThat(pulled.users())
                .isEqualTo(original.users().stream()
                        .filter(u -> u.role().equals("end-user"))
                        .toList());
        assertThat(pulled.tickets()).hasSize(lines(out, "zendesk/tickets.jsonl").size());
    }

    @Test
    void pull_usesExportsForOrgsAndTicketsAndCursorPagesOfHundredElsewhere(@TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
            List<LoggedRequest> log = h.emulator.log().all();

            assertThat(log).allMatch(r -> r.method().equals("GET"));
            assertThat(log)
                    .filteredOn(r -> r.path().equals("/api/v2/incremental/organizations"))
                    .hasSize(2);
            assertThat(log)
                    .filteredOn(r -> r.path().equals("/api/v2/users"))
                    .allMatch(r ->
                            r.query().contains("page[size]=100") && r.query().contains("role=end-user"))
                    .hasSize(5);
            assertThat(log)
                    .filteredOn(r -> r.path().equals("/api/v2/incremental/tickets/cursor"))
                    .first()
                    .satisfies(r -> assertThat(r.query())
                            .isEqualTo("start_time="
                                    + AS_OF.minus(Duration.ofDays(30)).getEpochSecond() + "&exclude_deleted=true"));
            assertThat(stats.requests()).isEqualTo(log.size());
        }
    }

    @Test
    void pull_orgsAndTicketChangedJustBefore_holdsTheirNewState(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h =
                new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN), EmulatorHarness.LAG_SCALE)) {
            h.emulator.change(e -> {
                e.updateOrganization(1003, o -> o.put("external_id", "001LATE00001"));
                e.createOrganization(JSON.createObjectNode()
                        .put("id", 9_999)
                        .put("name", "Created just before")
                        .putNull("external_id"));
                e.updateTicket(300_010, t -> t.put("status", "pending"));
            });

            PullStats stats = pullNow(h, tmp.resolve("now"));

            assertThat(record(tmp.resolve("now"), "zendesk/organizations.jsonl", 1003)
                            .path("external_id")
                            .asText())
                    .isEqualTo("001LATE00001");
            assertThat(record(tmp.resolve("now"), "zendesk/organizations.jsonl", 9_999)
                            .path("name")
                            .asText())
                    .isEqualTo("Created just before");
            assertThat(record(tmp.resolve("now"), "zendesk/tickets.jsonl", 300_010)
                            .path("status")
                            .asText())
                    .isEqualTo("pending");
            // the same state pulled once the changes are long past the exports' lag
            h.time.advance(Duration.ofMinutes(2));
            pullNow(h, tmp.resolve("later"));
            for (String f : SnapshotFiles.ZENDESK_FILES) {
                assertThat(lines(tmp.resolve("now"), f)).as(f).isEqualTo(lines(tmp.resolve("later"), f));
            }
            assertThat(stats.notes()).anyMatch(n -> n.startsWith("exports asked again"));
        }
    }

    @Test
    void pull_ticketDeletedJustBefore_isLeftOut(@TempDir Path out) {
        try (EmulatorHarness h =
                new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN), EmulatorHarness.LAG_SCALE)) {
            long id = 300_010;
            assertThat(record(seed, "zendesk/tickets.jsonl", id).path("status").asText())
                    .isNotEqualTo("deleted");
            h.emulator.change(e -> e.deleteTicket(id));

            pullNow(h, out);

            assertThat(ids(out, "zendesk/tickets.jsonl")).doesNotContain(id);
        }
    }

    @Test
    void pull_shorterThanTheExportsLag_asksEachExportOnceMoreAfterIt(@TempDir Path out) {
        try (EmulatorHarness h =
                new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN), EmulatorHarness.LAG_SCALE)) {
            Instant start = h.time.instant();
            PullStats stats = pullNow(h, out);
            List<LoggedRequest> log = h.emulator.log().all();

            // 1,150 orgs and 1,877 tickets in the window: 2 pages each, then each export once more (tickets
            // from just before the pull's start, deleted ones included)
            assertThat(log)
                    .filteredOn(r -> r.path().equals("/api/v2/incremental/organizations"))
                    .hasSize(3);
            assertThat(log)
                    .filteredOn(r -> r.path().equals("/api/v2/incremental/tickets/cursor"))
                    .hasSize(3)
                    .last()
                    .satisfies(r -> assertThat(r.query())
                            .isEqualTo("start_time="
                                    + start.minus(ZendeskSnapshotPuller.TICKETS_AGAIN_FROM)
                                            .getEpochSecond()));
            assertThat(log)
                    .filteredOn(r -> r.path().startsWith("/api/v2/incremental/"))
                    .last()
                    .satisfies(r -> assertThat(r.at()).isAfterOrEqualTo(start.plus(Duration.ofMinutes(1))));
            assertThat(stats.requests()).isEqualTo(log.size());
        }
    }

    @Test
    void pull_ticketDeletedWhileTheExportRuns_isDroppedAndTheNextIncrementalPullDoesNotBringItBack(@TempDir Path tmp)
            throws IOException {
        String tickets = "/api/v2/incremental/tickets/cursor";
        Instant since = AS_OF.minus(Duration.ofDays(30));
        List<JsonNode> inWindow = records(seed, "zendesk/tickets.jsonl")
                .filter(t -> !OffsetDateTime.parse(t.path("updated_at").asText())
                        .toInstant()
                        .isBefore(since))
                .filter(t -> !"deleted".equals(t.path("status").asText()))
                .sorted(java.util.Comparator.comparing((JsonNode t) ->
                                OffsetDateTime.parse(t.path("updated_at").asText()))
                        .thenComparing(t -> t.path("id").asLong()))
                .toList();
        long doomed = inWindow.get(0).path("id").asLong();
        long other = inWindow.get(1).path("id").asLong();
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            // before the export's second page: a ticket its first page held is deleted, another one changes
            // after that, and a long pull's minutes pass
            h.emulator.interventions().beforeRequest("GET", tickets, 2, () -> {
                h.emulator.change(e -> e.deleteTicket(doomed));
                h.time.advance(Duration.ofSeconds(5));
                h.emulator.change(e -> e.updateTicket(other, t -> t.put("status", "pending")));
                h.time.advance(Duration.ofMinutes(2));
            });
            Path full = tmp.resolve("full");
            PullStats first =
                    new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(full, h.time.instant(), since, 30);
            assertThat(ids(full, "zendesk/tickets.jsonl"))
                    .doesNotContain(doomed)
                    .contains(other);

            h.time.advance(Duration.ofMinutes(5));
            Path next = tmp.resolve("next");
            new ZendeskIncrementalPuller(h.http(), Progress.SILENT)
                    .pull(full, first.cursors(), next, h.time.instant(), since, 30);

            assertThat(ids(next, "zendesk/tickets.jsonl"))
                    .doesNotContain(doomed)
                    .contains(other);
        }
    }

    /** A full pull captured now, as a live audit makes it. */
    private static PullStats pullNow(EmulatorHarness h, Path out) {
        Instant now = h.time.instant();
        return new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, now, now.minus(Duration.ofDays(30)), 30);
    }

    /** The record with this id in a snapshot file. */
    static JsonNode record(Path dir, String file, long id) {
        return records(dir, file)
                .filter(n -> n.path("id").asLong() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id + " in " + file));
    }

    private static List<Long> ids(Path dir, String file) {
        return records(dir, file).map(n -> n.path("id").asLong()).toList();
    }

    private static Stream<JsonNode> records(Path dir, String file) {
        return lines(dir, file).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void pull_ticketTheExportListsOnlyForASystemUpdate_isLeftOutAsTheAuditsWindowDoes(@TempDir Path out)
            throws IOException {
        Path in = SeedSnapshots.write(out.resolve("seed"), 20, 20, 40);
        long recent = AS_OF.minus(Duration.ofDays(1)).getEpochSecond();
        String old = AS_OF.minus(Duration.ofDays(90)).toString();
        Files.writeString(
                in.resolve("zendesk/tickets.jsonl"),
                "{\"id\":990001,\"requester_id\":1,\"organization_id\":null,\"status\":\"open\",\"created_at\":\"" + old
                        + "\",\"updated_at\":\"" + old + "\",\"generated_timestamp\":" + recent + "}\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (EmulatorHarness h = new EmulatorHarness(in, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out.resolve("pulled"), AS_OF, 30);
        }

        assertThat(lines(out.resolve("pulled"), "zendesk/tickets.jsonl"))
                .as("the export lists it (generated_timestamp), but it was not updated within the window")
                .noneMatch(l -> l.contains("\"id\":990001"))
                .isNotEmpty();
    }

    private boolean inWindow(JsonNode t) {
        Instant updated = OffsetDateTime.parse(t.path("updated_at").asText()).toInstant();
        return !updated.isBefore(AS_OF.minus(Duration.ofDays(30)))
                && !t.path("status").asText().equals("deleted");
    }

    static List<String> lines(Path dir, String file) {
        try {
            return Files.readAllLines(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> seedLines(String file, Predicate<JsonNode> keep) {
        return lines(seed, file).stream()
                .filter(l -> {
                    try {
                        return keep.test(JSON.readTree(l));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
