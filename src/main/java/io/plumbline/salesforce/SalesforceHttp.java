package io.plumbline.salesforce;

import io.plumbline.errors.ExitCodes;
import io.plumbline.http.WholeExchange;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends requests to Salesforce and counts them. GETs are retried on network failures and 5xx answers
 * (six attempts, waiting 1, 2, 4, 8 and 16 s, or a 503's Retry-After up to a minute, so that an instance
 * briefly unavailable does not end a pull; three when the connection is refused); the sign-in token request, the one POST, is sent once. A
 * failure to connect becomes a {@link SalesforceApiException} naming only the host, never headers or
 * bodies.
 */
final class SalesforceHttp {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    /** How long one exchange may take, body included (the request's timeout covers only the headers). */
    private static final Duration WHOLE_EXCHANGE = REQUEST_TIMEOUT.multipliedBy(2);

    private static final int ATTEMPTS = 6;
    /** Attempts when the connection itself is refused. */
    private static final int CONNECT_ATTEMPTS = 3;

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final HttpClient client;
    private final Sleeper sleeper;
    private int requests;
    private long apiUsed = -1;
    private long apiLimit = -1;

    SalesforceHttp(HttpClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** How many requests were sent so far, retries included. */
    int requests() {
        return requests;
    }

    /**
     * The org's daily API use as Salesforce last reported it ({@code Sforce-Limit-Info: api-usage=N/M}), or
     * null when no answer said.
     */
    SalesforcePullStats.ApiUsage apiUsage() {
        return apiLimit <= 0 ? null : new SalesforcePullStats.ApiUsage(apiUsed, apiLimit);
    }

    HttpResponse<String> send(HttpRequest request) {
        boolean retryable = request.method().equals("GET");
        for (int attempt = 1; ; attempt++) {
            try {
                requests++;
                HttpResponse<String> response = WholeExchange.send(client, request, WHOLE_EXCHANGE);
                response.headers().firstValue("Sforce-Limit-Info").ifPresent(this::noteUsage);
                if (!retryable || response.statusCode() < 500 || attempt == ATTEMPTS) {
                    return response;
                }
                pause(retryAfter(response).orElse(backoff(attempt)));
            } catch (IOException e) {
                // a host that refuses connections is more likely a wrong instance URL than an outage
                boolean refused = e instanceof java.net.ConnectException;
                if (!retryable || attempt == (refused ? CONNECT_ATTEMPTS : ATTEMPTS)) {
                    throw unreachable(request, e, attempt);
                }
                pause(backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceApiException(ExitCodes.REMOTE, "", 0, "interrupted while calling Salesforce", e);
            }
        }
    }

    private void noteUsage(String header) {
        Matcher m = API_USAGE.matcher(header);
        if (m.find()) {
            try {
                apiUsed = Long.parseLong(m.group(1));
                apiLimit = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                // more digits than a count has: not a figure to report
            }
        }
    }

    /** 1, 2, 4, 8, 16 s before the second to the sixth attempt. */
    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt - 1, 4));
    }

    /** A 503's Retry-After in seconds, capped at a minute; empty for anything else. */
    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        if (response.statusCode() != 503) {
            return Optional.empty();
        }
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(v -> {
                    try {
                        long seconds = Long.parseLong(v.strip());
                        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
                    } catch (NumberFormatException e) {
                        return Optional.empty(); // an HTTP date: the backoff will do
                    }
                })
                .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(ExitCodes.REMOTE, "", 0, "interrupted while calling Salesforce", e);
        }
    }

    private static SalesforceApiException unreachable(HttpRequest request, IOException e, int attempts) {
        String host = request.uri().getScheme() + "://" + request.uri().getAuthority();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SalesforceApiException(
                ExitCodes.REMOTE,
                "",
                0,
                "cannot reach Salesforce at " + host + " after " + attempts + " attempt(s): " + reason
                        + "; check the instance URL and the network, then re-run",
                e);
    }
}
