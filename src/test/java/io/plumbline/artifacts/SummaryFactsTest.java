package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.Snapshots;
import org.junit.jupiter.api.Test;

class SummaryFactsTest {
    @Test
    void ticketsInWindow_countsWhatTheWindowChecks_notDeletedOrOlderTickets() {
        SummaryFacts f = SummaryFacts.of(Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .endUser(10, "ann@a.example", 1L)
                .ticket(100, 10, 1L, 3)
                .ticket(101, 10, 1L, 3, "deleted")
                .ticket(102, 10, 1L, 45)
                .audit());

        assertThat(f.inputs()).containsEntry("tickets", 3).containsEntry("tickets_in_window", 1);
    }
}
