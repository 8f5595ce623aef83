package io.plumbline.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Facts about one run that are not audit results: its id, when it ran, what it read, and the command
 * that started it. Kept out of the plan hash.
 *
 * @param inputKind {@code demo}, {@code snapshot} or {@code live}
 * @param inputPath the snapshot folder, absolute and normalized (or {@code demo:})
 */
public record RunInfo(
        String runId, Instant startedAt, Instant finishedAt, String inputKind, String inputPath, List<String> command) {
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        command = List.copyOf(command);
    }

    public boolean demo() {
        return "demo".equals(inputKind);
    }
}
