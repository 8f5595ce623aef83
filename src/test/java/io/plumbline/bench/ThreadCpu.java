package io.plumbline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the process's CPU went, by kind of thread, read from Linux's {@code /proc/self/task}: the JIT
 * compilers, the garbage collector, and everything else (the program's own threads, including pools
 * that have ended, are the remainder of the process total). Empty where {@code /proc} is missing.
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {}

    /** Seconds of CPU by kind ({@code jit}, {@code gc}, {@code other}), given the process total. */
    static Map<String, Double> byKind(double processCpuSeconds) {
        Map<String, Double> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                String kind = kind(read(task.resolve("comm")).strip());
                if (kind != null) {
                    out.merge(kind, seconds(read(task.resolve("stat"))), Double::sum);
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        double known = out.values().stream().mapToDouble(Double::doubleValue).sum();
        out.put("other", Math.max(0, processCpuSeconds - known));
        return out;
    }

    private static String kind(String comm) {
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "gc";
        }
        return null;
    }

    /** utime + stime of a {@code stat} line, after the command name in parentheses. */
    private static double seconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return stat.isEmpty() ? 0 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
