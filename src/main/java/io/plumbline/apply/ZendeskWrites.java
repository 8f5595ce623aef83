package io.plumbline.apply;

import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.List;
import java.util.Optional;

/**
 * The write-side port to Zendesk: the reads that re-check preconditions and the only writes Plumbline
 * makes (the four repairs and their exact inverses). No ticket, org-create, merge or delete, and no
 * user create or delete exists here, so none can be sent. Implementations: the API client adapter, and
 * {@link SnapshotZendesk} (in memory, for demo dry runs and tests).
 */
public abstract class ZendeskWrites {
    /** The org, or empty when it does not exist or is deleted. */
    public abstract Optional<OrgState> org(ZendeskOrgId id);

    /** Live orgs whose external_id equals {@code externalId} (case-insensitively, as Zendesk compares). */
    public abstract List<OrgState> orgsWithExternalId(String externalId);

    /** Live orgs holding {@code domain}. */
    public abstract List<OrgState> orgsWithDomain(String domain);

    /** The user with their memberships, or empty when the user does not exist. */
    public abstract Optional<UserState> user(ZendeskUserId id);

    /** Sets (or, with null, clears) an org's external_id. */
    public abstract WriteOutcome setOrgExternalId(ZendeskOrgId org, String externalId);

    /** Replaces an org's whole domain list (Zendesk has no append). */
    public abstract WriteOutcome setOrgDomains(ZendeskOrgId org, List<String> domains);

    public abstract WriteOutcome createMembership(ZendeskUserId user, ZendeskOrgId org);

    public abstract WriteOutcome makeDefault(ZendeskUserId user, MembershipId membership);

    /** Deletes a membership Plumbline created (undo only). */
    public abstract WriteOutcome deleteMembership(MembershipId membership);
}
