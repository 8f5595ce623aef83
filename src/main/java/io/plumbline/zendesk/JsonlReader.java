package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads Zendesk records stored one JSON object per line (JSONL), each exactly as the API returns it.
 * Blank lines are skipped; a record that appears twice (as incremental exports may return it) keeps
 * its last version. Any bad line stops the read with file and line.
 */
public final class JsonlReader {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonlReader() {}

    /** Reads every line with {@code mapper}; {@code idOf} dedupes records by id, last one wins. */
    public static <T> List<T> read(
            InputStream in, String file, Function<JsonNode, T> mapper, Function<T, Object> idOf) {
        Map<Object, T> byId = new LinkedHashMap<>();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                T record = parse(line, file, lineNumber, mapper);
                Object id = idOf.apply(record);
                byId.remove(id);
                byId.put(id, record);
            }
        } catch (CharacterCodingException e) {
            throw new InputException(file, lineNumber + 1, 0, "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(file, lineNumber, 0, "cannot read: " + e.getMessage(), e);
        }
        return new ArrayList<>(byId.values());
    }

    private static <T> T parse(String line, String file, long lineNumber, Function<JsonNode, T> mapper) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    file,
                    lineNumber,
                    (int) Math.max(
                            0, e.getLocation() == null ? 0 : e.getLocation().getColumnNr()),
                    "malformed JSON: " + e.getOriginalMessage() + "; each line must hold one JSON object",
                    e);
        }
        try {
            return mapper.apply(node);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, lineNumber, 0, e.getMessage(), e);
        }
    }
}
