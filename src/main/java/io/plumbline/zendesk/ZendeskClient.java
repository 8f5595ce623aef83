package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The record-level Zendesk calls an apply or undo needs: reads that re-check preconditions, the four
 * writes (set an org's external_id, set its domain_names, create a membership, make one default) and the
 * membership delete that undoes a create. Nothing here can touch tickets, create, merge or delete an org,
 * or create or delete a user. Each write returns Zendesk's answer and request id.
 */
public final class ZendeskClient {
    private static final Set<Integer> DATA_ERRORS = Set.of(400, 404, 409, 422);
    private final ZendeskHttp http;
    private final ZendeskExporter lists;

    public ZendeskClient(ZendeskHttp http) {
        this.http = http;
        this.lists = new ZendeskExporter(http);
    }

    /** The org as Zendesk has it now; empty when it does not exist (any more). */
    public Optional<JsonNode> organization(ZendeskOrgId id) {
        ZendeskResponse r = http.send("GET", "/api/v2/organizations/" + id.value(), null, Set.of(404));
        return r.status() == 404 ? Optional.empty() : Optional.of(r.body().path("organization"));
    }

    /** The user's memberships (default first, as Zendesk orders them); empty when the user is gone. */
    public Optional<List<JsonNode>> userMemberships(ZendeskUserId id) {
        String path = "/api/v2/users/" + id.value() + "/organization_memberships";
        ZendeskResponse probe =
                http.send("GET", path + "?page%5Bsize%5D=" + ZendeskExporter.PAGE_SIZE, null, Set.of(404));
        if (probe.status() == 404) {
            return Optional.empty();
        }
        if (!probe.body().path("meta").path("has_more").asBoolean(false)) {
            List<JsonNode> out = new ArrayList<>();
            probe.body().path("organization_memberships").forEach(out::add);
            return Optional.of(out);
        }
        return Optional.of(lists.all(path, "organization_memberships"));
    }

    /** Orgs whose external_id equals {@code externalId} (Zendesk compares case-insensitively). */
    public List<JsonNode> organizationsByExternalId(String externalId) {
        JsonNode body = http.get("/api/v2/organizations/search?external_id=" + ZendeskExporter.encode(externalId))
                .body();
        List<JsonNode> out = new ArrayList<>();
        body.path("organizations").forEach(out::add);
        return out;
    }

    /** Sets (or, with null, clears) an org's external_id. */
    public ZendeskWriteResult setOrganizationExternalId(ZendeskOrgId org, String externalId) {
        ObjectNode fields = ZendeskHttp.JSON.createObjectNode();
        if (externalId == null) {
            fields.putNull("external_id");
        } else {
            fields.put("external_id", externalId);
        }
        return updateOrganization(org, fields);
    }

    /** Sets an org's domain_names to exactly {@code domains}: Zendesk replaces the whole list. */
    public ZendeskWriteResult setOrganizationDomains(ZendeskOrgId org, List<String> domains) {
        ObjectNode fields = ZendeskHttp.JSON.createObjectNode();
        ArrayNode list = fields.putArray("domain_names");
        domains.forEach(list::add);
        return updateOrganization(org, fields);
    }

    private ZendeskWriteResult updateOrganization(ZendeskOrgId org, ObjectNode fields) {
        ObjectNode body = ZendeskHttp.JSON.createObjectNode();
        body.set("organization", fields);
        return ZendeskWriteResult.of(http.send("PUT", "/api/v2/organizations/" + org.value(), body, DATA_ERRORS));
    }

    /** Adds the user to the org; a 422 with {@link ZendeskWriteResult#alreadyMember()} means it was. */
    public ZendeskWriteResult createMembership(ZendeskUserId user, ZendeskOrgId org) {
        ObjectNode body = ZendeskHttp.JSON.createObjectNode();
        body.putObject("organization_membership").put("user_id", user.value()).put("organization_id", org.value());
        return ZendeskWriteResult.of(http.send("POST", "/api/v2/organization_memberships", body, DATA_ERRORS));
    }

    /** Makes the membership the user's default; the answer lists all the user's memberships. */
    public ZendeskWriteResult makeDefaultMembership(ZendeskUserId user, MembershipId membership) {
        String path =
                "/api/v2/users/" + user.value() + "/organization_memberships/" + membership.value() + "/make_default";
        return ZendeskWriteResult.of(http.send("PUT", path, null, DATA_ERRORS));
    }

    /** Removes a membership (only to undo one Plumbline created). */
    public ZendeskWriteResult deleteMembership(MembershipId membership) {
        return ZendeskWriteResult.of(
                http.send("DELETE", "/api/v2/organization_memberships/" + membership.value(), null, DATA_ERRORS));
    }

    public RequestStats stats() {
        return http.stats();
    }
}
