package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.files.Sha256;
import io.plumbline.model.ZendeskInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Zendesk files of a pulled snapshot folder, read and written one way only: one API object per line
 * in Jackson's compact form, sorted by id, UTF-8 with {@code \n}, each file written whole or not at all.
 * Reading a file back and writing it again gives the same bytes, so a snapshot merged from a previous
 * one is byte-identical to a fresh pull of the same records.
 */
public final class SnapshotFiles {
    public static final String ORGANIZATIONS = "zendesk/organizations.jsonl";
    public static final String USERS = "zendesk/users.jsonl";
    public static final String MEMBERSHIPS = "zendesk/organization_memberships.jsonl";
    public static final String TICKETS = "zendesk/tickets.jsonl";
    public static final String MANIFEST = "snapshot.json";
    public static final List<String> ZENDESK_FILES = List.of(ORGANIZATIONS, USERS, MEMBERSHIPS, TICKETS);
    static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotFiles() {}

    /** The records of one file by id; a missing file or a bad line is an input error naming it. */
    static SortedMap<Long, JsonNode> read(Path file, String name) {
        SortedMap<Long, JsonNode> byId = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode record = JSON.readTree(line);
                    byId.put(idOf(record, name), record);
                }
            }
        } catch (IOException e) {
            throw new PlumblineException(
                    ExitCodes.INPUT, file + ": cannot read the previous snapshot: " + e.getMessage(), e);
        }
        return byId;
    }

    static void write(Path file, SortedMap<Long, JsonNode> records) {
        try {
            AtomicFiles.replace(file, partial -> {
                try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    for (JsonNode record : records.values()) {
                        w.write(JSON.writeValueAsString(record));
                        w.write('\n');
                    }
                }
            });
        } catch (IOException e) {
            throw new PlumblineException(ExitCodes.INPUT, file + ": cannot write the snapshot: " + e.getMessage(), e);
        }
    }

    /** Writes {@code snapshot.json}: when, from which Zendesk ({@code base}), and the tickets' lookback. */
    static void writeManifest(Path dir, Instant asOf, int lookbackDays, java.net.URI base) {
        ObjectNode m = JSON.createObjectNode()
                .put("captured_at", asOf.toString())
                .put("source", "zendesk")
                .put("zendesk", ZendeskInstance.name(base))
                .put("ticket_lookback_days", lookbackDays);
        Path file = dir.resolve(MANIFEST);
        try {
            String text = m.toPrettyString().replace("\r\n", "\n") + "\n";
            AtomicFiles.replace(file, partial -> Files.writeString(partial, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlumblineException(ExitCodes.INPUT, file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * SHA-256 (hex) of each Zendesk file of a snapshot folder, by file name; a missing file maps to
     * {@code ""}. A later pull continues from a folder only while these still match.
     */
    public static Map<String, String> fingerprints(Path dir) {
        Map<String, String> out = new TreeMap<>();
        for (String f : ZENDESK_FILES) {
            out.put(f, sha256(dir.resolve(f)));
        }
        return out;
    }

    private static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        } catch (IOException e) {
            return "";
        }
    }

    static long idOf(JsonNode record, String name) {
        JsonNode id = record.path("id");
        if (!id.canConvertToLong() || !id.isIntegralNumber()) {
            throw new PlumblineException(
                    ExitCodes.REMOTE,
                    "Zendesk sent a record without a numeric id in " + name + ": " + abbreviate(record));
        }
        return id.asLong();
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
