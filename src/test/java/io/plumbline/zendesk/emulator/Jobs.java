package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The background jobs that bulk requests queue, as {@code GET /api/v2/job_statuses/{id}} reports them:
 * a job's work is done (or refused item by item) when it is queued, but its status reads {@code queued}
 * on the first poll and {@code working} on later ones until {@link #pollsBeforeDone} polls have been
 * answered, then {@code completed} with its per-item results, or {@code failed} with a message when a
 * test asked for it ({@link #failNext}; a failed job changes nothing). Answers carry Zendesk's
 * {@code job_status} envelope: {@code id, url, job_type, total, progress, status, message, results}.
 */
public final class Jobs {
    private final String base;
    private final Map<String, Job> jobs = new HashMap<>();
    private final Deque<String> failures = new ArrayDeque<>();
    private int pollsBeforeDone = 1;
    private long queued;

    private static final class Job {
        final String id;
        final String type;
        final int total;
        final ArrayNode results;
        final String failure;
        final Instant at;
        int polls;
        final int pollsBeforeDone;

        Job(String id, String type, int total, ArrayNode results, String failure, Instant at, int pollsBeforeDone) {
            this.id = id;
            this.type = type;
            this.total = total;
            this.results = results;
            this.failure = failure;
            this.at = at;
            this.pollsBeforeDone = pollsBeforeDone;
        }
    }

    Jobs(String base) {
        this.base = base;
    }

    /** How many polls of each job queued from now on read queued or working before its final status. */
    public synchronized void pollsBeforeDone(int polls) {
        this.pollsBeforeDone = polls;
    }

    /** The next job queued fails with this message and does nothing. */
    public synchronized void failNext(String message) {
        failures.add(message);
    }

    /** How many jobs have been queued. */
    public synchronized long queued() {
        return queued;
    }

    /** The failure the next job is to have, taken off the list (null when it is to run). */
    synchronized String takeFailure() {
        return failures.poll();
    }

    /** Queues a job with its (already computed) results and answers as Zendesk does: 200 and the queued status. */
    synchronized Reply queue(String type, int total, ArrayNode results, String failure, Instant at) {
        queued++;
        String id = UUID.nameUUIDFromBytes(("job-" + queued).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
        Job job = new Job(id, type, total, results, failure, at, pollsBeforeDone);
        jobs.put(id, job);
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        ObjectNode s = status(job, "queued");
        s.put("progress", 0);
        s.putNull("message");
        s.putArray("results");
        body.set("job_status", s);
        return Reply.json(200, body);
    }

    /** {@code GET /api/v2/job_statuses/{id}}. */
    synchronized Reply show(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Reply.notFound();
        }
        job.polls++;
        ObjectNode s;
        if (job.polls <= job.pollsBeforeDone) {
            s = status(job, job.polls == 1 ? "queued" : "working");
            s.put("progress", job.polls == 1 ? 0 : job.total / 2);
            s.putNull("message");
            s.putArray("results");
        } else if (job.failure != null) {
            s = status(job, "failed");
            s.put("progress", 0);
            s.put("message", job.failure);
            s.putArray("results");
        } else {
            s = status(job, "completed");
            s.put("progress", job.total);
            s.put("message", "Completed at " + EmulatorState.stamp(job.at));
            s.set("results", job.results.deepCopy());
        }
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        body.set("job_status", s);
        return Reply.json(200, body);
    }

    private ObjectNode status(Job job, String status) {
        ObjectNode s = EmulatorState.JSON.createObjectNode();
        s.put("id", job.id);
        s.put("url", base + "/api/v2/job_statuses/" + job.id + ".json");
        s.put("job_type", job.type);
        s.put("total", job.total);
        s.put("status", status);
        return s;
    }
}
