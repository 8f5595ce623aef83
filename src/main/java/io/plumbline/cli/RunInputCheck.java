package io.plumbline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.audit.AuditResult;
import io.plumbline.snapshot.InputFingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a run folder's inputs, re-read now, are still what the run read: the CRC-32C checksum of each input
 * file against the ones its receipt.json records (runs recorded before that have none), and the plan
 * hash of the re-audit against the run's. Says what changed, in words, or nothing.
 */
final class RunInputCheck {
    private RunInputCheck() {}

    static Optional<String> change(Path run, AuditInputs inputs, AuditResult result) {
        JsonNode receipt = AuditInputs.readJson(run.resolve("receipt.json"));
        String recordedHash = AuditInputs.readJson(run.resolve("fix_plan.json"))
                .path("plan_hash")
                .asText();
        String planHash = result.plan().planHash();
        String plan = "plan_hash " + recordedHash + " then, " + planHash + " now";
        JsonNode recordedFiles = receipt.path("input").path("crc32c");
        List<String> files = changedFiles(recordedFiles, inputs);
        if (!files.isEmpty()) {
            return Optional.of(inputs.description() + " changed since the run: " + String.join(", ", files)
                    + (files.size() == 1 ? " differs" : " differ")
                    + " from the checksum recorded in the run's receipt.json ("
                    + (recordedHash.equals(planHash) ? "the plan is the same" : plan) + ")");
        }
        if (!recordedHash.equals(planHash)) {
            return Optional.of(
                    recordedFiles.isObject()
                            ? "the run's plan no longer follows from its unchanged input files (" + plan
                                    + "), as when another version of plumbline audits them"
                            : "the run's inputs changed since it ran (" + plan + ")");
        }
        return Optional.empty();
    }

    /** Whether the run's audit was given an {@code --as-of}, as its receipt.json's {@code argv} records. */
    static boolean asOfGiven(Path run) {
        for (JsonNode arg : AuditInputs.readJson(run.resolve("receipt.json")).path("argv")) {
            if (arg.asText().equals("--as-of") || arg.asText().startsWith("--as-of=")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> changedFiles(JsonNode recorded, AuditInputs inputs) {
        if (!recorded.isObject()) {
            return List.of();
        }
        Map<String, String> then = new TreeMap<>();
        recorded.fields()
                .forEachRemaining(e -> then.put(e.getKey(), e.getValue().asText()));
        return InputFingerprints.changed(then, InputFingerprints.of(inputs.source()));
    }
}
