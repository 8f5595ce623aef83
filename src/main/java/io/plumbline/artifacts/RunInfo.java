package io.plumbline.artifacts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Facts about one run that are not audit results: its id, when it ran, what it read, and the command
 * that started it. Kept out of the plan hash.
 *
 * @param inputKind {@code demo}, {@code snapshot} or {@code live}
 * @param inputPath the snapshot folder, absolute and normalized (or {@code demo:})
 * @param inputChecksums the CRC-32C checksum of each input file the run read, by its path in the snapshot
 * @param config the config file the command was given ({@code --config}), absolute; null when it used the
 *     default, so the next commands it prints name it too
 */
public record RunInfo(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        String inputKind,
        String inputPath,
        List<String> command,
        Map<String, String> inputChecksums,
        Path config) {
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        command = List.copyOf(command);
        inputChecksums = Collections.unmodifiableSortedMap(new TreeMap<>(inputChecksums));
    }

    /** A run whose input files were not fingerprinted, given no {@code --config}. */
    public RunInfo(
            String runId,
            Instant startedAt,
            Instant finishedAt,
            String inputKind,
            String inputPath,
            List<String> command) {
        this(runId, startedAt, finishedAt, inputKind, inputPath, command, Map.of(), null);
    }

    public boolean demo() {
        return "demo".equals(inputKind);
    }
}
