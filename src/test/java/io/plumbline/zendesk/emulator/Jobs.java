package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The background jobs that bulk requests queue, as {@code GET /api/v2/job_statuses/{id}} reports them:
 * a job's work is done (or refused item by item) when it is queued, or with {@link #workAtCompletion}
 * only when it completes; its status reads {@code queued} on the first poll and {@code working} on
 * later ones until {@link #pollsBeforeDone} polls have been answered, then {@code completed} with its
 * per-item results, or {@code failed} with a message when a test asked for it ({@link #failNext}; a
 * failed job does the items it was given to do before failing, none by default). Answers carry Zendesk's
 * {@code job_status} envelope: {@code id, url, job_type, total, progress, status, message, results}. The
 * results carry an {@code index} unless {@link #createResultsAsDocumented} is set (then a create's result
 * is {@code {"status":"Created","id"}} alone, as Zendesk's reference shows it), and come in item order
 * unless {@link #reverseResults} is set.
 */
public final class Jobs {
    private final String base;
    private final Map<String, Job> jobs = new HashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private int pollsBeforeDone = 1;
    private boolean workAtCompletion;
    private boolean documentedCreates;
    private boolean reversed;
    private long queued;

    /** A job to fail: its message, and how many of its items it does first. */
    record Failure(String message, int itemsDone) {}

    private static final class Job {
        final String id;
        final String type;
        final int total;
        final IntFunction<ArrayNode> work;
        final int upTo;
        final String failure;
        final Instant at;
        final int pollsBeforeDone;
        ArrayNode results;
        int polls;

        Job(
                String id,
                String type,
                int total,
                IntFunction<ArrayNode> work,
                Failure failure,
                Instant at,
                int pollsBeforeDone) {
            this.id = id;
            this.type = type;
            this.total = total;
            this.work = work;
            this.upTo = failure == null ? total : Math.min(total, failure.itemsDone());
            this.failure = failure == null ? null : failure.message();
            this.at = at;
            this.pollsBeforeDone = pollsBeforeDone;
        }

        void runWork() {
            if (results == null) {
                results = work.apply(upTo);
            }
        }
    }

    Jobs(String base) {
        this.base = base;
    }

    /** How many polls of each job queued from now on read queued or working before its final status. */
    public synchronized void pollsBeforeDone(int polls) {
        this.pollsBeforeDone = polls;
    }

    /** Jobs queued from now on do their work only when they complete (or fail), not when queued. */
    public synchronized void workAtCompletion(boolean atCompletion) {
        this.workAtCompletion = atCompletion;
    }

    /** Results of creates leave out {@code index}: {@code {"status":"Created","id":...}}, as documented. */
    public synchronized void createResultsAsDocumented(boolean documented) {
        this.documentedCreates = documented;
    }

    /** Results come in the reverse of the items' order. */
    public synchronized void reverseResults(boolean reverse) {
        this.reversed = reverse;
    }

    /** The next job queued fails with this message and does nothing. */
    public synchronized void failNext(String message) {
        failNext(message, 0);
    }

    /** The next job queued does its first {@code itemsDone} items, then fails with this message. */
    public synchronized void failNext(String message, int itemsDone) {
        failures.add(new Failure(message, itemsDone));
    }

    /** How many jobs have been queued. */
    public synchronized long queued() {
        return queued;
    }

    /**
     * Does the work of every job that has not done it yet, as if each ran to its end now: its status
     * reads its final one from the next poll on.
     */
    synchronized void finishAll() {
        for (Job job : jobs.values()) {
            job.runWork();
            job.polls = Math.max(job.polls, job.pollsBeforeDone);
        }
    }

    /** The failure the next job is to have, taken off the list (null when it is to run). */
    synchronized Failure takeFailure() {
        return failures.poll();
    }

    /**
     * Queues a job whose {@code work} does its first n items and returns their results, and answers as
     * Zendesk does: 200 and the queued status.
     */
    synchronized Reply queue(String type, int total, IntFunction<ArrayNode> work, Failure failure, Instant at) {
        queued++;
        String id = UUID.nameUUIDFromBytes(("job-" + queued).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
        Job job = new Job(id, type, total, work, failure, at, pollsBeforeDone);
        if (!workAtCompletion) {
            job.runWork();
        }
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
            job.runWork();
            s = status(job, "failed");
            s.put("progress", job.upTo);
            s.put("message", job.failure);
            s.putArray("results");
        } else {
            job.runWork();
            s = status(job, "completed");
            s.put("progress", job.total);
            s.put("message", "Completed at " + EmulatorState.stamp(job.at));
            s.set("results", shaped(job.results));
        }
        ObjectNode body = EmulatorState.JSON.createObjectNode();
        body.set("job_status", s);
        return Reply.json(200, body);
    }

    private ArrayNode shaped(ArrayNode results) {
        ArrayNode out = EmulatorState.JSON.createArrayNode();
        for (JsonNode r : results) {
            ObjectNode copy = r.deepCopy();
            if (documentedCreates && "Created".equals(copy.path("status").asText())) {
                copy.remove("index");
            }
            if (reversed) {
                out.insert(0, copy);
            } else {
                out.add(copy);
            }
        }
        return out;
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
