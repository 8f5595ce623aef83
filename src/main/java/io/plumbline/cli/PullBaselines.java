package io.plumbline.cli;

import io.plumbline.config.PlumblineConfig;
import io.plumbline.store.PullRecord;
import io.plumbline.store.RunStore;
import io.plumbline.zendesk.PullCursors;
import io.plumbline.zendesk.PullStats;
import io.plumbline.zendesk.SnapshotFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a live audit can pull only what changed since the last recorded pull of the same
 * Zendesk, and records the new pull once its run folder is published (never before, so a failed run
 * leaves the previous pull in place). An earlier pull is continued only while its run's
 * {@code snapshot/} folder still holds the very bytes it wrote, its tickets reach back as far as this
 * audit's window, its cursors are complete, and the last full pull is recent enough
 * ({@code zendesk.full_pull_every_days}); otherwise the pull is full and the reason is said.
 */
final class PullBaselines {
    private PullBaselines() {}

    /** An earlier pull to continue from: its snapshot folder and cursors, and when the last full pull was. */
    record Baseline(String runId, Path snapshotDir, PullCursors cursors, Instant fullPullAt) {}

    /** A baseline, or the reason the pull is full. */
    record Decision(Baseline baseline, String fullReason) {
        static Decision full(String reason) {
            return new Decision(null, reason);
        }
    }

    /** A finished pull, as the store records it after the run folder is published. */
    record Pulled(String source, PullStats stats, Instant capturedAt, Instant ticketsSince, Instant fullPullAt) {
        String inputKind() {
            return stats.incremental() ? "live-incr" : "live";
        }
    }

    /**
     * The decision for a live read of {@code config}'s Zendesk with tickets from {@code ticketsSince}, from
     * the history store at {@code storePath}, which is opened only when it exists (no store, no earlier pull).
     */
    static Decision decide(
            PlumblineConfig config, Path storePath, boolean forceFull, Instant ticketsSince, Instant now) {
        String source = config.zendesk().baseUri().toString();
        if (forceFull) {
            return Decision.full("--full");
        }
        if (!Files.isRegularFile(storePath)) {
            return Decision.full("no earlier pull of " + source + " is recorded");
        }
        try (RunStore store = RunStore.open(storePath)) {
            return decide(
                    store, false, source, ticketsSince, now, config.zendesk().fullPullEveryDays());
        }
    }

    static Decision decide(
            RunStore store, boolean forceFull, String source, Instant ticketsSince, Instant now, int fullEveryDays) {
        if (forceFull) {
            return Decision.full("--full");
        }
        if (fullEveryDays == 0) {
            return Decision.full("zendesk.full_pull_every_days is 0");
        }
        Optional<PullRecord> last = store.lastPull(source);
        if (last.isEmpty()) {
            return Decision.full("no earlier pull of " + source + " is recorded");
        }
        PullRecord p = last.get();
        Optional<PullCursors> cursors = PullCursors.fromMap(p.cursors());
        if (cursors.isEmpty() || cursors.get().ticketsCursor().isEmpty()) {
            return Decision.full("the cursors of run " + p.runId() + " are incomplete");
        }
        Path dir = Path.of(p.snapshotDir());
        if (!Files.isDirectory(dir) || !SnapshotFiles.fingerprints(dir).equals(p.fingerprints())) {
            return Decision.full("the snapshot of run " + p.runId() + " (" + dir + ") is gone or was changed");
        }
        if (ticketsSince.isBefore(Instant.parse(p.ticketsSince()))) {
            return Decision.full("this audit's ticket window starts before the one run " + p.runId() + " pulled ("
                    + p.ticketsSince() + ")");
        }
        Instant fullAt = Instant.parse(p.fullPullAt());
        long days = Duration.between(fullAt, now).toDays();
        if (days >= fullEveryDays) {
            return Decision.full("the last full pull was " + days + " days ago (zendesk.full_pull_every_days: "
                    + fullEveryDays + ")");
        }
        return new Decision(new Baseline(p.runId(), dir, cursors.get(), fullAt), null);
    }

    /** Makes the pull whose snapshot is now at {@code snapshotDir} the one the next pull continues from. */
    static void remember(RunStore store, Pulled pull, String runId, Path snapshotDir) {
        Path dir = snapshotDir.toAbsolutePath().normalize();
        store.recordPull(new PullRecord(
                pull.source(),
                runId,
                dir.toString(),
                SnapshotFiles.fingerprints(dir),
                pull.capturedAt().toString(),
                pull.ticketsSince().toString(),
                pull.fullPullAt().toString(),
                pull.stats().cursors().asMap()));
    }
}
