package io.plumbline.bench;

import io.plumbline.detect.IssueCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated tenant holds: the number of records written per file and the number of issues
 * injected per issue code (every code listed, zeros included), written as {@code expected_counts.json}.
 */
public final class ExpectedCounts {
    private final Map<IssueCode, Long> issues = new EnumMap<>(IssueCode.class);
    private final Map<String, Long> inputs = new LinkedHashMap<>();

    ExpectedCounts() {
        for (IssueCode c : IssueCode.values()) {
            issues.put(c, 0L);
        }
    }

    void add(IssueCode code) {
        issues.merge(code, 1L, Long::sum);
    }

    void input(String name, long count) {
        inputs.put(name, count);
    }

    /** Issues per code, every code present. */
    public Map<IssueCode, Long> issues() {
        return new EnumMap<>(issues);
    }

    /** Records per input kind (accounts, contacts, organizations, users, memberships, tickets, tickets_in_window). */
    public Map<String, Long> inputs() {
        return new LinkedHashMap<>(inputs);
    }

    public long total() {
        return issues.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Issues per code keyed by the wire name, sorted: the form compared with an audit's summary. */
    public Map<String, Long> byCodeName() {
        Map<String, Long> out = new TreeMap<>();
        issues.forEach((c, n) -> out.put(c.code(), n));
        return out;
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"inputs\": {");
        String sep = "\n";
        for (var e : inputs.entrySet()) {
            sb.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        sb.append("\n  },\n  \"issues\": {");
        sep = "\n";
        for (var e : byCodeName().entrySet()) {
            sb.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        sb.append("\n  },\n  \"total_issues\": ").append(total()).append("\n}\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
