package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What became of one bulk request: the job Zendesk queued for it ({@code jobId}, empty when none was
 * named), the request id of the request that queued it, the job's last status ({@code queued},
 * {@code working}, {@code completed}, {@code failed}, {@code killed}) with its message and per-item
 * results, its {@link Fate}, and {@code problem}: empty when the job is confirmed completed, else why its
 * items cannot be taken from its results (refused, failed, sent twice, status unreadable, or still not
 * finished after the polls allowed).
 */
public record JobResult(
        String jobId,
        String requestId,
        String status,
        String message,
        List<JsonNode> results,
        Fate fate,
        String problem) {
    /** How far a job's own answer can be trusted about what it wrote. */
    public enum Fate {
        /** Completed, sent once: its per-item results say what became of each item. */
        COMPLETED,
        /**
         * Over, but its results do not say what it wrote: it failed or was killed (possibly partway).
         * Nothing more of it will land.
         */
        ENDED,
        /**
         * Not known to be over: still queued or working after the last poll, its status could not be
         * read, Zendesk accepted the request without naming a job to follow, the request's answer was
         * lost after it may have reached Zendesk, or it completed after the
         * request had to be sent again (the earlier attempt may have queued a job of its own, not yet
         * run). It may still land.
         */
        OPEN,
        /** Refused before any job was queued: nothing of it was written. */
        REFUSED
    }

    public JobResult {
        jobId = jobId == null ? "" : jobId;
        requestId = requestId == null ? "" : requestId;
        status = status == null ? "" : status;
        message = message == null ? "" : message;
        results = List.copyOf(results);
        Objects.requireNonNull(fate, "fate");
        problem = problem == null ? "" : problem;
        if ((fate == Fate.COMPLETED) != problem.isEmpty()) {
            throw new IllegalArgumentException(
                    "a job has a problem exactly when it is not confirmed completed: " + fate);
        }
    }

    /** Completed, sent once, with per-item results to read. */
    public boolean completed() {
        return fate == Fate.COMPLETED;
    }

    /** The request id with the job id, as a receipt names a write done by a job. */
    public String reference() {
        return jobId.isEmpty() ? requestId : (requestId.isEmpty() ? "" : requestId + " ") + "job " + jobId;
    }

    static JobResult refused(String requestId, String problem) {
        return new JobResult("", requestId, "", "", List.of(), Fate.REFUSED, problem);
    }

    static JobResult lost(String requestId, String problem) {
        return new JobResult("", requestId, "", "", List.of(), Fate.OPEN, problem);
    }
}
