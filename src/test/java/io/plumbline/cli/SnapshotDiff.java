package io.plumbline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the Zendesk records of two snapshot folders record for record, by id, ignoring only
 * {@code updated_at} (which Zendesk stamps on every write and no inverse can restore): lists each
 * record added, removed or changed, as {@code file id}.
 */
final class SnapshotDiff {
    static final List<String> FILES = List.of(
            "zendesk/organizations.jsonl",
            "zendesk/users.jsonl",
            "zendesk/organization_memberships.jsonl",
            "zendesk/tickets.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotDiff() {}

    static List<String> between(Path before, Path after) {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            Map<Long, JsonNode> a = records(before.resolve(f));
            Map<Long, JsonNode> b = records(after.resolve(f));
            TreeSet<Long> ids = new TreeSet<>(a.keySet());
            ids.addAll(b.keySet());
            for (long id : ids) {
                if (!a.containsKey(id)) {
                    out.add(f + " +" + id);
                } else if (!b.containsKey(id)) {
                    out.add(f + " -" + id);
                } else if (!a.get(id).equals(b.get(id))) {
                    out.add(f + " " + id);
                }
            }
        }
        return out;
    }

    private static Map<Long, JsonNode> records(Path file) {
        Map<Long, JsonNode> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ObjectNode n = (ObjectNode) JSON.readTree(line);
                    n.remove("updated_at");
                    out.put(n.path("id").asLong(), n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
