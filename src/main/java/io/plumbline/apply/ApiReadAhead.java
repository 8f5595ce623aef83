package io.plumbline.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.MembershipPage;
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
 * {@code show_many} (100 a request), and for every org that at least two of the batch's users are asked
 * about, the first page (100) of the org's memberships: one request, never more. A user is settled by
 * those pages when, for each org asked about, the page holds all the org's memberships or lists the
 * user's; the user then gets the memberships found there. Any other user costs one memberships request
 * and gets all their memberships.
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
        Map<ZendeskOrgId, MembershipPage> pages = firstPages(asked);
        Map<ZendeskUserId, Optional<UserState>> out = new HashMap<>();
        orgsOfUser.keySet().forEach(id -> out.put(id, Optional.empty()));
        for (JsonNode u : client.users(List.copyOf(orgsOfUser.keySet()))) {
            ZendeskUserId id = new ZendeskUserId(u.path("id").asLong());
            Set<ZendeskOrgId> wanted = orgsOfUser.get(id);
            if (wanted == null) {
                continue;
            }
            Optional<List<JsonNode>> listed = listed(id, wanted, pages);
            out.put(
                    id,
                    listed.isPresent()
                            ? Optional.of(ZendeskApiWrites.userState(u, listed.get()))
                            : zendesk.withMemberships(id, u));
        }
        return out;
    }

    /** The user's memberships in the orgs asked about, when the pages settle every one of them. */
    private static Optional<List<JsonNode>> listed(
            ZendeskUserId user, Set<ZendeskOrgId> wanted, Map<ZendeskOrgId, MembershipPage> pages) {
        List<JsonNode> found = new ArrayList<>();
        for (ZendeskOrgId org : wanted) {
            MembershipPage page = pages.get(org);
            if (page == null) {
                return Optional.empty();
            }
            List<JsonNode> mine = page.memberships().stream()
                    .filter(m -> m.path("user_id").asLong() == user.value())
                    .toList();
            if (mine.isEmpty() && !page.complete()) {
                return Optional.empty();
            }
            found.addAll(mine);
        }
        return Optional.of(found);
    }

    /** The first membership page of each org that two or more of the asked users are to join. */
    private Map<ZendeskOrgId, MembershipPage> firstPages(Collection<MembershipRequest> asked) {
        Map<ZendeskOrgId, Integer> users = new LinkedHashMap<>();
        asked.forEach(m -> users.merge(m.org(), 1, Integer::sum));
        Map<ZendeskOrgId, MembershipPage> out = new HashMap<>();
        users.forEach((org, k) -> {
            if (k >= 2) {
                client.organizationMembershipsPage(org).ifPresent(page -> out.put(org, page));
            }
        });
        return out;
    }
}
