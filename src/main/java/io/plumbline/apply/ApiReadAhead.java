package io.plumbline.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.ZendeskClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a batch's re-check state from the live API in few requests: its orgs and users with
 * {@code show_many} (100 a request), and memberships either as the whole membership list of an org
 * that {@code k} of the batch's users are to join, when that list fits in {@code k / 4} pages (at least
 * one), or else one memberships request per user. A user whose every asked-about org was listed gets
 * the memberships found in those lists; any other user gets all their memberships.
 */
final class ApiReadAhead {
    private final ZendeskClient client;

    ApiReadAhead(ZendeskClient client) {
        this.client = client;
    }

    ReadAhead read(ZendeskApiWrites zendesk, Collection<ZendeskOrgId> orgs, Collection<MembershipRequest> asked) {
        Set<ZendeskOrgId> orgIds = new LinkedHashSet<>(orgs);
        asked.forEach(m -> orgIds.add(m.org()));
        Map<ZendeskOrgId, Optional<OrgState>> orgStates = new HashMap<>();
        orgIds.forEach(id -> orgStates.put(id, Optional.empty()));
        for (JsonNode o : client.organizations(List.copyOf(orgIds))) {
            if (!ZendeskClient.deleted(o)) {
                OrgState s = ZendeskApiWrites.state(o);
                orgStates.put(s.id(), Optional.of(s));
            }
        }
        return new ReadAhead(zendesk, orgStates, users(zendesk, asked));
    }

    private Map<ZendeskUserId, Optional<UserState>> users(
            ZendeskApiWrites zendesk, Collection<MembershipRequest> asked) {
        Map<ZendeskUserId, Set<ZendeskOrgId>> orgsOfUser = new LinkedHashMap<>();
        asked.forEach(m ->
                orgsOfUser.computeIfAbsent(m.user(), u -> new LinkedHashSet<>()).add(m.org()));
        Map<ZendeskOrgId, List<JsonNode>> listed = listedOrgs(asked);
        Map<ZendeskUserId, Optional<UserState>> out = new HashMap<>();
        orgsOfUser.keySet().forEach(id -> out.put(id, Optional.empty()));
        for (JsonNode u : client.users(List.copyOf(orgsOfUser.keySet()))) {
            ZendeskUserId id = new ZendeskUserId(u.path("id").asLong());
            Set<ZendeskOrgId> wanted = orgsOfUser.get(id);
            if (wanted == null) {
                continue;
            }
            if (listed.keySet().containsAll(wanted)) {
                List<JsonNode> ms = new ArrayList<>();
                wanted.forEach(org -> listed.get(org).stream()
                        .filter(m -> m.path("user_id").asLong() == id.value())
                        .forEach(ms::add));
                out.put(id, Optional.of(ZendeskApiWrites.userState(id, u, ms)));
            } else {
                out.put(id, zendesk.withMemberships(id, u));
            }
        }
        return out;
    }

    /** The whole membership lists of the orgs that are cheaper to list than to ask about user by user. */
    private Map<ZendeskOrgId, List<JsonNode>> listedOrgs(Collection<MembershipRequest> asked) {
        Map<ZendeskOrgId, Integer> users = new LinkedHashMap<>();
        asked.forEach(m -> users.merge(m.org(), 1, Integer::sum));
        Map<ZendeskOrgId, List<JsonNode>> out = new HashMap<>();
        users.forEach((org, k) -> {
            if (k >= 2) {
                client.organizationMemberships(org, Math.max(1, k / 4)).ifPresent(list -> out.put(org, list));
            }
        });
        return out;
    }
}
