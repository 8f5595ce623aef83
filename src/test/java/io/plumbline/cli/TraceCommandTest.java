package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.Cli;
import org.junit.jupiter.api.Test;

/** {@code trace} as a user meets it: the record named in errors, what a miss suggests, the help. */
class TraceCommandTest {
    @Test
    void trace_zeroIds_exit2NamingTheKindOfRecord() {
        Cli.Result ticket = Cli.run("trace", "--demo", "--zendesk-ticket-id", "0");
        assertThat(ticket.exitCode()).isEqualTo(2);
        assertThat(ticket.err()).isEqualTo("error: Zendesk ticket 0: zendesk ticket id must be positive: 0\n");

        Cli.Result org = Cli.run("trace", "--demo", "--zendesk-org-id", "0");
        assertThat(org.exitCode()).isEqualTo(2);
        assertThat(org.err()).isEqualTo("error: Zendesk org 0: zendesk org id must be positive: 0\n");
    }
}
