package io.plumbline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the real offline audit ({@code plumbline audit --snapshot DIR}) in this JVM, exactly as the
 * command line does, timing it and watching memory; then compares the issue counts of the run's
 * {@code summary.json} with the generator's {@code expected_counts.json}.
 */
public final class AuditBench {
    private AuditBench() {}

    /** Args: SNAPSHOT_DIR OUT_DIR RUN_ID. Prints one {@code key=value} line and any count mismatch. */
    public static void main(String[] args) throws Exception {
        Path snapshot = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String runId = args[2];
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        Main main = new Main(new PrintWriter(stdout), new PrintWriter(stderr), Map.of(), Clock.systemUTC());
        int code;
        double seconds;
        long cpuBefore = cpuNanos();
        try (MemoryWatch memory = new MemoryWatch()) {
            long t0 = System.nanoTime();
            code = main.run("audit", "--snapshot", snapshot.toString(), "--out", out.toString(), "--run-id", runId);
            seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "audit_s=%.2f cpu_s=%.2f exit=%d peak_heap_used_mb=%d peak_live_after_gc_mb=%d "
                            + "peak_heap_committed_mb=%d peak_rss_mb=%d%n",
                    seconds,
                    (cpuNanos() - cpuBefore) / 1e9,
                    code,
                    memory.peakUsed() >> 20,
                    memory.peakLiveAfterGc() >> 20,
                    memory.peakCommitted() >> 20,
                    MemoryWatch.peakRss() >> 20);
        }
        StringBuilder cpu = new StringBuilder("cpu_by_kind:");
        ThreadCpu.byKind((cpuNanos() - cpuBefore) / 1e9)
                .forEach((k, v) -> cpu.append(String.format(" %s_s=%.1f", k, v)));
        System.out.println(cpu);
        if (code != 0) {
            System.out.println("audit failed: " + stderr);
            System.exit(1);
        }
        Map<String, Long> found = counts(new ObjectMapper()
                .readTree(out.resolve(runId).resolve("summary.json").toFile())
                .path("issues")
                .path("by_code"));
        Map<String, Long> expected = counts(new ObjectMapper()
                .readTree(snapshot.resolve("expected_counts.json").toFile())
                .path("issues"));
        boolean same = found.equals(expected);
        System.out.println("counts_match=" + same + " issues="
                + found.values().stream().mapToLong(Long::longValue).sum());
        if (!same) {
            System.out.println("expected " + expected + "\nfound    " + found);
            System.exit(1);
        }
    }

    private static Map<String, Long> counts(JsonNode byCode) {
        Map<String, Long> out = new TreeMap<>();
        byCode.fields().forEachRemaining(e -> {
            if (e.getValue().asLong() != 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
