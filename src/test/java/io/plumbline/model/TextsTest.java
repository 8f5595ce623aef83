package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void wellFormed_replacesOnlyUnpairedSurrogates() {
        String whole = "ok \uD83D\uDE00";
        assertThat(Texts.wellFormed(whole)).isSameAs(whole);
        assertThat(Texts.wellFormed("\uD83D")).isEqualTo("\uFFFD");
        assertThat(Texts.wellFormed("a\uDE00b\uD83D")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(Texts.wellFormed("\uD83D\uD83D\uDE00")).isEqualTo("\uFFFD\uD83D\uDE00");
        assertThat(Texts.wellFormed("")).isEmpty();
    }

    @Test
    void shown_keepsOrdinaryTextAndNonAsciiLetters() {
        String text = "Bücher GmbH, 東京 📚 and spaces";

        assertThat(Texts.shown(text)).isSameAs(text);
    }

    @Test
    void shown_escapesWhatCouldDriveATerminalOrBreakALine() {
        assertThat(Texts.shown("Acme \u001b[2J\nLabs\r\t|")).isEqualTo("Acme \\u001B[2J\\u000ALabs\\u000D\\u0009|");
        assertThat(Texts.shown("\u009b31m\u007f")).isEqualTo("\\u009B31m\\u007F");
    }

    @Test
    void shown_escapesInvisibleAndReorderingCharacters() {
        // a zero-width space, a right-to-left override, a no-break space, a lone surrogate
        assertThat(Texts.shown("a\u200bb\u202ec\u00a0d\ud800")).isEqualTo("a\\u200Bb\\u202Ec\\u00A0d\\uD800");
    }

    @Test
    void shown_characterBeyondTheBasicPlane_isOneEscapePerUtf16Unit() {
        // a tag character (invisible) and an emoji (kept)
        assertThat(Texts.shown("a\udb40\udc41b📚")).isEqualTo("a\\uDB40\\uDC41b📚");
    }

    @Test
    void shown_null_isTheWordNull() {
        assertThat(Texts.shown(null)).isEqualTo("null");
    }

    @Test
    void listed_moreThanMax_namesTheFirstAndCountsTheRest() {
        assertThat(Texts.listed(List.of("a", "b", "c"), ", ", 3)).isEqualTo("a, b, c");
        assertThat(Texts.listed(List.of("a", "b", "c", "d", "e"), " ", 2)).isEqualTo("a b and 3 more");
    }

    @Test
    void caseless_decomposedAndComposedSpellings_areOneKey() {
        assertThat(Texts.caseless("JOSE\u0301@Example")).isEqualTo(Texts.caseless("jos\u00e9@example"));
        assertThat(Texts.caseless("KUNDE-\u00c41")).isEqualTo("kunde-\u00e41");
    }

    @Test
    void composed_asciiOrAlreadyComposed_isTheSameString() {
        String ascii = "jane@acme.example";
        String composed = "jos\u00e9@acme.example";
        assertThat(Texts.composed(ascii)).isSameAs(ascii);
        assertThat(Texts.composed(composed)).isSameAs(composed);
        assertThat(Texts.composed("jose\u0301")).isEqualTo("jos\u00e9");
    }
}
