package io.plumbline.zendesk;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Zendesk's rate-limit headers, whose names vary by endpoint and age: the account window from
 * {@code X-Rate-Limit}/{@code ratelimit-limit}/{@code rate-limit} (and their {@code -remaining},
 * {@code ratelimit-reset}), and per-endpoint windows from {@code zendesk-ratelimit-<name>: total=10;
 * remaining=9; resets=41}. Names are matched case-insensitively; unparseable values are ignored.
 */
public final class RateLimitHeaders {
    public static final String ACCOUNT = "account";
    private static final Pattern DELTA_SECONDS = Pattern.compile("(\\d+)(?:\\.\\d+)?");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*(-?\\d+)");
    private static final Pattern PAIR = Pattern.compile("(total|remaining|resets)\\s*=\\s*(\\d+)");

    private RateLimitHeaders() {}

    /** Every window the headers report; the account window first when present. */
    public static List<RateWindow> parse(HttpHeaders headers) {
        List<RateWindow> out = new ArrayList<>();
        int limit = firstInt(headers, "x-rate-limit", "ratelimit-limit", "rate-limit");
        int remaining = firstInt(headers, "x-rate-limit-remaining", "ratelimit-remaining", "rate-limit-remaining");
        int reset = firstInt(headers, "ratelimit-reset", "x-rate-limit-reset", "rate-limit-reset");
        if (limit >= 0 || remaining >= 0) {
            out.add(new RateWindow(ACCOUNT, limit, remaining, reset >= 0 ? Duration.ofSeconds(reset) : null));
        }
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("zendesk-ratelimit-") && !e.getValue().isEmpty()) {
                endpointWindow(
                                name.substring("zendesk-ratelimit-".length()),
                                e.getValue().get(0))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<RateWindow> endpointWindow(String name, String value) {
        int total = -1;
        int remaining = -1;
        int resets = -1;
        Matcher m = PAIR.matcher(value.toLowerCase(Locale.ROOT));
        while (m.find()) {
            int v = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "total" -> total = v;
                case "remaining" -> remaining = v;
                default -> resets = v;
            }
        }
        if (total < 0 && remaining < 0) {
            return Optional.empty();
        }
        return Optional.of(new RateWindow(name, total, remaining, resets >= 0 ? Duration.ofSeconds(resets) : null));
    }

    private static int firstInt(HttpHeaders headers, String... names) {
        for (String n : names) {
            Optional<String> v = headers.firstValue(n);
            if (v.isPresent()) {
                Matcher m = LEADING_INT.matcher(v.get());
                if (m.find()) {
                    try {
                        return Integer.parseInt(m.group(1));
                    } catch (NumberFormatException e) {
                        // absurdly large: treat as unknown
                    }
                }
            }
        }
        return -1;
    }

    /**
     * {@code Retry-After} as delta-seconds (digits, a fraction taken too) or an HTTP date; empty when
     * absent or neither (so {@code Infinity}, hex or {@code 10d} fall back to the default wait).
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> v = headers.firstValue("retry-after");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String s = v.get().trim();
        Matcher seconds = DELTA_SECONDS.matcher(s);
        if (seconds.matches()) {
            return Optional.of(
                    seconds.group(1).length() > 9
                            ? Duration.ofSeconds(999_999_999)
                            : Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
