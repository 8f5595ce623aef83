package io.plumbline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.PlumblineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store: ordered migrations, run history, issue keys, cursors and pulls survive reopening. */
class RunStoreTest {
    @TempDir
    Path tmp;

    private static RunRecord run(String id, String at, int total) {
        return new RunRecord(
                id, at, at, "snapshot", "h" + id, total, 1, 1, 10, 0, Map.of("org_orphaned", total), "zendesk=a");
    }

    @Test
    void open_newFile_migratesToLatestVersionOnce() throws Exception {
        Path db = tmp.resolve("sub/plumbline.db");
        try (RunStore s = RunStore.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
        }
        try (RunStore s = RunStore.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(s.runs(10)).isEmpty();
        }
    }

    @Test
    void claimRunId_onceAcrossRoots_recordedRunsIncluded_andAFailedRunsClaimIsGivenBack() {
        try (RunStore s = RunStore.open(tmp.resolve("shared.db"))) {
            assertThat(s.claimRunId("r1", "/a/r1", "2026-01-01T00:00:00Z")).isTrue();
            assertThat(s.claimRunId("r1", "/b/r1", "2026-01-01T00:00:00Z")).isFalse();
            s.recordRun(run("r2", "2026-01-02T00:00:00Z", 3), List.of());
            assertThat(s.claimRunId("r2", "/b/r2", "2026-01-02T00:00:00Z")).isFalse();
            // killed before it gave its claim back: a run of the same folder takes it over, another root does not
            assertThat(s.claimRunId("r1", "/a/r1", "2026-01-01T00:01:00Z")).isTrue();
            assertThat(s.claimRunId("r1", "/b/r1", "2026-01-01T00:01:00Z")).isFalse();
            s.releaseRunId("r1"); // r1's run failed: the id may be used again
            assertThat(s.claimRunId("r1", "/b/r1", "2026-01-03T00:00:00Z")).isTrue();
            s.releaseRunId("r2"); // a recorded run keeps its id
            assertThat(s.claimRunId("r2", "/b/r2", "2026-01-03T00:00:00Z")).isFalse();
        }
    }

    @Test
    void open_damagedOrAFolder_saysWhatToDo() throws Exception {
        Path damaged = Files.writeString(tmp.resolve("damaged.db"), "not a database, though long enough ".repeat(40));
        assertThatThrownBy(() -> RunStore.open(damaged))
                .hasMessageStartingWith(damaged + ": cannot open the local store: ")
                .hasMessageEndingWith("; the file is damaged or not a store: move it aside (the next audit starts a "
                        + "new one) or audit with --no-history")
                .satisfies(e -> assertThat(e.getMessage().split("the file is damaged", -1))
                        .as("said once")
                        .hasSize(2));
        Path folder = Files.createDirectories(tmp.resolve("folder.db"));
        assertThatThrownBy(() -> RunStore.open(folder))
                .hasMessage(folder + ": is a folder, not a history store; store.path (or the output root) names the "
                        + "file");
    }

    @Test
    void open_folderNamedLikeDriverSettings_opensTheStoreInThatFolder() throws Exception {
        Path db = tmp.resolve("y?journal_mode=off&a/plumbline.db");
        try (RunStore s = RunStore.open(db)) {
            s.recordRun(run("r1", "2026-01-01T00:00:00Z", 3), List.of());
        }
        try (RunStore s = RunStore.open(db)) {
            assertThat(s.runs(10)).extracting(RunRecord::runId).containsExactly("r1");
        }
        assertThat(db).isRegularFile();
    }

    @Test
    void open_newFileByFourProcessesAtOnce_allOpenItAndEachRecordsItsRun() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path db = tmp.resolve("shared" + round + ".db");
            int runs = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(runs);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    String id = "r" + i;
                    done.add(pool.submit(() -> {
                        start.await();
                        try (RunStore s = RunStore.open(db)) {
                            s.recordRun(
                                    run(id, "2026-01-01T00:00:0" + id.charAt(1) + "Z", 1),
                                    List.of(new IssueKey("k" + id, "org_orphaned", "", "detected")));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(); // throws when a run could not open the store or record itself
                }
            } finally {
                pool.shutdownNow();
            }
            try (RunStore s = RunStore.open(db)) {
                assertThat(s.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
                assertThat(s.runs(10)).extracting(RunRecord::runId).containsExactlyInAnyOrder("r0", "r1", "r2", "r3");
            }
        }
    }

    @Test
    void open_storeOfAnOlderSchema_keepsACopyOfItBeforeMovingItOn() throws Exception {
        Path db = tmp.resolve("old.db");
        int older = olderStore(db);

        try (RunStore s = RunStore.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
        }

        Path copy = tmp.resolve("old.db.schema" + older + ".bak");
        assertThat(copy).exists();
        assertThat(tmp.resolve("old.db.schema" + Migrations.SCRIPTS.size() + ".bak"))
                .doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1))
                    .as("the copy is the store as the older plumbline left it")
                    .isEqualTo(older);
        }
    }

    /** A store at the schema before this plumbline's, as the plumbline before it left it; its version. */
    private static int olderStore(Path db) throws Exception {
        int older = Migrations.SCRIPTS.size() - 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (int v = 0; v < older; v++) {
                for (String sql : Migrations.SCRIPTS.get(v).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = " + older);
        }
        return older;
    }

    @Test
    void open_olderStoreByFourRunsAtOnce_keepsOneCopyOfTheOlderSchemaOnly() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path dir = Files.createDirectories(tmp.resolve("round" + round));
            Path db = dir.resolve("p.db");
            int older = olderStore(db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    done.add(pool.submit(() -> {
                        try (RunStore s = RunStore.open(db)) {
                            return s.schemaVersion();
                        }
                    }));
                }
                for (Future<?> f : done) {
                    assertThat(f.get()).isEqualTo(Migrations.SCRIPTS.size());
                }
            } finally {
                pool.shutdownNow();
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("round %d", round)
                        .containsExactlyInAnyOrder("p.db", "p.db.schema" + older + ".bak");
            }
        }
    }

    @Test
    void storeDamagedPastItsFirstPage_everyErrorSaysWhatToDo() throws Exception {
        Path good = tmp.resolve("good.db");
        try (RunStore s = RunStore.open(good)) {
            for (int i = 0; i < 8; i++) {
                List<IssueKey> keys = new ArrayList<>();
                for (int k = 0; k < 200; k++) {
                    keys.add(new IssueKey("key-" + i + "-" + k, "org_orphaned", "001A" + k, "detected"));
                }
                s.recordRun(run("r" + i, "2026-01-0" + (i + 1) + "T00:00:00Z", 200), keys);
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        int pages = bytes.length / 4096;
        List<String> messages = new ArrayList<>();
        for (int page = 1; page < pages; page++) {
            byte[] damaged = bytes.clone();
            Arrays.fill(damaged, page * 4096, (page + 1) * 4096, (byte) 0xFF);
            Path db = Files.write(tmp.resolve("damaged-" + page + ".db"), damaged);
            try (RunStore s = RunStore.open(db)) {
                s.runs(10).forEach(r -> s.issues(r.runId()));
                s.recordRun(run("new", "2026-02-01T00:00:00Z", 0), List.of());
            } catch (PlumblineException e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).as("some page's damage is met").isNotEmpty();
        assertThat(messages)
                .filteredOn(m -> m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB"))
                .isNotEmpty()
                .allMatch(m -> m.contains("move it aside"));
    }

    @Test
    void recordRun_keepsTheIssueKeysOfTheLatestRunsOfItsSeriesOnly_andEveryRunsTotals() {
        try (RunStore s = RunStore.open(tmp.resolve("trim.db"))) {
            s.recordRun(inSeries("other", "2026-01-01T00:00:00Z", "zendesk=b", "snapshot"), keys("other"));
            int runs = RunStore.KEEP_ISSUE_KEYS + 3;
            for (int i = 0; i < runs; i++) {
                String id = String.format(Locale.ROOT, "n%02d", i);
                s.recordRun(
                        inSeries(id, "2026-02-01T00:00:" + id.substring(1) + "Z", "zendesk=a", "snapshot"), keys(id));
            }

            assertThat(s.runs(100)).hasSize(runs + 1);
            for (int i = 0; i < runs; i++) {
                String id = String.format(Locale.ROOT, "n%02d", i);
                assertThat(s.issues(id)).as(id).hasSize(i < 3 ? 0 : 2);
            }
            assertThat(s.issues("other")).as("another series keeps its own").hasSize(2);
        }
    }

    private static List<IssueKey> keys(String run) {
        return List.of(
                new IssueKey(run + "-a", "org_orphaned", "", "detected"),
                new IssueKey(run + "-b", "org_orphaned", "", "detected"));
    }

    @Test
    void runsAndPrevious_keepToTheSeries_andRunsFromBeforeSeriesAreComparableWithAnyOfTheirKind() {
        try (RunStore s = RunStore.open(tmp.resolve("p.db"))) {
            s.recordRun(inSeries("old", "2026-01-01T00:00:00Z", null, "snapshot"), List.of());
            s.recordRun(inSeries("a1", "2026-01-02T00:00:00Z", "zendesk=a", "snapshot"), List.of());
            s.recordRun(inSeries("b1", "2026-01-03T00:00:00Z", "zendesk=b", "snapshot"), List.of());
            s.recordRun(inSeries("d1", "2026-01-04T00:00:00Z", "demo", "demo"), List.of());
            s.recordRun(inSeries("a2", "2026-01-05T00:00:00Z", "zendesk=a", "snapshot"), List.of());

            assertThat(s.runs(10, "zendesk=a", false, null))
                    .extracting(RunRecord::runId)
                    .containsExactly("a2", "a1", "old");
            // a run from before series stays comparable with any run of its kind: it is not given a series
            assertThat(s.runs(10, "zendesk=b", false, null))
                    .extracting(RunRecord::runId)
                    .containsExactly("b1", "old");
            assertThat(s.runs(10, "demo", true, null))
                    .extracting(RunRecord::runId)
                    .containsExactly("d1");
            assertThat(s.previous("a2")).map(RunRecord::runId).contains("a1");
            assertThat(s.previous("a1")).map(RunRecord::runId).contains("old");
            assertThat(s.previous("b1")).map(RunRecord::runId).contains("old");
            assertThat(s.previous("d1")).isEmpty();
            assertThat(s.run("old").orElseThrow().series()).isNull();
        }
    }

    @Test
    void previous_isByTheInstantAudited_soAReauditOfAnOlderInstantIsNotTheLatest() {
        try (RunStore s = RunStore.open(tmp.resolve("p.db"))) {
            s.recordRun(audited("n1", "2026-01-01T23:00:00Z", "2026-01-01T22:00:00Z"), List.of());
            s.recordRun(audited("n2", "2026-01-02T23:00:00Z", "2026-01-02T22:00:00Z"), List.of());
            s.recordRun(audited("again", "2026-01-03T09:00:00Z", "2026-01-01T22:00:00Z"), List.of());
            s.recordRun(audited("n3", "2026-01-03T23:00:00Z", "2026-01-03T22:00:00Z"), List.of());

            assertThat(s.previous("n3")).map(RunRecord::runId).contains("n2");
            assertThat(s.previous("again")).map(RunRecord::runId).contains("n1");
            assertThat(s.previous("n2")).map(RunRecord::runId).contains("again");
            assertThat(s.latestAsOf("zendesk=a", false, "/out", stamp("2026-01-02T22:00:00Z")))
                    .map(RunRecord::runId)
                    .contains("n2");
            assertThat(s.latestAsOf("zendesk=a", false, "/out", stamp("2026-01-01T22:00:00Z")))
                    .map(RunRecord::runId)
                    .contains("again");
            assertThat(s.latestAsOf("zendesk=a", false, "/out", stamp("2025-12-31T00:00:00Z")))
                    .isEmpty();
        }
    }

    @Test
    void previous_keepsToTheOutputRoot_andARunFromBeforeRootsWereKeptIsComparableWithAny() {
        try (RunStore s = RunStore.open(tmp.resolve("p.db"))) {
            s.recordRun(inSeries("old", "2026-01-01T00:00:00Z", "zendesk=a", "snapshot"), List.of());
            s.recordRun(inRoot("a1", "2026-01-02T00:00:00Z", "/out-a"), List.of());
            s.recordRun(inRoot("b1", "2026-01-03T00:00:00Z", "/out-b"), List.of());
            s.recordRun(inRoot("a2", "2026-01-04T00:00:00Z", "/out-a"), List.of());

            assertThat(s.previous("a2")).map(RunRecord::runId).contains("a1");
            assertThat(s.previous("b1")).map(RunRecord::runId).contains("old");
            assertThat(s.runs(10, "zendesk=a", false, "/out-b"))
                    .extracting(RunRecord::runId)
                    .containsExactly("b1", "old");
            assertThat(s.latestAsOf("zendesk=a", false, "/out-b", stamp("2026-02-01T00:00:00Z")))
                    .map(RunRecord::runId)
                    .contains("b1");
        }
    }

    private static RunRecord inRoot(String id, String at, String root) {
        return new RunRecord(
                id, stamp(at), stamp(at), "snapshot", "h" + id, 1, 0, 0, 10, 0, Map.of(), "zendesk=a", stamp(at), root);
    }

    @Test
    void previous_runsRecordedBeforeTheInstantWasKept_comeBeforeEveryRunThatKeepsIt() {
        try (RunStore s = RunStore.open(tmp.resolve("p.db"))) {
            // recorded by an older plumbline: no as_of, started in November
            s.recordRun(inSeries("old1", "2026-11-01T02:00:00Z", "zendesk=a", "snapshot"), List.of());
            s.recordRun(inSeries("old2", "2026-11-02T02:00:00Z", "zendesk=a", "snapshot"), List.of());
            // after the upgrade, auditing a snapshot captured in April
            s.recordRun(audited("new1", "2026-11-03T02:00:00Z", "2026-04-17T22:00:00Z"), List.of());

            assertThat(s.latestAsOf("zendesk=a", false, "/out", stamp("2026-04-17T22:00:00Z")))
                    .map(RunRecord::runId)
                    .contains("new1");
            assertThat(s.previous("new1")).map(RunRecord::runId).contains("old2");
            // a run auditing an instant older than any kept: the newest run from before they were kept
            assertThat(s.latestAsOf("zendesk=a", false, "/out", stamp("2026-01-01T00:00:00Z")))
                    .map(RunRecord::runId)
                    .contains("old2");
            assertThat(s.previous("old2")).map(RunRecord::runId).contains("old1");
            assertThat(s.previous("old1")).isEmpty();
        }
        RunRecord old = inSeries("old", "2026-11-02T02:00:00Z", "zendesk=a", "snapshot");
        RunRecord next = audited("next", "2026-11-03T02:00:00Z", "2026-04-17T22:00:00Z");
        assertThat(RunRecord.AUDITED_ORDER.compare(old, next)).isNegative();
    }

    @Test
    void instant_isFixedWidth_soTextOrderIsTimeOrderWithinOneSecond() {
        List<String> stamps = List.of(
                stamp("2026-01-01T00:00:30.100500Z"), stamp("2026-01-01T00:00:30Z"), stamp("2026-01-01T00:00:30.1Z"));

        assertThat(stamps.stream().sorted().toList())
                .containsExactly(
                        "2026-01-01T00:00:30.000000000Z",
                        "2026-01-01T00:00:30.100000000Z",
                        "2026-01-01T00:00:30.100500000Z");
    }

    private static String stamp(String instant) {
        return RunRecord.instant(Instant.parse(instant));
    }

    private static RunRecord audited(String id, String started, String asOf) {
        return new RunRecord(
                id,
                stamp(started),
                stamp(started),
                "snapshot",
                "h" + id,
                1,
                0,
                0,
                10,
                0,
                Map.of(),
                "zendesk=a",
                stamp(asOf),
                "/out");
    }

    private static RunRecord inSeries(String id, String at, String series, String kind) {
        return new RunRecord(id, at, at, kind, "h" + id, 1, 0, 0, 10, 0, Map.of(), series);
    }

    @Test
    void open_storeFromNewerVersion_refusesWithUpgradeHint() throws Exception {
        Path db = tmp.resolve("p.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> RunStore.open(db))
                .isInstanceOf(PlumblineException.class)
                .hasMessageContaining("upgrade plumbline");
    }

    @Test
    void recordRun_thenQuery_newestFirstWithIssuesAndPrevious() {
        try (RunStore s = RunStore.open(tmp.resolve("p.db"))) {
            s.recordRun(
                    run("r1", "2026-01-01T00:00:00Z", 2),
                    List.of(
                            new IssueKey("a", "org_orphaned", "", "detected"),
                            new IssueKey("b", "org_orphaned", "", "detected")));
            s.recordRun(
                    run("r2", "2026-01-02T00:00:00Z", 1), List.of(new IssueKey("b", "org_orphaned", "", "detected")));
            assertThat(s.runs(10)).extracting(RunRecord::runId).containsExactly("r2", "r1");
            assertThat(s.previous("r2")).map(RunRecord::runId).contains("r1");
            assertThat(s.runs(1).get(0).countsByCode()).containsEntry("org_orphaned", 1);
            HistoryDiff diff = HistoryDiff.of(s.issues("r1"), s.issues("r2"));
            assertThat(diff.resolved()).extracting(IssueKey::key).containsExactly("a");
            assertThat(diff.stillOpen()).extracting(IssueKey::key).containsExactly("b");
            assertThat(diff.added()).isEmpty();
        }
    }

    @Test
    void cursors_roundTripAndUpdate() {
        Path db = tmp.resolve("p.db");
        try (RunStore s = RunStore.open(db)) {
            s.putCursor("tickets", "abc", "t1");
            s.putCursor("tickets", "def", "t2");
        }
        try (RunStore s = RunStore.open(db)) {
            assertThat(s.cursor("tickets")).contains("def");
            assertThat(s.cursor("users")).isEmpty();
        }
    }

    @Test
    void open_storeAtVersionTwo_migratesOnKeepingItsRuns() throws Exception {
        Path db = tmp.resolve("v2.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            for (String script : Migrations.SCRIPTS.subList(0, 2)) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO runs VALUES ('r0','2026-01-01T00:00:00Z','2026-01-01T00:00:01Z','live','h',"
                    + "0,0,0,1,180,'{}')");
        }
        try (RunStore s = RunStore.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(s.runs(10)).extracting(RunRecord::requestsUsed).containsExactly(180L);
            assertThat(s.lastPull("https://acme.zendesk.com")).isEmpty();
            // a run recorded before claims existed holds its id: another root cannot record over it
            assertThat(s.claimRunId("r0", "/other/r0", "2026-02-01T00:00:00Z")).isFalse();
        }
    }

    @Test
    void recordPull_thenLastPull_roundTripsPerSourceAndReplacesCursors() {
        Path db = tmp.resolve("p.db");
        try (RunStore s = RunStore.open(db)) {
            s.recordPull(pull("https://a.zendesk.com", "r1", Map.of("tickets.cursor", "c1", "users.cursor", "u1")));
            s.recordPull(pull("https://b.zendesk.com", "r1", Map.of("tickets.cursor", "other")));
            s.recordPull(pull("https://a.zendesk.com", "r2", Map.of("tickets.cursor", "c2")));
        }
        try (RunStore s = RunStore.open(db)) {
            PullRecord a = s.lastPull("https://a.zendesk.com").orElseThrow();
            assertThat(a.runId()).isEqualTo("r2");
            assertThat(a.cursors()).containsExactly(Map.entry("tickets.cursor", "c2"));
            assertThat(a.fingerprints()).containsEntry("zendesk/users.jsonl", "abc");
            assertThat(s.lastPull("https://b.zendesk.com").orElseThrow().cursors())
                    .containsExactly(Map.entry("tickets.cursor", "other"));
            assertThat(s.cursor("zendesk https://a.zendesk.com tickets.cursor")).contains("c2");
        }
    }

    private static PullRecord pull(String source, String runId, Map<String, String> cursors) {
        return new PullRecord(
                source,
                runId,
                "/runs/" + runId + "/snapshot",
                Map.of("zendesk/users.jsonl", "abc"),
                "2026-01-02T00:00:00Z",
                "2025-12-03T00:00:00Z",
                "2026-01-01T00:00:00Z",
                cursors);
    }
}
