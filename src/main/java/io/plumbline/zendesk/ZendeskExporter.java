package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Bulk reads for a snapshot, each by the cheapest complete method Zendesk offers for it: cursor
 * pagination at 100 records a request for end-users and memberships (the account-wide budget); the
 * cursor-based incremental exports at up to 1,000 a request for tickets and users changed since a start
 * time or cursor; and the time-based incremental export for organizations (1,000 a request, and the
 * only listing that also returns deleted orgs with their {@code deleted_at}; records sharing a timestamp
 * may repeat across pages, so callers dedupe by id; a second holding more than a page is read by
 * listing the live orgs, see {@link #organizations(long, PageSink)}). Each page is requested by its own
 * cursor or start time, so a retried page never restarts the listing; a cursor that repeats is an error
 * rather than an endless loop. Every listing answers where it stopped, so the next pull can resume there; an export
 * also answers up to when it is complete ({@link ExportEnd}), as Zendesk's exports lag by a minute.
 */
public final class ZendeskExporter {
    public static final int PAGE_SIZE = 100;
    private static final String TICKETS = "/api/v2/incremental/tickets/cursor.json";
    private static final String USERS = "/api/v2/incremental/users/cursor.json";
    private static final String MEMBERSHIPS = "/api/v2/organization_memberships";
    private static final Set<Integer> STALE_CURSOR = Set.of(400, 404, 422);

    /**
     * How far behind Zendesk's incremental exports run: they leave out changes made in the minute before
     * a request; one second more, as they count in whole seconds.
     */
    public static final Duration LAG = Duration.ofSeconds(61);

    /**
     * How much earlier than the local clock a crowded second must be for a listing of every org made
     * since to stand for it: Zendesk's clock and this one may differ.
     */
    private static final Duration LISTING_MARGIN = Duration.ofMinutes(5);

    private final ZendeskHttp http;
    private final Clock clock;
    private final Consumer<String> notes;

    public ZendeskExporter(ZendeskHttp http) {
        this(http, note -> {});
    }

    /** An exporter that tells {@code notes} when it reads a listing another way than usual. */
    public ZendeskExporter(ZendeskHttp http, Consumer<String> notes) {
        this.http = http;
        this.clock = http.settings().clock();
        this.notes = notes;
    }

    /** Every organization, deleted ones included, by the time-based incremental export from the epoch. */
    public void organizations(PageSink sink) {
        organizations(0, sink);
    }

    /**
     * Organizations changed at or after {@code start} (epoch seconds); answers the end_time to resume at.
     *
     * <p>Zendesk is documented to put records sharing a timestamp in one page, but some report that it
     * caps a page at 1,000 regardless: when more orgs than that changed in one second (a bulk import, an
     * {@code update_many}), the page's {@code end_time} is its own {@code start_time}, and asking from it
     * again would answer the same page forever. Such a page is not followed by time: every live org is
     * listed instead ({@link #liveOrganizations}, into the same sink, whose later records replace earlier
     * ones), and the export goes on from the next second; a later crowded second well before that listing
     * began is then only stepped past, as the listing holds its orgs as they were after it (an
     * {@code update_many} spread over many seconds lists once). Orgs deleted in that very second are not in
     * that listing, only in the export's page, which may have left some of them out; deleted orgs take no
     * part in resolution (a full pull that misses one audits as if it had it), but an incremental pull
     * may then keep such an org's earlier, undeleted record until a full pull.
     */
    public ExportEnd<Long> organizations(long start, PageSink sink) {
        long listedFrom = -1; // when the listing of every live org began (epoch seconds), once there was one
        while (true) {
            String path = "/api/v2/incremental/organizations.json?start_time=" + start;
            Instant sent = clock.instant();
            JsonNode body = http.get(path).body();
            sink.page(records(body, "organizations", path));
            long end = body.path("end_time").asLong(-1);
            if (body.path("end_of_stream").asBoolean(false)) {
                return new ExportEnd<>(end < start ? start : end, sent.minus(LAG));
            }
            if (end < start) {
                // no end_time at all, or one before the start: not an answer to follow one second at a time
                throw unexpected(
                        path,
                        end < 0
                                ? "no end_time on a page that is not the last"
                                : "end_time " + end + " before start_time " + start
                                        + " on a page that is not the last");
            }
            if (end == start) {
                // a listing already made holds every org as it was after this second (with a margin for the
                // two clocks): going on from the next second is enough
                if (listedFrom < 0 || start >= listedFrom - LISTING_MARGIN.toSeconds()) {
                    notes.accept("more organizations changed at " + Instant.ofEpochSecond(start)
                            + " than one export page holds: listing every organization, then exporting from the"
                            + " next second");
                    listedFrom = clock.instant().getEpochSecond();
                    liveOrganizations(sink);
                }
                end = start + 1;
            }
            start = end;
        }
    }

    /** Every organization not deleted, by cursor pagination (the export's way past a crowded second). */
    private void liveOrganizations(PageSink sink) {
        cursor("/api/v2/organizations", "", "organizations", ListPosition.START, sink);
    }

    public ListPosition endUsers(PageSink sink) {
        return cursor("/api/v2/users", "&role=end-user", "users", ListPosition.START, sink);
    }

    public ListPosition memberships(PageSink sink) {
        return cursor(MEMBERSHIPS, "", "organization_memberships", ListPosition.START, sink);
    }

    /**
     * The memberships with an id above {@code from}, listed from its cursor; empty when Zendesk no longer
     * accepts that cursor. Answers the position of the last page.
     */
    public Optional<ListPosition> membershipsAfter(ListPosition from, PageSink sink) {
        return Optional.ofNullable(walk(MEMBERSHIPS, "", "organization_memberships", from, sink, true));
    }

    /** How many memberships Zendesk holds now (the {@code count} of an offset page), if it says. */
    public OptionalLong membershipCount() {
        ZendeskResponse r = http.send("GET", MEMBERSHIPS + "?per_page=1", null, Set.of(400, 403, 404, 422));
        JsonNode count = r.body().path("count");
        return r.ok() && count.canConvertToLong() ? OptionalLong.of(count.asLong()) : OptionalLong.empty();
    }

    /** Tickets created or updated at or after {@code start}, deleted ones left out; answers the cursor to resume at. */
    public ExportEnd<String> tickets(Instant start, PageSink sink) {
        String first = TICKETS + "?start_time=" + start.getEpochSecond() + "&exclude_deleted=true";
        // the filter is sent on every page: a cursor does not promise to carry it
        return export(first, TICKETS, "&exclude_deleted=true", "tickets", null, false, sink);
    }

    /** Tickets created or updated at or after {@code start}, deleted ones included (status {@code deleted}). */
    public ExportEnd<String> ticketsChangedSince(Instant start, PageSink sink) {
        return export(TICKETS + "?start_time=" + start.getEpochSecond(), TICKETS, "", "tickets", null, false, sink);
    }

    /** Tickets changed after {@code cursor}, deleted ones included (status {@code deleted}). */
    public ExportEnd<String> ticketsAfter(String cursor, PageSink sink) {
        return export(TICKETS + "?cursor=" + encode(cursor), TICKETS, "", "tickets", cursor, false, sink);
    }

    /**
     * As {@link #ticketsAfter}, from a cursor an earlier pull stored: refused at once (400, 404, 422), it is
     * a {@link StaleCursorException}.
     */
    public ExportEnd<String> ticketsAfterStored(String cursor, PageSink sink) {
        return export(TICKETS + "?cursor=" + encode(cursor), TICKETS, "", "tickets", cursor, true, sink);
    }

    /** Users of every role (deleted ones with {@code active: false}) changed after the cursor, else since the time. */
    /** {@code stored}: the cursor is one an earlier pull stored (see {@link #ticketsAfterStored}). */
    public ExportEnd<String> usersChanged(String cursor, long startTime, boolean stored, PageSink sink) {
        String first = cursor != null ? USERS + "?cursor=" + encode(cursor) : USERS + "?start_time=" + startTime;
        return export(first, USERS, "", "users", cursor, stored && cursor != null, sink);
    }

    /**
     * Walks a cursor-based incremental export to its end; answers the last after_cursor (else {@code
     * cursor}). A {@code stored} cursor (an earlier pull's) refused at once (400, 404, 422) is a {@link
     * StaleCursorException}.
     */
    private ExportEnd<String> export(
            String first, String path, String filter, String key, String cursor, boolean stored, PageSink sink) {
        String url = first;
        String last = cursor;
        Set<String> seen = new HashSet<>();
        while (true) {
            Instant sent = clock.instant();
            JsonNode body;
            if (stored) {
                ZendeskResponse r = http.send("GET", url, null, STALE_CURSOR);
                if (!r.ok()) {
                    throw new StaleCursorException("Zendesk refused the " + key + " export cursor the last pull stored"
                            + " (HTTP " + r.status() + ")");
                }
                body = r.body();
                stored = false;
            } else {
                body = http.get(url).body();
            }
            sink.page(records(body, key, url));
            JsonNode after = body.path("after_cursor");
            if (body.path("end_of_stream").asBoolean(false)) {
                String end = after.isTextual() && !after.asText().isEmpty() ? after.asText() : last;
                return new ExportEnd<>(end, sent.minus(LAG));
            }
            last = nextCursor(after, seen, url);
            url = path + "?cursor=" + encode(last) + filter;
        }
    }

    /** Walks a cursor-paginated list ({@code meta.has_more}, {@code meta.after_cursor}) from {@code from}. */
    ListPosition cursor(String path, String filter, String key, ListPosition from, PageSink sink) {
        return walk(path, filter, key, from, sink, false);
    }

    /** As {@link #cursor}; with {@code mayBeStale}, null when the first cursor is refused (400, 404, 422). */
    private ListPosition walk(
            String path, String filter, String key, ListPosition from, PageSink sink, boolean mayBeStale) {
        ListPosition at = from;
        Set<String> seen = new HashSet<>();
        while (true) {
            String url = listUrl(path, filter, at.after());
            ZendeskResponse r = http.send("GET", url, null, mayBeStale ? STALE_CURSOR : Set.of());
            if (!r.ok()) {
                return null;
            }
            mayBeStale = false;
            List<JsonNode> page = records(r.body(), key, url);
            sink.page(page);
            JsonNode meta = r.body().path("meta");
            if (!meta.path("has_more").asBoolean(false)) {
                return at;
            }
            long lastId =
                    page.stream().mapToLong(n -> n.path("id").asLong()).max().orElse(at.afterId());
            at = new ListPosition(nextCursor(meta.path("after_cursor"), seen, url), lastId);
        }
    }

    private static String listUrl(String path, String filter, String after) {
        String base = path + "?page%5Bsize%5D=" + PAGE_SIZE + filter;
        return after.isEmpty() ? base : base + "&page%5Bafter%5D=" + encode(after);
    }

    /** All records of a cursor-paginated list, collected (for small lists such as one user's memberships). */
    List<JsonNode> all(String path, String key) {
        List<JsonNode> out = new ArrayList<>();
        cursor(path, "", key, ListPosition.START, out::addAll);
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

    /** The list under {@code key} of an answer to GET {@code url}; an answer without one is an error, not "none". */
    static List<JsonNode> records(JsonNode body, String key, String url) {
        JsonNode list = body.path(key);
        if (!list.isArray()) {
            throw unexpected(url, "no '" + key + "' list in the answer");
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }

    /** The object under {@code key} of an answer to GET {@code url}; an answer without one is an error. */
    static JsonNode record(JsonNode body, String key, String url) {
        JsonNode record = body.path(key);
        if (!record.isObject()) {
            throw unexpected(url, "no '" + key + "' in the answer");
        }
        return record;
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
