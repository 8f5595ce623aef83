package io.plumbline.apply;

import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.OrganizationUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Zendesk as it was read a moment ago for one batch of re-checks: the orgs and users read ahead are
 * answered from what was read (an id read ahead but not found is absent), searches from the batch's
 * {@link Searches} when it has one (asked once each), everything else, and every write, goes to Zendesk
 * itself. Lives for one batch only, so its answers are never older than the batch's own re-check.
 */
final class ReadAhead extends ZendeskWrites {
    private final ZendeskWrites zendesk;
    private final Map<ZendeskOrgId, Optional<OrgState>> orgs;
    private final Map<ZendeskUserId, Optional<UserState>> users;
    private final Searches searches;

    ReadAhead(
            ZendeskWrites zendesk,
            Map<ZendeskOrgId, Optional<OrgState>> orgs,
            Map<ZendeskUserId, Optional<UserState>> users) {
        this(zendesk, orgs, users, null);
    }

    private ReadAhead(
            ZendeskWrites zendesk,
            Map<ZendeskOrgId, Optional<OrgState>> orgs,
            Map<ZendeskUserId, Optional<UserState>> users,
            Searches searches) {
        this.zendesk = zendesk;
        this.orgs = Map.copyOf(orgs);
        this.users = Map.copyOf(users);
        this.searches = searches;
    }

    @Override
    public String stopReason() {
        return zendesk.stopReason();
    }

    @Override
    public void onJobQueued(Consumer<String> listener) {
        zendesk.onJobQueued(listener);
    }

    @Override
    public Optional<String> jobStatus(String jobId) {
        return zendesk.jobStatus(jobId);
    }

    /** {@code view} with its searches answered from (and kept in) {@code searches}. */
    static ZendeskWrites searchingOnce(ZendeskWrites view, Searches searches) {
        return new ReadAhead(view, Map.of(), Map.of(), searches);
    }

    @Override
    public Optional<OrgState> org(ZendeskOrgId id) {
        return orgs.containsKey(id) ? orgs.get(id) : zendesk.org(id);
    }

    @Override
    public Optional<UserState> user(ZendeskUserId id) {
        return users.containsKey(id) ? users.get(id) : zendesk.user(id);
    }

    @Override
    public List<OrgState> orgsWithExternalId(String externalId) {
        return searches == null
                ? zendesk.orgsWithExternalId(externalId)
                : searches.externalId(externalId, () -> zendesk.orgsWithExternalId(externalId));
    }

    @Override
    public List<OrgState> orgsWithDomain(String domain) {
        return searches == null
                ? zendesk.orgsWithDomain(domain)
                : searches.domain(domain, () -> zendesk.orgsWithDomain(domain));
    }

    @Override
    public WriteOutcome setOrgExternalId(ZendeskOrgId org, String externalId) {
        return zendesk.setOrgExternalId(org, externalId);
    }

    @Override
    public WriteOutcome setOrgDomains(ZendeskOrgId org, List<String> domains) {
        return zendesk.setOrgDomains(org, domains);
    }

    @Override
    public WriteOutcome createMembership(ZendeskUserId user, ZendeskOrgId org) {
        return zendesk.createMembership(user, org);
    }

    @Override
    public WriteOutcome makeDefault(ZendeskUserId user, MembershipId membership) {
        return zendesk.makeDefault(user, membership);
    }

    @Override
    public WriteOutcome deleteMembership(MembershipId membership) {
        return zendesk.deleteMembership(membership);
    }

    @Override
    public List<WriteOutcome> createMemberships(List<MembershipRequest> items) {
        return zendesk.createMemberships(items);
    }

    @Override
    public List<WriteOutcome> updateOrganizations(List<OrganizationUpdate> updates) {
        return zendesk.updateOrganizations(updates);
    }
}
