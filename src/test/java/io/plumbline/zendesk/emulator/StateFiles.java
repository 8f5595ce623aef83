package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Seeds emulator state from a snapshot folder (the four Zendesk JSONL files, raw objects kept) and
 * dumps the current state back as a snapshot folder, carrying the seed's Salesforce CSVs along, so a
 * test can apply writes and then re-audit what Zendesk now holds.
 */
final class StateFiles {
    static final String ORGS = "zendesk/organizations.jsonl";
    static final String USERS = "zendesk/users.jsonl";
    static final String MEMBERSHIPS = "zendesk/organization_memberships.jsonl";
    static final String TICKETS = "zendesk/tickets.jsonl";
    private static final List<String> CSVS = List.of("salesforce_accounts.csv", "salesforce_contacts.csv");

    private StateFiles() {}

    static EmulatorState load(Path dir) {
        EmulatorState s = new EmulatorState();
        read(dir.resolve(ORGS), s.organizations);
        read(dir.resolve(USERS), s.users);
        read(dir.resolve(MEMBERSHIPS), s.memberships);
        read(dir.resolve(TICKETS), s.tickets);
        s.seeded();
        return s;
    }

    private static void read(Path file, Map<Long, ObjectNode> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (!t.isBlank()) {
                    JsonNode n = EmulatorState.JSON.readTree(t);
                    into.put(n.path("id").asLong(), (ObjectNode) n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot seed the emulator", e);
        }
    }

    static void dump(EmulatorState s, Path seedDir, Path dir, Instant capturedAt) {
        try {
            Files.createDirectories(dir.resolve("zendesk"));
            write(dir.resolve(ORGS), s.organizations);
            write(dir.resolve(USERS), s.users);
            write(dir.resolve(MEMBERSHIPS), s.memberships);
            write(dir.resolve(TICKETS), s.tickets);
            for (String csv : CSVS) {
                if (seedDir != null && Files.isRegularFile(seedDir.resolve(csv))) {
                    Files.copy(seedDir.resolve(csv), dir.resolve(csv), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve("snapshot.json"), "{\"captured_at\": \"" + capturedAt + "\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot dump the emulator state", e);
        }
    }

    private static void write(Path file, Map<Long, ObjectNode> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode n : records.values()) {
            sb.append(EmulatorState.JSON.writeValueAsString(n)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
