package io.plumbline.model;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * An immutable list of tickets stored column by column in primitive arrays (about 50 bytes a ticket
 * instead of several objects), so that a snapshot of millions of tickets fits in a small heap. Each
 * {@link #get} builds an equal {@link Ticket}; {@link #forEachInWindow} checks the lookback window
 * without building them. A table may be {@linkplain #deferred deferred}: its columns are fetched on first use,
 * so work that needs no tickets can go ahead while they are still being read.
 */
public final class TicketTable extends AbstractList<Ticket> implements RandomAccess {
    private final Supplier<Segments> source;
    private volatile Segments columns;

    private TicketTable(Segments columns) {
        this.source = null;
        this.columns = columns;
    }

    private TicketTable(Supplier<Segments> source) {
        this.source = source;
    }

    /** A table holding {@code tickets}, in order. */
    public static TicketTable of(List<Ticket> tickets) {
        return of(tickets, null);
    }

    /**
     * A table holding those of {@code tickets} active since {@code since} (all of them when it is
     * null), in order; {@link #read()} counts them all.
     */
    public static TicketTable of(List<Ticket> tickets, Instant since) {
        TicketColumns.Builder b = new TicketColumns.Builder(1024, since);
        tickets.forEach(b::add);
        return concat(List.of(b));
    }

    /**
     * A table of the tickets appended to {@code parts}, one part after the other (no copying). The parts
     * keep tickets from the same window start, or all keep every ticket.
     */
    public static TicketTable concat(List<TicketColumns.Builder> parts) {
        List<TicketColumns> built = new ArrayList<>();
        int read = 0;
        int undated = 0;
        long firstUndated = Long.MAX_VALUE;
        Instant since = parts.isEmpty() ? null : parts.get(0).since();
        for (TicketColumns.Builder part : parts) {
            if (!Objects.equals(part.since(), since)) {
                throw new IllegalArgumentException("ticket parts kept from different window starts");
            }
            read += part.read();
            undated += part.undated();
            firstUndated = Math.min(firstUndated, part.firstUndated());
            if (part.size() > 0) {
                built.add(part.build());
            }
        }
        int[] starts = new int[built.size()];
        int size = 0;
        for (int k = 0; k < built.size(); k++) {
            starts[k] = size;
            size += built.get(k).size();
        }
        return new TicketTable(new Segments(
                built.toArray(TicketColumns[]::new), starts, size, read, since, new Undated(undated, firstUndated)));
    }

    /**
     * A table whose columns come from {@code table} on first use; an exception it throws surfaces on
     * every use, as if the tickets had been read eagerly.
     */
    public static TicketTable deferred(Supplier<TicketTable> table) {
        return new TicketTable(() -> table.get().columns());
    }

    private Segments columns() {
        Segments c = columns;
        if (c == null) {
            synchronized (this) {
                c = columns;
                if (c == null) {
                    c = source.get();
                    columns = c;
                }
            }
        }
        return c;
    }

    @Override
    public Ticket get(int i) {
        Segments c = columns();
        if (i < 0 || i >= c.size) {
            throw new IndexOutOfBoundsException("ticket index " + i + " of " + c.size);
        }
        int k = c.part(i);
        return c.parts[k].get(i - c.starts[k]);
    }

    /** The tickets held: every ticket read, or those active since {@link #keptSince()}. */
    @Override
    public int size() {
        return columns().size;
    }

    /** How many tickets were read, held or not. */
    public int read() {
        return columns().read;
    }

    /** The tickets read that have neither created_at nor updated_at, held or not. */
    public Undated undated() {
        return columns().undated;
    }

    /**
     * The window start from which tickets were kept (those whose activity is not before it), or null
     * when every ticket read is held.
     */
    public Instant keptSince() {
        return columns().since;
    }

    /**
     * Fails when this table cannot answer for a window starting at {@code start}: it holds only the
     * tickets of a later-starting window.
     */
    public void requireHolds(Instant start) {
        Instant since = keptSince();
        if (since != null && start.isBefore(since)) {
            throw new IllegalStateException(
                    "the tickets were kept from " + since + " on; a window from " + start + " needs them all");
        }
    }

    /**
     * The number of tickets a lookback window from {@code start} holds, as {@link Ticket#inWindow} says
     * (not deleted, and the activity instant set and not before {@code start}); {@code visit} receives
     * the index of each.
     */
    public int forEachInWindow(Instant start, IntConsumer visit) {
        requireHolds(start);
        Segments c = columns();
        int n = 0;
        for (int k = 0; k < c.parts.length; k++) {
            TicketColumns part = c.parts[k];
            for (int i = 0; i < part.size(); i++) {
                if (part.activeSince(i, start) && !part.deleted(i)) {
                    visit.accept(c.starts[k] + i);
                    n++;
                }
            }
        }
        return n;
    }

    /** Column segments and where each starts in the table. */
    /**
     * The tickets read with neither created_at nor updated_at, which no window holds, and the lowest id of
     * them ({@link Long#MAX_VALUE} when there is none).
     */
    public record Undated(int count, long firstId) {}

    private record Segments(TicketColumns[] parts, int[] starts, int size, int read, Instant since, Undated undated) {
        int part(int i) {
            int k = Arrays.binarySearch(starts, i);
            return k >= 0 ? k : -k - 2;
        }
    }
}
