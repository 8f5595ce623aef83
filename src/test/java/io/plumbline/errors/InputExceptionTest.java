package io.plumbline.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputExceptionTest {
    @Test
    void message_withLineAndColumn_readsLikeACompilerDiagnostic() {
        InputException e = new InputException("accounts.csv", 14, 2, "duplicate sf_account_id 001A");

        assertThat(e.getMessage()).isEqualTo("accounts.csv:14:2: error: duplicate sf_account_id 001A");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void message_unknownLineOrColumn_leavesThemOut() {
        assertThat(new InputException("a.csv", 0, 5, "bad").getMessage()).isEqualTo("a.csv: error: bad");
        assertThat(new InputException("a.csv", 3, 0, "bad").getMessage()).isEqualTo("a.csv:3: error: bad");
    }

    @Test
    void message_controlAndInvisibleCharacters_areEscaped() {
        InputException e = new InputException("t.jsonl", 1, 10, "Unrecognized token 'x\u0010\u001b[2J\u200b\u00a0'");

        assertThat(e.getMessage())
                .isEqualTo("t.jsonl:1:10: error: Unrecognized token 'x\\u0010\\u001B[2J\\u200B\\u00A0'");
    }
}
