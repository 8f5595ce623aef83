package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write endpoints Plumbline may use, with Zendesk's answers: update an org (external_id unique,
 * domain_names replaced whole), create a membership (201; 422 when already a member), make a membership
 * default (the user's memberships in answer), delete a membership (204); and the bulk forms
 * {@code organization_memberships/create_many} and {@code organizations/update_many} (at most 100
 * records, each validated as its single route does, a refused record an item error with its index in the
 * job's results), which answer with a queued {@link Jobs job} that does the work. Any other write is unknown here.
 */
final class WriteRoutes {
    private static final Pattern ORG = Pattern.compile("/api/v2/organizations/(\\d+)");
    private static final Pattern MEMBERSHIP = Pattern.compile("/api/v2/organization_memberships/(\\d+)");
    private static final Pattern MAKE_DEFAULT =
            Pattern.compile("/api/v2/users/(\\d+)/organization_memberships/(\\d+)/make_default");
    private static final Pattern MAKE_DEFAULT_ORG =
            Pattern.compile("/api/v2/users/(\\d+)/organizations/(\\d+)/make_default");
    static final int BULK_LIMIT = 100;
    private final EmulatorState state;
    private final Jobs jobs;

    WriteRoutes(EmulatorState state, Jobs jobs) {
        this.state = state;
        this.jobs = jobs;
    }

    Optional<Reply> route(Call call) {
        Matcher m;
        if (call.method().equals("POST") && call.path().equals("/api/v2/organization_memberships/create_many")) {
            return Optional.of(createMany(call));
        }
        if (call.method().equals("PUT") && call.path().equals("/api/v2/organizations/update_many")) {
            return Optional.of(updateMany(call));
        }
        if (call.method().equals("PUT") && (m = ORG.matcher(call.path())).matches()) {
            return Optional.of(updateOrganization(Long.parseLong(m.group(1)), call));
        }
        if (call.method().equals("POST") && call.path().equals("/api/v2/organization_memberships")) {
            return Optional.of(createMembership(call));
        }
        if (call.method().equals("PUT") && (m = MAKE_DEFAULT.matcher(call.path())).matches()) {
            return Optional.of(makeDefault(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), call));
        }
        if (call.method().equals("PUT") && (m = MAKE_DEFAULT_ORG.matcher(call.path())).matches()) {
            return Optional.of(makeDefaultByOrg(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), call));
        }
        if (call.method().equals("DELETE") && (m = MEMBERSHIP.matcher(call.path())).matches()) {
            return Optional.of(deleteMembership(Long.parseLong(m.group(1)), call));
        }
        return Optional.empty();
    }

    private Reply updateOrganization(long id, Call call) {
        Optional<ObjectNode> org = state.liveOrganization(id);
        if (org.isEmpty()) {
            return Reply.notFound();
        }
        JsonNode fields = call.json().path("organization");
        if (!fields.isObject()) {
            return Reply.error(400, "InvalidEndpoint", "Expected an 'organization' object");
        }
        return state.updateOrganization(org.get(), fields, call.at())
                .map(Reply::invalid)
                .orElseGet(() -> ReadRoutes.single("organization", org.get()));
    }

    private Reply createMembership(Call call) {
        JsonNode m = call.json().path("organization_membership");
        long userId = m.path("user_id").asLong();
        long orgId = m.path("organization_id").asLong();
        if (!state.users.containsKey(userId) || state.liveOrganization(orgId).isEmpty()) {
            return Reply.notFound();
        }
        Object created = state.createMembership(userId, orgId, call.at());
        if (created instanceof EmulatorState.Invalid invalid) {
            return Reply.invalid(invalid);
        }
        ObjectNode membership = (ObjectNode) created;
        Reply r = ReadRoutes.single("organization_membership", membership);
        return new Reply(201, r.body(), r.contentType(), r.headers());
    }

    private Reply createMany(Call call) {
        JsonNode items = call.json().path("organization_memberships");
        Optional<Reply> bad = checkBulk(items, "organization_memberships");
        if (bad.isPresent()) {
            return bad.get();
        }
        return jobs.queue(
                "Bulk Create Organization Memberships",
                items.size(),
                upTo -> createItems(items, upTo, call),
                jobs.takeFailure(),
                call.at());
    }

    private ArrayNode createItems(JsonNode items, int upTo, Call call) {
        ArrayNode results = EmulatorState.JSON.createArrayNode();
        for (int i = 0; i < upTo; i++) {
            long userId = items.get(i).path("user_id").asLong();
            long orgId = items.get(i).path("organization_id").asLong();
            if (!state.users.containsKey(userId)
                    || state.liveOrganization(orgId).isEmpty()) {
                itemError(results, i, null, "RecordNotFound", "User or organization not found");
                continue;
            }
            Object created = state.createMembership(userId, orgId, call.at());
            if (created instanceof EmulatorState.Invalid invalid) {
                itemError(results, i, null, invalid.error(), invalid.description());
            } else {
                results.addObject()
                        .put("id", ((ObjectNode) created).path("id").asLong())
                        .put("index", i)
                        .put("status", "Created");
            }
        }
        return results;
    }

    private Reply updateMany(Call call) {
        JsonNode items = call.json().path("organizations");
        Optional<Reply> bad = checkBulk(items, "organizations");
        if (bad.isPresent()) {
            return bad.get();
        }
        return jobs.queue(
                "Bulk Update Organizations",
                items.size(),
                upTo -> updateItems(items, upTo, call),
                jobs.takeFailure(),
                call.at());
    }

    private ArrayNode updateItems(JsonNode items, int upTo, Call call) {
        ArrayNode results = EmulatorState.JSON.createArrayNode();
        for (int i = 0; i < upTo; i++) {
            long id = items.get(i).path("id").asLong();
            Optional<ObjectNode> org = state.liveOrganization(id);
            if (org.isEmpty()) {
                itemError(results, i, id, "RecordNotFound", "Organization not found");
                continue;
            }
            Optional<EmulatorState.Invalid> invalid = state.updateOrganization(org.get(), items.get(i), call.at());
            if (invalid.isPresent()) {
                itemError(results, i, id, invalid.get().error(), invalid.get().description());
            } else {
                results.addObject()
                        .put("id", id)
                        .put("action", "update")
                        .put("status", "Updated")
                        .put("success", true);
            }
        }
        return results;
    }

    private static Optional<Reply> checkBulk(JsonNode items, String key) {
        if (!items.isArray() || items.isEmpty()) {
            return Optional.of(Reply.error(400, "InvalidValue", "Expected a non-empty '" + key + "' array"));
        }
        if (items.size() > BULK_LIMIT) {
            return Optional.of(Reply.error(
                    400, "TooManyValues", "Parameter " + key + " cannot specify more than " + BULK_LIMIT + " values"));
        }
        return Optional.empty();
    }

    private static void itemError(ArrayNode results, int index, Long id, String error, String details) {
        ObjectNode r = results.addObject().put("index", index);
        if (id != null) {
            r.put("id", id);
        }
        r.put("error", error).put("details", details);
    }

    private Reply makeDefault(long userId, long membershipId, Call call) {
        ObjectNode m = state.memberships.get(membershipId);
        if (m == null || m.path("user_id").asLong() != userId) {
            return Reply.notFound();
        }
        state.makeDefault(m, call.at());
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        state.membershipsOfUser(userId)
                .forEach(x -> body.withArray("organization_memberships").add(x.deepCopy()));
        return Reply.json(200, body);
    }

    private Reply makeDefaultByOrg(long userId, long orgId, Call call) {
        return state.membershipsOfUser(userId).stream()
                .filter(x -> x.path("organization_id").asLong() == orgId)
                .findFirst()
                .map(x -> {
                    state.makeDefault(x, call.at());
                    return ReadRoutes.single("organization_membership", x);
                })
                .orElseGet(Reply::notFound);
    }

    private Reply deleteMembership(long id, Call call) {
        ObjectNode m = state.memberships.get(id);
        if (m == null) {
            return Reply.notFound();
        }
        state.deleteMembership(m, call.at());
        return Reply.noContent();
    }
}
