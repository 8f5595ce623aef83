package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {
    private static StrictUtf8Reader reader(byte[] bytes) {
        return new StrictUtf8Reader(new ByteArrayInputStream(bytes));
    }

    private static String readAll(byte[] bytes) {
        try (StrictUtf8Reader r = reader(bytes)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[7];
            for (int n; (n = r.read(buf, 0, buf.length)) != -1; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withBadByte(String before, int bad) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + 2);
        all[head.length] = (byte) bad;
        all[head.length + 1] = 'x';
        return all;
    }

    @Test
    void read_validText_isDecodedWhole() {
        String text = "a,b\r\nCaf\u00e9 \ud83d\ude00\n" + "z".repeat(20_000);

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void read_leadingBom_isDropped() {
        assertThat(readAll("\uFEFFa,b\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("a,b\n");
    }

    @Test
    void read_bomLaterInTheText_isKept() {
        assertThat(readAll("a\uFEFF\n\uFEFF".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\uFEFF\n\uFEFF");
    }

    @Test
    void read_inputShorterThanABom_isDecoded() {
        assertThat(readAll(new byte[0])).isEmpty();
        assertThat(readAll(new byte[] {'a', 'b'})).isEqualTo("ab");
    }

    @Test
    void read_badByte_handsOutTheTextBeforeItThenThrowsWithLineAndCharacter() throws IOException {
        try (StrictUtf8Reader r = reader(withBadByte("ab\ncd", 0xFF))) {
            StringBuilder text = new StringBuilder();
            char[] buf = new char[100];

            assertThatThrownBy(() -> {
                        for (int n; (n = r.read(buf, 0, buf.length)) != -1; ) {
                            text.append(buf, 0, n);
                        }
                    })
                    .isInstanceOfSatisfying(StrictUtf8Reader.Malformed.class, m -> {
                        assertThat(m.line()).isEqualTo(2);
                        assertThat(m.character()).isEqualTo(3);
                        assertThat(m.firstByte()).isEqualTo(0xFF);
                    })
                    .hasMessage("malformed UTF-8 byte 0xFF at line 2, character 3");
            assertThat(text).hasToString("ab\ncd");
            assertThatThrownBy(() -> r.read(buf, 0, buf.length)).isInstanceOf(StrictUtf8Reader.Malformed.class);
        }
    }

    @Test
    void read_lineEndings_countAsCsvCountsThem() {
        assertThatThrownBy(() -> readAll(withBadByte("1\r2\r\n3\n\n\r\r\n", 0xC0)))
                .isInstanceOfSatisfying(
                        UncheckedIOException.class,
                        e -> assertThat(e.getCause()).hasMessage("malformed UTF-8 byte 0xC0 at line 7, character 1"));
    }

    @Test
    void read_charactersOutsideTheBasicPlane_countOnce() {
        assertThatThrownBy(() -> readAll(withBadByte("\ud83d\ude00\ud83d\ude00", 0x80)))
                .isInstanceOfSatisfying(
                        UncheckedIOException.class,
                        e -> assertThat(e.getCause()).hasMessage("malformed UTF-8 byte 0x80 at line 1, character 3"));
    }

    @Test
    void read_badByteBeyondTheFirstBuffer_namesItsLine() {
        String before = "0123456789\n".repeat(5000) + "abc";

        assertThatThrownBy(() -> readAll(withBadByte(before, 0xE9)))
                .isInstanceOfSatisfying(
                        UncheckedIOException.class,
                        e -> assertThat(e.getCause())
                                .hasMessage("malformed UTF-8 byte 0xE9 at line 5001, character 4"));
    }

    @Test
    void read_sequenceCutOffAtTheEnd_isMalformed() {
        byte[] bytes = {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};

        assertThatThrownBy(() -> readAll(bytes))
                .isInstanceOfSatisfying(
                        UncheckedIOException.class,
                        e -> assertThat(e.getCause()).hasMessage("malformed UTF-8 byte 0xF0 at line 1, character 2"));
    }

    @Test
    void read_encodedSurrogate_isMalformed() {
        byte[] bytes = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};

        assertThatThrownBy(() -> readAll(bytes))
                .isInstanceOfSatisfying(
                        UncheckedIOException.class,
                        e -> assertThat(e.getCause()).hasMessage("malformed UTF-8 byte 0xED at line 1, character 2"));
    }
}
