package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
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
}
