package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The inputs an audit reads hold only the tickets its lookback window looks at, and count them all. */
class AuditInputsTest {
    @Test
    void load_demo_holdsTheWindowsTicketsAndCountsEveryTicket() {
        InputOptions all = demo(3650);
        InputOptions week = demo(7);

        Snapshot everything = AuditInputs.load(all).snapshot();
        Snapshot window = AuditInputs.load(week).snapshot();

        Instant start = window.asOf().minus(Duration.ofDays(7));
        assertThat(window.tickets())
                .isNotEmpty()
                .hasSizeLessThan(everything.tickets().size())
                .containsExactlyElementsOf(everything.tickets().stream()
                        .filter(t -> active(t, start))
                        .toList());
        assertThat(window.ticketsRead()).isEqualTo(everything.ticketsRead()).isEqualTo(487);
    }

    private static boolean active(Ticket t, Instant start) {
        return t.activityAt() != null && !t.activityAt().isBefore(start);
    }

    private static InputOptions demo(int lookbackDays) {
        InputOptions o = new InputOptions();
        o.demo = true;
        o.ticketLookbackDays = lookbackDays;
        return o;
    }
}
