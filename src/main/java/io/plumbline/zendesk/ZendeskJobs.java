package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends a bulk request and waits for the background job it queues: {@code GET /api/v2/job_statuses/{id}}
 * until the job is {@code completed}, {@code failed} or {@code killed}, at most as often as the
 * {@link JobPolling} allows, waiting between polls on the client's sleeper (each poll is also paced and
 * retried like any request, 429 and {@code Retry-After} included). Never throws for a job's fate: a
 * refused request, a failed job, an unreadable status or a job still running after the last poll is a
 * {@link JobResult} with a {@link JobResult.Fate} and a problem, so that the actions in it can be
 * confirmed against Zendesk's records and the batch can go on. A create's request that had to be sent
 * again after an attempt that may have reached Zendesk (a 5xx or a lost answer) is never taken as
 * confirmed, since the first attempt may have queued a job of its own; an update's request, whose body
 * carries state read before it (whole domain lists), is never sent again after such an attempt.
 */
final class ZendeskJobs {
    private static final Set<Integer> DATA_ERRORS = Set.of(400, 404, 409, 422);
    private final ZendeskHttp http;
    private final JobPolling polling;
    private Consumer<String> queued = id -> {};

    ZendeskJobs(ZendeskHttp http, JobPolling polling) {
        this.http = http;
        this.polling = polling;
    }

    /** Tells {@code listener} the id of each job Zendesk queues, as soon as it is known. */
    void onQueued(Consumer<String> listener) {
        this.queued = listener;
    }

    /**
     * Submits the job and awaits it. {@code resendable}: its body holds nothing read before it, so it is
     * sent again after an answer that leaves open whether it went through (see {@link
     * ZendeskHttp#writeResending}); else such an answer ends the submission, and the job is
     * {@link JobResult.Fate#OPEN}, for its items to be settled from Zendesk's records.
     */
    JobResult run(String method, String path, JsonNode body, boolean resendable) {
        boolean[] resent = {false};
        ZendeskResponse submitted;
        try {
            submitted = resendable
                    ? http.writeResending(method, path, body, DATA_ERRORS, () -> resent[0] = true)
                    : http.write(method, path, body, DATA_ERRORS, () -> resent[0] = true);
        } catch (PlumblineException e) {
            if ((e instanceof RunStopException || e instanceof TurnedAwayException) && !resent[0]) {
                // refused for the rate limit or the credentials, never queued: the applier re-checks the batch,
                // or stops
                throw e;
            }
            String problem = "the bulk request was not accepted: " + e.getMessage();
            return resent[0]
                    ? JobResult.lost("", problem + "; an attempt may have reached Zendesk and queued a job")
                    : JobResult.refused("", problem);
        }
        if (!submitted.ok()) {
            String detail = http.redactor().redact(ZendeskErrors.detail(submitted));
            String problem = "Zendesk answered " + submitted.status() + (detail.isEmpty() ? "" : ": " + detail);
            return resent[0]
                    ? JobResult.lost(
                            submitted.requestId(), problem + " after an earlier attempt that may have queued a job")
                    : JobResult.refused(submitted.requestId(), problem);
        }
        JsonNode job = submitted.body().path("job_status");
        String id = job.path("id").asText("");
        if (id.isEmpty()) {
            // accepted: a job may have been queued that Plumbline cannot follow, so it may yet land
            return new JobResult(
                    "",
                    submitted.requestId(),
                    "",
                    "",
                    List.of(),
                    JobResult.Fate.OPEN,
                    "Zendesk accepted the bulk request but named no job, which may still run");
        }
        try {
            queued.accept(id); // before the wait: a run stopped while it polls still names the job
        } catch (RuntimeException e) {
            // the job is followed all the same, and its items' results name it; what kept the listener
            // from recording it (a receipt that cannot be written) stops the run at the next record
        }
        JobResult done = await(id, submitted.requestId(), job);
        if (resent[0] && done.completed()) {
            return new JobResult(
                    id,
                    done.requestId(),
                    done.status(),
                    done.message(),
                    done.results(),
                    JobResult.Fate.OPEN,
                    "job " + id + " completed, but the request had to be sent again after an attempt that may"
                            + " have queued a job of its own, which may still be running");
        }
        return done;
    }

    private JobResult await(String id, String requestId, JsonNode job) {
        for (int poll = 1; !finished(job); poll++) {
            if (poll > polling.maxPolls()) {
                return result(
                        id,
                        requestId,
                        job,
                        JobResult.Fate.OPEN,
                        "job " + id + " was still " + job.path("status").asText("unknown") + " after "
                                + polling.maxPolls() + " polls; it may yet run");
            }
            try {
                sleep(polling.waitBefore(poll));
                job = http.get("/api/v2/job_statuses/" + ZendeskExporter.encode(id))
                        .body()
                        .path("job_status");
            } catch (PlumblineException e) {
                return result(
                        id,
                        requestId,
                        job,
                        JobResult.Fate.OPEN,
                        "job " + id + " was sent but its status could not be read (" + e.getMessage() + ")");
            }
        }
        String status = job.path("status").asText();
        if (status.equals("completed")) {
            return result(id, requestId, job, JobResult.Fate.COMPLETED, "");
        }
        String message = job.path("message").asText("");
        return result(
                id,
                requestId,
                job,
                JobResult.Fate.ENDED,
                "job " + id + " " + status + (message.isEmpty() ? "" : ": " + message));
    }

    private static boolean finished(JsonNode job) {
        String s = job.path("status").asText("");
        return s.equals("completed") || s.equals("failed") || s.equals("killed");
    }

    private JobResult result(String id, String requestId, JsonNode job, JobResult.Fate fate, String problem) {
        List<JsonNode> results = new ArrayList<>();
        SecretRedactor redactor = http.redactor();
        for (JsonNode r : job.path("results")) {
            results.add(redacted(r, redactor));
        }
        return new JobResult(
                id,
                requestId,
                job.path("status").asText(""),
                http.redactor().redact(job.path("message").asText("")),
                results,
                fate,
                http.redactor().redact(problem));
    }

    /** The result with every known secret masked in its text (an item error may quote what was sent). */
    private static JsonNode redacted(JsonNode r, SecretRedactor redactor) {
        String text = r.toString();
        String masked = redactor.redact(text);
        if (masked.equals(text)) {
            return r;
        }
        try {
            return ZendeskHttp.JSON.readTree(masked);
        } catch (IOException e) {
            return ZendeskHttp.JSON.createObjectNode().put("error", masked);
        }
    }

    private void sleep(Duration d) {
        try {
            http.settings().sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlumblineException(ExitCodes.REMOTE, "interrupted while waiting for a Zendesk job", e);
        }
    }
}
