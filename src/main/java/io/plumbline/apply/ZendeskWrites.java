package io.plumbline.apply;

import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.OrganizationUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The write-side port to Zendesk: the reads that re-check preconditions and the only writes Plumbline
 * makes (the four repairs and their exact inverses). No ticket, org-create, merge or delete, and no
 * user create or delete exists here, so none can be sent. The bulk forms write many of one kind at once
 * and answer one outcome per item, in order; by default they write one at a time. Implementations: the
 * API client adapter (Zendesk's bulk jobs), and {@link SnapshotZendesk} (in memory, for demo dry runs
 * and tests).
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

    /**
     * A view that re-checks many actions at once: these orgs, and the user of each membership asked
     * about with (at least) their memberships in the org named with them, read now in as few requests
     * as the implementation can; every other read and every write passes through. A user read ahead may
     * list only those memberships, so only a re-check of a membership in a named org may rely on it. By
     * default nothing is read ahead.
     */
    public ZendeskWrites readAhead(Collection<ZendeskOrgId> orgs, Collection<MembershipRequest> memberships) {
        return this;
    }

    /**
     * Why the run must send nothing more, wherever the call that met it was caught (a re-check, a write, or
     * the read that settles one): Zendesk's rate limit outlasted the retries ({@link
     * ActionResult#RATE_LIMITED}), no connection could be made ({@link ActionResult#UNREACHABLE}), or
     * Zendesk refused the credentials ({@link ActionResult#CREDENTIALS_REFUSED}), each of which holds for
     * every call after it; null while the run may go on, as always by default.
     */
    public String stopReason() {
        return null;
    }

    /**
     * The writes from now on are another action's (or batch's): the answers lost to the writes before no
     * longer count against its retries. Nothing to do, by default.
     */
    public void beginAction() {}

    /**
     * The status of a background job an earlier run sent ({@code queued}, {@code working}, ...); empty
     * when it is not known (no Zendesk behind this, or its status has expired). Empty, by default.
     */
    public Optional<String> jobStatus(String jobId) {
        return Optional.empty();
    }

    /**
     * Tells {@code listener} the id of each bulk job Zendesk queues for a write of this run, as soon as it
     * is known. Nothing, by default (no jobs).
     */
    public void onJobQueued(Consumer<String> listener) {}

    /** Whether the run must send nothing more ({@link #stopReason}). */
    final boolean stopped() {
        return stopReason() != null;
    }

    /** Creates these memberships; one outcome per item, in order. */
    public List<WriteOutcome> createMemberships(List<MembershipRequest> items) {
        List<WriteOutcome> out = new ArrayList<>();
        items.forEach(m -> out.add(createMembership(m.user(), m.org())));
        return out;
    }

    /** Applies these org updates (at most one per org); one outcome per item, in order. */
    public List<WriteOutcome> updateOrganizations(List<OrganizationUpdate> updates) {
        List<WriteOutcome> out = new ArrayList<>();
        for (OrganizationUpdate u : updates) {
            out.add(
                    u.setsExternalId()
                            ? setOrgExternalId(u.org(), u.externalId())
                            : setOrgDomains(u.org(), u.domainNames()));
        }
        return out;
    }
}
