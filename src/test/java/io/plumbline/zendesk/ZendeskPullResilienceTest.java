package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ZendeskInstance;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZendeskPullResilienceTest {
    private static final Instant AS_OF = SeedSnapshots.CAPTURED_AT;
    private static final List<String> FILES = List.of(
            "zendesk/organizations.jsonl",
            "zendesk/users.jsonl",
            "zendesk/organization_memberships.jsonl",
            "zendesk/tickets.jsonl",
            "snapshot.json");

    @TempDir
    static Path shared;

    static Path seed;
    static String cleanZendesk;
    static Path clean;

    @BeforeAll
    static void cleanPull() {
        seed = SeedSnapshots.write(shared.resolve("seed"), 1150, 2500, 2300);
        clean = shared.resolve("clean");
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(clean, AS_OF, 30);
            cleanZendesk = instance(h);
        }
        assertThat(clean.resolve("snapshot.json")).content().contains(cleanZendesk);
    }

    /** How a snapshot pulled from the harness's emulator names it. */
    private static String instance(EmulatorHarness h) {
        return "\"zendesk\" : \"" + ZendeskInstance.name(h.emulator.baseUri()) + "\"";
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void pull_tenPercentFaults_completesWithIdenticalOutput(long faultSeed, @TempDir Path out) throws IOException {
        // a minute's Retry-After (60 ms of real time), of which the first half may still see what the other
        // listings had on their way when the 429 was answered (a busy machine may not run the thread that met
        // it for tens of milliseconds: tens of emulated seconds)
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN)
                .withFaults(0.03, 0.03, 0.03, 0.01, Duration.ofMillis(5), faultSeed)
                .withFault429RetryAfter(Duration.ofMinutes(1));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
            List<LoggedRequest> log = h.emulator.log().all();

            for (String f : FILES) {
                // snapshot.json names the Zendesk pulled from: this emulator's port, not the clean pull's
                assertThat(Files.readString(out.resolve(f)).replace(instance(h), "ZENDESK"))
                        .as(f)
                        .isEqualTo(Files.readString(clean.resolve(f)).replace(cleanZendesk, "ZENDESK"));
            }
            assertThat(log).filteredOn(r -> !r.fault().isEmpty()).isNotEmpty();
            // the JDK client may itself resend a GET after a reset, so the two counts can differ slightly
            assertThat(stats.retries()).isPositive();
            RequestLogChecks.noPageFetchedTwiceAfterSuccess(log);
            RequestLogChecks.nothingSentWhileRetryAfterPending(log, 4, Duration.ofSeconds(30));
        }
    }

    @Test
    void pull_moreOrgsInOneSecondThanAnExportPageHolds_listsThemAndCompletes(@TempDir Path tmp) throws IOException {
        Path bulk = SeedSnapshots.writeOrgsChangedInOneSecond(tmp.resolve("seed"), 1500, 100, 100);
        EmulatorConfig capped = EmulatorConfig.withToken(EmulatorHarness.TOKEN).withCappedTimeExportPages();
        try (EmulatorHarness h = new EmulatorHarness(bulk, capped)) {
            List<String> notes = new CopyOnWriteArrayList<>();
            new ZendeskSnapshotPuller(h.http(), new NoteTaker(notes)).pull(tmp.resolve("out"), AS_OF, 30);

            Path orgs = tmp.resolve("out").resolve(FILES.get(0));
            assertThat(Files.readAllLines(orgs)).hasSize(1500);
            assertThat(orgs).hasSameTextualContentAs(bulk.resolve(FILES.get(0)));
            assertThat(h.emulator.log().matching(r -> r.path().equals("/api/v2/organizations")))
                    .hasSize(16); // 15 full pages and the empty one after
            assertThat(notes).anyMatch(n -> n.startsWith("more organizations changed at 2026-03-01T12:00:00Z than"));
        }
    }

    @Test
    void pull_severalCrowdedSecondsInARow_listsEveryOrgOnceOnly(@TempDir Path tmp) throws IOException {
        // an update_many spread over three seconds, 1,500 orgs in each
        Path bulk = SeedSnapshots.writeOrgsChangedInSeconds(tmp.resolve("seed"), 4500, 100, 100, 3);
        EmulatorConfig capped = EmulatorConfig.withToken(EmulatorHarness.TOKEN).withCappedTimeExportPages();
        try (EmulatorHarness h = new EmulatorHarness(bulk, capped)) {
            List<String> notes = new CopyOnWriteArrayList<>();
            new ZendeskSnapshotPuller(h.http(), new NoteTaker(notes)).pull(tmp.resolve("out"), AS_OF, 30);

            assertThat(tmp.resolve("out").resolve(FILES.get(0))).hasSameTextualContentAs(bulk.resolve(FILES.get(0)));
            assertThat(h.emulator.log().matching(r -> r.path().equals("/api/v2/organizations")))
                    .hasSize(46); // one listing: 45 full pages and the empty one after
            assertThat(notes)
                    .filteredOn(n -> n.startsWith("more organizations changed"))
                    .hasSize(1);
        }
    }

    /** Keeps the notes of a pull, and reports nothing else. */
    private record NoteTaker(List<String> notes) implements Progress {
        @Override
        public Task start(String resource) {
            return SILENT.start(resource);
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

    @Test
    void pull_429WithRetryAfter_waitsThenResumesFromSameCursor(@TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            h.emulator.failRequest("/api/v2/users", 4, Fault.TOO_MANY);
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
            List<LoggedRequest> users = h.emulator.log().matching(r -> r.path().equals("/api/v2/users"));

            LoggedRequest limited = users.get(3);
            LoggedRequest retried = users.get(4);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.query()).contains("page[after]=");
            assertThat(retried.pathAndQuery()).isEqualTo(limited.pathAndQuery());
            assertThat(retried.at()).isAfterOrEqualTo(limited.retryAfterUntil());
            // the listings pulled beside the refused one wait out the same Retry-After
            assertThat(stats.rateLimitWaits()).isBetween(1L, 4L);
            // the wait is counted from when the 429 arrived, a few emulated milliseconds after the server set
            // Retry-After; the server-side check above is the exact one
            assertThat(stats.rateLimitWaited()).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
            RequestLogChecks.noPageFetchedTwiceAfterSuccess(h.emulator.log().all());
        }
    }

    @Test
    void pull_lowRateLimits_pacesFromHeadersAndNeverMeets429(@TempDir Path out) {
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN).withLimits(10, 3);
        // at 200x a request takes about an emulated second, so ten a minute really binds
        try (EmulatorHarness h = new EmulatorHarness(seed, config, 200)) {
            PullStats stats = new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);

            assertThat(h.emulator.log().all()).noneMatch(r -> r.status() == 429);
            assertThat(stats.rateLimitWaits()).isGreaterThanOrEqualTo(3);
            assertThat(stats.retries()).isZero();
        }
    }

    @Test
    void pull_connectionReset_retriesTheSamePage(@TempDir Path out) throws IOException {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            h.emulator.failRequest("/api/v2/organization_memberships", 3, Fault.RESET);
            new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30);
            List<LoggedRequest> log =
                    h.emulator.log().matching(r -> r.path().equals("/api/v2/organization_memberships"));

            assertThat(log.get(2).status()).isZero();
            assertThat(log.get(3).pathAndQuery()).isEqualTo(log.get(2).pathAndQuery());
            assertThat(Files.readString(out.resolve(FILES.get(2))))
                    .isEqualTo(Files.readString(clean.resolve(FILES.get(2))));
        }
    }

    @Test
    void pull_answerSlowerThanTimeout_retriesTheSamePage(@TempDir Path out) throws Exception {
        pullWithTheFirstTicketPage(Fault.SLOW, Duration.ofMillis(1500), out);
    }

    @Test
    void pull_bodyStallsAfterItsHeaders_isATimeoutAndTheSamePageIsAskedAgain(@TempDir Path out) throws Exception {
        // the request's timeout ends with the headers: the whole answer gets twice it (1.2 s) before a retry
        pullWithTheFirstTicketPage(Fault.STALLED_BODY, Duration.ofSeconds(20), out);
    }

    /**
     * Pulls with a 600 ms request timeout, the first ticket page answered with {@code fault} taking {@code
     * delay}: the same page is asked again, and the tickets come out as in the clean pull.
     */
    private static void pullWithTheFirstTicketPage(Fault fault, Duration delay, Path out) throws Exception {
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN).withFaults(0, 0, 0, 0, delay, 1);
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskHttp http = h.http(
                    h.config(EmulatorHarness.bearer("T")), Map.of("T", EmulatorHarness.TOKEN), Duration.ofMillis(600));
            http.get("/api/v2/users/count"); // warm up, so only the scripted answer is slow
            h.emulator.failRequest("/api/v2/incremental/tickets/cursor", 1, fault);
            new ZendeskSnapshotPuller(http, Progress.SILENT).pull(out, AS_OF, 30);
            h.emulator.log().await(r -> r.fault().equals(fault.name()), Duration.ofSeconds(5));
            List<LoggedRequest> tickets =
                    h.emulator.log().matching(r -> r.path().startsWith("/api/v2/incremental/tickets"));

            assertThat(tickets.get(0).fault()).isEqualTo(fault.name());
            assertThat(tickets.get(1).pathAndQuery()).isEqualTo(tickets.get(0).pathAndQuery());
            assertThat(Files.readString(out.resolve(FILES.get(3))))
                    .isEqualTo(Files.readString(clean.resolve(FILES.get(3))));
        }
    }

    @Test
    void pull_serverKeepsFailing_givesUpWithExit4AfterBoundedRetries(@TempDir Path out) {
        EmulatorConfig config =
                EmulatorConfig.withToken(EmulatorHarness.TOKEN).withFaults(0, 1.0, 0, 0, Duration.ZERO, 1);
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            assertThatThrownBy(() -> new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30))
                    .isInstanceOf(PlumblineException.class)
                    .hasMessageContaining("did not answer GET /api/v2/organizations/count after 7 attempts")
                    .extracting(e -> ((PlumblineException) e).exitCode())
                    .isEqualTo(ExitCodes.REMOTE);
            assertThat(h.emulator.log().all()).hasSize(7);
            assertThat(out.resolve(FILES.get(0))).doesNotExist();
        }
    }

    @ParameterizedTest
    @CsvSource({"UNAVAILABLE, 503", "BAD_GATEWAY, 502", "GATEWAY_TIMEOUT, 504"})
    void pull_outageAnswersWithoutRetryAfterForMinutes_areWaitedOutAsForA429AndThePullCompletes(
            Fault outage, int status, @TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            String path = "/api/v2/organizations/count";
            h.emulator.failEvery("GET", path, outage);
            // twice the retries a 5xx gets: the outage ends after the 12th request
            h.emulator.interventions().afterRequest("GET", path, 12, () -> h.emulator.stopFailingEvery("GET", path));

            new ZendeskSnapshotPuller(h.pullHttp(), Progress.SILENT).pull(out, AS_OF, 30);

            List<LoggedRequest> counts = h.emulator.log().matching(r -> r.path().equals("/api/v2/organizations/count"));
            assertThat(counts).hasSize(13);
            assertThat(counts.subList(0, 12)).allMatch(r -> r.status() == status);
            assertThat(counts.get(12).status()).isEqualTo(200);
            for (int k = 1; k < counts.size(); k++) { // the default wait of a 429 without Retry-After
                assertThat(Duration.between(
                                counts.get(k - 1).at(), counts.get(k).at()))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(9));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "UNAVAILABLE, 503 Service Unavailable",
        "BAD_GATEWAY, 502 Bad Gateway",
        "GATEWAY_TIMEOUT, 504 Gateway Timeout"
    })
    void pull_outageWithoutEnd_givesUpAfterTheRetryPolicysCountNotAsRateLimited(
            Fault outage, String last, @TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            h.emulator.failEvery("GET", "/api/v2/organizations/count", outage);

            assertThatThrownBy(() -> new ZendeskSnapshotPuller(h.pullHttp(), Progress.SILENT).pull(out, AS_OF, 30))
                    .isInstanceOf(PlumblineException.class)
                    .isNotInstanceOf(RateLimitedException.class)
                    .hasMessageContaining(
                            "did not answer GET /api/v2/organizations/count after 31 attempts (last: " + last + ")");
            assertThat(h.emulator.log().all()).hasSize(31);
        }
    }

    @ParameterizedTest
    @CsvSource({"UNAVAILABLE, 503", "BAD_GATEWAY, 502", "GATEWAY_TIMEOUT, 504"})
    void readOutsideAPull_outageWithoutRetryAfter_isA5xxThatFailsInSecondsNotMinutes(Fault outage, int status) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            h.emulator.failEvery("GET", "/api/v2/organizations/count", outage);

            assertThatThrownBy(() -> h.http().get("/api/v2/organizations/count")) // as apply and undo read
                    .isInstanceOf(PlumblineException.class)
                    .hasMessageContaining("after 7 attempts (last: HTTP " + status + ")");
            assertThat(h.emulator.log().all()).hasSize(7);
        }
    }

    @Test
    void pull_retryAfterLongerThanTheCap_givesUpWithExit4InsteadOfSleeping(@TempDir Path out) {
        EmulatorConfig config =
                EmulatorConfig.withToken(EmulatorHarness.TOKEN).withFault429RetryAfter(Duration.ofHours(24));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            h.emulator.failRequest("/api/v2/users", 1, Fault.TOO_MANY);

            assertThatThrownBy(() -> new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30))
                    .isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("answered 429 to GET /api/v2/users asking to wait 86400 s (Retry-After)")
                    .hasMessageContaining("longer than the 300 s Plumbline waits out")
                    .extracting(e -> ((PlumblineException) e).exitCode())
                    .isEqualTo(ExitCodes.REMOTE);
        }
    }

    @Test
    void pull_429ToEveryRetry_givesUpAfterTheRetryPolicysCountAsRateLimited(@TempDir Path out) {
        EmulatorConfig config =
                EmulatorConfig.withToken(EmulatorHarness.TOKEN).withFault429RetryAfter(Duration.ofSeconds(1));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            h.emulator.failEvery("GET", "/api/v2/organizations/count", Fault.TOO_MANY);

            assertThatThrownBy(() -> new ZendeskSnapshotPuller(h.http(), Progress.SILENT).pull(out, AS_OF, 30))
                    .isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining(
                            "did not answer GET /api/v2/organizations/count after 31 attempts (last: 429 Too Many Requests)")
                    .extracting(e -> ((PlumblineException) e).exitCode())
                    .isEqualTo(ExitCodes.REMOTE);
            assertThat(h.emulator.log().all()).hasSize(31).allMatch(r -> r.status() == 429);
        }
    }
}
