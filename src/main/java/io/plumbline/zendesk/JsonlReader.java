package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
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
    /** Strict: trailing text and a key given twice in one record are errors, not silently resolved. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
        try (PushbackInputStream bytes = new PushbackInputStream(new BufferedInputStream(in))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            while (nextLine(bytes, buffer)) {
                lineNumber++;
                String line =
                        decoder.decode(ByteBuffer.wrap(buffer.toByteArray())).toString();
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
            throw new InputException(file, lineNumber, 0, "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(file, lineNumber, 0, "cannot read: " + e.getMessage(), e);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Reads the bytes of one line into {@code buffer}, without its terminator ({@code \n}, {@code \r\n}
     * or {@code \r}, as {@link java.io.BufferedReader#readLine()} splits them); false at the end. Lines are
     * split before decoding so that a bad byte is reported on its own line, not on the line where a
     * read-ahead decoder happened to meet it.
     */
    private static boolean nextLine(PushbackInputStream in, ByteArrayOutputStream buffer) throws IOException {
        buffer.reset();
        int b = in.read();
        if (b == -1) {
            return false;
        }
        while (b != -1 && b != '\n' && b != '\r') {
            buffer.write(b);
            b = in.read();
        }
        if (b == '\r') {
            int next = in.read();
            if (next != '\n' && next != -1) {
                in.unread(next);
            }
        }
        return true;
    }

    private static <T> T parse(String line, String file, long lineNumber, Function<JsonNode, T> mapper) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    file,
                    lineNumber,
                    JsonErrors.column(e),
                    JsonErrors.describe(e) + "; each line must hold one JSON object",
                    e);
        }
        try {
            return mapper.apply(node);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, lineNumber, 0, e.getMessage(), e);
        }
    }
}
