package io.plumbline.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a deadline on the whole of it. A request's own timeout only lasts until the
 * answer's headers arrive: a server or proxy that sends the headers and then stalls halfway through the
 * body would hold {@link HttpClient#send} forever. Here the body must also be in within the deadline,
 * else the exchange is cancelled and an {@link HttpTimeoutException} thrown, as for a request that timed
 * out (the connection was made: a write may have landed).
 */
public final class WholeExchange {
    private WholeExchange() {}

    /**
     * As {@link HttpClient#send} with a UTF-8 string body, but the answer must be whole within {@code
     * deadline}.
     */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("the answer was not in whole within " + seconds(deadline));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
