package io.plumbline.bench;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.detect.DriftDetector;
import io.plumbline.detect.Issue;
import io.plumbline.model.Snapshot;
import io.plumbline.plan.Planner;
import io.plumbline.resolve.IdentityResolver;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an offline audit spends its time, phase by phase (read the snapshot, resolve-detect-plan,
 * write the run folder), for profiling; {@link AuditBench} measures the command as a whole.
 */
public final class PhaseBench {
    private PhaseBench() {}

    /**
     * Args: SNAPSHOT_DIR OUT_DIR. Prints wall and process CPU seconds per phase; resolve, detect and
     * plan are timed on their own first, then the audit runs once more as the command runs it.
     */
    public static void main(String[] args) {
        Phases phases = new Phases();
        Snapshot snapshot = SnapshotReader.read(
                new FolderSource(Path.of(args[0])),
                null,
                ResolutionSettings.defaults().ticketLookback());
        phases.end("read");
        Resolution resolution = new IdentityResolver(ResolutionSettings.defaults()).resolve(snapshot);
        phases.end("resolve");
        List<Issue> issues = new DriftDetector().detect(resolution);
        phases.end("detect");
        new Planner().plan(issues);
        phases.end("plan");
        resolution = null;
        issues = null;
        AuditResult result =
                new Auditor(ResolutionSettings.defaults(), List.of()).audit(snapshot, false, "phases", Instant.now());
        phases.end("audit_core");
        Instant now = Instant.now();
        RunFolderWriter.write(
                result,
                SummaryFacts.of(result),
                new RunInfo("phases", now, now, "snapshot", args[0], List.of()),
                Path.of(args[1]),
                List.of());
        phases.end("write");
        if (Boolean.getBoolean("bench.histogram")) {
            System.out.println(histogram(result));
        }
        System.out.println(phases + " issues=" + result.issues().size());
    }

    /** Wall and process CPU time (and of that, GC and JIT threads' time) between calls to {@link #end}. */
    private static final class Phases {
        private final StringBuilder line = new StringBuilder();
        private long wall = System.nanoTime();
        private long cpu = cpuNanos();
        private Map<String, Double> byKind = ThreadCpu.byKind(cpu / 1e9);

        void end(String phase) {
            long w = System.nanoTime();
            long c = cpuNanos();
            Map<String, Double> kinds = ThreadCpu.byKind(c / 1e9);
            line.append(String.format(
                    "%s_s=%.2f(cpu %.2f gc %.1f jit %.1f) ",
                    phase,
                    (w - wall) / 1e9,
                    (c - cpu) / 1e9,
                    kinds.getOrDefault("gc", 0.0) - byKind.getOrDefault("gc", 0.0),
                    kinds.getOrDefault("jit", 0.0) - byKind.getOrDefault("jit", 0.0)));
            byKind = kinds;
            if (Boolean.getBoolean("bench.live")) {
                // a full collection at each phase end shows what the phase left live (costs time itself)
                System.gc();
                long used = java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed();
                line.append(String.format("live_after_%s_mb=%d ", phase, used >> 20));
                w = System.nanoTime();
                c = cpuNanos();
                byKind = ThreadCpu.byKind(c / 1e9);
            }
            wall = w;
            cpu = c;
        }

        private static long cpuNanos() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        }

        @Override
        public String toString() {
            return line.toString().trim();
        }
    }

    /** The live heap by class while {@code keep} (the audit's result) is still reachable. */
    private static String histogram(Object keep) {
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            java.lang.ref.Reference.reachabilityFence(keep);
            return String.join("\n", text.toString().lines().limit(40).toList());
        } catch (javax.management.JMException e) {
            return "no histogram: " + e;
        }
    }
}
