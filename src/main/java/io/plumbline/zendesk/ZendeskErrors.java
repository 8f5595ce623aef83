package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns Zendesk's failure answers into exit-4 errors whose message says what to fix: a 401 names the
 * credentials (never their values), a 403 names the missing scope or role, a 404 points at the
 * subdomain. Zendesk's own words are quoted after redaction.
 */
final class ZendeskErrors {
    private static final int MAX_DETAIL = 240;

    private ZendeskErrors() {}

    static PlumblineException forStatus(
            ZendeskResponse r, String call, URI base, ZendeskAuth auth, SecretRedactor redactor) {
        String where = "Zendesk at " + base + " answered " + r.status();
        String detail = redactor.redact(detail(r));
        String message = switch (r.status()) {
            case 401 ->
                where + " (could not authenticate) to " + call + " with " + auth.describe() + ": " + auth.fixFor401();
            case 403 ->
                where + " Forbidden to " + call + (detail.isEmpty() ? "" : " (" + detail + ")") + ": "
                        + fixFor403(detail);
            case 404 ->
                where + " Not Found to " + call + ": is '" + base.getHost()
                        + "' your Zendesk? check zendesk.subdomain (or zendesk.base_url)";
            default -> where + " to " + call + (detail.isEmpty() ? "" : ": " + detail);
        };
        return r.status() == 401 || (r.status() == 403 && lacksScope(detail))
                ? new CredentialsRefusedException(message + requestId(r))
                : new PlumblineException(ExitCodes.REMOTE, message + requestId(r));
    }

    static PlumblineException gaveUp(String call, URI base, int attempts, String last) {
        return new PlumblineException(
                ExitCodes.REMOTE,
                "Zendesk at " + base + " did not answer " + call + " after " + attempts + " attempts (last: " + last
                        + "); check the network and https://status.zendesk.com, then run again");
    }

    /** No connection could be made for any of {@code attempts}: nothing was sent. */
    static ZendeskUnreachableException unreachable(String call, URI base, int attempts, String last) {
        return new ZendeskUnreachableException("Zendesk at " + base + " could not be reached for " + call + " after "
                + attempts + " attempts (last: " + last + "); check the network, zendesk.subdomain (or "
                + "zendesk.base_url) and https://status.zendesk.com, then run again");
    }

    /** Zendesk answered 429 (or 503 with Retry-After) to every one of {@code attempts}. */
    static RateLimitedException rateLimited(String call, URI base, int attempts, String last) {
        return new RateLimitedException(gaveUp(call, base, attempts, last).getMessage());
    }

    /** Zendesk answered {@code writes} writes in a row (of this action or those before it) for its limit. */
    static RateLimitedException writesTurnedAway(String call, URI base, int writes, String last) {
        return new RateLimitedException("Zendesk at " + base + " turned away " + writes + " writes in a row for its "
                + "rate limit (the last, " + call + ": " + last + "); check https://status.zendesk.com, then run "
                + "again");
    }

    static RateLimitedException waitTooLong(String call, URI base, int status, Duration wait, RetryPolicy policy) {
        return new RateLimitedException(
                "Zendesk at " + base + " answered " + status + " to " + call + " asking to wait " + wait.toSeconds()
                        + " s (Retry-After), longer than the "
                        + policy.maxRetryAfter().toSeconds()
                        + " s Plumbline waits out; check https://status.zendesk.com, then run again");
    }

    private static boolean lacksScope(String detail) {
        return detail.toLowerCase(Locale.ROOT).contains("scope");
    }

    private static String fixFor403(String detail) {
        if (lacksScope(detail)) {
            return "the OAuth token lacks a scope: create one with the scopes named (read for audit and "
                    + "doctor, write as well for apply), e.g. zendesk.auth.oauth_scopes: \"read write\"";
        }
        return "the user behind the credentials may not do this: use an admin's credentials "
                + "(organizations and memberships need an admin, or an agent who can see all organizations)";
    }

    private static String requestId(ZendeskResponse r) {
        return r.requestId().isEmpty() ? "" : " [request id " + r.requestId() + "]";
    }

    /**
     * Zendesk's own words: error / description / error_description / details, or each of {@code errors}'
     * code, title and detail (the shape of its newer endpoints' and pagination's refusals), else the start
     * of the text.
     */
    static String detail(ZendeskResponse r) {
        JsonNode b = r.body();
        StringBuilder sb = new StringBuilder();
        JsonNode error = b.path("error");
        if (error.isTextual()) {
            sb.append(error.asText());
        } else if (error.isObject()) {
            append(sb, error.path("title"));
            append(sb, error.path("message"));
        }
        append(sb, b.path("description"));
        append(sb, b.path("error_description")); // OAuth refusals (RFC 6749) explain themselves here
        if (b.path("details").isObject()) {
            sb.append(sb.length() > 0 ? ": " : "").append(b.path("details"));
        }
        for (JsonNode e : b.path("errors")) {
            append(sb, e); // a list of plain messages
            append(sb, e.path("code"));
            append(sb, e.path("title"));
            append(sb, e.path("detail"));
        }
        String s = sb.length() > 0 || (b.isObject() && b.isEmpty())
                ? sb.toString()
                : r.text().strip();
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL - 3) + "..." : s;
    }

    private static void append(StringBuilder sb, JsonNode n) {
        if (n.isTextual() && !n.asText().isBlank()) {
            sb.append(sb.length() > 0 ? ": " : "").append(n.asText());
        }
    }
}
