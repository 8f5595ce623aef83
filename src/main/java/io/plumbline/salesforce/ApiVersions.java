package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Finds the REST API version to use: the highest one the org lists at {@code GET /services/data/}
 * (an endpoint that needs no token, so none is sent), compared numerically so that 100.0 beats 99.0.
 */
final class ApiVersions {
    static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d");
    private static final Comparator<String> NUMERIC = Comparator.comparingInt(
                    (String v) -> Integer.parseInt(v.substring(0, v.indexOf('.'))))
            .thenComparingInt(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1)));

    private ApiVersions() {}

    static String newest(SalesforceHttp http, URI instanceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instanceUrl + "/services/data/"))
                .timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request);
        if (response.statusCode() != 200) {
            throw failure("answered HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode list = SalesforceApi.JSON.readTree(response.body());
            return StreamSupport.stream(list.spliterator(), false)
                    .map(v -> v.path("version").asText(""))
                    .filter(v -> VERSION.matcher(v).matches())
                    .max(NUMERIC)
                    .orElseThrow(() -> failure("listed no API versions", null));
        } catch (IOException e) {
            throw failure("did not answer with JSON", e);
        }
    }

    private static SalesforceApiException failure(String what, Throwable cause) {
        return new SalesforceApiException(
                ExitCodes.REMOTE,
                "",
                0,
                "Salesforce's version list (/services/data/) " + what
                        + "; check salesforce.instance_url, or pin salesforce.api_version",
                cause);
    }
}
