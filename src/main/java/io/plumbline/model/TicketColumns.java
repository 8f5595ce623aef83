package io.plumbline.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitive columns behind a {@link TicketTable} (about 40 bytes a ticket), and the builder that
 * appends to them. Nanosecond columns exist only once a timestamp has a fraction, and statuses are
 * stored as small codes into the few distinct status strings.
 */
public final class TicketColumns {
    private static final long NONE = Long.MIN_VALUE;
    private final int size;
    private final long[] ids;
    private final long[] requesters;
    private final long[] orgs;
    private final long[] createdSeconds;
    private final long[] updatedSeconds;
    private final int[] createdNanos;
    private final int[] updatedNanos;
    private final char[] statusCodes;
    private final String[] statuses;

    private TicketColumns(Builder b) {
        size = b.size;
        ids = b.ids;
        requesters = b.requesters;
        orgs = b.orgs;
        createdSeconds = b.createdSeconds;
        updatedSeconds = b.updatedSeconds;
        createdNanos = b.createdNanos;
        updatedNanos = b.updatedNanos;
        statusCodes = b.statusCodes;
        statuses = b.statusList.toArray(String[]::new);
    }

    int size() {
        return size;
    }

    Ticket get(int i) {
        return new Ticket(
                new ZendeskTicketId(ids[i]),
                requesters[i] == 0 ? null : new ZendeskUserId(requesters[i]),
                orgs[i] == 0 ? null : new ZendeskOrgId(orgs[i]),
                instant(createdSeconds[i], nano(createdNanos, i)),
                instant(updatedSeconds[i], nano(updatedNanos, i)),
                statuses[statusCodes[i]]);
    }

    boolean deleted(int i) {
        return Ticket.DELETED.equals(statuses[statusCodes[i]]);
    }

    boolean activeSince(int i, Instant start) {
        boolean updated = updatedSeconds[i] != NONE;
        long s = updated ? updatedSeconds[i] : createdSeconds[i];
        if (s == NONE) {
            return false;
        }
        int n = updated ? nano(updatedNanos, i) : nano(createdNanos, i);
        return s > start.getEpochSecond() || s == start.getEpochSecond() && n >= start.getNano();
    }

    private static int nano(int[] nanos, int i) {
        return nanos == null ? 0 : nanos[i];
    }

    private static Instant instant(long seconds, int nanos) {
        return seconds == NONE ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    /** Appends tickets one by one. Not thread-safe; one builder per thread. */
    public static final class Builder {
        private final Instant since;
        private int read;
        private int undated;
        private long firstUndated = Long.MAX_VALUE;
        private int size;
        private long[] ids;
        private long[] requesters;
        private long[] orgs;
        private long[] createdSeconds;
        private long[] updatedSeconds;
        private int[] createdNanos;
        private int[] updatedNanos;
        private char[] statusCodes;
        private final List<String> statusList = new ArrayList<>();
        private final Map<String, Character> statusIndex = new HashMap<>();

        public Builder() {
            this(1024);
        }

        /** A builder with room for {@code capacity} tickets before it grows. */
        public Builder(int capacity) {
            this(capacity, null);
        }

        /**
         * A builder that keeps only the tickets active since {@code since} (updated_at, else created_at,
         * not before it), or every ticket when {@code since} is null; it still counts every ticket added.
         */
        public Builder(int capacity, Instant since) {
            this.since = since;
            // when most tickets fall outside the window, room for all of them would be mostly unused
            resize(Math.max(16, since == null ? capacity : capacity / 8));
        }

        public Builder add(Ticket t) {
            return add(
                    t.id().value(),
                    t.requesterId() == null ? 0 : t.requesterId().value(),
                    t.organizationId() == null ? 0 : t.organizationId().value(),
                    t.createdAt(),
                    t.updatedAt(),
                    t.status());
        }

        /** Appends one ticket; {@code requester} and {@code org} are 0 when absent. */
        public Builder add(long id, long requester, long org, Instant created, Instant updated, String status) {
            if (id <= 0) {
                throw new IllegalArgumentException("zendesk ticket id must be positive: " + id);
            }
            read++;
            if (created == null && updated == null) {
                undated++;
                firstUndated = Math.min(firstUndated, id);
            }
            if (since != null && !activeSince(updated != null ? updated : created, since)) {
                return this;
            }
            if (size == ids.length) {
                resize(size + (size >> 1));
            }
            ids[size] = id;
            requesters[size] = requester;
            orgs[size] = org;
            createdSeconds[size] = created == null ? NONE : created.getEpochSecond();
            updatedSeconds[size] = updated == null ? NONE : updated.getEpochSecond();
            if (created != null && created.getNano() != 0) {
                createdNanos = nanos(createdNanos);
                createdNanos[size] = created.getNano();
            }
            if (updated != null && updated.getNano() != 0) {
                updatedNanos = nanos(updatedNanos);
                updatedNanos[size] = updated.getNano();
            }
            statusCodes[size] = code(Texts.orEmpty(status));
            size++;
            return this;
        }

        private static boolean activeSince(Instant activity, Instant since) {
            return activity != null && !activity.isBefore(since);
        }

        private int[] nanos(int[] column) {
            return column != null ? column : new int[ids.length];
        }

        private char code(String status) {
            // statuses are few and usually shared instances: look for the same object first
            for (int k = 0; k < statusList.size() && k < 8; k++) {
                if (statusList.get(k) == status) {
                    return (char) k;
                }
            }
            Character code = statusIndex.get(status);
            if (code == null) {
                if (statusList.size() > Character.MAX_VALUE) {
                    throw new IllegalArgumentException("more than 65536 distinct ticket statuses");
                }
                code = (char) statusList.size();
                statusList.add(status);
                statusIndex.put(status, code);
            }
            return code;
        }

        /** The tickets kept. */
        public int size() {
            return size;
        }

        /** Every ticket added, kept or not. */
        int read() {
            return read;
        }

        /** The tickets added with neither created_at nor updated_at: never in any window. */
        int undated() {
            return undated;
        }

        /** The lowest id of {@link #undated()}, or {@link Long#MAX_VALUE} when there is none. */
        long firstUndated() {
            return firstUndated;
        }

        /** The window start tickets are kept from, or null when every ticket is kept. */
        Instant since() {
            return since;
        }

        private void resize(int n) {
            ids = ids == null ? new long[n] : Arrays.copyOf(ids, n);
            requesters = requesters == null ? new long[n] : Arrays.copyOf(requesters, n);
            orgs = orgs == null ? new long[n] : Arrays.copyOf(orgs, n);
            createdSeconds = createdSeconds == null ? new long[n] : Arrays.copyOf(createdSeconds, n);
            updatedSeconds = updatedSeconds == null ? new long[n] : Arrays.copyOf(updatedSeconds, n);
            createdNanos = createdNanos == null ? null : Arrays.copyOf(createdNanos, n);
            updatedNanos = updatedNanos == null ? null : Arrays.copyOf(updatedNanos, n);
            statusCodes = statusCodes == null ? new char[n] : Arrays.copyOf(statusCodes, n);
        }

        TicketColumns build() {
            if (size < ids.length - ids.length / 8) {
                resize(size);
            }
            return new TicketColumns(this);
        }
    }
}
