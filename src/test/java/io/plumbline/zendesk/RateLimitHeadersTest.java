package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static HttpHeaders headers(Map<String, String> h) {
        return HttpHeaders.of(
                h.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                (a, b) -> true);
    }

    @Test
    void parse_mixedNamesAndCases_readsAccountAndEndpointWindows() {
        List<RateWindow> w = RateLimitHeaders.parse(headers(Map.of(
                "X-Rate-Limit", "700",
                "ratelimit-remaining", "699",
                "RateLimit-Reset", "41",
                "Zendesk-RateLimit-Tickets-Index", "total=100; remaining=99; resets=41")));

        assertThat(w)
                .containsExactly(
                        new RateWindow("account", 700, 699, Duration.ofSeconds(41)),
                        new RateWindow("tickets-index", 100, 99, Duration.ofSeconds(41)));
    }

    @Test
    void parse_olderNamesAndGarbage_keepsWhatItCanRead() {
        assertThat(RateLimitHeaders.parse(headers(Map.of("rate-limit", "400", "rate-limit-remaining", "x"))))
                .containsExactly(new RateWindow("account", 400, -1, null));
        assertThat(RateLimitHeaders.parse(headers(Map.of("zendesk-ratelimit-x", "nonsense"))))
                .isEmpty();
    }

    @Test
    void retryAfter_secondsOrHttpDate() {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", "7")), now))
                .contains(Duration.ofSeconds(7));
        assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", "Mon, 02 Mar 2026 12:00:30 GMT")), now))
                .contains(Duration.ofSeconds(30));
        assertThat(RateLimitHeaders.retryAfter(headers(Map.of()), now)).isEmpty();
    }

    @Test
    void retryAfter_onlyDigitsCountAsSeconds_otherNumberFormsAreUnreadable() {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", " 1.5 ")), now))
                .contains(Duration.ofMillis(1500));
        assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", "99999999999999999999")), now))
                .contains(Duration.ofSeconds(999_999_999));
        for (String odd : List.of("Infinity", "NaN", "0x10p0", "10d", "-5", "1e3", "")) {
            assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", odd)), now))
                    .as(odd)
                    .isEmpty();
        }
    }

    @Test
    void pacer_windowNearlyUsed_waitsForItsReset_otherFamiliesOnlyForTheAccount() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
        RequestPacer pacer = new RequestPacer(clock, new Random(1));
        pacer.observe(
                "incremental",
                List.of(
                        new RateWindow("account", 700, 500, Duration.ofSeconds(20)),
                        new RateWindow("incremental-exports", 10, 0, Duration.ofSeconds(33))));

        assertThat(pacer.delayBefore("incremental")).isEqualTo(Duration.ofSeconds(33));
        assertThat(pacer.delayBefore("default")).isZero();
        pacer.observe("default", List.of(new RateWindow("account", 700, 3, null)));
        assertThat(pacer.delayBefore("default")).isEqualTo(Duration.ofMinutes(1).dividedBy(700));
    }

    @Test
    void pacer_requestsInFlight_countAgainstTheWindowBeforeTheirAnswers() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
        RequestPacer pacer = new RequestPacer(clock, new Random(1));
        pacer.observe("incremental", List.of(new RateWindow("incremental-exports", 10, 2, Duration.ofSeconds(30))));

        assertThat(pacer.delayBefore("incremental")).isZero();
        assertThat(pacer.delayBefore("incremental")).isZero();
        assertThat(pacer.delayBefore("incremental")).isEqualTo(Duration.ofSeconds(30));
        // the first answer was counted before the second request arrived: one left, but that one is in flight
        pacer.observe("incremental", List.of(new RateWindow("incremental-exports", 10, 1, Duration.ofSeconds(30))));
        assertThat(pacer.delayBefore("incremental")).isEqualTo(Duration.ofSeconds(30));
        assertThat(pacer.delayBefore("default")).isZero();
    }

    @Test
    void pacer_lateAnswerOfTheSameWindow_doesNotGiveBackRequests() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
        RequestPacer pacer = new RequestPacer(clock, new Random(1));
        pacer.observe("incremental", List.of(new RateWindow("incremental-exports", 10, 0, Duration.ofSeconds(30))));
        // an answer sent earlier in the same window, arriving late: its reset was reported a few seconds sooner
        pacer.observe("incremental", List.of(new RateWindow("incremental-exports", 10, 4, Duration.ofSeconds(24))));

        assertThat(pacer.delayBefore("incremental")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void reserve_twoPercentRoundedDown_noneOnSmallWindows() {
        assertThat(new RateWindow("account", 700, 700, null).reserve()).isEqualTo(14);
        assertThat(new RateWindow("account", 200, 200, null).reserve()).isEqualTo(4);
        assertThat(new RateWindow("incremental-exports", 10, 10, null).reserve())
                .isZero();
        assertThat(new RateWindow("account", -1, -1, null).reserve()).isEqualTo(1);
    }

    @Test
    void pacer_retryAfter_holdsEveryFamilyAtLeastThatLong() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
        RequestPacer pacer = new RequestPacer(clock, new Random(1));
        Duration hold = pacer.holdFor(Duration.ofSeconds(10));

        assertThat(hold).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
        assertThat(pacer.delayBefore("default")).isEqualTo(hold);
        assertThat(pacer.delayBefore("incremental")).isEqualTo(hold);
    }

    @Test
    void backoff_growsThenStaysUnderTheCap() {
        RetryPolicy p = RetryPolicy.defaults(6);
        Random r = new Random(3);
        assertThat(p.backoff(1, r)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(p.backoff(4, r)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
        assertThat(p.backoff(30, r)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
