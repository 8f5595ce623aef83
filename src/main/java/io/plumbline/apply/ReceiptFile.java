package io.plumbline.apply;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.artifacts.Json;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.model.ActionCode;
import io.plumbline.plan.PlanHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A receipt file written incrementally: just before every write (as {@code in_flight}, or for a bulk job
 * every action in it as {@code in_flight_batch}) and after every result (or batch of results), the whole
 * receipt is written to a temporary file, forced to disk, atomically renamed over the receipt, and the
 * rename forced to disk too, so a crash never hides a write that happened: a finished write is in
 * {@code results}, and one cut off mid-flight is named by {@code in_flight} or {@code in_flight_batch}, with
 * the ids of the bulk jobs Zendesk queued for it so far in {@code in_flight_jobs}. A result that settles no
 * write (capped, blocked, skipped by its re-check, every row of a dry run) is written with the next write's
 * {@code in_flight}, or when the receipt finishes: rewriting the whole receipt for each of thousands of
 * such rows made a run quadratic, and nothing was written to Zendesk that it could hide. The {@link
 * #hash} of a finished receipt gates undo.
 */
public final class ReceiptFile implements ResultSink {
    /**
     * Reads and writes plans and receipts. A key given twice in one object is refused, not read as its
     * last value: a reviewer reading the first would be approving something else than what runs.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** The member of a finished receipt that holds its own {@link #hash}. */
    public static final String HASH_FIELD = "receipt_hash";

    private static final String[] COUNTS = {"attempted", "applied", "would_apply", "blocked", "skipped", "failed"};

    private final Path path;
    private final ObjectNode root;
    private final ArrayNode results;
    private final List<ActionResult> accepted = new ArrayList<>();
    /** Whether a write is in flight: the next result settles it, and is forced to disk at once. */
    private boolean settling;

    /** Starts a receipt at {@code path} with the given header members, and writes it at once. */
    public ReceiptFile(Path path, ObjectNode header) {
        this.path = path;
        this.root = header.deepCopy();
        ObjectNode counts = root.putObject("counts");
        for (String c : COUNTS) {
            counts.put(c, 0);
        }
        this.results = root.putArray("results");
        flush();
    }

    public Path path() {
        return path;
    }

    /** The results accepted so far, in order. */
    public List<ActionResult> results() {
        return List.copyOf(accepted);
    }

    @Override
    public void writing(ActionResult pending) {
        ObjectNode n = toJson(pending);
        n.remove(List.of("status", "reason", "zendesk_request_id"));
        root.set("in_flight", n);
        settling = true;
        flush();
    }

    @Override
    public void writingAll(List<ActionResult> pending) {
        ArrayNode batch = root.putArray("in_flight_batch");
        for (ActionResult p : pending) {
            ObjectNode n = toJson(p);
            n.remove(List.of("status", "reason", "zendesk_request_id"));
            batch.add(n);
        }
        settling = true;
        flush();
    }

    @Override
    public void notSent() {
        root.remove("in_flight");
        root.remove("in_flight_batch");
        root.remove("in_flight_jobs");
        settling = false;
        flush();
    }

    @Override
    public void jobQueued(String jobId) {
        ArrayNode jobs =
                root.has("in_flight_jobs") ? (ArrayNode) root.get("in_flight_jobs") : root.putArray("in_flight_jobs");
        jobs.add(jobId);
        flush();
    }

    @Override
    public void accept(ActionResult r) {
        boolean settles = settling || wrote(r);
        record(r);
        if (settles) {
            flush();
        }
    }

    /** Records a batch's results with one rewrite of the receipt when they settle a write. */
    @Override
    public void acceptAll(List<ActionResult> rs) {
        boolean settles = settling || rs.stream().anyMatch(ReceiptFile::wrote);
        rs.forEach(this::record);
        if (settles) {
            flush();
        }
    }

    /** Whether {@code r} is the result of a write that was sent: applied, or failed (it may have landed). */
    private static boolean wrote(ActionResult r) {
        return r.status() == ResultStatus.APPLIED || r.status() == ResultStatus.FAILED;
    }

    private void record(ActionResult r) {
        settling = false;
        root.remove("in_flight");
        root.remove("in_flight_batch");
        root.remove("in_flight_jobs");
        accepted.add(r);
        results.add(toJson(r));
        ObjectNode counts = (ObjectNode) root.get("counts");
        counts.put(r.status().code(), counts.get(r.status().code()).asInt() + 1);
        if (r.status() != ResultStatus.BLOCKED && !r.reason().startsWith("cap_") && r.tried()) {
            counts.put("attempted", counts.get("attempted").asInt() + 1);
        }
    }

    /** Marks the receipt complete, records its hash in it as {@code receipt_hash}, and returns the hash. */
    public String finish(String finishedAt) {
        root.put("finished_at", finishedAt);
        root.put("complete", true);
        String hash = hash(root);
        root.put(HASH_FIELD, hash);
        flush();
        return hash;
    }

    public ObjectNode json() {
        return root.deepCopy();
    }

    /** SHA-256 of the canonical JSON (RFC 8785) of a receipt without its {@code receipt_hash}. */
    public static String hash(JsonNode receipt) {
        if (receipt instanceof ObjectNode o && o.has(HASH_FIELD)) {
            receipt = o.deepCopy().without(HASH_FIELD);
        }
        return PlanHash.sha256Hex(PlanHash.canonical(receipt));
    }

    /**
     * The {@code receipt_hash} a finished receipt records, or empty for a receipt that has none (an apply
     * cut off before it finished, or a receipt from before receipts carried their hash).
     */
    public static String recordedHash(JsonNode receipt) {
        JsonNode h = receipt.path(HASH_FIELD);
        return h.isTextual() ? h.asText() : "";
    }

    private void flush() {
        try {
            byte[] bytes = Json.pretty(root).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.replaceDurably(path, file -> Files.write(file, bytes));
        } catch (IOException e) {
            throw new PlumblineException(2, path + ": cannot write the receipt: " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(ActionResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("action_id", r.actionId());
        n.put("action_code", r.code().code());
        n.put("status", r.status().code());
        n.put("reason", r.reason());
        n.put("sf_account_id", r.accountId());
        putLong(n, "zendesk_org_id", r.orgId());
        putLong(n, "zendesk_user_id", r.userId());
        putLong(n, "membership_id", r.membershipId());
        n.put("value", r.value());
        n.set("before", MAPPER.valueToTree(r.before()));
        n.set("after", MAPPER.valueToTree(r.after()));
        n.put("zendesk_request_id", r.requestId());
        return n;
    }

    private static void putLong(ObjectNode n, String name, Long v) {
        if (v == null) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    /** Reads the results of a receipt. */
    @SuppressWarnings("unchecked")
    public static List<ActionResult> results(JsonNode receipt) {
        List<ActionResult> out = new ArrayList<>();
        for (JsonNode n : receipt.path("results")) {
            out.add(result(n, status(n)));
        }
        return out;
    }

    /** The status a result records; one apply never writes is {@link UnreadableResult}. */
    private static ResultStatus status(JsonNode n) {
        String status = n.path("status").asText();
        for (ResultStatus s : ResultStatus.values()) {
            if (s.code().equals(status)) {
                return s;
            }
        }
        throw new UnreadableResult(
                n,
                "status '" + status + "' is none of "
                        + Arrays.stream(ResultStatus.values())
                                .map(ResultStatus::code)
                                .collect(Collectors.joining(", ")));
    }

    /** A result a receipt holds that apply never writes (a status or action code edited by hand). */
    public static final class UnreadableResult extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnreadableResult(JsonNode result, String what) {
            super("result "
                    + (result.path("action_id").asText().isEmpty()
                            ? "without an action_id"
                            : result.path("action_id").asText())
                    + ": " + what);
        }
    }

    /**
     * The writes a receipt records as failed but possibly landed ({@value JobConfirmation#WRITE_UNCONFIRMED},
     * {@value JobConfirmation#UNCONFIRMED}: its answer was lost, or its job may still have been running), in
     * the order they were sent, as {@link ResultStatus#APPLIED} results with the state recorded before the
     * write: as with the writes in flight, whether each reached Zendesk is for the caller to read.
     */
    public static List<ActionResult> unconfirmed(JsonNode receipt) {
        List<ActionResult> out = new ArrayList<>();
        for (ActionResult r : results(receipt)) {
            if (JobConfirmation.open(r)) {
                out.add(r.withOutcome(ResultStatus.APPLIED, "", r.before(), r.before(), r.requestId()));
            }
        }
        return out;
    }

    /**
     * The actions of {@link #unconfirmed} and {@link #inFlight} whose write went alone, not in a bulk job:
     * the one named {@code in_flight}, and those failed as {@value JobConfirmation#WRITE_UNCONFIRMED}. Such a
     * write lands while it is sent; an item of a job lands whenever Zendesk runs the job.
     */
    public static Set<String> sentAlone(JsonNode receipt) {
        Set<String> out = new LinkedHashSet<>();
        String single = receipt.path("in_flight").path("action_id").asText("");
        if (!single.isEmpty()) {
            out.add(single);
        }
        for (JsonNode n : receipt.path("results")) {
            if (n.path("status").asText().equals("failed")
                    && n.path("reason").asText("").startsWith(JobConfirmation.WRITE_UNCONFIRMED)) {
                out.add(n.path("action_id").asText());
            }
        }
        return out;
    }

    /** When the run finished ({@code finished_at}); empty for one that did not, or a time that cannot be read. */
    public static Optional<Instant> finishedAt(JsonNode receipt) {
        try {
            return Optional.of(Instant.parse(receipt.path("finished_at").asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The background jobs a live apply's receipt left open: those of the batch in flight when its run
     * stopped ({@code in_flight_jobs}), then those of its results that failed as
     * {@value JobConfirmation#UNCONFIRMED} (the job may still have been running), by the job id their
     * {@code zendesk_request_id} ends with ({@code <request> job <id>}), in the order they were sent.
     */
    public static Set<String> openJobs(JsonNode receipt) {
        Set<String> out = new LinkedHashSet<>();
        if (!receipt.path("mode").asText().equals("apply")) {
            return out;
        }
        // the jobs of a batch in flight when the run stopped, then those its results left open
        receipt.path("in_flight_jobs").forEach(n -> out.add(n.asText()));
        // read field by field: a receipt this version cannot read whole still names its jobs
        for (JsonNode n : receipt.path("results")) {
            Matcher m = JOB_ID.matcher(n.path("zendesk_request_id").asText(""));
            if (n.path("status").asText().equals("failed")
                    && n.path("reason").asText("").startsWith(JobConfirmation.UNCONFIRMED)
                    && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static final Pattern JOB_ID = Pattern.compile("(?:^| )job ([0-9A-Za-z]+)$");

    /**
     * The actions a receipt names as being written when its run stopped ({@code in_flight}, then each of
     * {@code in_flight_batch}), in the order they were sent, as {@link ResultStatus#APPLIED} results with the
     * state recorded just before the write: whether each reached Zendesk is for the caller to read.
     */
    public static List<ActionResult> inFlight(JsonNode receipt) {
        List<ActionResult> out = new ArrayList<>();
        JsonNode single = receipt.path("in_flight");
        if (single.isObject()) {
            out.add(result(single, ResultStatus.APPLIED));
        }
        receipt.path("in_flight_batch").forEach(n -> out.add(result(n, ResultStatus.APPLIED)));
        return out;
    }

    /**
     * The action ids of {@link #inFlight}, read field by field: an earlier receipt this run only consults
     * names its writes in flight even when the rest of such a result cannot be read.
     */
    public static List<String> inFlightIds(JsonNode receipt) {
        List<String> out = new ArrayList<>();
        String single = receipt.path("in_flight").path("action_id").asText("");
        if (!single.isEmpty()) {
            out.add(single);
        }
        receipt.path("in_flight_batch").forEach(n -> out.add(n.path("action_id").asText()));
        return out;
    }

    private static ActionResult result(JsonNode n, ResultStatus status) {
        ActionCode code;
        try {
            code = ActionCode.fromCode(n.path("action_code").asText());
        } catch (IllegalArgumentException e) {
            throw new UnreadableResult(n, e.getMessage());
        }
        return new ActionResult(
                n.path("action_id").asText(),
                code,
                status,
                n.path("reason").asText(),
                n.path("sf_account_id").asText(),
                longOrNull(n, "zendesk_org_id"),
                longOrNull(n, "zendesk_user_id"),
                longOrNull(n, "membership_id"),
                n.path("value").asText(),
                state(n, "before"),
                state(n, "after"),
                n.path("zendesk_request_id").asText());
    }

    /** An id a result names: a whole number, or absent or null; anything else apply never writes. */
    private static Long longOrNull(JsonNode n, String name) {
        JsonNode v = n.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new UnreadableResult(n, name + " " + v + " is not a whole number");
        }
        return v.asLong();
    }

    /** The state a result records before or after its write: an object, or absent; anything else is unreadable. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(JsonNode n, String name) {
        JsonNode v = n.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return new TreeMap<>();
        }
        if (!v.isObject()) {
            throw new UnreadableResult(n, name + " is not an object");
        }
        return MAPPER.convertValue(v, TreeMap.class);
    }

    static Map<String, Object> map(JsonNode n) {
        return MAPPER.convertValue(n, TreeMap.class);
    }
}
