package io.plumbline.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Memberships in primitive columns (about 25 bytes each instead of a record and three id objects),
 * read as {@link Membership} records built on demand. Millions of memberships stay cheap to hold and
 * to collect around.
 */
public final class MembershipTable extends AbstractList<Membership> implements RandomAccess {
    private final long[] ids;
    private final long[] users;
    private final long[] orgs;
    private final boolean[] defaults;

    private MembershipTable(long[] ids, long[] users, long[] orgs, boolean[] defaults) {
        this.ids = ids;
        this.users = users;
        this.orgs = orgs;
        this.defaults = defaults;
    }

    /** A table holding {@code memberships}, in order. */
    public static MembershipTable of(List<Membership> memberships) {
        int n = memberships.size();
        long[] ids = new long[n];
        long[] users = new long[n];
        long[] orgs = new long[n];
        boolean[] defaults = new boolean[n];
        for (int i = 0; i < n; i++) {
            Membership m = memberships.get(i);
            ids[i] = m.id().value();
            users[i] = m.userId().value();
            orgs[i] = m.organizationId().value();
            defaults[i] = m.isDefault();
        }
        return new MembershipTable(ids, users, orgs, defaults);
    }

    /** A table of the memberships appended to {@code parts}, one part after the other. */
    public static MembershipTable concat(List<Builder> parts) {
        int n = parts.stream().mapToInt(b -> b.size).sum();
        long[] ids = new long[n];
        long[] users = new long[n];
        long[] orgs = new long[n];
        boolean[] defaults = new boolean[n];
        int at = 0;
        for (Builder b : parts) {
            System.arraycopy(b.ids, 0, ids, at, b.size);
            System.arraycopy(b.users, 0, users, at, b.size);
            System.arraycopy(b.orgs, 0, orgs, at, b.size);
            System.arraycopy(b.defaults, 0, defaults, at, b.size);
            at += b.size;
        }
        return new MembershipTable(ids, users, orgs, defaults);
    }

    @Override
    public Membership get(int i) {
        return new Membership(
                new MembershipId(ids[i]), new ZendeskUserId(users[i]), new ZendeskOrgId(orgs[i]), defaults[i]);
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** A table of the rows {@code rows}, in that order. */
    public MembershipTable select(int[] rows) {
        long[] i2 = new long[rows.length];
        long[] u2 = new long[rows.length];
        long[] o2 = new long[rows.length];
        boolean[] d2 = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            i2[k] = ids[r];
            u2[k] = users[r];
            o2[k] = orgs[r];
            d2[k] = defaults[r];
        }
        return new MembershipTable(i2, u2, o2, d2);
    }

    /** The membership id of row {@code i}, without building the record. */
    public long id(int i) {
        return ids[i];
    }

    /** The user id of row {@code i}, without building the record. */
    public long userId(int i) {
        return users[i];
    }

    /** The org id of row {@code i}, without building the record. */
    public long orgId(int i) {
        return orgs[i];
    }

    /** Whether row {@code i} is its user's default membership, without building the record. */
    public boolean isDefault(int i) {
        return defaults[i];
    }

    /** Appends memberships into growing columns; not thread-safe. */
    public static final class Builder {
        private int size;
        private long[] ids;
        private long[] users;
        private long[] orgs;
        private boolean[] defaults;

        public Builder() {
            this(1024);
        }

        /** A builder with room for {@code capacity} memberships before it grows. */
        public Builder(int capacity) {
            resize(Math.max(16, capacity));
        }

        /** Appends one membership; every id must be positive, as {@link Membership} requires. */
        public Builder add(long id, long user, long org, boolean isDefault) {
            if (id <= 0 || user <= 0 || org <= 0) {
                throw new IllegalArgumentException(
                        "membership ids must be positive: id " + id + ", user " + user + ", org " + org);
            }
            if (size == ids.length) {
                resize(size + (size >> 1));
            }
            ids[size] = id;
            users[size] = user;
            orgs[size] = org;
            defaults[size] = isDefault;
            size++;
            return this;
        }

        private void resize(int capacity) {
            ids = ids == null ? new long[capacity] : Arrays.copyOf(ids, capacity);
            users = users == null ? new long[capacity] : Arrays.copyOf(users, capacity);
            orgs = orgs == null ? new long[capacity] : Arrays.copyOf(orgs, capacity);
            defaults = defaults == null ? new boolean[capacity] : Arrays.copyOf(defaults, capacity);
        }
    }
}
