package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.http.WholeExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends one logical request to Zendesk and returns its answer, doing everything a polite client must:
 * waits as the {@link RequestPacer} says, honours {@code Retry-After} on 429 (and 503; for a pull's
 * reads, 502 and 504 too, see {@link RetryPolicy#waitOutOutages}), retries 5xx,
 * connection failures and timeouts with backoff, re-authenticates once after a 401 when the credentials
 * can be refreshed, and turns every other failure into an exit-4 error. A read's retry repeats the very
 * same request (same URL, same cursor); a write is not repeated as built once an attempt may have reached
 * Zendesk, nor after a 429 (see {@link #write}). Secrets are redacted from everything it reports.
 */
public final class ZendeskHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The answers of a Zendesk outage a pull's reads wait out ({@link RetryPolicy#waitOutOutages}). */
    private static final Map<Integer, String> OUTAGE =
            Map.of(502, "502 Bad Gateway", 503, "503 Service Unavailable", 504, "504 Gateway Timeout");

    private final HttpClient client;
    private final ZendeskSettings settings;
    private final ZendeskAuth auth;
    private final RequestPacer pacer;
    private final RequestStats stats = new RequestStats();
    private final Random random;
    /**
     * Writes turned away in a row (a 429, or a 503 with Retry-After; see {@link #write}); any other answer
     * to a write resets it.
     */
    private final AtomicInteger writesTurnedAway = new AtomicInteger();
    /**
     * Writes in a row whose answer left open whether they went through (see {@link #write}); any other
     * answer to a write, 429 aside, resets it.
     */
    private final AtomicInteger writesLost = new AtomicInteger();
    /** Told of each failed attempt that is about to be tried again, so a long silent wait is not taken for a hang. */
    private volatile Consumer<String> retryNotices = notice -> {};

    public ZendeskHttp(HttpClient client, ZendeskSettings settings, ZendeskAuth auth) {
        this.client = client;
        this.settings = settings;
        this.auth = auth;
        this.random = new Random(settings.jitterSeed());
        this.pacer = new RequestPacer(settings.clock(), random);
    }

    public ZendeskResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Set.of());
    }

    /**
     * A client with these credentials for one question asked aside from the run (see {@link
     * TokenLifetime}): its own counts, so that a refusal or an outage it meets is not taken for the run's,
     * and at most one retry, so that it holds the run back little.
     */
    ZendeskHttp aside() {
        ZendeskHttp h = new ZendeskHttp(
                client, settings.withRetryPolicy(settings.retryPolicy().withAtMostRetries(1)), auth);
        h.onRetry(retryNotices);
        return h;
    }

    /** Sends and retries; answers with a status in {@code accepted} are returned instead of thrown. */
    public ZendeskResponse send(String method, String pathAndQuery, JsonNode body, Set<Integer> accepted) {
        return send(method, pathAndQuery, body, accepted, () -> {}, Mode.READ);
    }

    /**
     * As {@link #send(String, String, JsonNode, Set)} for a write whose body was built from Zendesk's
     * state as read just before it. Such a write is never sent again as built once an attempt of it may
     * have reached Zendesk: the state it was built from (an org's whole {@code domain_names} list above
     * all) may change while Plumbline waits to retry, and the same body would then undo that change. So
     * an answer that does not rule out that the write went through (a 5xx, a 503 with or without
     * Retry-After, a connection that broke or timed out after it was made) tells {@code mayHaveLanded},
     * waits (the backoff, or the 503's Retry-After), and throws an {@link AnswerLostException}: the
     * caller settles the write from Zendesk's records and, when nothing of it is there, re-checks the
     * action and sends the write that check builds. More such answers in a row than the policy's retries
     * give up (exit 4). A 429 (nothing written) is not waited out and sent again either, but thrown as a
     * {@link TurnedAwayException} once the wait is held for the next request, for the caller to re-check
     * and build the write again; writes turned away more times in a row than the policy's 429 retries
     * end in a {@link RateLimitedException}. An attempt that could not connect sent nothing and is retried
     * as it is.
     */
    public ZendeskResponse write(
            String method, String pathAndQuery, JsonNode body, Set<Integer> accepted, Runnable mayHaveLanded) {
        return send(method, pathAndQuery, body, accepted, mayHaveLanded, Mode.SETTLE);
    }

    /**
     * As {@link #write}, for a write whose body holds nothing read before it (a bulk create of
     * memberships: one that exists already is refused item by item): after an answer that does not rule
     * out that it went through, it is sent again as it is, after the backoff, up to the policy's
     * retries, and {@code mayHaveLanded} is told, so that the caller knows it may have been done twice.
     * A 429 is thrown as for {@link #write}; so is a 503 with Retry-After, as a {@link
     * TurnedAwayException} after {@code mayHaveLanded} is told, for the caller to settle from the records.
     */
    public ZendeskResponse writeResending(
            String method, String pathAndQuery, JsonNode body, Set<Integer> accepted, Runnable mayHaveLanded) {
        return send(method, pathAndQuery, body, accepted, mayHaveLanded, Mode.RESEND);
    }

    /** What a send does after an attempt that may have reached Zendesk without a usable answer. */
    private enum Mode {
        /** A read: retried as it is, since it changes nothing; 429s and 503s (a pull's 502s, 504s) are waited out. */
        READ,
        /** A write whose body holds nothing read before it: sent again as it is. */
        RESEND,
        /** A write built from state read before it: settled and re-checked by its caller, never re-sent. */
        SETTLE
    }

    private ZendeskResponse send(
            String method,
            String pathAndQuery,
            JsonNode body,
            Set<Integer> accepted,
            Runnable mayHaveLanded,
            Mode mode) {
        boolean resendAfterLimit = mode == Mode.READ;
        String call = method + " " + pathOnly(pathAndQuery);
        String family = pathAndQuery.startsWith("/api/v2/incremental/") ? "incremental" : "default";
        int failures = 0;
        boolean neverConnected = true; // so far, every attempt failed before a connection was made
        int limited = resendAfterLimit ? 0 : writesTurnedAway.get();
        boolean reauthenticated = false;
        while (true) {
            String authorization = authorization(); // before pacing: a refused token is no request in flight
            pace(family);
            Raw r;
            try {
                r = exchange(method, pathAndQuery, body, authorization, family);
            } catch (IOException e) {
                neverConnected &= notConnected(e);
                if (!notConnected(e)) {
                    mayHaveLanded.run(); // a connection that broke or timed out after it was made
                    if (mode == Mode.SETTLE) {
                        throw lost(call, e.getClass().getSimpleName(), null);
                    }
                }
                failures = failed(call, failures, e.getClass().getSimpleName(), neverConnected);
                continue;
            }
            neverConnected = false;
            if (!resendAfterLimit && r.status() != 429) {
                writesTurnedAway.set(0);
            }
            if (!resendAfterLimit && r.status() != 429 && r.status() < 500) {
                writesLost.set(0);
            }
            if (r.ok() || accepted.contains(r.status())) {
                return r.response();
            }
            Optional<Duration> retryAfter =
                    RateLimitHeaders.retryAfter(r.headers(), settings.clock().instant());
            // a pull's read answered 502, 503 or 504 (an edge's answers during an incident, often as HTML)
            // waits as for a 429 (Retry-After, else the default wait), so an outage of a few minutes does not
            // end a long pull; elsewhere a 502 or 504, and a 503 without Retry-After, are plain 5xx below
            boolean outageWait = resendAfterLimit && settings.retryPolicy().waitOutOutages();
            if (r.status() == 429
                    || (r.status() == 503 && retryAfter.isPresent())
                    || (outageWait && OUTAGE.containsKey(r.status()))) {
                limited = waitOrThrow(call, r.status(), retryAfter, limited, mode, mayHaveLanded);
            } else if (r.status() >= 500) {
                mayHaveLanded.run();
                if (mode == Mode.SETTLE) {
                    throw lost(call, "HTTP " + r.status(), null);
                }
                failures = failed(call, failures, "HTTP " + r.status(), false);
            } else if (r.status() == 401 && !reauthenticated && auth.invalidate()) {
                reauthenticated = true;
                stats.retry();
            } else {
                throw counted(ZendeskErrors.forStatus(r.response(), call, settings.baseUri(), auth, redactor()));
            }
        }
    }

    /**
     * A 429, a 503 with Retry-After, or (a pull's read) a 502, 503 or 504 of an outage: holds the wait it
     * asks for and answers the count of such answers in a row, when the request is to be sent again as it
     * is (a read); else throws: past the policy's 429s (an outage's answers as a 5xx that did not end, the
     * rest as a rate limit), or asking for longer than the policy waits; for a write, once the wait is
     * held, a {@link TurnedAwayException} (a 503 having told {@code mayHaveLanded}), or an {@link
     * AnswerLostException} for a write its caller settles.
     */
    private int waitOrThrow(
            String call, int status, Optional<Duration> retryAfter, int limited, Mode mode, Runnable mayHaveLanded) {
        boolean resendAfterLimit = mode == Mode.READ;
        if (status == 503) {
            mayHaveLanded.run(); // unlike a 429, a 503 may come from a proxy after the write went through
            if (mode == Mode.SETTLE) {
                throw lost(call, "503 with Retry-After", waitAsked(call, status, retryAfter));
            }
        }
        if (++limited > settings.retryPolicy().max429()) {
            writesTurnedAway.set(0);
            boolean rateLimited = status == 429 || (status == 503 && retryAfter.isPresent());
            if (!rateLimited) { // an outage that did not end: a 5xx, not the rate limit
                throw ZendeskErrors.gaveUp(call, settings.baseUri(), limited, OUTAGE.get(status));
            }
            stats.stopped(RateLimitedException.REASON);
            String last = status == 429 ? "429 Too Many Requests" : "503 with Retry-After";
            throw resendAfterLimit
                    ? ZendeskErrors.rateLimited(call, settings.baseUri(), limited, last)
                    : ZendeskErrors.writesTurnedAway(call, settings.baseUri(), limited, last);
        }
        pacer.holdFor(waitAsked(call, status, retryAfter));
        stats.retry();
        if (!resendAfterLimit) {
            writesTurnedAway.set(limited);
            throw new TurnedAwayException(call
                    + (status == 429
                            ? " was turned away (429 Too Many Requests) and is re-checked before it is sent again"
                            : " was answered 503 with Retry-After, which a proxy may give after the write went"
                                    + " through: it is settled from Zendesk's records, not sent again"));
        }
        return limited;
    }

    /** The wait a 429 or an outage's answer asks for, else the default; one longer than the policy's is thrown. */
    private Duration waitAsked(String call, int status, Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElse(settings.retryPolicy().defaultRetryAfter());
        if (wait.compareTo(settings.retryPolicy().maxRetryAfter()) > 0) {
            stats.stopped(RateLimitedException.REASON);
            throw ZendeskErrors.waitTooLong(call, settings.baseUri(), status, wait, settings.retryPolicy());
        }
        return wait;
    }

    /**
     * A write's attempt that may have reached Zendesk without a usable answer ({@code what}): after the
     * backoff (or, for a 503 with Retry-After, with {@code wait} held for the next request), the exception
     * that hands it to its caller to settle; past the policy's retries in a row, the one that gives up.
     */
    private PlumblineException lost(String call, String what, Duration wait) {
        int n = writesLost.incrementAndGet();
        if (n > settings.retryPolicy().maxRetries()) {
            writesLost.set(0);
            return ZendeskErrors.gaveUp(call, settings.baseUri(), n, what);
        }
        stats.retry();
        if (wait == null) {
            sleep(settings.retryPolicy().backoff(n, random));
        } else {
            pacer.holdFor(wait);
        }
        return new AnswerLostException(call + " was answered " + what + ", which does not rule out that it went"
                + " through: it is settled from Zendesk's records, not sent again as built");
    }

    /**
     * Sends a line to {@code notices} for each failed attempt before it is tried again ({@code GET /api/v2/...
     * failed (ConnectException); trying again in 4 s (attempt 2 of 7)}); returns this.
     */
    public ZendeskHttp onRetry(Consumer<String> notices) {
        this.retryNotices = notices;
        return this;
    }

    /**
     * The writes sent from now on are another action's: the answers lost to the writes before no longer
     * count against its retries (see {@link #write}).
     */
    public void beginAction() {
        writesLost.set(0);
    }

    /** Whether the request failed before a connection was made, so nothing of it was sent. */
    private static boolean notConnected(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException;
    }

    /**
     * Counts a failed attempt and waits before the next; gives up past the policy's retries, as out of
     * reach when no attempt of the call could even connect ({@code neverConnected}).
     */
    private int failed(String call, int failures, String what, boolean neverConnected) {
        return failed(call, failures, what, neverConnected, Duration.ZERO);
    }

    /** As {@link #failed(String, int, String, boolean)}, waiting at least {@code atLeast} (a Retry-After). */
    private int failed(String call, int failures, String what, boolean neverConnected, Duration atLeast) {
        int n = failures + 1;
        if (n > settings.retryPolicy().maxRetries()) {
            if (neverConnected) {
                stats.stopped(ZendeskUnreachableException.REASON);
                throw ZendeskErrors.unreachable(call, settings.baseUri(), n, what);
            }
            throw ZendeskErrors.gaveUp(call, settings.baseUri(), n, what);
        }
        stats.retry();
        Duration backoff = settings.retryPolicy().backoff(n, random);
        Duration wait = backoff.compareTo(atLeast) < 0 ? atLeast : backoff;
        retryNotices.accept(call + " failed (" + what + "); trying again in "
                + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s (attempt " + (n + 1) + " of "
                + (settings.retryPolicy().maxRetries() + 1) + ")");
        sleep(wait);
        return n;
    }

    /** Waits until the pacer lets a request of {@code family} go (other threads may go first). */
    private void pace(String family) {
        Duration d;
        while (!(d = pacer.delayBefore(family)).isZero()) {
            stats.rateLimitWait(d);
            sleep(d);
        }
    }

    private void sleep(Duration d) {
        try {
            settings.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlumblineException(ExitCodes.REMOTE, "interrupted while waiting to call Zendesk", e);
        }
    }

    private Raw exchange(String method, String pathAndQuery, JsonNode body, String authorization, String family)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.baseUri() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        stats.request();
        HttpResponse<String> response;
        try {
            // the request's timeout lasts until the headers; the body gets as long again on top
            response = WholeExchange.send(
                    client, b.build(), settings.requestTimeout().multipliedBy(2));
        } catch (InterruptedException e) {
            abandon(family);
            Thread.currentThread().interrupt();
            throw new PlumblineException(ExitCodes.REMOTE, "interrupted while calling Zendesk", e);
        } catch (IOException | RuntimeException e) {
            abandon(family);
            throw e;
        }
        if (family != null) {
            pacer.observe(family, RateLimitHeaders.parse(response.headers()));
        }
        return new Raw(response);
    }

    private void abandon(String family) {
        if (family != null) {
            pacer.abandon(family);
        }
    }

    /** The Authorization header, fetching a token first when the credentials need one. */
    private String authorization() {
        try {
            return auth.authorizationHeader(this::fetchToken);
        } catch (CredentialsRefusedException e) {
            throw counted(e);
        }
    }

    /** {@code e}, counted in the stats when it stops the run ({@link RunStopException}: it holds for every call). */
    private PlumblineException counted(PlumblineException e) {
        if (e instanceof RunStopException stop) {
            stats.stopped(stop.reason());
        }
        return e;
    }

    private TokenGrant fetchToken(String clientId, String clientSecret, String scopes) {
        ObjectNode body = JSON.createObjectNode()
                .put("grant_type", "client_credentials")
                .put("client_id", clientId)
                .put("client_secret", clientSecret)
                .put("scope", scopes);
        int failures = 0;
        boolean neverConnected = true;
        while (true) {
            Raw r;
            try {
                r = exchange("POST", "/oauth/tokens", body, null, null);
            } catch (IOException e) {
                neverConnected &= notConnected(e);
                failures = failed("POST /oauth/tokens", failures, e.getClass().getSimpleName(), neverConnected);
                continue;
            }
            neverConnected = false;
            if (r.status() >= 500 || r.status() == 429) {
                Duration asked = r.status() == 429
                        ? waitAsked(
                                "POST /oauth/tokens",
                                429,
                                RateLimitHeaders.retryAfter(
                                        r.headers(), settings.clock().instant()))
                        : Duration.ZERO;
                failures = failed("POST /oauth/tokens", failures, "HTTP " + r.status(), false, asked);
                continue;
            }
            return TokenGrants.parse(r.response(), settings.baseUri(), auth, redactor());
        }
    }

    /** The redactor for every secret known so far (including tokens fetched at run time). */
    public SecretRedactor redactor() {
        return new SecretRedactor(auth.secrets());
    }

    public RequestStats stats() {
        return stats;
    }

    public RequestPacer pacer() {
        return pacer;
    }

    public ZendeskSettings settings() {
        return settings;
    }

    public ZendeskAuth auth() {
        return auth;
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** An HTTP answer with its headers, before it becomes a {@link ZendeskResponse}. */
    private record Raw(HttpResponse<String> http) {
        int status() {
            return http.statusCode();
        }

        boolean ok() {
            return status() >= 200 && status() < 300;
        }

        java.net.http.HttpHeaders headers() {
            return http.headers();
        }

        ZendeskResponse response() {
            String text = http.body() == null ? "" : http.body();
            String id = http.headers()
                    .firstValue("x-request-id")
                    .or(() -> http.headers().firstValue("x-zendesk-request-id"))
                    .orElse("");
            return new ZendeskResponse(status(), parse(text), text, id);
        }

        private static JsonNode parse(String text) {
            String t = text.strip();
            if (!(t.startsWith("{") || t.startsWith("["))) {
                return null;
            }
            try {
                return JSON.readTree(t);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
