package io.plumbline.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk API 2.0 query jobs: create ({@code UploadComplete}), poll ({@code InProgress} until the
 * configured number of polls, then {@code JobComplete}, or {@code Failed} when told to fail), and CSV
 * results in pages with {@code Sforce-Locator} ({@code "null"} on the last). Every call about a job
 * must use the API version that created it, else 409.
 */
final class BulkEndpoint {
    private record Job(
            String id, String version, SoqlStatement statement, List<Map<String, String>> rows, AtomicInteger polls) {}

    private final OrgData data;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    volatile int pollsUntilComplete = 2;
    volatile int maxPageSize = Integer.MAX_VALUE;
    volatile String failure;

    BulkEndpoint(OrgData data) {
        this.data = data;
    }

    Reply create(String version, String body) {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new EmulatorError(400, "JSON_PARSER_ERROR", "malformed JSON");
        }
        if (!request.path("operation").asText().equals("query")) {
            throw new EmulatorError(400, "INVALIDJOB", "only operation query is supported here");
        }
        SoqlStatement statement = SoqlParser.parse(request.path("query").asText(), data);
        if (statement.count()) {
            throw new EmulatorError(400, "INVALIDJOB", "Aggregate queries are not supported by Bulk API 2.0");
        }
        String id = "750EMU" + String.format("%012d", ids.incrementAndGet());
        jobs.put(id, new Job(id, version, statement, statement.run(data), new AtomicInteger()));
        return Reply.json(200, info(jobs.get(id), "UploadComplete").toString());
    }

    Reply status(String version, String id) {
        Job job = job(version, id);
        int polls = job.polls().incrementAndGet();
        String state = failure != null ? "Failed" : polls >= pollsUntilComplete ? "JobComplete" : "InProgress";
        ObjectNode info = info(job, state);
        if (failure != null) {
            info.put("errorMessage", failure);
        }
        return Reply.json(200, info.toString());
    }

    Reply results(String version, String id, Map<String, String> params) {
        Job job = job(version, id);
        if (failure != null || job.polls().get() < pollsUntilComplete) {
            throw new EmulatorError(400, "INVALIDJOBSTATE", "job " + id + " is not complete");
        }
        int offset = params.containsKey("locator")
                ? Integer.parseInt(
                        new String(Base64.getDecoder().decode(params.get("locator")), StandardCharsets.UTF_8))
                : 0;
        int size = Math.min(maxPageSize, Integer.parseInt(params.getOrDefault("maxRecords", "" + Integer.MAX_VALUE)));
        int end = (int) Math.min(job.rows().size(), (long) offset + size);
        StringBuilder csv = new StringBuilder();
        csv.append(line(job.statement().fields()));
        for (Map<String, String> row : job.rows().subList(offset, end)) {
            csv.append(line(job.statement().fields().stream()
                    .map(f -> data.value(job.statement().object(), row, f))
                    .toList()));
        }
        String next = end < job.rows().size()
                ? Base64.getEncoder().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8))
                : "null";
        return new Reply(
                200,
                "text/csv",
                csv.toString(),
                Map.of("Sforce-Locator", next, "Sforce-NumberOfRecords", Integer.toString(end - offset)));
    }

    private Job job(String version, String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new EmulatorError(404, "NOT_FOUND", "no query job " + id);
        }
        if (!job.version().equals(version)) {
            throw new EmulatorError(
                    409,
                    "INVALIDJOBSTATE",
                    "job " + id + " was created with API version " + job.version() + ", not " + version);
        }
        return job;
    }

    private static ObjectNode info(Job job, String state) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", job.id())
                .put("operation", "query")
                .put("object", job.statement().object());
        out.put("createdById", "005EMU000000001AAA").put("createdDate", "2026-05-01T00:00:00.000+0000");
        out.put("state", state).put("concurrencyMode", "Parallel").put("contentType", "CSV");
        out.put("apiVersion", Double.parseDouble(job.version()))
                .put("lineEnding", "LF")
                .put("columnDelimiter", "COMMA");
        return out;
    }

    private static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            sb.append(i == 0 ? "" : ",").append(v == null ? "" : "\"" + v.replace("\"", "\"\"") + "\"");
        }
        return sb.append('\n').toString();
    }
}
