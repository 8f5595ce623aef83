package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-18T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void choose_progressOff_stillSaysTheNotes_quietSaysNothing() {
        StringWriter lines = new StringWriter();
        PrintStream terminal = System.err;

        Progress off = Progress.choose(false, true, false, terminal, new PrintWriter(lines), CLOCK);
        try (Progress.Task t = off.start("users")) {
            t.update(100, 1, 0);
        }
        off.note("waiting 61 s for Zendesk's exports to hold every change up to the pull's start");
        Progress.choose(true, false, false, terminal, new PrintWriter(lines), CLOCK)
                .note("not said");

        assertThat(lines.toString())
                .isEqualTo("zendesk: waiting 61 s for Zendesk's exports to hold every change up to the pull's "
                        + "start\n");
    }
}
