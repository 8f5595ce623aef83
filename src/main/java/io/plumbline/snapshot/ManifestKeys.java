package io.plumbline.snapshot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.errors.KnownKeys;
import io.plumbline.model.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the top-level keys of a snapshot's manifest against {@link SnapshotLayout#MANIFEST_KEYS}: one that
 * looks like {@code captured_at} or {@code zendesk} mistyped ({@code capturedAt}, {@code zendsk}) is an input
 * error on its line, since the snapshot would be read as if the key were not there (another ticket window,
 * no Zendesk to check a plan against); any other is said once, as never read, with the key it may mean. Keys compare as JSON spells them, case and all.
 */
final class ManifestKeys {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The keys whose absence changes what the audit finds (the ticket window, the Zendesk a plan is checked
     * against): a key mistyped for one of them is an error; one mistyped for another key is only said.
     */
    private static final List<String> DECISIVE = List.of("captured_at", "zendesk");

    private ManifestKeys() {}

    /** Checks the manifest of {@code source}, which holds one JSON object; tells other keys to {@code warning}. */
    static void check(InputSource source, Consumer<String> warning) {
        String file = source.displayName(SnapshotLayout.MANIFEST);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonLocation> key : topLevelKeys(source, file).entrySet()) {
            String name = key.getKey();
            if (SnapshotLayout.MANIFEST_KEYS.contains(name) || SnapshotLayout.OLDER_MANIFEST_KEY.equals(name)) {
                continue;
            }
            if (KnownKeys.meant(name, DECISIVE).isPresent()) {
                JsonLocation at = key.getValue();
                throw new InputException(
                        file, at.getLineNr(), at.getColumnNr(), KnownKeys.unknown(name, SnapshotLayout.MANIFEST_KEYS));
            }
            unknown.add("'" + name + "'"
                    + KnownKeys.meant(name, SnapshotLayout.MANIFEST_KEYS)
                            .map(k -> " (did you mean '" + k + "'?)")
                            .orElse(""));
        }
        if (!unknown.isEmpty()) {
            warning.accept(file + ": unknown " + (unknown.size() == 1 ? "key " : "keys ")
                    + Texts.listed(unknown, ", ", 5) + (unknown.size() == 1 ? " is" : " are")
                    + " not read (known keys here: " + SnapshotLayout.MANIFEST_KEYS + ")");
        }
    }

    /** The manifest's top-level keys in the order written, each where it starts. */
    private static Map<String, JsonLocation> topLevelKeys(InputSource source, String file) {
        Map<String, JsonLocation> found = new LinkedHashMap<>();
        try (InputStream in = source.open(SnapshotLayout.MANIFEST);
                JsonParser p = in == null ? null : MAPPER.createParser(in)) {
            if (p == null) {
                return found;
            }
            p.nextToken(); // the one object the reader found there
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                found.put(p.currentName(), p.currentTokenLocation());
                p.nextToken();
                p.skipChildren();
            }
        } catch (JacksonException e) {
            throw JsonErrors.malformed(file, e);
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return found;
    }
}
