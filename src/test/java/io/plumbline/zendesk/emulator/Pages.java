package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Zendesk's three ways of paging, with their exact envelopes: cursor pagination ({@code meta},
 * {@code links}; {@code has_more} computed lazily, so a full last page is followed by an empty one),
 * offset pagination (capped at 100 pages / 10,000 records, beyond which it answers 400), and the
 * incremental exports (cursor-based and time-based, which leave out the last minute).
 */
final class Pages {
    static final int MAX_OFFSET_PAGES = 100;
    static final int MAX_OFFSET_RECORDS = 10_000;
    private static final Comparator<ObjectNode> BY_CHANGE = Comparator.comparingLong(
                    (ObjectNode n) -> EmulatorState.changedAt(n))
            .thenComparingLong(n -> n.path("id").asLong());

    private Pages() {}

    /** A list endpoint: cursor pagination when any page[...] parameter is given, else offset. */
    static Reply list(List<ObjectNode> sortedById, String key, String url, Call call) {
        boolean cursor = call.query().keySet().stream().anyMatch(k -> k.startsWith("page["));
        return cursor ? cursor(sortedById, key, url, call) : offset(sortedById, key, url, call);
    }

    private static Reply cursor(List<ObjectNode> all, String key, String url, Call call) {
        int size = intParam(call.param("page[size]"), 100);
        if (size < 1 || size > 100) {
            return Reply.error(400, "InvalidPaginationParameter", "page[size] must be between 1 and 100");
        }
        long after = call.param("page[after]") == null ? 0 : decodeId(call.param("page[after]"));
        List<ObjectNode> page = all.stream()
                .filter(n -> n.path("id").asLong() > after)
                .limit(size)
                .toList();
        boolean hasMore = page.size() == size;
        ObjectNode body = envelope(key, page);
        String afterCursor =
                hasMore ? encode("a", page.get(page.size() - 1).path("id").asLong()) : null;
        String beforeCursor =
                page.isEmpty() ? null : encode("b", page.get(0).path("id").asLong());
        ObjectNode meta = body.putObject("meta").put("has_more", hasMore);
        meta.put("after_cursor", afterCursor);
        meta.put("before_cursor", beforeCursor);
        ObjectNode links = body.putObject("links");
        links.put(
                "prev",
                beforeCursor == null
                        ? null
                        : url + sep(url) + "page%5Bbefore%5D=" + beforeCursor + "&page%5Bsize%5D=" + size);
        links.put(
                "next",
                afterCursor == null
                        ? null
                        : url + sep(url) + "page%5Bafter%5D=" + afterCursor + "&page%5Bsize%5D=" + size);
        return Reply.json(200, body);
    }

    private static Reply offset(List<ObjectNode> all, String key, String url, Call call) {
        int page = intParam(call.param("page"), 1);
        int perPage = Math.min(100, Math.max(1, intParam(call.param("per_page"), 100)));
        if (page > MAX_OFFSET_PAGES || (long) page * perPage > MAX_OFFSET_RECORDS) {
            return Reply.error(
                    400,
                    "InvalidPaginationParameter",
                    "Offset pagination is limited to the first " + MAX_OFFSET_PAGES + " pages (" + MAX_OFFSET_RECORDS
                            + " records). Use cursor based pagination.");
        }
        int from = (page - 1) * perPage;
        List<ObjectNode> slice = all.subList(Math.min(from, all.size()), Math.min(from + perPage, all.size()));
        ObjectNode body = envelope(key, slice);
        boolean more = from + perPage < all.size();
        body.put("next_page", more ? url + sep(url) + "page=" + (page + 1) + "&per_page=" + perPage : null);
        body.put("previous_page", page > 1 ? url + sep(url) + "page=" + (page - 1) + "&per_page=" + perPage : null);
        body.put("count", all.size());
        return Reply.json(200, body);
    }

    /** The records in export order: by change time, then id. */
    static List<ObjectNode> inChangeOrder(List<ObjectNode> records) {
        return records.stream().sorted(BY_CHANGE).toList();
    }

    /**
     * Cursor-based incremental export ({@code start_time} or {@code cursor}), up to 1,000 a page, over
     * records already {@link #inChangeOrder in export order}.
     */
    static Reply incrementalCursor(List<ObjectNode> inChangeOrder, String key, String url, Call call, Instant now) {
        long cutoff = now.getEpochSecond() - 60;
        long[] from;
        if (call.param("cursor") != null) {
            from = decodePosition(call.param("cursor"));
        } else if (call.param("start_time") != null) {
            long start = longParam(call.param("start_time"));
            if (start > cutoff) {
                return tooRecent();
            }
            from = new long[] {start, 0};
        } else {
            return Reply.error(400, "InvalidValue", "start_time or cursor is required");
        }
        int perPage = Math.min(1000, Math.max(1, intParam(call.param("per_page"), 1000)));
        int first = firstAfter(inChangeOrder, from);
        int end = firstAfter(inChangeOrder, new long[] {cutoff, Long.MAX_VALUE});
        int after = Math.max(0, end - first);
        List<ObjectNode> page = inChangeOrder.subList(first, first + Math.min(perPage, after));
        ObjectNode body = envelope(key, page);
        long[] last = page.isEmpty() ? from : position(page.get(page.size() - 1));
        String afterCursor = encodePosition(last);
        String beforeCursor = encodePosition(page.isEmpty() ? from : position(page.get(0)));
        body.put("after_url", url + "?cursor=" + afterCursor);
        body.put("after_cursor", afterCursor);
        body.put("before_url", url + "?cursor=" + beforeCursor);
        body.put("before_cursor", beforeCursor);
        body.put("end_of_stream", after <= perPage);
        return Reply.json(200, body);
    }

    /**
     * Time-based incremental export: pages end on a whole timestamp (the next one starts at it again), so a
     * page runs past 1,000 records to the end of its last second; with {@code capped}, a page ends at 1,000
     * records even inside a second, its {@code end_time} that second.
     */
    static Reply incrementalTime(
            List<ObjectNode> records, String key, String url, Call call, Instant now, boolean capped) {
        long cutoff = now.getEpochSecond() - 60;
        if (call.param("start_time") == null) {
            return Reply.error(400, "InvalidValue", "start_time is required");
        }
        long start = longParam(call.param("start_time"));
        if (start > cutoff) {
            return tooRecent();
        }
        List<ObjectNode> from = records.stream()
                .filter(n -> EmulatorState.changedAt(n) >= start && EmulatorState.changedAt(n) <= cutoff)
                .sorted(BY_CHANGE)
                .toList();
        int n = Math.min(1000, from.size());
        while (!capped
                && n > 0
                && n < from.size()
                && EmulatorState.changedAt(from.get(n)) == EmulatorState.changedAt(from.get(n - 1))) {
            n++;
        }
        List<ObjectNode> page = from.subList(0, n);
        boolean end = n == from.size();
        long endTime = page.isEmpty() ? start : EmulatorState.changedAt(page.get(n - 1));
        ObjectNode body = envelope(key, page);
        body.put("next_page", end ? null : url + "?start_time=" + endTime);
        body.put("count", page.size());
        body.put("end_of_stream", end);
        body.put("end_time", endTime);
        return Reply.json(200, body);
    }

    private static Reply tooRecent() {
        return Reply.error(422, "InvalidValue", "Too recent start_time. Use a start_time older than 1 minute");
    }

    private static ObjectNode envelope(String key, List<ObjectNode> records) {
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        ArrayNode list = body.putArray(key);
        records.forEach(r -> list.add(r.deepCopy()));
        return body;
    }

    /** The index of the first record (in export order) after the position {@code from}. */
    private static int firstAfter(List<ObjectNode> inChangeOrder, long[] from) {
        int lo = 0;
        int hi = inChangeOrder.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (isAfter(inChangeOrder.get(mid), from)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean isAfter(ObjectNode n, long[] from) {
        long t = EmulatorState.changedAt(n);
        return t > from[0] || (t == from[0] && n.path("id").asLong() > from[1]);
    }

    private static long[] position(ObjectNode n) {
        return new long[] {EmulatorState.changedAt(n), n.path("id").asLong()};
    }

    private static String encodePosition(long[] p) {
        return encode("t" + p[0], p[1]);
    }

    private static long[] decodePosition(String cursor) {
        String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = s.substring(1).split(":");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private static String encode(String prefix, long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((prefix + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeId(String cursor) {
        String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Long.parseLong(s.substring(s.indexOf(':') + 1));
    }

    private static String sep(String url) {
        return url.contains("?") ? "&" : "?";
    }

    private static int intParam(String v, int dflt) {
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static long longParam(String v) {
        return Long.parseLong(v);
    }
}
