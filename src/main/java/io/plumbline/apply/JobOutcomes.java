package io.plumbline.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.MembershipId;
import io.plumbline.zendesk.JobResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Turns a bulk job's results into one {@link WriteOutcome} per item sent, in the order sent. A result
 * names its item by {@code index} when it has one, else by the record {@code id} (for updates, the org
 * id), else by its position. A result with {@code error} (or {@code success: false}) fails its item
 * with Zendesk's words; for a membership, an error saying it already exists is a skip, as the single
 * write's 422 is. A job that did not complete fails every item with the reason; an item the completed
 * job says nothing about fails too. Every outcome carries the request id and the job id.
 */
final class JobOutcomes {
    private JobOutcomes() {}

    /** Outcomes of a create_many job of {@code size} memberships. */
    static List<WriteOutcome> created(JobResult job, int size) {
        return map(job, size, null, true);
    }

    /** Outcomes of an update_many job; {@code idOf} gives the org id of the item at an index. */
    static List<WriteOutcome> updated(JobResult job, int size, ToLongFunction<Integer> idOf) {
        return map(job, size, idOf, false);
    }

    private static List<WriteOutcome> map(JobResult job, int size, ToLongFunction<Integer> idOf, boolean creates) {
        WriteOutcome[] out = new WriteOutcome[size];
        if (!job.completed()) {
            Arrays.fill(out, WriteOutcome.failure(job.reference(), job.problem()));
            return List.of(out);
        }
        List<JsonNode> results = job.results();
        for (int position = 0; position < results.size(); position++) {
            JsonNode r = results.get(position);
            int index = indexOf(r, position, size, idOf);
            if (index >= 0 && out[index] == null) {
                out[index] = outcome(job, r, creates);
            }
        }
        List<WriteOutcome> list = new ArrayList<>();
        for (WriteOutcome o : out) {
            list.add(
                    o != null
                            ? o
                            : WriteOutcome.failure(
                                    job.reference(),
                                    "job " + job.jobId() + " completed without a result for this action"));
        }
        return list;
    }

    private static int indexOf(JsonNode r, int position, int size, ToLongFunction<Integer> idOf) {
        if (r.path("index").canConvertToInt()) {
            int i = r.path("index").asInt();
            return i >= 0 && i < size ? i : -1;
        }
        if (idOf != null && r.path("id").canConvertToLong()) {
            for (int i = 0; i < size; i++) {
                if (idOf.applyAsLong(i) == r.path("id").asLong()) {
                    return i;
                }
            }
        }
        return position < size ? position : -1;
    }

    private static WriteOutcome outcome(JobResult job, JsonNode r, boolean creates) {
        boolean failed = r.hasNonNull("error")
                || (r.has("success") && !r.path("success").asBoolean())
                || (r.hasNonNull("errors") && !r.path("errors").asText().isEmpty());
        if (!failed) {
            long id = r.path("id").asLong(0);
            return creates && id > 0
                    ? WriteOutcome.created(job.reference(), new MembershipId(id))
                    : WriteOutcome.success(job.reference());
        }
        String words = words(r);
        if (creates && alreadyMember(words)) {
            return WriteOutcome.existingMembership(job.reference());
        }
        return WriteOutcome.failure(job.reference(), "Zendesk's job " + job.jobId() + " refused it: " + words);
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

    /** Zendesk's words for a membership that exists already (the single create's 422 says the same). */
    private static boolean alreadyMember(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        return w.contains("already") || w.contains("duplicatevalue");
    }
}
