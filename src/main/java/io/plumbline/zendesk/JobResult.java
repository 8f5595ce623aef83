package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What became of one bulk request: the job Zendesk queued for it ({@code jobId}, empty when none was
 * queued), the request id of the request that queued it, the job's last status ({@code queued},
 * {@code working}, {@code completed}, {@code failed}, {@code killed}) with its message and per-item
 * results, and {@code problem}: empty when the job completed, else why its items cannot be taken as
 * written (refused, failed, status unreadable, or still not finished after the polls allowed).
 */
public record JobResult(
        String jobId, String requestId, String status, String message, List<JsonNode> results, String problem) {
    public JobResult {
        jobId = jobId == null ? "" : jobId;
        requestId = requestId == null ? "" : requestId;
        status = status == null ? "" : status;
        message = message == null ? "" : message;
        results = List.copyOf(results);
        problem = problem == null ? "" : problem;
    }

    public boolean completed() {
        return problem.isEmpty();
    }

    /** The request id with the job id, as a receipt names a write done by a job. */
    public String reference() {
        return jobId.isEmpty() ? requestId : (requestId.isEmpty() ? "" : requestId + " ") + "job " + jobId;
    }

    static JobResult refused(String requestId, String problem) {
        return new JobResult("", requestId, "", "", List.of(), problem);
    }
}
