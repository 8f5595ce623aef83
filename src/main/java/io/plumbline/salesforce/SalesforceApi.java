package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The whole of what Plumbline asks of a Salesforce org once signed in, and nothing more: run a
 * query and fetch its next batch. Every request is a GET to a path built here under {@code
 * /services/data/vXX.X/}, all with the one API version chosen at construction, so no other endpoint
 * (and no record write) can be reached through it. An answer is checked to be a query result, with a
 * {@code records} array and a boolean {@code done}, so that a proxy's or error page's {@code 200 {}}
 * is never read as zero rows.
 */
final class SalesforceApi {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String USER_AGENT = "plumbline";

    private final SalesforceHttp http;
    private final String version;
    private final Supplier<SalesforceSession> signIn;
    private SalesforceSession session;

    /**
     * {@code signIn} gets a new session when Salesforce rejects the current one (401) mid-pull, as a
     * session that times out during a long pull is; null when the sign-in cannot be renewed (a token
     * handed over in the environment).
     */
    SalesforceApi(SalesforceHttp http, SalesforceSession session, String version, Supplier<SalesforceSession> signIn) {
        this.http = http;
        this.session = session;
        this.version = version;
        this.signIn = signIn;
    }

    String version() {
        return version;
    }

    /**
     * The longest query, URL-encoded, sent: Salesforce refuses a request URI over 16,384 bytes (414), and
     * every query goes as a GET, since a POST is not sent to Salesforce.
     */
    static final int MAX_ENCODED_QUERY = 15_000;

    /** Whether {@code soql} fits in a query URL (see {@link #MAX_ENCODED_QUERY}). */
    static boolean fitsInUrl(String soql) {
        return encodedLength(soql) <= MAX_ENCODED_QUERY;
    }

    /** The length of {@code soql} URL-encoded, as a query string carries it. */
    static int encodedLength(String soql) {
        return encode(soql).length();
    }

    /** {@code GET query?q=}: the first batch of a query. */
    JsonNode query(SoqlQuery query, String soql) {
        return queryResult(get(dataPath("query?q=" + encode(soql))), query, soql);
    }

    /** Follows a batch's {@code nextRecordsUrl}, which must stay under this org's query endpoint. */
    JsonNode queryMore(String nextRecordsUrl, SoqlQuery query) {
        if (!nextRecordsUrl.startsWith("/services/data/") || !nextRecordsUrl.contains("/query/")) {
            throw new SalesforceApiException(
                    ExitCodes.REMOTE,
                    "",
                    0,
                    "Salesforce returned an unexpected nextRecordsUrl '" + nextRecordsUrl + "'; not following it",
                    null);
        }
        return queryResult(get(nextRecordsUrl), query, query.select());
    }

    private String dataPath(String rest) {
        return "/services/data/v" + version + "/" + rest;
    }

    /**
     * Sends the GET; a 401 (the session expired or was revoked) signs in again, when the method can, and
     * sends it once more with the new session. A {@code nextRecordsUrl} belongs to the user, not the
     * session, so a query goes on where it was.
     */
    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 401 && signIn != null) {
            session = signIn.get();
            response = send(path);
        }
        return response;
    }

    private HttpResponse<String> send(String path) {
        return http.send(HttpRequest.newBuilder(URI.create(session.instanceUrl() + path))
                .timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build());
    }

    private JsonNode queryResult(HttpResponse<String> response, SoqlQuery query, String soql) {
        if (response.statusCode() / 100 != 2) {
            throw SalesforceErrors.of(response.statusCode(), response.body(), query, soql, session);
        }
        JsonNode result;
        try {
            result = JSON.readTree(response.body());
        } catch (IOException e) {
            throw notAQueryResult(response, "something that is not JSON", e);
        }
        if (result == null
                || !result.path("records").isArray()
                || !result.path("done").isBoolean()
                || !result.path("totalSize").isIntegralNumber()) {
            throw notAQueryResult(
                    response,
                    "JSON that is not a query result (no records array, boolean done or whole-number totalSize)",
                    null);
        }
        if (!result.path("done").booleanValue()
                && result.path("nextRecordsUrl").asText("").isBlank()) {
            throw notAQueryResult(response, "a batch that is not done but names no nextRecordsUrl to go on", null);
        }
        return result;
    }

    private static SalesforceApiException notAQueryResult(HttpResponse<String> response, String what, Throwable e) {
        return new SalesforceApiException(
                ExitCodes.REMOTE,
                "",
                response.statusCode(),
                "Salesforce answered " + response.uri().getPath() + " with " + what
                        + "; a proxy or gateway between Plumbline and the org may have answered in its place",
                e);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
