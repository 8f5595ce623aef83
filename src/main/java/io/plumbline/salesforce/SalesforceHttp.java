package io.plumbline.salesforce;

import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends requests to Salesforce and counts them. GETs are retried on network failures and 5xx answers
 * (three attempts, backing off); the sign-in token request, the one POST, is sent once. A failure to connect becomes a {@link
 * SalesforceApiException} naming only the host, never headers or bodies.
 */
final class SalesforceHttp {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final int ATTEMPTS = 3;

    private final HttpClient client;
    private final Sleeper sleeper;
    private int requests;

    SalesforceHttp(HttpClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** How many requests were sent so far, retries included. */
    int requests() {
        return requests;
    }

    HttpResponse<String> send(HttpRequest request) {
        boolean retryable = request.method().equals("GET");
        for (int attempt = 1; ; attempt++) {
            try {
                requests++;
                HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!retryable || response.statusCode() < 500 || attempt == ATTEMPTS) {
                    return response;
                }
            } catch (IOException e) {
                if (!retryable || attempt == ATTEMPTS) {
                    throw unreachable(request, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceApiException(ExitCodes.REMOTE, "", 0, "interrupted while calling Salesforce", e);
            }
            pause(attempt);
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(Duration.ofSeconds(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(ExitCodes.REMOTE, "", 0, "interrupted while calling Salesforce", e);
        }
    }

    private static SalesforceApiException unreachable(HttpRequest request, IOException e) {
        String host = request.uri().getScheme() + "://" + request.uri().getAuthority();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SalesforceApiException(
                ExitCodes.REMOTE,
                "",
                0,
                "cannot reach Salesforce at " + host + " after "
                        + (request.method().equals("GET") ? ATTEMPTS : 1) + " attempt(s): " + reason
                        + "; check the instance URL and the network, then re-run",
                e);
    }
}
