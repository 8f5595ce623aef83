package io.plumbline.zendesk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the records of a block of JSONL straight from its bytes, without a tokenizer: one object per
 * line, the keys a record mapping reads found by comparing bytes, every other value skipped while
 * checking that it is well-formed JSON. The block must already be known to be valid UTF-8 without
 * NUL bytes ({@link Utf8#valid}).
 *
 * <p>It accepts a strict subset of what Jackson's parser accepts and reads the same values from it.
 * Anything outside that subset throws {@link JsonlStreamReader#FALLBACK}: an escape in a key or in a
 * value the mapping reads, an integer of more than 18 digits, nesting deeper than {@value #MAX_DEPTH},
 * a key longer than {@value #MAX_KEY} bytes or a read string longer than {@value #MAX_TEXT}, a line
 * break inside an object, anything but spaces and tabs between tokens, and every JSON error.
 * The block is then read again with Jackson's parser, so the scanner never decides what Jackson would
 * decide otherwise; it only spares the common shape the cost of tokenizing it.
 */
final class JsonLineScanner implements FieldReader {
    static final int MAX_DEPTH = 64;
    private static final int MAX_DIGITS = 18;
    private static final int MAX_NUMBER = 100;
    /** Far below Jackson's own limits (50,000 for a key, 20 million for a string it reads), as the other limits are. */
    static final int MAX_KEY = 1_000;

    static final int MAX_TEXT = 1_000_000;
    private static final int SLOTS = 256;
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] NULL = bytes("null");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private final byte[] b;
    private final int end;
    private final byte[][] keys;
    private final int[] slots;
    private int pos;
    private boolean first;

    /** A scanner of {@code b[start, end)}, which holds whole lines, for a mapping that reads {@code keys}. */
    JsonLineScanner(byte[] b, int start, int end, String[] keys) {
        this.b = b;
        this.pos = start;
        this.end = end;
        this.keys = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            this.keys[i] = bytes(keys[i]);
        }
        this.slots = slots(this.keys);
    }

    /** Moves past the next record's opening brace, over blank lines; false at the end of the block. */
    boolean nextRecord() {
        while (true) {
            skipSpaces();
            if (pos >= end) {
                return false;
            }
            if (b[pos] == '{') {
                pos++;
                first = true;
                return true;
            }
            lineEnd();
        }
    }

    @Override
    public int nextField() {
        while (true) {
            skipSpaces();
            byte c = at(pos);
            if (c == '}') {
                pos++;
                skipSpaces();
                if (pos < end) {
                    lineEnd();
                }
                return END;
            }
            if (first) {
                first = false;
            } else {
                expect(c, ',');
                skipSpaces();
                c = at(pos);
            }
            expect(c, '"');
            int keyStart = pos;
            int keyEnd = plainStringEnd();
            if (keyEnd - keyStart > MAX_KEY) {
                throw JsonlStreamReader.FALLBACK;
            }
            skipSpaces();
            expect(at(pos), ':');
            skipSpaces();
            int k = keyIndex(keyStart, keyEnd);
            if (k >= 0) {
                return k;
            }
            skipValue(0);
        }
    }

    @Override
    public long id() {
        if (at(pos) == 'n') {
            literal(NULL);
            return 0;
        }
        long v = integer();
        if (v <= 0 || v > ZendeskRecords.MAX_ID) {
            throw JsonlStreamReader.FALLBACK;
        }
        return v;
    }

    @Override
    public String text() {
        byte c = at(pos);
        if (c == 'n') {
            literal(NULL);
            return "";
        }
        expect(c, '"');
        int start = pos;
        int stop = plainStringEnd();
        if (stop - start > MAX_TEXT) {
            throw JsonlStreamReader.FALLBACK;
        }
        return new String(b, start, stop - start, StandardCharsets.UTF_8);
    }

    @Override
    public String text(String[] known) {
        if (at(pos) != '"') {
            return text();
        }
        int quote = pos++;
        int start = pos;
        skipPlain();
        int len = pos - start;
        if (pos < end && b[pos] == '"') {
            for (String k : known) {
                if (k.length() == len && sameAscii(k, start)) {
                    pos++;
                    return k;
                }
            }
        }
        pos = quote;
        return text();
    }

    @Override
    public String scalarText() {
        byte c = at(pos);
        if (c == '-' || c >= '0' && c <= '9') {
            return Long.toString(integer());
        }
        return text();
    }

    @Override
    public List<String> strings() {
        byte c = at(pos);
        if (c == 'n') {
            literal(NULL);
            return List.of();
        }
        expect(c, '[');
        List<String> out = new ArrayList<>(4);
        skipSpaces();
        if (at(pos) == ']') {
            pos++;
            return out;
        }
        while (true) {
            if (at(pos) != '"') {
                throw JsonlStreamReader.FALLBACK;
            }
            out.add(text());
            skipSpaces();
            c = at(pos++);
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw JsonlStreamReader.FALLBACK;
            }
            skipSpaces();
        }
    }

    @Override
    public boolean bool(boolean ifNull) {
        return switch (at(pos)) {
            case 't' -> literal(TRUE);
            case 'f' -> !literal(FALSE);
            case 'n' -> {
                literal(NULL);
                yield ifNull;
            }
            default -> throw JsonlStreamReader.FALLBACK;
        };
    }

    @Override
    public Instant instant() {
        byte c = at(pos);
        if (c == 'n') {
            literal(NULL);
            return null;
        }
        expect(c, '"');
        int start = pos;
        int len = plainStringEnd() - start;
        if (len == 0) {
            return null;
        }
        if (len > MAX_TEXT) {
            throw JsonlStreamReader.FALLBACK;
        }
        try {
            return IsoInstants.parse(b, start, len);
        } catch (DateTimeParseException e) {
            throw JsonlStreamReader.FALLBACK;
        }
    }

    /** The byte at {@code i}; the end of the block inside a record falls back. */
    private byte at(int i) {
        if (i >= end) {
            throw JsonlStreamReader.FALLBACK;
        }
        return b[i];
    }

    /** Steps over {@code c}, which must be {@code wanted}. */
    private void expect(byte c, char wanted) {
        if (c != wanted) {
            throw JsonlStreamReader.FALLBACK;
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
    }

    /** Steps over a line break, LF or CR LF (a CR may also end the block); anything else falls back. */
    private void lineEnd() {
        if (b[pos] == '\n') {
            pos++;
        } else if (b[pos] == '\r' && (pos + 1 == end || b[pos + 1] == '\n')) {
            pos += pos + 1 == end ? 1 : 2;
        } else {
            throw JsonlStreamReader.FALLBACK;
        }
    }

    /** Steps over the rest of a string without escapes (pos is past its quote); returns where it ends. */
    private int plainStringEnd() {
        skipPlain();
        if (at(pos) != '"') {
            throw JsonlStreamReader.FALLBACK;
        }
        return pos++;
    }

    /** Steps over the rest of a string (pos is past its quote), checking its escapes. */
    private void skipString() {
        while (true) {
            skipPlain();
            byte c = at(pos++);
            if (c == '"') {
                return;
            }
            if (c != '\\') {
                throw JsonlStreamReader.FALLBACK;
            }
            switch (at(pos++)) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
                case 'u' -> {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(at(pos++), 16) < 0) {
                            throw JsonlStreamReader.FALLBACK;
                        }
                    }
                }
                default -> throw JsonlStreamReader.FALLBACK;
            }
        }
    }

    /**
     * Moves to the string's next byte that needs a look (a quote, a backslash or a control character),
     * or to the end of the block: eight bytes at a time, the first such byte of a word found from the
     * word's bits (the lowest flagged byte of each test is exact; only bytes above it may be flagged
     * by a borrow).
     */
    private void skipPlain() {
        while (pos + 8 <= end) {
            long v = (long) LONGS.get(b, pos);
            long quote = v ^ QUOTES;
            long backslash = v ^ BACKSLASHES;
            // a byte below 0x20; a byte of 0x80 and above is never flagged, as ~v clears its high bit
            long special =
                    (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((v - SPACES) & ~v)) & HIGH_BITS;
            if (special != 0) {
                pos += Long.numberOfTrailingZeros(special) >>> 3;
                return;
            }
            pos += 8;
        }
        while (pos < end && b[pos] != '"' && b[pos] != '\\' && (b[pos] < 0 || b[pos] >= 0x20)) {
            pos++;
        }
    }

    private void skipValue(int depth) {
        switch (at(pos)) {
            case '"' -> {
                pos++;
                skipString();
            }
            case '{' -> skipObject(depth + 1);
            case '[' -> skipArray(depth + 1);
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> number();
        }
    }

    private void skipObject(int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonlStreamReader.FALLBACK;
        }
        pos++;
        skipSpaces();
        if (at(pos) == '}') {
            pos++;
            return;
        }
        while (true) {
            expect(at(pos), '"');
            int keyStart = pos;
            skipString();
            if (pos - keyStart > MAX_KEY) {
                throw JsonlStreamReader.FALLBACK;
            }
            skipSpaces();
            expect(at(pos), ':');
            skipSpaces();
            skipValue(depth);
            skipSpaces();
            byte c = at(pos++);
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw JsonlStreamReader.FALLBACK;
            }
            skipSpaces();
        }
    }

    private void skipArray(int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonlStreamReader.FALLBACK;
        }
        pos++;
        skipSpaces();
        if (at(pos) == ']') {
            pos++;
            return;
        }
        while (true) {
            skipValue(depth);
            skipSpaces();
            byte c = at(pos++);
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw JsonlStreamReader.FALLBACK;
            }
            skipSpaces();
        }
    }

    /** Steps over {@code word}; returns true. */
    private boolean literal(byte[] word) {
        if (end - pos < word.length || !Arrays.equals(b, pos, pos + word.length, word, 0, word.length)) {
            throw JsonlStreamReader.FALLBACK;
        }
        pos += word.length;
        return true;
    }

    /** Steps over a JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private void number() {
        int start = pos;
        if (at(pos) == '-') {
            pos++;
        }
        byte c = at(pos);
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw JsonlStreamReader.FALLBACK;
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw JsonlStreamReader.FALLBACK;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw JsonlStreamReader.FALLBACK;
            }
        }
        if (pos - start > MAX_NUMBER) {
            throw JsonlStreamReader.FALLBACK;
        }
    }

    private int digits() {
        int start = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    /** An integer of at most 18 digits without a fraction or exponent, as Jackson reads it into a long. */
    private long integer() {
        boolean negative = at(pos) == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        byte lead = at(pos);
        long v = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            v = v * 10 + (b[pos] - '0');
            pos++;
        }
        int n = pos - start;
        if (n == 0 || n > MAX_DIGITS || lead == '0' && n > 1) {
            throw JsonlStreamReader.FALLBACK;
        }
        if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            throw JsonlStreamReader.FALLBACK;
        }
        return negative ? -v : v;
    }

    /** The index of the key in {@code b[start, stop)} among the mapping's keys, or -1. */
    private int keyIndex(int start, int stop) {
        int len = stop - start;
        if (len == 0) {
            return -1;
        }
        int slot = slots[slot(len, b[start], b[stop - 1])];
        if (slot >= 0) {
            return slot > 0 && isKey(slot - 1, start, stop) ? slot - 1 : -1;
        }
        for (int i = 0; i < keys.length; i++) {
            if (isKey(i, start, stop)) {
                return i;
            }
        }
        return -1;
    }

    /** Keys are short: a plain loop costs less than the bulk comparison's setup. */
    private boolean isKey(int i, int start, int stop) {
        byte[] k = keys[i];
        if (k.length != stop - start) {
            return false;
        }
        for (int j = 0; j < k.length; j++) {
            if (b[start + j] != k[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The slots of the mapping's keys, by length, first and last byte: 0 for no key, the key's index
     * plus one, or -1 when two keys share the slot. A line gives mostly keys the mapping skips, and
     * most of those are told apart by their slot alone.
     */
    private static int[] slots(byte[][] keys) {
        int[] slots = new int[SLOTS];
        for (int i = 0; i < keys.length; i++) {
            byte[] k = keys[i];
            int at = slot(k.length, k[0], k[k.length - 1]);
            slots[at] = slots[at] == 0 ? i + 1 : -1;
        }
        return slots;
    }

    static int slot(int len, byte first, byte last) {
        return (len * 31 + first * 7 + last) & (SLOTS - 1);
    }

    private boolean sameAscii(String s, int start) {
        for (int i = 0; i < s.length(); i++) {
            if (b[start + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
