package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.files.NotUtf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads Zendesk records stored one JSON object per line (JSONL), each exactly as the API returns it.
 * Blank lines are skipped; a record that appears twice (as incremental exports may return it) keeps
 * its last version, and ids repeated with different content are a warning ({@link RepeatedIds}). Any
 * bad line stops the read with file and line.
 */
public final class JsonlReader {
    /** Strict: trailing text and a key given twice in one record are errors, not silently resolved. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** As {@link #MAPPER}, but a key may repeat: the five-argument {@code read} says which keys may not. */
    private static final ObjectMapper REPEATS_ALLOWED =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The longest line read: room for the longest string the parser takes (20 million characters, each of up
     * to 3 bytes) and the rest of one record. A longer line is not one Zendesk object but a whole export saved
     * on one line (a JSON array, an API page), and would only run the heap out.
     */
    static final int MAX_LINE_BYTES = 64 << 20;

    private JsonlReader() {}

    /** Reads every line with {@code mapper}; {@code idOf} dedupes records by id, last one wins. */
    public static <T> List<T> read(
            InputStream in, String file, Function<JsonNode, T> mapper, Function<T, Object> idOf) {
        return read(in, file, mapper, idOf, null);
    }

    /**
     * As {@link #read(InputStream, String, Function, Function)}, where only the record's own {@code fields}
     * (those {@code mapper} reads) must not be given twice in a line's object; any other key may repeat, as
     * {@link JsonlStreamReader} reads it, which never looks at another key. With {@code fields} null, no key
     * may repeat anywhere in the line.
     */
    public static <T> List<T> read(
            InputStream in, String file, Function<JsonNode, T> mapper, Function<T, Object> idOf, Set<String> fields) {
        return read(in, file, mapper, idOf, fields, "record", warning -> {});
    }

    /**
     * As {@link #read(InputStream, String, Function, Function, Set)}, telling {@code warnings} when ids of
     * the {@code noun} ("user") appear on more than one line with different content ({@link RepeatedIds}).
     */
    public static <T> List<T> read(
            InputStream in,
            String file,
            Function<JsonNode, T> mapper,
            Function<T, Object> idOf,
            Set<String> fields,
            String noun,
            Consumer<String> warnings) {
        Map<Object, Line<T>> byId = new LinkedHashMap<>();
        RepeatedIds repeated = null;
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PushbackInputStream bytes = new PushbackInputStream(new BufferedInputStream(in))) {
            while (nextLine(bytes, buffer, file, lineNumber + 1)) {
                lineNumber++;
                String line =
                        decoder.decode(ByteBuffer.wrap(buffer.toByteArray())).toString();
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                T record = parse(line, file, lineNumber, mapper, fields);
                Object id = idOf.apply(record);
                Line<T> before = byId.remove(id);
                byId.put(id, new Line<>(record, lineNumber));
                if (before != null && !before.record().equals(record)) {
                    repeated = repeated != null ? repeated : new RepeatedIds(file, noun);
                    repeated.differs(id, before.number(), lineNumber);
                }
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(file, lineNumber, buffer.toByteArray(), e);
        } catch (IOException e) {
            throw new InputException(file, lineNumber, 0, "cannot read: " + e.getMessage(), e);
        }
        if (repeated != null) {
            warnings.accept(repeated.warning());
        }
        List<T> records = new ArrayList<>(byId.size());
        byId.values().forEach(l -> records.add(l.record()));
        return records;
    }

    /**
     * The error for a line that is not UTF-8: where on it (the first byte that is not, and the character it
     * stands at), and what the file most likely is when its first bytes say so (UTF-16, gzip).
     */
    private static InputException notUtf8(String file, long lineNumber, byte[] line, CharacterCodingException e) {
        ByteBuffer in = ByteBuffer.wrap(line);
        CharBuffer out = CharBuffer.allocate(line.length + 1);
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        int at = in.position();
        int character = out.position() + 1;
        int b = at < line.length ? line[at] & 0xFF : 0;
        String hint = NotUtf8.hint(lineNumber, character, b, "");
        return new InputException(
                file,
                lineNumber,
                character,
                String.format(
                                Locale.ROOT,
                                "not valid UTF-8 text (byte 0x%02X at character %d of the line); save the file as UTF-8",
                                b,
                                character)
                        + hint,
                e);
    }

    /** A record and the line it was read from. */
    private record Line<T>(T record, long number) {}

    /**
     * Reads the bytes of one line into {@code buffer}, without its terminator ({@code \n}, {@code \r\n}
     * or {@code \r}, as {@link java.io.BufferedReader#readLine()} splits them); false at the end. Lines are
     * split before decoding so that a bad byte is reported on its own line, not on the line where a
     * read-ahead decoder happened to meet it.
     */
    private static boolean nextLine(PushbackInputStream in, ByteArrayOutputStream buffer, String file, long line)
            throws IOException {
        buffer.reset();
        int b = in.read();
        if (b == -1) {
            return false;
        }
        while (b != -1 && b != '\n' && b != '\r') {
            if (buffer.size() == MAX_LINE_BYTES) {
                throw new InputException(
                        file,
                        line,
                        0,
                        "the line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; each line must hold one JSON "
                                + "object (a whole export saved as one JSON array, or a saved API page, is not JSONL:"
                                + " write one object per line)");
            }
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

    private static <T> T parse(
            String line, String file, long lineNumber, Function<JsonNode, T> mapper, Set<String> fields) {
        JsonNode node;
        try {
            node = (fields == null ? MAPPER : REPEATS_ALLOWED).readTree(line);
            if (fields != null && node != null && node.isObject()) {
                onceEach(line, fields, file, lineNumber);
            }
        } catch (JsonProcessingException e) {
            String opened = line.strip();
            boolean spread = e instanceof JsonEOFException && (opened.startsWith("{") || opened.startsWith("["));
            throw new InputException(
                    file,
                    lineNumber,
                    JsonErrors.column(e),
                    JsonErrors.describe(e) + "; each line must hold one JSON object"
                            + (spread
                                    ? " (this looks like JSON written over many lines, as jq . or a saved API "
                                            + "answer has it: write one object per line, e.g. "
                                            + jqExample(file, opened.startsWith("{")) + ")"
                                    : ""),
                    e);
        }
        try {
            return mapper.apply(node);
        } catch (IllegalArgumentException e) {
            String page = apiPageKey(node);
            if (page != null) {
                throw new InputException(
                        file,
                        lineNumber,
                        keyColumn(line, "'" + page + "'"),
                        e.getMessage() + "; the line is a whole API answer (its '" + page + "' holds the records): "
                                + "write each record on a line of its own",
                        e);
            }
            if (node != null && node.isArray()) {
                throw new InputException(
                        file,
                        lineNumber,
                        1,
                        e.getMessage() + "; the line is a JSON array: write each of its objects on a line of its "
                                + "own (e.g. " + jqExample(file, false) + ")",
                        e);
            }
            throw new InputException(file, lineNumber, keyColumn(line, e.getMessage()), e.getMessage(), e);
        }
    }

    /**
     * A jq command that writes {@code file} as JSONL from the JSON it was saved as: an API answer whose
     * records are under the file's own name ({@code inAnswer}: {@code .users[]}), or a bare array.
     */
    private static String jqExample(String file, boolean inAnswer) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : "records";
        return "jq -c '." + (inAnswer ? base : "") + "[]' " + name + " > " + base + "-lines.jsonl, and put that in its "
                + "place";
    }

    /**
     * The key of the records when a line is a whole API answer ({@code {"users": [...], "next_page": ...}})
     * rather than one record, as a file saved page by page from the API is; else null.
     */
    private static String apiPageKey(JsonNode node) {
        if (node == null || !node.isObject() || node.has("id")) {
            return null;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getValue().isArray()
                    && !field.getValue().isEmpty()
                    && field.getValue().get(0).isObject()) {
                return field.getKey();
            }
        }
        return null;
    }

    /**
     * The column of the key a mapping message names first ({@code 'id' must be ...}), found in the line's
     * text: where its value is to be looked at; 0 when the message names none or the line does not hold it
     * as written (an escaped key).
     */
    static int keyColumn(String line, String message) {
        String m = String.valueOf(message);
        int open = m.indexOf('\'');
        int close = open < 0 ? -1 : m.indexOf('\'', open + 1);
        if (close < 0) {
            return 0;
        }
        String key = m.substring(open + 1, close).replace("[]", "");
        int at = line.indexOf("\"" + key + "\"");
        return at < 0 ? 0 : at + 1;
    }

    /** Refuses a line whose object gives one of {@code fields} twice (at its top level, where they are read). */
    private static void onceEach(String line, Set<String> fields, String file, long lineNumber)
            throws JsonProcessingException {
        Set<String> seen = new HashSet<>();
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (fields.contains(name) && !seen.add(name)) {
                    throw new InputException(
                            file,
                            lineNumber,
                            p.currentTokenLocation().getColumnNr(),
                            "malformed JSON: the key '" + name + "' is given twice in one object; each line must "
                                    + "hold one JSON object");
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(file, lineNumber, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
