package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v2/search?query=type:organization <terms>}: Zendesk's full-text search narrowed to
 * organizations, with its envelope ({@code results} each carrying {@code result_type}, then
 * {@code facets}, {@code next_page}, {@code previous_page}, {@code count}) and its limits (at most 100
 * a page, and 422 for a page past the first 1,000 results). A term (a word or a quoted phrase) matches
 * an org when its name or one of its domain names contains it, ignoring case: a superset of exact
 * domain equality, as a text index gives, so that a caller must filter exactly. Other record types are
 * not emulated: a query without {@code type:organization} finds nothing.
 */
final class SearchRoute {
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final int MAX_RESULTS = 1000;
    private final EmulatorState state;
    private final String base;

    SearchRoute(EmulatorState state, String base) {
        this.state = state;
        this.base = base;
    }

    Reply search(Call call) {
        String query = call.param("query");
        if (query == null || query.isBlank()) {
            return Reply.error(400, "InvalidValue", "query is required");
        }
        int perPage = Math.min(100, Math.max(1, intParam(call.param("per_page"), 100)));
        int page = Math.max(1, intParam(call.param("page"), 1));
        if ((long) (page - 1) * perPage >= MAX_RESULTS) {
            return Reply.error(422, "InvalidValue", "Search results are limited to the first 1000 results");
        }
        List<ObjectNode> found = matching(query);
        int from = Math.min((page - 1) * perPage, found.size());
        int to = Math.min(from + perPage, found.size());
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        found.subList(from, to).forEach(o -> results.add(o.deepCopy().put("result_type", "organization")));
        body.putNull("facets");
        body.put("next_page", to < found.size() && to < MAX_RESULTS ? link(query, page + 1, perPage) : null);
        body.put("previous_page", page > 1 ? link(query, page - 1, perPage) : null);
        body.put("count", found.size());
        return Reply.json(200, body);
    }

    private List<ObjectNode> matching(String query) {
        boolean organizations = false;
        List<String> terms = new ArrayList<>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            String t = m.group(1) != null ? m.group(1) : m.group(2);
            if (t.equalsIgnoreCase("type:organization")) {
                organizations = true;
            } else if (!t.isBlank()) {
                terms.add(t.toLowerCase(Locale.ROOT));
            }
        }
        if (!organizations) {
            return List.of();
        }
        return state.liveOrganizations().stream()
                .filter(o -> terms.stream().allMatch(t -> text(o).contains(t)))
                .toList();
    }

    private static String text(ObjectNode org) {
        StringBuilder sb = new StringBuilder(org.path("name").asText("")).append(' ');
        org.path("domain_names").forEach(d -> sb.append(d.asText()).append(' '));
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private String link(String query, int page, int perPage) {
        return base + "/api/v2/search.json?page=" + page + "&per_page=" + perPage + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static int intParam(String v, int dflt) {
        return v == null ? dflt : Integer.parseInt(v);
    }
}
