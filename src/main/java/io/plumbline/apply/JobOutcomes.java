package io.plumbline.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.zendesk.JobResult;
import io.plumbline.zendesk.MembershipErrors;
import io.plumbline.zendesk.MembershipRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Turns a bulk job's answer into one {@link WriteOutcome} per item sent, in the order sent, never
 * guessing which item a result is about. A result names its item by {@code index} (checked against any
 * {@code user_id}, {@code organization_id} or org {@code id} it also carries), else by those fields (an
 * update's org {@code id}; a create's {@code user_id} and {@code organization_id}); a result that names no
 * item, or contradicts the one its index names, is not used. A result with {@code error} (or
 * {@code success: false}) fails its item with Zendesk's words, except that a membership Zendesk refuses
 * as existing ({@link MembershipErrors}) is a skip, as the single write's 422 is. A job refused outright
 * fails every item. Every other item (of a job not confirmed completed, one the completed job's results
 * do not name, or a create without its membership id) is {@link WriteOutcome#unconfirmed}: its fate is
 * to be read from Zendesk's records. Every outcome carries the request id and the job id.
 */
final class JobOutcomes {
    private JobOutcomes() {}

    /** Outcomes of a create_many job of these memberships. */
    static List<WriteOutcome> created(JobResult job, List<MembershipRequest> items) {
        return map(job, items.size(), (r, i) -> sameMembership(r, items.get(i)), true);
    }

    /** Outcomes of an update_many job of these orgs (each at most once). */
    static List<WriteOutcome> updated(JobResult job, List<ZendeskOrgId> orgs) {
        return map(job, orgs.size(), (r, i) -> sameOrg(r, orgs.get(i)), false);
    }

    private static List<WriteOutcome> map(
            JobResult job, int size, BiPredicate<JsonNode, Integer> names, boolean creates) {
        List<WriteOutcome> out = new ArrayList<>();
        if (!job.completed()) {
            WriteOutcome each = job.fate() == JobResult.Fate.REFUSED
                    ? WriteOutcome.failure(job.reference(), job.problem())
                    : WriteOutcome.unconfirmed(job.reference(), job.problem(), job.fate() == JobResult.Fate.OPEN);
            for (int i = 0; i < size; i++) {
                out.add(each);
            }
            return out;
        }
        WriteOutcome[] known = new WriteOutcome[size];
        for (JsonNode r : job.results()) {
            int i = itemOf(r, size, names);
            if (i >= 0 && known[i] == null) {
                known[i] = outcome(job, r, creates);
            }
        }
        for (WriteOutcome o : known) {
            out.add(
                    o != null
                            ? o
                            : WriteOutcome.unconfirmed(
                                    job.reference(),
                                    "job " + job.jobId() + " completed without a result that names this action",
                                    false));
        }
        return out;
    }

    /** The item a result is about, or -1 when it names none for certain. */
    private static int itemOf(JsonNode r, int size, BiPredicate<JsonNode, Integer> names) {
        if (r.path("index").canConvertToInt()) {
            int i = r.path("index").asInt();
            return i >= 0 && i < size && names.test(r, i) ? i : -1;
        }
        int found = -1;
        for (int i = 0; i < size; i++) {
            if (names.test(r, i)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** A create's result does not contradict this item (fields it lacks are no contradiction). */
    private static boolean sameMembership(JsonNode r, MembershipRequest m) {
        return (!r.has("user_id") || r.path("user_id").asLong() == m.user().value())
                && (!r.has("organization_id")
                        || r.path("organization_id").asLong() == m.org().value())
                && (r.has("index") || r.has("user_id") && r.has("organization_id"));
    }

    /** An update's result does not contradict this org (its {@code id}, when present, is the org's). */
    private static boolean sameOrg(JsonNode r, ZendeskOrgId org) {
        return r.has("id") ? r.path("id").asLong() == org.value() : r.has("index");
    }

    private static WriteOutcome outcome(JobResult job, JsonNode r, boolean creates) {
        boolean failed = r.hasNonNull("error")
                || (r.has("success") && !r.path("success").asBoolean())
                || (r.hasNonNull("errors") && !r.path("errors").asText().isEmpty());
        if (!failed) {
            long id = r.path("id").asLong(0);
            if (!creates) {
                return WriteOutcome.success(job.reference());
            }
            return id > 0
                    ? WriteOutcome.created(job.reference(), new MembershipId(id))
                    : WriteOutcome.unconfirmed(
                            job.reference(), "job " + job.jobId() + " created it without naming the membership", false);
        }
        if (creates && MembershipErrors.alreadyMember(r)) {
            return WriteOutcome.existingMembership(job.reference());
        }
        return WriteOutcome.failure(job.reference(), "Zendesk's job " + job.jobId() + " refused it: " + words(r));
    }

    private static String words(JsonNode r) {
        List<String> parts = new ArrayList<>();
        for (String f : List.of("error", "errors", "details", "status")) {
            String v =
                    r.path(f).isValueNode() ? r.path(f).asText("") : r.path(f).toString();
            if (!v.isEmpty() && !r.path(f).isMissingNode() && !r.path(f).isNull()) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? "an error without words" : String.join(": ", parts);
    }
}
