package io.plumbline.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes strict UTF-8 text, dropping one leading byte order mark. At the first malformed or truncated
 * byte sequence it hands out all the text before it, then throws a {@link Malformed} that says on which
 * line and at which character of that line the sequence starts. Lines end at {@code \n}, {@code \r\n} or
 * {@code \r}, as a CSV parser counts them; characters are counted as code points, from 1.
 */
final class StrictUtf8Reader extends Reader {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean started;
    private boolean endOfInput;
    private long line = 1;
    private long charsInLine;
    private boolean afterCr;
    private Malformed failure;

    StrictUtf8Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        CoderResult result = decode(out);
        int n = out.position() - off;
        count(buf, off, n);
        if (result.isError()) {
            failure = new Malformed(line, charsInLine + 1, bytes.get(bytes.position()) & 0xFF);
            if (n == 0) {
                throw failure;
            }
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes into {@code out} until it holds at least one character, the input ends or a bad sequence comes. */
    private CoderResult decode(CharBuffer out) throws IOException {
        int start = out.position();
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError() || result.isOverflow() || out.position() > start || endOfInput) {
                return result;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        if (!started) {
            started = true;
            skipBom();
        }
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void skipBom() throws IOException {
        int n = in.readNBytes(bytes.array(), 0, BOM.length);
        bytes.position(n == BOM.length && Arrays.equals(bytes.array(), 0, n, BOM, 0, n) ? 0 : n);
    }

    /** Moves the line and character count past {@code buf[off, off + n)}. */
    private void count(char[] buf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' || !afterCr) {
                    line++;
                }
                charsInLine = 0;
                afterCr = c == '\r';
            } else {
                afterCr = false;
                if (!Character.isLowSurrogate(c)) {
                    charsInLine++;
                }
            }
        }
    }

    /** The first malformed or truncated byte sequence: its line, its character in that line, its first byte. */
    static final class Malformed extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final long character;
        private final int firstByte;

        Malformed(long line, long character, int firstByte) {
            this.line = line;
            this.character = character;
            this.firstByte = firstByte;
        }

        long line() {
            return line;
        }

        long character() {
            return character;
        }

        int firstByte() {
            return firstByte;
        }

        @Override
        public String getMessage() {
            return String.format(
                    Locale.ROOT, "malformed UTF-8 byte 0x%02X at line %d, character %d", firstByte, line, character);
        }
    }
}
