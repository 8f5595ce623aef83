package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exchanges a grant for an access token at a Salesforce OAuth token endpoint ({@code
 * /services/oauth2/token}). A refusal becomes a message with Salesforce's {@code error} and {@code
 * error_description} and how to fix the sign-in; the grant's secrets are scrubbed from anything shown.
 */
final class OAuthTokenClient {
    static final String TOKEN_PATH = "/services/oauth2/token";

    /**
     * What to send and how to describe it: the grant's form fields and the values never to show.
     * {@link #toString()} names the form's fields but none of their values.
     */
    record Grant(AuthMethod method, String subject, Map<String, String> form, List<String> secrets) {
        @Override
        public String toString() {
            return "Grant[" + method + ", subject=" + subject + ", fields=" + form.keySet() + "]";
        }
    }

    private OAuthTokenClient() {}

    static SalesforceSession request(SalesforceHttp http, URI base, Grant grant) {
        URI tokenUrl = URI.create(base + TOKEN_PATH);
        String body = grant.form().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request);
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || json.path("access_token").asText("").isEmpty()) {
            throw refused(tokenUrl, response.statusCode(), json, grant);
        }
        String rawInstance = json.path("instance_url").asText("");
        URI instance = rawInstance.isEmpty() ? base : InstanceUrls.parse(rawInstance);
        if (instance == null) {
            throw new SalesforceApiException(
                    ExitCodes.REMOTE,
                    "",
                    response.statusCode(),
                    "Salesforce's token endpoint " + tokenUrl + " returned an unusable instance_url because "
                            + InstanceUrls.problem(rawInstance),
                    null);
        }
        return new SalesforceSession(instance, json.path("access_token").asText(), grant.method(), grant.subject());
    }

    private static SalesforceApiException refused(URI tokenUrl, int status, JsonNode json, Grant grant) {
        String error = scrub(json.path("error").asText("no error code"), grant);
        String description = scrub(json.path("error_description").asText(""), grant);
        return new SalesforceApiException(
                ExitCodes.REMOTE,
                error,
                status,
                "Salesforce refused the " + grant.method().configKey() + " sign-in at " + tokenUrl + " (HTTP " + status
                        + ", " + error + (description.isEmpty() ? "" : ": " + description) + "); "
                        + grant.method().reauthHint(grant.subject()),
                null);
    }

    private static String scrub(String text, Grant grant) {
        String out = text;
        for (String secret : grant.secrets()) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "[redacted]");
            }
        }
        return out;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = SalesforceApi.JSON.readTree(body == null ? "" : body);
            return node == null ? SalesforceApi.JSON.createObjectNode() : node;
        } catch (IOException e) {
            return SalesforceApi.JSON.createObjectNode();
        }
    }
}
