package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.zendesk.emulator.EmulatorTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exports' one-minute lag is waited out on the injected sleeper, and only when the pull is younger. */
class ExportLagTest {
    private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
    // a clock that stands still but for the waits, which move it on
    private final EmulatorTime time = new EmulatorTime(START, 1e-9);
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private final Progress progress = new Progress() {
        @Override
        public Task start(String resource) {
            return Progress.SILENT.start(resource);
        }

        @Override
        public void note(String line) {
            said.add(line);
        }
    };

    @Test
    void awaitLag_pullYoungerThanTheLag_sleepsUntilItHasPassedAndSaysSo() {
        time.advance(Duration.ofSeconds(20));
        ExportLag lag = lag(START);

        lag.awaitLag();

        assertThat(slept).containsExactly(Duration.ofSeconds(41));
        assertThat(said)
                .containsExactly("waiting 41 s for Zendesk's exports to include changes up to the pull's start"
                        + " (they leave out the last minute)");
        assertThat(lag.note())
                .contains("exports asked once their one-minute lag had passed the pull's start" + " (waited 41 s)");
    }

    @Test
    void awaitLag_pullOlderThanTheLag_doesNotWait() {
        time.advance(Duration.ofSeconds(90));
        ExportLag lag = lag(START);

        lag.awaitLag();

        assertThat(slept).isEmpty();
        assertThat(said).isEmpty();
        assertThat(lag.note()).isEmpty();
    }

    @Test
    void catchUp_exportEndedWithinTheLag_asksItAgainFromWhereItStopped() {
        List<Long> asked = new ArrayList<>();
        ResumableExport<Long> export = export(asked);
        export.run();
        time.advance(Duration.ofSeconds(5));
        ExportLag lag = lag(START);

        lag.catchUp(List.of(export));

        assertThat(asked).containsExactly(0L, 1L);
        assertThat(slept).containsExactly(Duration.ofSeconds(56));
        assertThat(export.end().resumeAt()).isEqualTo(2L);
        assertThat(export.end().completeBefore()).isAfterOrEqualTo(START);
        assertThat(lag.note())
                .contains("exports asked again once their one-minute lag had passed the pull's start: organizations"
                        + " (waited 56 s)");
    }

    @Test
    void catchUp_exportEndedAfterTheLag_asksNothingMore() {
        List<Long> asked = new ArrayList<>();
        ResumableExport<Long> export = export(asked);
        time.advance(Duration.ofSeconds(61));
        export.run();
        ExportLag lag = lag(START);

        lag.catchUp(List.of(export));

        assertThat(asked).containsExactly(0L);
        assertThat(slept).isEmpty();
        assertThat(lag.note()).isEmpty();
    }

    @Test
    void lag_capturedAfterThePullBegan_countsFromThePullsStart() {
        time.advance(Duration.ofSeconds(61));
        ExportLag lag = new ExportLag(START.plus(Duration.ofHours(1)), START, settings(), progress);

        lag.awaitLag();

        assertThat(slept).isEmpty();
    }

    @Test
    void catchUp_exportWithoutAPositionToResumeFrom_isNotStartedOverAndTheNoteSaysSo() {
        List<Long> asked = new ArrayList<>();
        ResumableExport<Long> export = export(asked, false);
        export.run();
        ExportLag lag = lag(START);

        lag.catchUp(List.of(export));

        assertThat(asked).containsExactly(0L);
        assertThat(slept).isEmpty();
        assertThat(lag.note())
                .hasValueSatisfying(n -> assertThat(n)
                        .contains("not asked again, as Zendesk gave no position to resume from")
                        .endsWith(": organizations"));
    }

    @Test
    void awaitLag_sleepEndingEarly_sleepsOnUntilTheLagHasPassed() {
        ExportLag lag = new ExportLag(
                START,
                START,
                settings(
                        // the first sleep ends half a second early by the clock
                        d -> time.advance(slept.size() == 1 ? d.minusMillis(500) : d)),
                progress);

        lag.awaitLag();

        assertThat(time.instant()).isAfterOrEqualTo(START.plus(ZendeskExporter.LAG));
        assertThat(slept).containsExactly(Duration.ofSeconds(61), Duration.ofMillis(500));
        assertThat(said).hasSize(1);
    }

    private ResumableExport<Long> export(List<Long> asked) {
        return export(asked, true);
    }

    /**
     * An export that answers one position further on each run (or none, when not {@code resumable}),
     * complete up to its request's time less the lag.
     */
    private ResumableExport<Long> export(List<Long> asked, boolean resumable) {
        return new ResumableExport<>(
                "organizations",
                new TreeMap<>(),
                0L,
                (from, sink) -> {
                    asked.add(from);
                    return new ExportEnd<>(
                            resumable ? from + 1 : null, time.instant().minus(ZendeskExporter.LAG));
                },
                null,
                progress,
                OptionalLong.empty());
    }

    private ExportLag lag(Instant capturedAt) {
        return new ExportLag(capturedAt, capturedAt, settings(), progress);
    }

    private ZendeskSettings settings() {
        return settings(time::advance);
    }

    /** Settings whose sleeper records each wait and lets {@code passes} move the clock. */
    private ZendeskSettings settings(Consumer<Duration> passes) {
        Sleeper sleeper = d -> {
            slept.add(d);
            passes.accept(d);
        };
        return new ZendeskSettings(
                URI.create("http://127.0.0.1:1"),
                Duration.ofSeconds(1),
                RetryPolicy.defaults(0),
                time,
                sleeper,
                1,
                null);
    }
}
