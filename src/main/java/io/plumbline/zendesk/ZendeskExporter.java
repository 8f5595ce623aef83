package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk reads for a snapshot, each by the cheapest complete method Zendesk offers for it: cursor
 * pagination at 100 records a request for end-users and memberships (the account-wide budget); the
 * cursor-based incremental export at up to 1,000 a request for tickets changed since a start time; and
 * the time-based incremental export for organizations (1,000 a request, and the only listing that also
 * returns deleted orgs with their {@code deleted_at}; records sharing a timestamp may repeat across
 * pages, so callers dedupe by id). Each page is requested by its own cursor or start time, so a retried
 * page never restarts the listing; a cursor that repeats is an error rather than an endless loop.
 */
public final class ZendeskExporter {
    public static final int PAGE_SIZE = 100;
    private final ZendeskHttp http;

    public ZendeskExporter(ZendeskHttp http) {
        this.http = http;
    }

    /** Every organization, deleted ones included, by the time-based incremental export from the epoch. */
    public void organizations(PageSink sink) {
        long start = 0;
        while (true) {
            String path = "/api/v2/incremental/organizations.json?start_time=" + start;
            JsonNode body = http.get(path).body();
            sink.page(records(body, "organizations", path));
            if (body.path("end_of_stream").asBoolean(false)) {
                return;
            }
            long end = body.path("end_time").asLong(-1);
            if (end <= start) {
                throw unexpected(path, "end_time " + end + " does not advance past start_time " + start);
            }
            start = end;
        }
    }

    public void endUsers(PageSink sink) {
        cursor("/api/v2/users", "&role=end-user", "users", sink);
    }

    public void memberships(PageSink sink) {
        cursor("/api/v2/organization_memberships", "", "organization_memberships", sink);
    }

    /** Tickets created or updated at or after {@code start}, deleted ones left out. */
    public void tickets(Instant start, PageSink sink) {
        String first = "/api/v2/incremental/tickets/cursor.json?start_time=" + start.getEpochSecond()
                + "&exclude_deleted=true";
        String path = first;
        Set<String> seen = new HashSet<>();
        while (true) {
            JsonNode body = http.get(path).body();
            sink.page(records(body, "tickets", path));
            if (body.path("end_of_stream").asBoolean(false)) {
                return;
            }
            String after = nextCursor(body.path("after_cursor"), seen, path);
            // the filter is sent on every page: a cursor does not promise to carry it
            path = "/api/v2/incremental/tickets/cursor.json?cursor=" + encode(after) + "&exclude_deleted=true";
        }
    }

    /** Walks a cursor-paginated list ({@code meta.has_more}, {@code meta.after_cursor}). */
    void cursor(String path, String filter, String key, PageSink sink) {
        String base = path + "?page%5Bsize%5D=" + PAGE_SIZE + filter;
        String url = base;
        Set<String> seen = new HashSet<>();
        while (true) {
            JsonNode body = http.get(url).body();
            sink.page(records(body, key, url));
            JsonNode meta = body.path("meta");
            if (!meta.path("has_more").asBoolean(false)) {
                return;
            }
            url = base + "&page%5Bafter%5D=" + encode(nextCursor(meta.path("after_cursor"), seen, url));
        }
    }

    /** All records of a cursor-paginated list, collected (for small lists such as one user's memberships). */
    List<JsonNode> all(String path, String key) {
        List<JsonNode> out = new ArrayList<>();
        cursor(path, "", key, out::addAll);
        return out;
    }

    private static String nextCursor(JsonNode cursor, Set<String> seen, String url) {
        if (!cursor.isTextual() || cursor.asText().isEmpty()) {
            throw unexpected(url, "more pages announced but no cursor given");
        }
        if (!seen.add(cursor.asText())) {
            throw unexpected(url, "the same cursor came back twice");
        }
        return cursor.asText();
    }

    private static List<JsonNode> records(JsonNode body, String key, String url) {
        JsonNode list = body.path(key);
        if (!list.isArray()) {
            throw unexpected(url, "no '" + key + "' list in the answer");
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }

    private static PlumblineException unexpected(String url, String what) {
        int q = url.indexOf('?');
        return new PlumblineException(
                ExitCodes.REMOTE,
                "Zendesk answered GET " + (q < 0 ? url : url.substring(0, q)) + " in an unexpected form: " + what
                        + "; is zendesk.base_url a Zendesk API?");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
