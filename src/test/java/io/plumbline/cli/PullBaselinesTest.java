package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.store.RunStore;
import io.plumbline.zendesk.ListPosition;
import io.plumbline.zendesk.PullCursors;
import io.plumbline.zendesk.PullStats;
import io.plumbline.zendesk.SnapshotFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An earlier pull is continued only while its snapshot, window, cursors and age allow; else the reason is told. */
class PullBaselinesTest {
    private static final String SOURCE = "https://acme.zendesk.com";
    private static final Instant PULLED = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant SINCE = PULLED.minus(Duration.ofDays(30));
    private static final Instant NEXT_DAY = PULLED.plus(Duration.ofDays(1));

    @TempDir
    Path tmp;

    Path snapshot;
    RunStore store;

    @BeforeEach
    void pulledOnce() throws IOException {
        snapshot = tmp.resolve("run1/snapshot");
        for (String f : SnapshotFiles.ZENDESK_FILES) {
            Files.createDirectories(snapshot.resolve(f).getParent());
            Files.writeString(snapshot.resolve(f), "{\"id\":1}\n");
        }
        store = RunStore.open(tmp.resolve("plumbline.db"));
        PullCursors cursors = new PullCursors(100, null, 90, "t-cursor", new ListPosition("m-cursor", 5));
        PullStats stats = new PullStats(Map.of(), 12, 0, 0, Duration.ZERO, Duration.ZERO, false, cursors, List.of());
        PullBaselines.remember(store, new PullBaselines.Pulled(SOURCE, stats, PULLED, SINCE, PULLED), "run1", snapshot);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private PullBaselines.Decision decide(boolean full, Instant since, Instant now, int everyDays) {
        return PullBaselines.decide(store, full, SOURCE, since, now, everyDays);
    }

    @Test
    void decide_intactEarlierPull_continuesFromItsSnapshotAndCursors() {
        PullBaselines.Decision d = decide(false, SINCE.plus(Duration.ofDays(1)), NEXT_DAY, 7);

        assertThat(d.fullReason()).isNull();
        assertThat(d.baseline().runId()).isEqualTo("run1");
        assertThat(d.baseline().snapshotDir())
                .isEqualTo(snapshot.toAbsolutePath().normalize());
        assertThat(d.baseline().cursors().ticketsCursor()).isEqualTo("t-cursor");
        assertThat(d.baseline().cursors().memberships()).isEqualTo(new ListPosition("m-cursor", 5));
        assertThat(d.baseline().fullPullAt()).isEqualTo(PULLED);
    }

    @Test
    void decide_fullFlagOrZeroDays_pullsInFull() {
        assertThat(decide(true, SINCE, NEXT_DAY, 7).fullReason()).isEqualTo("--full");
        assertThat(decide(false, SINCE, NEXT_DAY, 0).fullReason()).isEqualTo("zendesk.full_pull_every_days is 0");
    }

    @Test
    void decide_otherZendesk_pullsInFull() {
        assertThat(PullBaselines.decide(store, false, "https://other.zendesk.com", SINCE, NEXT_DAY, 7)
                        .fullReason())
                .isEqualTo("no earlier pull of https://other.zendesk.com is recorded");
    }

    @Test
    void decide_snapshotEditedOrDeleted_pullsInFull() throws IOException {
        Files.writeString(snapshot.resolve(SnapshotFiles.USERS), "{\"id\":2}\n");
        assertThat(decide(false, SINCE, NEXT_DAY, 7).fullReason())
                .isEqualTo("the snapshot of run run1 (" + snapshot.toAbsolutePath() + ") is gone or was changed");

        for (String f : SnapshotFiles.ZENDESK_FILES) {
            Files.delete(snapshot.resolve(f));
        }
        assertThat(decide(false, SINCE, NEXT_DAY, 7).fullReason()).contains("is gone or was changed");
    }

    @Test
    void decide_windowReachesFurtherBack_pullsInFull() {
        assertThat(decide(false, SINCE.minus(Duration.ofDays(1)), NEXT_DAY, 7).fullReason())
                .isEqualTo("this audit's ticket window starts before the one run run1 pulled (2026-01-31T12:00:00Z)");
    }

    @Test
    void decide_lastFullPullTooOld_pullsInFull() {
        assertThat(decide(false, SINCE, PULLED.plus(Duration.ofDays(7)), 7).fullReason())
                .isEqualTo("the last full pull was 7 days ago (zendesk.full_pull_every_days: 7)");
        assertThat(decide(false, SINCE, PULLED.plus(Duration.ofDays(6)), 7).fullReason())
                .isNull();
    }
}
