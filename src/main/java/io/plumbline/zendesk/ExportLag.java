package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.parallel.SideBySide;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a pull's exports complete as of the instant the pull stands for. Zendesk's incremental exports
 * leave out the changes made in the minute before each request ({@link ZendeskExporter#LAG}), so an
 * export whose last request went out sooner than that after the pull's start may lack a change made just
 * before it. Two ways out, chosen by the puller: wait before the exports ({@link #awaitLag}), which costs
 * no request, where they are short anyway; or let them run at once and ask each export that ended too
 * soon once more from where it stopped ({@link #catchUp}), which costs one request per such export and
 * delays nothing when the exports run longer than the lag. Every wait goes through the client's sleeper
 * and is said in the progress output; a pull that has already lasted the lag does not wait.
 */
final class ExportLag {
    private final Instant asOf;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;
    private final List<String> askedAgain = new ArrayList<>();
    private final List<String> notResumable = new ArrayList<>();
    private Duration waited = Duration.ZERO;

    /**
     * For a pull captured at {@code capturedAt} that began at {@code started} (complete as of the earlier
     * of the two), waiting through {@code settings}' clock and sleeper.
     */
    ExportLag(Instant capturedAt, Instant started, ZendeskSettings settings, Progress progress) {
        this.asOf = capturedAt.isBefore(started) ? capturedAt : started;
        this.clock = settings.clock();
        this.sleeper = settings.sleeper();
        this.progress = progress;
    }

    /**
     * After each of {@code exports} has run once: runs again, side by side, those that may lack a change
     * made before the pull's start, after waiting until the lag has passed it. Their records are merged
     * by id (the later version wins), and each resumes next where its last request stopped.
     */
    void catchUp(List<ResumableExport<?>> exports) {
        List<ResumableExport<?>> behind = new ArrayList<>();
        for (ResumableExport<?> e : exports) {
            if (!isShort(e.end())) {
                continue;
            }
            if (e.end().resumeAt() == null) {
                // asking again would start the export over: say so rather than read it all twice
                notResumable.add(e.name());
            } else {
                behind.add(e);
            }
        }
        if (behind.isEmpty()) {
            return;
        }
        awaitLag();
        try (SideBySide again = new SideBySide(ZendeskSnapshotPuller.PULL_THREADS, behind.size())) {
            behind.forEach(e -> again.start(e::run));
            again.awaitAll();
        }
        behind.forEach(e -> askedAgain.add(e.name()));
    }

    /** Runs {@code export} once more, after waiting until the lag has passed the pull's start. */
    void runAfterLag(ResumableExport<?> export) {
        awaitLag();
        export.run();
        askedAgain.add(export.name());
    }

    /** Waits until an export request sent then holds every change made before the pull's start. */
    void awaitLag() {
        Instant until = asOf.plus(ZendeskExporter.LAG);
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        progress.note("waiting " + seconds(wait)
                + " s for Zendesk's exports to include changes up to the pull's start (they leave out the last"
                + " minute)");
        // a sleep may end a little early by the clock (a coarse timer, a clock adjustment): sleep on
        while (!wait.isNegative() && !wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlumblineException(ExitCodes.REMOTE, "interrupted while waiting for Zendesk's exports", e);
            }
            waited = waited.plus(wait);
            wait = Duration.between(clock.instant(), until);
        }
    }

    /** What the pull did about the lag, for its notes; empty when it neither waited nor asked again. */
    Optional<String> note() {
        List<String> parts = new ArrayList<>();
        String wait = waited.isZero() ? "" : " (waited " + seconds(waited) + " s)";
        if (!askedAgain.isEmpty()) {
            parts.add("exports asked again once their one-minute lag had passed the pull's start: "
                    + String.join(", ", askedAgain) + wait);
        } else if (!waited.isZero()) {
            parts.add("exports asked once their one-minute lag had passed the pull's start" + wait);
        }
        if (!notResumable.isEmpty()) {
            parts.add("not asked again, as Zendesk gave no position to resume from (a change made in the minute"
                    + " before the pull may be missing): " + String.join(", ", notResumable));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    private boolean isShort(ExportEnd<?> end) {
        return end.completeBefore().isBefore(asOf);
    }

    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
