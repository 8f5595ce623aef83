package io.plumbline.model;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * An immutable list of tickets stored column by column in primitive arrays (about 50 bytes a ticket
 * instead of several objects), so that a snapshot of millions of tickets fits in a small heap. Each
 * {@link #get} builds an equal {@link Ticket}; {@link #forEachActiveSince} checks the lookback window
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
        TicketColumns.Builder b = new TicketColumns.Builder();
        tickets.forEach(b::add);
        return concat(List.of(b));
    }

    /** A table of the tickets appended to {@code parts}, one part after the other (no copying). */
    public static TicketTable concat(List<TicketColumns.Builder> parts) {
        List<TicketColumns> built = new ArrayList<>();
        for (TicketColumns.Builder part : parts) {
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
        return new TicketTable(new Segments(built.toArray(TicketColumns[]::new), starts, size));
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

    @Override
    public int size() {
        return columns().size;
    }

    /**
     * The number of tickets whose activity instant (updated_at, else created_at) is set and not before
     * {@code start}; {@code visit} receives the index of each.
     */
    public int forEachActiveSince(Instant start, IntConsumer visit) {
        Segments c = columns();
        int n = 0;
        for (int k = 0; k < c.parts.length; k++) {
            TicketColumns part = c.parts[k];
            for (int i = 0; i < part.size(); i++) {
                if (part.activeSince(i, start)) {
                    visit.accept(c.starts[k] + i);
                    n++;
                }
            }
        }
        return n;
    }

    /** Column segments and where each starts in the table. */
    private record Segments(TicketColumns[] parts, int[] starts, int size) {
        int part(int i) {
            int k = Arrays.binarySearch(starts, i);
            return k >= 0 ? k : -k - 2;
        }
    }
}
