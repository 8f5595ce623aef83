package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GET endpoints: lists, counts, single records and {@code show_many}, search by external_id,
 * full-text search for organizations, exports, token info, job statuses.
 */
final class ReadRoutes {
    private static final Pattern ORG = Pattern.compile("/api/v2/organizations/(\\d+)");
    private static final Pattern ORG_MEMBERSHIPS =
            Pattern.compile("/api/v2/organizations/(\\d+)/organization_memberships");
    private static final Pattern USER = Pattern.compile("/api/v2/users/(\\d+)");
    private static final Pattern USER_MEMBERSHIPS = Pattern.compile("/api/v2/users/(\\d+)/organization_memberships");
    private static final Pattern JOB = Pattern.compile("/api/v2/job_statuses/([0-9a-zA-Z]+)");
    private final EmulatorState state;
    private final String base;
    private final SearchRoute search;
    private final Jobs jobs;
    private final BooleanSupplier capTimeExportPages;
    private final Map<String, List<ObjectNode>> views = new HashMap<>();
    private long viewsAt = -1;

    /** {@code capTimeExportPages}: asked at each request, as the emulator can be configured anew. */
    ReadRoutes(EmulatorState state, String base, Jobs jobs, BooleanSupplier capTimeExportPages) {
        this.state = state;
        this.base = base;
        this.search = new SearchRoute(state, base);
        this.jobs = jobs;
        this.capTimeExportPages = capTimeExportPages;
    }

    Optional<Reply> route(Call call, AuthGate.Principal who) {
        String p = call.path();
        Reply r = switch (p) {
            case "/api/v2/organizations" -> list(state.liveOrganizations(), "organizations", call);
            case "/api/v2/organizations/count" ->
                count(state.liveOrganizations().size(), call);
            case "/api/v2/organizations/search" -> search(call);
            case "/api/v2/organizations/show_many" ->
                showMany(call, "organizations", id -> state.liveOrganization(id).orElse(null));
            case "/api/v2/users/show_many" -> showMany(call, "users", state.users::get);
            case "/api/v2/search" -> search.search(call);
            case "/api/v2/users" -> list(users(call.param("role")), "users", call);
            case "/api/v2/users/count" -> count(users(call.param("role")).size(), call);
            case "/api/v2/organization_memberships" ->
                list(List.copyOf(state.memberships.values()), "organization_memberships", call);
            case "/api/v2/incremental/tickets/cursor" ->
                Pages.incrementalCursor(
                        byChange("tickets " + call.param("exclude_deleted"), () -> tickets(call)),
                        "tickets",
                        base + "/api/v2/incremental/tickets/cursor.json",
                        call,
                        call.at());
            case "/api/v2/incremental/users/cursor" ->
                Pages.incrementalCursor(
                        byChange("users", this::allUsers),
                        "users",
                        base + "/api/v2/incremental/users/cursor.json",
                        call,
                        call.at());
            case "/api/v2/incremental/organizations" ->
                Pages.incrementalTime(
                        List.copyOf(state.organizations.values()),
                        "organizations",
                        base + "/api/v2/incremental/organizations.json",
                        call,
                        call.at(),
                        capTimeExportPages.getAsBoolean());
            case "/api/v2/oauth/tokens/current" -> token(who);
            default -> null;
        };
        return Optional.ofNullable(r).or(() -> byId(call));
    }

    private Optional<Reply> byId(Call call) {
        Matcher m = JOB.matcher(call.path());
        if (m.matches()) {
            return Optional.of(jobs.show(m.group(1)));
        }
        m = ORG.matcher(call.path());
        if (m.matches()) {
            return Optional.of(state.liveOrganization(Long.parseLong(m.group(1)))
                    .map(o -> single("organization", o))
                    .orElseGet(Reply::notFound));
        }
        m = ORG_MEMBERSHIPS.matcher(call.path());
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            return Optional.of(
                    state.liveOrganization(id).isEmpty()
                            ? Reply.notFound()
                            : list(state.membershipsOfOrganization(id), "organization_memberships", call));
        }
        m = USER.matcher(call.path());
        if (m.matches()) {
            return Optional.of(Optional.ofNullable(state.users.get(Long.parseLong(m.group(1))))
                    .map(u -> single("user", u))
                    .orElseGet(Reply::notFound));
        }
        m = USER_MEMBERSHIPS.matcher(call.path());
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            return Optional.of(
                    !state.users.containsKey(id)
                            ? Reply.notFound()
                            : list(state.membershipsOfUser(id), "organization_memberships", call));
        }
        return Optional.empty();
    }

    private Reply list(List<ObjectNode> records, String key, Call call) {
        return Pages.list(records, key, base + call.path() + ".json" + filterOf(call), call);
    }

    /** Non-paging parameters to carry into links (e.g. {@code role=end-user}). */
    private static String filterOf(Call call) {
        StringBuilder sb = new StringBuilder();
        call.query().forEach((k, v) -> {
            if (!k.startsWith("page") && !k.equals("per_page")) {
                sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    /** {@code show_many?ids=1,2}: the records that exist, in id order; at most 100 ids. */
    private static Reply showMany(Call call, String key, java.util.function.LongFunction<ObjectNode> find) {
        String ids = call.param("ids");
        if (ids == null || ids.isBlank()) {
            return Reply.error(400, "InvalidValue", "ids is required");
        }
        String[] parts = ids.split(",");
        if (parts.length > WriteRoutes.BULK_LIMIT) {
            return Reply.error(400, "TooManyValues", "Parameter ids cannot specify more than 100 values");
        }
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        ArrayNode list = body.putArray(key);
        java.util.Arrays.stream(parts)
                .map(String::strip)
                .mapToLong(Long::parseLong)
                .distinct()
                .sorted()
                .mapToObj(find)
                .filter(java.util.Objects::nonNull)
                .forEach(r -> list.add(r.deepCopy()));
        body.putNull("next_page");
        body.putNull("previous_page");
        body.put("count", list.size());
        return Reply.json(200, body);
    }

    /**
     * The records in export order (by change time, then id), computed once per state version: an export
     * of a large account would otherwise sort every record again for each page.
     */
    private List<ObjectNode> byChange(String view, Supplier<List<ObjectNode>> records) {
        if (viewsAt != state.version()) {
            views.clear();
            viewsAt = state.version();
        }
        return views.computeIfAbsent(view, v -> Pages.inChangeOrder(records.get()));
    }

    private List<ObjectNode> users(String role) {
        return state.users.values().stream()
                .filter(u -> role == null || role.equals(u.path("role").asText()))
                .toList();
    }

    private List<ObjectNode> allUsers() {
        List<ObjectNode> all = new ArrayList<>(state.users.values());
        all.addAll(state.deletedUsers.values());
        return all;
    }

    private List<ObjectNode> tickets(Call call) {
        boolean excludeDeleted = "true".equals(call.param("exclude_deleted"));
        return state.tickets.values().stream()
                .filter(t ->
                        !excludeDeleted || !"deleted".equals(t.path("status").asText()))
                .toList();
    }

    private Reply search(Call call) {
        String ext = call.param("external_id");
        if (ext == null) {
            return Reply.error(400, "InvalidValue", "external_id or name is required");
        }
        List<ObjectNode> found = new ArrayList<>(state.organizationsByExternalId(ext));
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        found.forEach(o -> body.withArray("organizations").add(o.deepCopy()));
        body.withArray("organizations");
        body.putNull("next_page");
        body.putNull("previous_page");
        body.put("count", found.size());
        return Reply.json(200, body);
    }

    private static Reply count(int n, Call call) {
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        body.putObject("count").put("value", n).put("refreshed_at", EmulatorState.stamp(call.at()));
        return Reply.json(200, body);
    }

    private static Reply token(AuthGate.Principal who) {
        if (!who.oauth()) {
            return Reply.notFound();
        }
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        ObjectNode t = body.putObject("token");
        t.put("id", who.tokenId());
        who.scopes().stream().sorted().forEach(s -> t.withArray("scopes").add(s));
        t.put("expires_at", who.expiresAt() == null ? null : EmulatorState.stamp(who.expiresAt()));
        return Reply.json(200, body);
    }

    static Reply single(String key, ObjectNode record) {
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        body.set(key, record.deepCopy());
        return Reply.json(200, body);
    }
}
