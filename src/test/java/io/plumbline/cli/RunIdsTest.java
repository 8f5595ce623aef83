package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void choose_givenIdAnotherRunIsWriting_isRefusedSayingSo() throws Exception {
        Files.createDirectories(RunFolderWriter.staging(root, "nightly"));

        assertThatThrownBy(() -> RunIds.choose("nightly", NOW, "audit", root))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("another plumbline run is writing this run folder")
                .hasMessageContaining(".nightly.partial")
                .hasMessageContaining("pass a different --run-id")
                .hasMessageContaining("a run killed by a timeout or a kill leaves its staging folder");
    }

    @Test
    void choose_leftoverStagingOfTheDefaultId_movesOnToTheNextSuffix() throws Exception {
        Files.createDirectories(root.resolve("20260418_021500Z_audit"));
        Files.createDirectories(RunFolderWriter.staging(root, "20260418_021500Z_audit_2"));

        assertThat(RunIds.choose(null, NOW, "audit", root)).isEqualTo("20260418_021500Z_audit_3");
    }
}
