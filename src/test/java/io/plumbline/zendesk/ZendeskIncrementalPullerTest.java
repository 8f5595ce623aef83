package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.zendesk.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental pull merged into an earlier snapshot writes exactly the files a full pull of the same
 * Zendesk writes, whatever changed, and asks for little when little changed. The earlier pull is made
 * once, against an emulator seeded like every test's, and continued from in each test.
 */
class ZendeskIncrementalPullerTest {
    private static final int ORGS = 1150;
    private static final int USERS = 1200;
    private static final int TICKETS = 1500;
    private static final Instant AS_OF = SeedSnapshots.CAPTURED_AT;

    @TempDir
    static Path shared;

    static Path seed;
    static Path earlier;
    static PullCursors cursors;
    static Instant pulledAt;

    @BeforeAll
    static void seedAndPullOnce() {
        seed = SeedSnapshots.write(shared.resolve("seed"), ORGS, USERS, TICKETS);
        earlier = shared.resolve("earlier");
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            cursors = full(h, earlier, AS_OF).cursors();
            pulledAt = h.time.instant();
        }
    }

    @Test
    void incremental_dayOfChanges_writesTheFilesOfAFullPullWithFewRequests(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h = harness()) {
            new OnePercentChanges(ORGS, USERS, TICKETS, 1).apply(h.emulator);
            h.time.advance(Duration.ofMinutes(2));

            PullStats inc = incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);
            PullStats again = full(h, tmp.resolve("c"), AS_OF);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
            assertThat(inc.incremental()).isTrue();
            assertThat(inc.notes()).noneMatch(n -> n.contains("re-listed in full"));
            // five requests, plus one per user whose default moved; at 1,200 users the five weigh more than at
            // the 10,000 of IncrementalAuditTest, which shows the 10 % goal
            assertThat(inc.requests()).isLessThanOrEqualTo(again.requests() / 5);
            assertThat(inc.records()).isEqualTo(again.records());
        }
    }

    @Test
    void incremental_nothingChanged_fiveRequests(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h = harness()) {
            h.time.advance(Duration.ofMinutes(2));

            PullStats inc = incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);

            assertSameZendeskFiles(earlier, tmp.resolve("b"));
            // org export, user export, ticket export (each once, after the lag), membership count, the
            // membership list's last page
            assertThat(inc.requests()).isEqualTo(5);
        }
    }

    @Test
    void incremental_orgUserAndTicketChangedJustBefore_holdsTheirNewStateAndResumesAfterThem(@TempDir Path tmp)
            throws IOException {
        try (EmulatorHarness h = harness(EmulatorHarness.LAG_SCALE)) {
            h.time.advance(Duration.ofMinutes(2));
            h.emulator.change(e -> {
                e.updateOrganization(1003, o -> o.put("external_id", "001LATE00001"));
                e.updateUser(20_005, u -> u.put("name", "Renamed just before"));
                e.makeDefault(e.membershipsOfUser(20_004).get(1).path("id").asLong());
                e.updateTicket(300_010, t -> t.put("status", "pending"));
            });

            PullStats inc = incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);

            Path b = tmp.resolve("b");
            assertThat(ZendeskSnapshotPullerTest.record(b, SnapshotFiles.ORGANIZATIONS, 1003)
                            .path("external_id")
                            .asText())
                    .isEqualTo("001LATE00001");
            assertThat(ZendeskSnapshotPullerTest.record(b, SnapshotFiles.USERS, 20_005)
                            .path("name")
                            .asText())
                    .isEqualTo("Renamed just before");
            assertThat(ZendeskSnapshotPullerTest.record(b, SnapshotFiles.TICKETS, 300_010)
                            .path("status")
                            .asText())
                    .isEqualTo("pending");
            // waited for the lag before the exports rather than asking them again after it
            assertThat(inc.notes()).anyMatch(n -> n.startsWith("exports asked once their one-minute lag had passed"));
            assertThat(h.emulator.log().all())
                    .filteredOn(r -> r.path().startsWith("/api/v2/incremental/"))
                    .hasSize(3);
            // the same state pulled in full once the changes are long past the exports' lag
            h.time.advance(Duration.ofMinutes(2));
            full(h, tmp.resolve("c"), AS_OF);
            assertSameZendeskFiles(b, tmp.resolve("c"));
            // the next pull resumes where the last request of each export stopped: nothing comes twice
            PullStats next = incremental(h, b, inc.cursors(), tmp.resolve("d"), AS_OF);
            assertThat(next.notes().get(0)).endsWith(" 0 users, 0 tickets");
            assertSameZendeskFiles(tmp.resolve("d"), tmp.resolve("c"));
        }
    }

    @Test
    void incremental_loneNonDefaultMembershipRemoved_countDiffers_relistsMemberships(@TempDir Path tmp)
            throws IOException {
        try (EmulatorHarness h = harness()) {
            h.emulator.change(e -> e.removeMembership(
                    e.membershipsOfUser(20_004).get(1).path("id").asLong()));
            h.time.advance(Duration.ofMinutes(2));

            PullStats inc = incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);
            full(h, tmp.resolve("c"), AS_OF);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
            assertThat(inc.notes()).anyMatch(n -> n.startsWith("memberships re-listed in full: Zendesk counts"));
        }
    }

    @Test
    void incremental_orgOfADefaultDeletedWithoutTheUserExportShowingIt_rereadsThatUsersMemberships(@TempDir Path tmp)
            throws IOException {
        try (EmulatorHarness h = harness()) {
            h.emulator.change(e -> e.deleteOrganizationUnseenByTheUserExport(
                    e.membershipsOfUser(20_004).get(0).path("organization_id").asLong()));
            h.time.advance(Duration.ofMinutes(2));

            incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);
            full(h, tmp.resolve("c"), AS_OF);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
        }
    }

    @Test
    void incremental_manyDefaultsMoved_relistsRatherThanRereadingEachUser(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h = harness()) {
            h.emulator.change(e -> {
                for (long user = 20_004; user <= 20_004 + 4 * 40; user += 4) {
                    var ms = e.membershipsOfUser(user);
                    if (ms.size() > 1) {
                        e.makeDefault(ms.get(1).path("id").asLong());
                    }
                }
            });
            h.time.advance(Duration.ofMinutes(2));

            PullStats inc = incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);
            full(h, tmp.resolve("c"), AS_OF);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
            assertThat(inc.notes())
                    .anyMatch(n -> n.matches("memberships re-listed in full: \\d+ users' default org moved.*"));
            assertThat(inc.requests()).isLessThan(5 + 40);
        }
    }

    @Test
    void incremental_membershipCursorRefused_relistsMemberships(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h = harness()) {
            PullCursors c = cursors;
            PullCursors stale = new PullCursors(
                    c.organizationsStartTime(),
                    c.usersCursor(),
                    c.usersStartTime(),
                    c.ticketsCursor(),
                    new ListPosition("not-a-cursor", c.memberships().afterId()));
            h.time.advance(Duration.ofMinutes(2));

            PullStats inc = incremental(h, earlier, stale, tmp.resolve("b"), AS_OF);

            assertSameZendeskFiles(earlier, tmp.resolve("b"));
            assertThat(inc.notes())
                    .contains("memberships re-listed in full: Zendesk refused the saved membership cursor");
        }
    }

    @Test
    void incremental_windowMovedOn_dropsTicketsThatLeftIt(@TempDir Path tmp) throws IOException {
        try (EmulatorHarness h = harness()) {
            h.time.advance(Duration.ofDays(5));
            Instant later = AS_OF.plus(Duration.ofDays(5));

            incremental(h, earlier, cursors, tmp.resolve("b"), later);
            full(h, tmp.resolve("c"), later);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
            assertThat(ZendeskSnapshotPullerTest.lines(tmp.resolve("b"), SnapshotFiles.TICKETS))
                    .hasSizeLessThan(ZendeskSnapshotPullerTest.lines(earlier, SnapshotFiles.TICKETS)
                            .size());
        }
    }

    @Test
    void incremental_moreOrgsChangedInOneSecondThanAnExportPageHolds_writesTheFilesOfAFullPull(@TempDir Path tmp)
            throws IOException {
        try (EmulatorHarness h = harness()) {
            h.emulator.configure(EmulatorConfig.withToken(EmulatorHarness.TOKEN).withCappedTimeExportPages());
            h.emulator.change(
                    e -> { // a bulk update of every live org, all in one second
                        for (long id = 1001; id <= 1000 + ORGS; id++) {
                            if (!h.emulator.organization(id).orElseThrow().has("deleted_at")) {
                                e.updateOrganization(id, o -> o.put("notes", "bulk"));
                            }
                        }
                    });
            h.time.advance(Duration.ofMinutes(2));

            incremental(h, earlier, cursors, tmp.resolve("b"), AS_OF);
            full(h, tmp.resolve("c"), AS_OF);

            assertSameZendeskFiles(tmp.resolve("b"), tmp.resolve("c"));
            assertThat(ZendeskSnapshotPullerTest.lines(tmp.resolve("b"), SnapshotFiles.ORGANIZATIONS))
                    .hasSize(ORGS)
                    .filteredOn(line -> line.contains("\"bulk\""))
                    .hasSize(ORGS - ORGS / 50);
        }
    }

    /** A fresh emulator in the state the earlier pull saw, its clock set after that pull. */
    private static EmulatorHarness harness() {
        return harness(EmulatorHarness.SCALE);
    }

    private static EmulatorHarness harness(double scale) {
        EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN), scale);
        h.time.advance(Duration.between(h.time.instant(), pulledAt.plus(Duration.ofMinutes(1))));
        return h;
    }

    private static PullStats full(EmulatorHarness h, Path dir, Instant windowEnd) {
        return new ZendeskSnapshotPuller(h.http(), Progress.SILENT)
                .pull(dir, h.time.instant(), windowEnd.minus(Duration.ofDays(30)), 30);
    }

    private static PullStats incremental(EmulatorHarness h, Path from, PullCursors c, Path dir, Instant windowEnd) {
        return new ZendeskIncrementalPuller(h.http(), Progress.SILENT)
                .pull(from, c, dir, h.time.instant(), windowEnd.minus(Duration.ofDays(30)), 30);
    }

    private static void assertSameZendeskFiles(Path actual, Path expected) throws IOException {
        for (String f : SnapshotFiles.ZENDESK_FILES) {
            assertThat(Files.readString(actual.resolve(f))).as(f).isEqualTo(Files.readString(expected.resolve(f)));
        }
    }
}
