package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Salesforce error answer ({@code [{"message","errorCode"}]}) into a message that says what
 * to do: a malformed query shows the SOQL and the offending token, a missing field names the field
 * and points at field-level security and the {@code fields} mapping, an invalid session says how to
 * sign in again. Query problems caused by configuration exit with 2, everything else with 4.
 */
final class SalesforceErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)' on entity '([^']+)'");
    private static final Pattern UNEXPECTED = Pattern.compile("unexpected token: '?([^'\\s]+)'?");
    private static final Pattern POSITION = Pattern.compile("Row:(\\d+):Column:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.'\"]+|\\S");

    /** The error Salesforce reported: its code and its message. */
    record Reported(String errorCode, String message) {}

    private SalesforceErrors() {}

    static SalesforceApiException of(int status, String body, SoqlQuery query, String soql, SalesforceSession session) {
        Reported r = parse(body);
        String message = session.redact(r.message());
        return switch (r.errorCode()) {
            case "MALFORMED_QUERY" -> malformed(status, message, query, soql);
            case "INVALID_FIELD" -> invalidField(status, message, query, soql);
            case "INVALID_QUERY_FILTER_OPERATOR" ->
                query != null && !query.filter().isEmpty()
                        ? new SalesforceApiException(
                                ExitCodes.USAGE,
                                r.errorCode(),
                                status,
                                "Salesforce cannot apply the query's filter (INVALID_QUERY_FILTER_OPERATOR: " + message
                                        + "); fix salesforce.account_filter in plumbline.yaml"
                                        + (soql.isEmpty() ? "" : "\n  SOQL: " + soql),
                                null)
                        : remote(
                                status,
                                r,
                                "Salesforce answered HTTP " + status + " INVALID_QUERY_FILTER_OPERATOR: " + message
                                        + (soql.isEmpty() ? "" : "\n  SOQL: " + soql));
            case "INVALID_SESSION_ID" ->
                remote(
                        status,
                        r,
                        "Salesforce rejected the session (INVALID_SESSION_ID: " + message + "); signed in with "
                                + session.method().configKey() + ": " + session.reauthHint());
            case "REQUEST_LIMIT_EXCEEDED" ->
                remote(
                        status,
                        r,
                        message.toLowerCase(Locale.ROOT).contains("concurrent")
                                ? "Salesforce refused the request because too many long requests are running in"
                                        + " the org at once (REQUEST_LIMIT_EXCEEDED: " + message
                                        + "); re-run in a few minutes"
                                : "Salesforce refused the request because the org's API request limit is used up"
                                        + " (REQUEST_LIMIT_EXCEEDED: " + message + "); re-run when it resets");
            case "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED" ->
                remote(
                        status,
                        r,
                        "Salesforce refused API access (" + r.errorCode() + ": " + message
                                + "); the signed-in user needs the \"API Enabled\" permission");
            default ->
                remote(
                        status,
                        r,
                        "Salesforce answered HTTP " + status
                                + (r.errorCode().isEmpty() ? "" : " " + r.errorCode())
                                + (message.isEmpty() ? "" : ": " + message)
                                + (soql.isEmpty() ? "" : "\n  SOQL: " + soql));
        };
    }

    /** Reads the first error of a Salesforce error body; unknown shapes keep a short excerpt. */
    static Reported parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            JsonNode first = node != null && node.isArray() ? node.path(0) : node;
            if (first != null && first.has("errorCode")) {
                return new Reported(
                        first.path("errorCode").asText(""),
                        first.path("message").asText("").strip());
            }
        } catch (IOException e) {
            // not JSON: fall through to the excerpt
        }
        String text = body == null ? "" : body.strip();
        return new Reported("", text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /**
     * Whether {@code name} is written in the query's filter as a name of its own, in any case as SOQL reads
     * names: {@code Domain__c} is not in {@code Secondary_Domain__c != null}.
     */
    static boolean inFilter(SoqlQuery query, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE)
                .matcher(query.filter())
                .find();
    }

    private static SalesforceApiException malformed(int status, String message, SoqlQuery query, String soql) {
        String token = badToken(message, soql);
        String reason = lastLine(message);
        StringBuilder sb = new StringBuilder("Salesforce rejected the query as malformed (MALFORMED_QUERY)");
        if (!token.isEmpty()) {
            sb.append(" at '").append(token).append('\'');
        }
        sb.append(": ").append(reason).append("\n  SOQL: ").append(soql).append("\n  ");
        if (query != null && !token.isEmpty() && inFilter(query, token)) {
            sb.append("'").append(token).append("' is in salesforce.account_filter; fix that WHERE clause");
        } else {
            sb.append("check salesforce.account_filter and the field names in salesforce.fields");
        }
        return new SalesforceApiException(ExitCodes.USAGE, "MALFORMED_QUERY", status, sb.toString(), null);
    }

    private static SalesforceApiException invalidField(int status, String message, SoqlQuery query, String soql) {
        Matcher m = NO_SUCH_COLUMN.matcher(message);
        String field = m.find() ? m.group(1) : "";
        String entity = field.isEmpty() ? "" : m.group(2);
        String where = query != null && !field.isEmpty() && inFilter(query, field)
                ? "salesforce.account_filter"
                : "the salesforce.fields mapping";
        String head = field.isEmpty()
                ? "Salesforce cannot read a field of the query (INVALID_FIELD: " + lastLine(message) + ")"
                : "Salesforce cannot read field '" + field + "' on " + entity + " (INVALID_FIELD: No such column)";
        return new SalesforceApiException(
                ExitCodes.USAGE,
                "INVALID_FIELD",
                status,
                head + ". The field is missing or hidden from the signed-in user: check its field-level security"
                        + " (profile or permission set) or fix " + where + " in plumbline.yaml"
                        + (soql.isEmpty() ? "" : "\n  SOQL: " + soql),
                null);
    }

    private static SalesforceApiException remote(int status, Reported r, String message) {
        return new SalesforceApiException(ExitCodes.REMOTE, r.errorCode(), status, message, null);
    }

    private static String badToken(String message, String soql) {
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.find()) {
            return unexpected.group(1);
        }
        Matcher at = POSITION.matcher(message);
        if (at.find() && at.group(1).equals("1")) {
            int column = Integer.parseInt(at.group(2)) - 1;
            if (column >= 0 && column < soql.length()) {
                Matcher t = TOKEN.matcher(soql);
                return t.find(column) ? t.group() : "";
            }
        }
        return "";
    }

    private static String lastLine(String message) {
        String[] lines = message.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
