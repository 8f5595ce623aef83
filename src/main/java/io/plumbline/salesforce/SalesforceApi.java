package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The whole of what Plumbline asks of a Salesforce org once signed in, and nothing more: run a
 * query, fetch its next batch, create a Bulk API 2.0 query job, read the job's state and its CSV
 * results. Every path is built here under {@code /services/data/vXX.X/}, all with the one API version
 * chosen at construction, so no other endpoint (and no record write) can be reached through it.
 */
final class SalesforceApi {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String USER_AGENT = "plumbline";

    /** One page of Bulk query results: CSV text, and the locator of the next page (null at the end). */
    record CsvPage(String csv, String nextLocator) {}

    private final SalesforceHttp http;
    private final SalesforceSession session;
    private final String version;

    SalesforceApi(SalesforceHttp http, SalesforceSession session, String version) {
        this.http = http;
        this.session = session;
        this.version = version;
    }

    String version() {
        return version;
    }

    /** {@code GET query?q=}: the first batch of a query. */
    JsonNode query(SoqlQuery query, String soql) {
        return json(get(dataPath("query?q=" + encode(soql)), "application/json"), query, soql);
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
        return json(get(nextRecordsUrl, "application/json"), query, query.select());
    }

    /** {@code POST jobs/query}: creates a Bulk API 2.0 query job (a read; the only POST sent here). */
    JsonNode createQueryJob(SoqlQuery query) {
        ObjectNode body = JSON.createObjectNode()
                .put("operation", "query")
                .put("query", query.select())
                .put("contentType", "CSV")
                .put("columnDelimiter", "COMMA")
                .put("lineEnding", "LF");
        HttpRequest request = authorized(dataPath("jobs/query"), "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return json(http.send(request), query, query.select());
    }

    /** {@code GET jobs/query/ID}: the job's state. */
    JsonNode queryJob(String jobId, SoqlQuery query) {
        return json(get(dataPath("jobs/query/" + encode(jobId)), "application/json"), query, query.select());
    }

    /** {@code GET jobs/query/ID/results}: one page of CSV results from {@code locator} (null for the first). */
    CsvPage queryJobResults(String jobId, String locator, int maxRecords, SoqlQuery query) {
        String path = dataPath("jobs/query/" + encode(jobId) + "/results?maxRecords=" + maxRecords
                + (locator == null ? "" : "&locator=" + encode(locator)));
        HttpResponse<String> response = get(path, "text/csv");
        check(response, query, query.select());
        String next = response.headers().firstValue("Sforce-Locator").orElse("null");
        return new CsvPage(response.body(), next.isBlank() || next.equals("null") ? null : next);
    }

    private String dataPath(String rest) {
        return "/services/data/v" + version + "/" + rest;
    }

    private HttpResponse<String> get(String path, String accept) {
        return http.send(authorized(path, accept).GET().build());
    }

    private HttpRequest.Builder authorized(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(session.instanceUrl() + path))
                .timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT);
    }

    private JsonNode json(HttpResponse<String> response, SoqlQuery query, String soql) {
        check(response, query, soql);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SalesforceApiException(
                    ExitCodes.REMOTE,
                    "",
                    response.statusCode(),
                    "Salesforce answered " + response.uri().getPath() + " with something that is not JSON",
                    e);
        }
    }

    private void check(HttpResponse<String> response, SoqlQuery query, String soql) {
        if (response.statusCode() / 100 != 2) {
            throw SalesforceErrors.of(response.statusCode(), response.body(), query, soql, session);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
