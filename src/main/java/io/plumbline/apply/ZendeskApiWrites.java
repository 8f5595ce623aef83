package io.plumbline.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.JobResult;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.OrganizationUpdate;
import io.plumbline.zendesk.ZendeskClient;
import io.plumbline.zendesk.ZendeskRecords;
import io.plumbline.zendesk.ZendeskWriteResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The write port over the live Zendesk API: every read goes to Zendesk at the moment it is asked (no
 * cache, so each re-check sees the state just before its write), and every write is exactly one request.
 * Bulk writes go as Zendesk's bulk jobs ({@code create_many}, {@code update_many}, 100 records a job,
 * each job awaited before the next; an item the job's answer leaves open is
 * {@link WriteOutcome#unconfirmed}), and a batch's re-checks read its orgs and users with
 * {@code show_many} (see {@link ApiReadAhead} for its memberships). Zendesk's 422 for an existing
 * membership becomes {@link WriteOutcome#existingMembership}; other refusals (404, 409, 422) become
 * failures carrying Zendesk's words with secrets masked and the request id. A single write whose attempt
 * may have reached Zendesk unanswered is {@link WriteOutcome#lost} (the applier settles it from Zendesk's
 * records, then re-checks it and sends it again when nothing of it is there), or, once the attempts are
 * used up, {@link WriteOutcome#unconfirmed}. Organizations holding a domain are found through the search
 * API and filtered to exact matches (see {@link ZendeskClient#organizationsWithDomain}).
 */
public final class ZendeskApiWrites extends ZendeskWrites {
    private final ZendeskClient client;

    public ZendeskApiWrites(ZendeskClient client) {
        this.client = client;
    }

    @Override
    public Optional<OrgState> org(ZendeskOrgId id) {
        return client.organization(id).filter(o -> !ZendeskClient.deleted(o)).map(ZendeskApiWrites::state);
    }

    @Override
    public List<OrgState> orgsWithExternalId(String externalId) {
        return live(client.organizationsByExternalId(externalId));
    }

    @Override
    public List<OrgState> orgsWithDomain(String domain) {
        return live(client.organizationsWithDomain(domain));
    }

    @Override
    public Optional<UserState> user(ZendeskUserId id) {
        return client.user(id).flatMap(u -> withMemberships(id, u));
    }

    /** The user with all their memberships, read now; empty when the user is gone. */
    Optional<UserState> withMemberships(ZendeskUserId id, JsonNode user) {
        return client.userMemberships(id).map(ms -> userState(user, ms));
    }

    static UserState userState(JsonNode user, List<JsonNode> memberships) {
        List<Membership> ms = new ArrayList<>();
        Map<MembershipId, Instant> made = new HashMap<>();
        for (JsonNode json : memberships) {
            Membership m = parsed(() -> ZendeskRecords.membership(json));
            ms.add(m);
            Instant created = instant(json, "created_at");
            if (created != null) {
                made.put(m.id(), created);
            }
        }
        return new UserState(parsed(() -> ZendeskRecords.user(user)), ms, made);
    }

    @Override
    public WriteOutcome setOrgExternalId(ZendeskOrgId org, String externalId) {
        return outcome(client.setOrganizationExternalId(org, externalId));
    }

    @Override
    public WriteOutcome setOrgDomains(ZendeskOrgId org, List<String> domains) {
        return outcome(client.setOrganizationDomains(org, domains));
    }

    @Override
    public WriteOutcome createMembership(ZendeskUserId user, ZendeskOrgId org) {
        ZendeskWriteResult r = client.createMembership(user, org);
        if (r.alreadyMember()) {
            return WriteOutcome.existingMembership(r.requestId());
        }
        if (!r.applied()) {
            return failure(r);
        }
        long id = r.data().path("organization_membership").path("id").asLong(0);
        // without the id, undo could not delete the membership: it is then taken from Zendesk's records, and
        // when they do not show it yet, the run keeps off the user, since Zendesk said it was created
        return id > 0
                ? WriteOutcome.created(r.requestId(), new MembershipId(id))
                : WriteOutcome.unconfirmed(
                        r.requestId(), "Zendesk answered " + r.status() + " without the membership's id", true);
    }

    @Override
    public WriteOutcome makeDefault(ZendeskUserId user, MembershipId membership) {
        return outcome(client.makeDefaultMembership(user, membership));
    }

    @Override
    public WriteOutcome deleteMembership(MembershipId membership) {
        return outcome(client.deleteMembership(membership));
    }

    @Override
    public void beginAction() {
        client.beginAction();
    }

    @Override
    public String stopReason() {
        return client.stats().stopReason();
    }

    @Override
    public ZendeskWrites readAhead(Collection<ZendeskOrgId> orgs, Collection<MembershipRequest> memberships) {
        return new ApiReadAhead(client).read(this, orgs, memberships);
    }

    @Override
    public List<WriteOutcome> createMemberships(List<MembershipRequest> items) {
        List<WriteOutcome> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ZendeskClient.BULK_LIMIT) {
            List<MembershipRequest> chunk =
                    items.subList(from, Math.min(items.size(), from + ZendeskClient.BULK_LIMIT));
            out.addAll(JobOutcomes.created(client.createMemberships(chunk), chunk));
        }
        return out;
    }

    @Override
    public void onJobQueued(Consumer<String> listener) {
        client.onJobQueued(listener);
    }

    @Override
    public Optional<String> jobStatus(String jobId) {
        return client.jobStatus(jobId);
    }

    @Override
    public List<WriteOutcome> updateOrganizations(List<OrganizationUpdate> updates) {
        List<WriteOutcome> out = new ArrayList<>();
        for (int from = 0; from < updates.size(); from += ZendeskClient.BULK_LIMIT) {
            List<OrganizationUpdate> chunk =
                    updates.subList(from, Math.min(updates.size(), from + ZendeskClient.BULK_LIMIT));
            JobResult job = client.updateOrganizations(chunk);
            out.addAll(JobOutcomes.updated(
                    job, chunk.stream().map(OrganizationUpdate::org).toList()));
        }
        return out;
    }

    private static WriteOutcome outcome(ZendeskWriteResult r) {
        return r.applied() ? WriteOutcome.success(r.requestId()) : failure(r);
    }

    /**
     * A write Zendesk refused, or one whose attempt may have reached it unanswered, whose fate its records
     * must settle (and which may be re-checked and sent again when they hold nothing of it).
     */
    private static WriteOutcome failure(ZendeskWriteResult r) {
        if (r.unanswered()) {
            return r.recheck()
                    ? WriteOutcome.lost(r.requestId(), r.error())
                    : WriteOutcome.unconfirmed(r.requestId(), r.error(), false);
        }
        String words = r.error().isEmpty() ? "" : ": " + r.error();
        return WriteOutcome.failure(r.requestId(), "Zendesk answered " + r.status() + words);
    }

    private static List<OrgState> live(List<JsonNode> orgs) {
        return orgs.stream()
                .filter(o -> !ZendeskClient.deleted(o))
                .map(ZendeskApiWrites::state)
                .toList();
    }

    static OrgState state(JsonNode json) {
        Organization o = parsed(() -> ZendeskRecords.organization(json));
        return new OrgState(o.id(), o.name(), o.externalId(), o.domainNames(), instant(json, "updated_at"));
    }

    /**
     * A record's time stamp ({@code updated_at}, {@code created_at}), or null when it has none Plumbline can
     * read (each use says what it decides without one).
     */
    private static Instant instant(JsonNode json, String field) {
        try {
            return Instant.parse(json.path(field).asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A record Zendesk sent in a form Plumbline cannot read fails that action, not the whole batch. */
    private static <T> T parsed(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new PlumblineException(
                    ExitCodes.REMOTE, "Zendesk answered with a record Plumbline cannot read: " + e.getMessage(), e);
        }
    }
}
