package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
    @Test
    void shortened_aCellOfThousandsOfCharacters_isCutWithAnEllipsisNeverInsideACharacter() {
        assertThat(SummaryMarkdown.shortened("Acme")).isEqualTo("Acme");
        String cut = SummaryMarkdown.shortened("a".repeat(5000));
        assertThat(cut).hasSize(SummaryMarkdown.MAX_CELL).endsWith("a\u2026");
        String emoji = "\uD83D\uDE00".repeat(400);
        String cutEmoji = SummaryMarkdown.shortened(emoji);
        assertThat(cutEmoji.codePointCount(0, cutEmoji.length())).isEqualTo(SummaryMarkdown.MAX_CELL);
        assertThat(cutEmoji).startsWith("\uD83D\uDE00").endsWith("\uD83D\uDE00\u2026");
    }

    @Test
    void code_fencesWithOneBacktickMoreThanTheTextHolds() {
        assertThat(SummaryMarkdown.code("/runs/a_b*c")).isEqualTo("`/runs/a_b*c`");
        assertThat(SummaryMarkdown.code("/runs/a`b``c")).isEqualTo("```/runs/a`b``c```");
        assertThat(SummaryMarkdown.code("`x")).isEqualTo("`` `x ``");
    }

    @Test
    void code_showsControlCharactersAsEscapes() {
        assertThat(SummaryMarkdown.code("/runs/\u001b[2J\nx")).isEqualTo("`/runs/\\u001B[2J\\u000Ax`");
    }

    @Test
    void escape_keepsATableCellOnOneLineAndItsText() {
        assertThat(SummaryMarkdown.escape("Acme | Labs\r\nWest\u0007 <b>`"))
                .isEqualTo("Acme \\| Labs West\\\\u0007 &lt;b>\\`");
    }

    @Test
    void escape_aNameCannotBecomeALinkOrAnImage() {
        assertThat(SummaryMarkdown.escape("Acme [click](https://phish.example) ![px](https://t.example/p.png)"))
                .isEqualTo("Acme \\[click\\](https://phish.example) !\\[px\\](https://t.example/p.png)");
    }
}
