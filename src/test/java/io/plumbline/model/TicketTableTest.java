package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compact ticket table is an immutable list equal to the tickets it was built from. */
class TicketTableTest {
    private static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    private static List<Ticket> tickets() {
        return List.of(
                new Ticket(
                        new ZendeskTicketId(1), new ZendeskUserId(2), new ZendeskOrgId(3), T, T.plusNanos(5), "open"),
                new Ticket(new ZendeskTicketId(2), null, null, null, null, ""),
                new Ticket(new ZendeskTicketId(3), new ZendeskUserId(2), null, T.minusSeconds(60), null, "solved"));
    }

    @Test
    void of_tickets_equalsTheList() {
        assertThat(TicketTable.of(tickets())).isEqualTo(tickets()).hasSize(3);
        assertThat(TicketTable.of(List.of())).isEmpty();
    }

    @Test
    void concat_parts_keepsOrderAcrossParts() {
        List<TicketColumns.Builder> parts = new ArrayList<>();
        for (Ticket t : tickets()) {
            parts.add(new TicketColumns.Builder().add(t));
            parts.add(new TicketColumns.Builder());
        }
        assertThat(TicketTable.concat(parts)).isEqualTo(tickets());
    }

    @Test
    void forEachInWindow_countsTicketsInTheWindow() {
        List<Integer> seen = new ArrayList<>();
        int n = TicketTable.of(tickets()).forEachInWindow(T.minusSeconds(60), seen::add);
        assertThat(n).isEqualTo(2);
        assertThat(seen).containsExactly(0, 2);
        assertThat(TicketTable.of(tickets()).forEachInWindow(T.plusNanos(5), i -> {}))
                .isEqualTo(1);
    }

    @Test
    void forEachInWindow_deletedTicket_isNotInTheWindow() {
        List<Ticket> withDeleted = new ArrayList<>(tickets());
        withDeleted.add(new Ticket(new ZendeskTicketId(4), new ZendeskUserId(2), null, T, T, Ticket.DELETED));
        List<Integer> seen = new ArrayList<>();
        assertThat(TicketTable.of(withDeleted).forEachInWindow(T.minusSeconds(60), seen::add))
                .isEqualTo(2);
        assertThat(seen).containsExactly(0, 2);
        assertThat(withDeleted)
                .extracting(t -> t.inWindow(T.minusSeconds(60)))
                .containsExactly(true, false, true, false);
    }

    @Test
    void of_window_holdsTicketsActiveSinceItAndCountsAll() {
        TicketTable window = TicketTable.of(tickets(), T.minusSeconds(60));
        assertThat(window).containsExactly(tickets().get(0), tickets().get(2));
        assertThat(window.read()).isEqualTo(3);
        assertThat(new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of(), window, T).ticketsRead())
                .isEqualTo(3);
        assertThat(window.forEachInWindow(T, i -> {})).isEqualTo(1);
    }

    @Test
    void forEachInWindow_windowStartingBeforeTheTablesOwn_fails() {
        TicketTable window = TicketTable.of(tickets(), T);
        assertThatThrownBy(() -> window.forEachInWindow(T.minusSeconds(1), i -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kept from " + T);
    }

    @Test
    void concat_partsKeptFromDifferentWindows_fails() {
        assertThatThrownBy(() -> TicketTable.concat(
                        List.of(new TicketColumns.Builder(16, T), new TicketColumns.Builder(16, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deferred_failingSource_throwsOnEveryUse() {
        TicketTable table = TicketTable.deferred(() -> {
            throw new IllegalStateException("tickets.jsonl: bad");
        });
        assertThatThrownBy(table::size).hasMessage("tickets.jsonl: bad");
        assertThatThrownBy(() -> table.get(0)).hasMessage("tickets.jsonl: bad");
    }

    @Test
    void snapshot_keepsATableAsItIs() {
        TicketTable table = TicketTable.of(tickets());
        Snapshot s = new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of(), table, T);
        assertThat(s.tickets()).isSameAs(table);
    }
}
