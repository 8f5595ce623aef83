package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.DomainNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The record-level Zendesk calls an apply or undo needs: reads that re-check preconditions, the four
 * writes (set an org's external_id, set its domain_names, create a membership, make one default) and the
 * membership delete that undoes a create, and the bulk forms of the first three (Zendesk's
 * {@code update_many} and {@code create_many} jobs, awaited). Nothing here can touch tickets, create, merge or delete an org,
 * or create or delete a user. Each write returns Zendesk's answer and request id, with every known secret
 * masked in its error text.
 */
public final class ZendeskClient {
    private static final Set<Integer> DATA_ERRORS = Set.of(400, 404, 409, 422);
    /** Zendesk's search lists at most 1,000 results a query (10 pages of 100). */
    static final int SEARCH_LIMIT = 1000;

    /** Zendesk's limit on the records of one show_many or bulk request. */
    public static final int BULK_LIMIT = 100;

    private final ZendeskHttp http;
    private final ZendeskExporter lists;
    private final ZendeskJobs jobs;

    public ZendeskClient(ZendeskHttp http) {
        this(http, JobPolling.DEFAULT);
    }

    public ZendeskClient(ZendeskHttp http, JobPolling polling) {
        this.http = http;
        this.lists = new ZendeskExporter(http);
        this.jobs = new ZendeskJobs(http, polling);
    }

    /** The org as Zendesk has it now; empty when it does not exist (any more). */
    public Optional<JsonNode> organization(ZendeskOrgId id) {
        String path = "/api/v2/organizations/" + id.value();
        ZendeskResponse r = http.send("GET", path, null, Set.of(404));
        return r.status() == 404
                ? Optional.empty()
                : Optional.of(ZendeskExporter.record(r.body(), "organization", path));
    }

    /**
     * The status of a background job ({@code queued}, {@code working}, {@code completed}, {@code failed},
     * {@code killed}); empty when Zendesk no longer knows it (job statuses expire a while after the job).
     */
    public Optional<String> jobStatus(String jobId) {
        ZendeskResponse r =
                http.send("GET", "/api/v2/job_statuses/" + ZendeskExporter.encode(jobId), null, Set.of(404));
        return r.status() == 404
                ? Optional.empty()
                : Optional.of(r.body().path("job_status").path("status").asText("unknown"));
    }

    /** Tells {@code listener} the id of each bulk job Zendesk queues, as soon as it is known (before polling). */
    public void onJobQueued(Consumer<String> listener) {
        jobs.onQueued(listener);
    }

    /** The user as Zendesk has it now (a deleted user comes back inactive); empty when there is none. */
    public Optional<JsonNode> user(ZendeskUserId id) {
        String path = "/api/v2/users/" + id.value();
        ZendeskResponse r = http.send("GET", path, null, Set.of(404));
        return r.status() == 404 ? Optional.empty() : Optional.of(ZendeskExporter.record(r.body(), "user", path));
    }

    /** The user's memberships (default first, as Zendesk orders them); empty when the user is gone. */
    public Optional<List<JsonNode>> userMemberships(ZendeskUserId id) {
        String path = "/api/v2/users/" + id.value() + "/organization_memberships";
        ZendeskResponse probe =
                http.send("GET", path + "?page%5Bsize%5D=" + ZendeskExporter.PAGE_SIZE, null, Set.of(404));
        if (probe.status() == 404) {
            return Optional.empty();
        }
        List<JsonNode> first = ZendeskExporter.records(probe.body(), "organization_memberships", path);
        if (!probe.body().path("meta").path("has_more").asBoolean(false)) {
            return Optional.of(first);
        }
        return Optional.of(lists.all(path, "organization_memberships"));
    }

    /** The orgs of these ids that exist ({@code show_many}, at most {@value #BULK_LIMIT} ids a request). */
    public List<JsonNode> organizations(List<ZendeskOrgId> ids) {
        return showMany("organizations", ids.stream().map(ZendeskOrgId::value).toList());
    }

    /** The users of these ids that exist ({@code show_many}, at most {@value #BULK_LIMIT} ids a request). */
    public List<JsonNode> users(List<ZendeskUserId> ids) {
        return showMany("users", ids.stream().map(ZendeskUserId::value).toList());
    }

    private List<JsonNode> showMany(String kind, List<Long> ids) {
        List<JsonNode> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BULK_LIMIT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BULK_LIMIT));
            String list = String.join(",", chunk.stream().map(String::valueOf).toList());
            String path = "/api/v2/" + kind + "/show_many";
            out.addAll(ZendeskExporter.records(http.get(path + "?ids=" + list).body(), kind, path));
        }
        return out;
    }

    /**
     * The first page (up to 100) of the org's memberships, and whether it holds them all; empty when the
     * org is gone. One request, however many members the org has.
     */
    public Optional<MembershipPage> organizationMembershipsPage(ZendeskOrgId org) {
        String path = "/api/v2/organizations/" + org.value() + "/organization_memberships?page%5Bsize%5D="
                + ZendeskExporter.PAGE_SIZE;
        ZendeskResponse r = http.send("GET", path, null, Set.of(404));
        if (r.status() == 404) {
            return Optional.empty();
        }
        List<JsonNode> out = ZendeskExporter.records(r.body(), "organization_memberships", path);
        return Optional.of(
                new MembershipPage(out, !r.body().path("meta").path("has_more").asBoolean(false)));
    }

    /** Orgs whose external_id equals {@code externalId} (Zendesk compares case-insensitively). */
    public List<JsonNode> organizationsByExternalId(String externalId) {
        String path = "/api/v2/organizations/search";
        JsonNode body = http.get(path + "?external_id=" + ZendeskExporter.encode(externalId))
                .body();
        return ZendeskExporter.records(body, "organizations", path);
    }

    /**
     * Live orgs whose domain_names hold exactly {@code domain} (case-insensitively). Zendesk has no exact
     * lookup by domain, so this asks the search API for organizations matching the domain as a phrase and
     * keeps only exact matches: search is a text index, which may return more (filtered here) and lags
     * writes by a short while. More than the 1,000 results search can list is an error, not a guess.
     */
    public List<JsonNode> organizationsWithDomain(String domain) {
        String query = ZendeskExporter.encode("type:organization \"" + domain + "\"");
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = http.get("/api/v2/search.json?query=" + query + "&per_page=100&page=" + page)
                    .body();
            if (body.path("count").asInt(0) > SEARCH_LIMIT) {
                throw new PlumblineException(
                        ExitCodes.REMOTE,
                        "Zendesk search found " + body.path("count").asInt() + " organizations matching '" + domain
                                + "', more than the " + SEARCH_LIMIT + " it can list; cannot check who holds the "
                                + "domain exactly");
            }
            ZendeskExporter.records(body, "results", "/api/v2/search.json").forEach(r -> {
                if (holdsDomain(r, domain)) {
                    out.add(r);
                }
            });
            if (body.path("next_page").isNull() || body.path("next_page").isMissingNode()) {
                return out;
            }
        }
    }

    private static boolean holdsDomain(JsonNode org, String domain) {
        if (!"organization".equals(org.path("result_type").asText("organization")) || deleted(org)) {
            return false;
        }
        for (JsonNode d : org.path("domain_names")) {
            if (DomainNormalizer.sameDomain(d.asText(), domain)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the record carries a {@code deleted_at} (Zendesk's soft delete). */
    public static boolean deleted(JsonNode record) {
        JsonNode d = record.path("deleted_at");
        return d.isTextual() && !d.asText().isBlank();
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
        return write("PUT", "/api/v2/organizations/" + org.value(), body);
    }

    /** Adds the user to the org; a 422 with {@link ZendeskWriteResult#alreadyMember()} means it was. */
    public ZendeskWriteResult createMembership(ZendeskUserId user, ZendeskOrgId org) {
        ObjectNode body = ZendeskHttp.JSON.createObjectNode();
        body.putObject("organization_membership").put("user_id", user.value()).put("organization_id", org.value());
        return write("POST", "/api/v2/organization_memberships", body);
    }

    /**
     * Creates up to {@value #BULK_LIMIT} memberships in one background job ({@code create_many}) and
     * waits for it; the job's results say, per item, what became of it.
     */
    public JobResult createMemberships(List<MembershipRequest> items) {
        checkBulk(items.size());
        ObjectNode body = ZendeskHttp.JSON.createObjectNode();
        ArrayNode list = body.putArray("organization_memberships");
        items.forEach(m -> list.addObject()
                .put("user_id", m.user().value())
                .put("organization_id", m.org().value()));
        return jobs.run("POST", "/api/v2/organization_memberships/create_many", body, true);
    }

    /**
     * Updates up to {@value #BULK_LIMIT} orgs, each with its own fields, in one background job
     * ({@code update_many}) and waits for it.
     */
    public JobResult updateOrganizations(List<OrganizationUpdate> updates) {
        checkBulk(updates.size());
        ObjectNode body = ZendeskHttp.JSON.createObjectNode();
        ArrayNode list = body.putArray("organizations");
        updates.forEach(u -> list.add(u.fields(true)));
        return jobs.run("PUT", "/api/v2/organizations/update_many", body, false);
    }

    private static void checkBulk(int size) {
        if (size < 1 || size > BULK_LIMIT) {
            throw new IllegalArgumentException("a bulk request takes 1 to " + BULK_LIMIT + " records: " + size);
        }
    }

    /** Makes the membership the user's default; the answer lists all the user's memberships. */
    public ZendeskWriteResult makeDefaultMembership(ZendeskUserId user, MembershipId membership) {
        String path =
                "/api/v2/users/" + user.value() + "/organization_memberships/" + membership.value() + "/make_default";
        return write("PUT", path, null);
    }

    /** Removes a membership (only to undo one Plumbline created). */
    public ZendeskWriteResult deleteMembership(MembershipId membership) {
        return write("DELETE", "/api/v2/organization_memberships/" + membership.value(), null);
    }

    /**
     * Sends one write. Once an attempt may have reached Zendesk without a usable answer, the outcome is
     * not an exception but an {@link ZendeskWriteResult#unanswered} result, for the caller to settle from
     * Zendesk's records (and re-check, when it may: see {@link ZendeskHttp#write}). Before that, a 429 is
     * a {@link TurnedAwayException}: the caller re-checks and builds the write again.
     */
    private ZendeskWriteResult write(String method, String path, JsonNode body) {
        boolean[] mayHaveLanded = {false};
        try {
            ZendeskResponse r = http.write(method, path, body, DATA_ERRORS, () -> mayHaveLanded[0] = true);
            return ZendeskWriteResult.of(r, http.redactor());
        } catch (PlumblineException e) {
            if (!mayHaveLanded[0]) {
                throw e;
            }
            return ZendeskWriteResult.unanswered(e.getMessage(), e instanceof AnswerLostException);
        }
    }

    /** The writes sent from now on are another action's (see {@link ZendeskHttp#beginAction}). */
    public void beginAction() {
        http.beginAction();
    }

    public RequestStats stats() {
        return http.stats();
    }
}
