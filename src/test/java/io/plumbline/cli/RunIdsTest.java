package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {
    private static final Instant NOW = Instant.parse("2026-04-18T02:15:00Z");

    @TempDir
    Path root;

    @Test
    void choose_runsStartedInTheSameSecond_eachGetsItsOwnReservedId() throws Exception {
        int runs = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    return RunIds.choose(null, NOW, "audit", root);
                }));
            }
            start.countDown();
            List<String> chosen = new ArrayList<>();
            for (Future<String> id : ids) {
                chosen.add(id.get());
            }

            assertThat(Set.copyOf(chosen)).hasSize(runs).contains("20260418_021500Z_audit", "20260418_021500Z_audit_6");
            assertThat(chosen).allMatch(id -> Files.isDirectory(RunFolderWriter.staging(root, id)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void choose_givenIdNamingAFileOfTheHistoryStore_isRefused() {
        String store = root.resolve("plumbline.db").toString();
        for (String id : List.of("plumbline.db", "plumbline.db-wal", "plumbline.db-journal", "plumbline.db-shm")) {
            assertThatThrownBy(() -> RunIds.choose(id, NOW, "audit", root, x -> true, store))
                    .as(id)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("would name a file of the history store");
        }
        assertThat(RunIds.choose("plumbline-nightly", NOW, "audit", root, x -> true, store))
                .isEqualTo("plumbline-nightly");
    }

    @Test
    void choose_givenIdAnotherProcessIsWriting_isRefusedSayingSo_andItsFolderKept() throws Exception {
        Path staging = Files.createDirectories(RunFolderWriter.staging(root, "nightly"));
        Files.writeString(staging.resolve("summary.json"), "{}");
        Process other = LockHolder.start("hold", root.resolve(".nightly.partial.lock"));
        try {
            assertThat(LockHolder.firstLine(other)).isEqualTo("locked");

            assertThatThrownBy(() -> RunIds.choose("nightly", NOW, "audit", root))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("another plumbline run is writing this run folder")
                    .hasMessageContaining(".nightly.partial")
                    .hasMessageContaining("pass a different --run-id");
            assertThat(staging.resolve("summary.json")).exists();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void choose_givenIdOfARunThatWasKilled_removesWhatItLeftAndTakesTheId() throws Exception {
        Path staging = Files.createDirectories(RunFolderWriter.staging(root, "nightly"));
        Files.writeString(staging.resolve("summary.json"), "{}");
        Process killed = LockHolder.start("hold", root.resolve(".nightly.partial.lock"));
        assertThat(LockHolder.firstLine(killed)).isEqualTo("locked");
        killed.destroyForcibly().waitFor(); // its lock goes with it

        assertThat(RunIds.choose("nightly", NOW, "audit", root)).isEqualTo("nightly");

        assertThat(staging).isEmptyDirectory();
        assertThat(LockHolder.heldElsewhere(root.resolve(".nightly.partial.lock")))
                .as("held by this run now")
                .isTrue();
        // asked again in the same process, the id is refused and this run's lock stays held
        assertThatThrownBy(() -> RunIds.choose("nightly", NOW, "audit", root)).isInstanceOf(ConfigException.class);
        assertThat(LockHolder.heldElsewhere(root.resolve(".nightly.partial.lock")))
                .isTrue();
        RunIds.release(root, "nightly");
        assertThat(root.resolve(".nightly.partial.lock")).doesNotExist();
    }

    @Test
    void choose_folderWithoutALockFile_isNeverTakenOver() throws Exception {
        // an older plumbline's staging folder, or one made by hand: perhaps a run still writing it
        Path older = Files.createDirectories(RunFolderWriter.staging(root, "nightly"));
        Files.writeString(older.resolve("users.jsonl"), "{}");
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minus(Duration.ofHours(3))));

        assertThatThrownBy(() -> RunIds.choose("nightly", NOW, "audit", root))
                .hasMessageContaining("another plumbline run is writing this run folder");
        Files.createDirectories(root.resolve("20260418_021500Z_audit"));
        Files.createDirectories(RunFolderWriter.staging(root, "20260418_021500Z_audit_2"));
        assertThat(RunIds.choose(null, NOW, "audit", root)).isEqualTo("20260418_021500Z_audit_3");

        assertThat(older.resolve("users.jsonl")).exists();
        assertThat(RunFolderWriter.staging(root, "20260418_021500Z_audit_2")).exists();
        assertThat(root.resolve(".nightly.partial.lock")).doesNotExist();
    }

    @Test
    void choose_removesWhatKilledRunsLeftUnchangedForAnHour_notWhatChangedSince() throws Exception {
        Path old = killedRun("20260101_000000Z_audit", Duration.ofHours(3));
        Path recent = killedRun("20260101_000100Z_audit", Duration.ofMinutes(5));
        Path deepChange = killedRun("20260101_000200Z_audit", Duration.ofHours(3));
        Files.writeString(deepChange.resolve("snapshot/zendesk/users.jsonl"), "{}"); // a pull still writing
        Files.writeString(root.resolve(".20260101_000300Z_audit.partial.lock"), ""); // a lock file left alone

        RunIds.choose(null, NOW, "audit", root);

        assertThat(old).doesNotExist();
        assertThat(root.resolve(".20260101_000000Z_audit.partial.lock")).doesNotExist();
        assertThat(recent).exists();
        assertThat(deepChange).exists();
        assertThat(root.resolve(".20260101_000300Z_audit.partial.lock")).doesNotExist();
    }

    /** The staging folder a killed run of {@code id} left, with its lock file, last changed {@code ago}. */
    private Path killedRun(String id, Duration ago) throws Exception {
        Path staging = Files.createDirectories(RunFolderWriter.staging(root, id).resolve("snapshot/zendesk"));
        Files.writeString(root.resolve("." + id + ".partial.lock"), "");
        FileTime then = FileTime.from(Instant.now().minus(ago));
        try (Stream<Path> all = Files.walk(RunFolderWriter.staging(root, id))) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, then);
            }
        }
        return RunFolderWriter.staging(root, id);
    }
}
