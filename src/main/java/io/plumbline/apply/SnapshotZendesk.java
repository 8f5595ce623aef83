package io.plumbline.apply;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Organization;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Texts;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.DomainNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Zendesk state held in memory, seeded from a snapshot: what a demo dry run re-reads (the demo has no
 * live Zendesk), and a fake for tests. Writes change the state and are recorded in {@link #writes()}.
 */
public final class SnapshotZendesk extends ZendeskWrites {
    private final Map<ZendeskOrgId, OrgState> orgs = new TreeMap<>();
    private final Map<ZendeskUserId, User> users = new TreeMap<>();
    private final Map<MembershipId, Membership> memberships = new TreeMap<>();
    private final List<String> writes = new ArrayList<>();
    private long nextMembership;

    public SnapshotZendesk(Snapshot snapshot) {
        for (Organization o : snapshot.organizations()) {
            if (!o.deleted()) {
                orgs.put(o.id(), new OrgState(o.id(), o.name(), o.externalId(), o.domainNames(), null));
            }
        }
        snapshot.users().forEach(u -> users.put(u.id(), u));
        snapshot.memberships().forEach(m -> memberships.put(m.id(), m));
        nextMembership = memberships.keySet().stream()
                        .mapToLong(MembershipId::value)
                        .max()
                        .orElse(0)
                + 1;
    }

    /**
     * The current state as a snapshot: {@code base} with orgs and memberships replaced, and each user's
     * organization_id following their default membership (as Zendesk keeps it).
     */
    public Snapshot toSnapshot(Snapshot base) {
        List<Organization> outOrgs = new ArrayList<>();
        for (Organization o : base.organizations()) {
            OrgState s = orgs.get(o.id());
            outOrgs.add(
                    s == null || o.deleted()
                            ? o
                            : new Organization(o.id(), s.name(), s.externalId(), s.domainNames(), ""));
        }
        List<User> outUsers = new ArrayList<>();
        for (User u : base.users()) {
            ZendeskOrgId def = user(u.id())
                    .flatMap(UserState::defaultMembership)
                    .map(Membership::organizationId)
                    .orElse(null);
            outUsers.add(new User(u.id(), u.email(), u.name(), u.role(), def, u.active(), u.suspended()));
        }
        return new Snapshot(
                base.accounts(),
                base.contacts(),
                outOrgs,
                outUsers,
                List.copyOf(memberships.values()),
                base.tickets(),
                base.asOf());
    }

    /** Every write sent, in order, as {@code METHOD what}. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public Optional<OrgState> org(ZendeskOrgId id) {
        return Optional.ofNullable(orgs.get(id));
    }

    @Override
    public List<OrgState> orgsWithExternalId(String externalId) {
        String key = Texts.caseless(externalId);
        return orgs.values().stream()
                .filter(o -> Texts.caseless(o.externalId()).equals(key))
                .toList();
    }

    @Override
    public List<OrgState> orgsWithDomain(String domain) {
        return orgs.values().stream()
                .filter(o -> o.domainNames().stream().anyMatch(d -> DomainNormalizer.sameDomain(d, domain)))
                .toList();
    }

    @Override
    public Optional<UserState> user(ZendeskUserId id) {
        User u = users.get(id);
        if (u == null) {
            return Optional.empty();
        }
        List<Membership> ms =
                memberships.values().stream().filter(m -> m.userId().equals(id)).toList();
        return Optional.of(new UserState(u, ms));
    }

    @Override
    public WriteOutcome setOrgExternalId(ZendeskOrgId org, String externalId) {
        OrgState o = orgs.get(org);
        if (o == null) {
            return WriteOutcome.failure(request(), "org " + org + " not found");
        }
        orgs.put(org, new OrgState(org, o.name(), externalId, o.domainNames(), null));
        writes.add("PUT organizations/" + org + " external_id=" + externalId);
        return WriteOutcome.success(request());
    }

    @Override
    public WriteOutcome setOrgDomains(ZendeskOrgId org, List<String> domains) {
        OrgState o = orgs.get(org);
        if (o == null) {
            return WriteOutcome.failure(request(), "org " + org + " not found");
        }
        orgs.put(org, new OrgState(org, o.name(), o.externalId(), domains, null));
        writes.add("PUT organizations/" + org + " domain_names=" + domains);
        return WriteOutcome.success(request());
    }

    @Override
    public WriteOutcome createMembership(ZendeskUserId user, ZendeskOrgId org) {
        if (user(user).flatMap(u -> u.membershipIn(org)).isPresent()) {
            return WriteOutcome.existingMembership(request());
        }
        boolean first = user(user).map(u -> u.memberships().isEmpty()).orElse(true);
        MembershipId id = new MembershipId(nextMembership++);
        memberships.put(id, new Membership(id, user, org, first));
        writes.add("POST organization_memberships user=" + user + " org=" + org);
        return WriteOutcome.created(request(), id);
    }

    @Override
    public WriteOutcome makeDefault(ZendeskUserId user, MembershipId membership) {
        Membership target = memberships.get(membership);
        if (target == null || !target.userId().equals(user)) {
            return WriteOutcome.failure(request(), "membership " + membership + " not found");
        }
        memberships.replaceAll((id, m) -> m.userId().equals(user)
                ? new Membership(m.id(), m.userId(), m.organizationId(), m.id().equals(membership))
                : m);
        writes.add("PUT users/" + user + "/organization_memberships/" + membership + "/make_default");
        return WriteOutcome.success(request());
    }

    @Override
    public WriteOutcome deleteMembership(MembershipId membership) {
        if (memberships.remove(membership) == null) {
            return WriteOutcome.failure(request(), "membership " + membership + " not found");
        }
        writes.add("DELETE organization_memberships/" + membership);
        return WriteOutcome.success(request());
    }

    private String request() {
        return "local-" + (writes.size() + 1);
    }
}
