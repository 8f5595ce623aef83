package io.plumbline.resolve;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Memberships grouped by user: a table sorted by (user id, membership id), so a user's memberships are
 * a binary search over its user id column and a slice, with no per-user list or map entry; the
 * records of a slice are built when asked for.
 */
public final class MembershipIndex {
    private final MembershipTable sorted;

    private MembershipIndex(MembershipTable sorted) {
        this.sorted = sorted;
    }

    public static MembershipIndex of(List<Membership> memberships) {
        MembershipTable table = memberships instanceof MembershipTable t ? t : MembershipTable.of(memberships);
        Integer[] order = new Integer[table.size()];
        Arrays.setAll(order, i -> i);
        Arrays.parallelSort(
                order, Comparator.<Integer>comparingLong(table::userId).thenComparingLong(table::id));
        return new MembershipIndex(
                table.select(Arrays.stream(order).mapToInt(Integer::intValue).toArray()));
    }

    /** The user's memberships in Zendesk id order; empty when there are none. */
    public List<Membership> of(ZendeskUserId user) {
        int from = first(user.value());
        int to = from;
        while (to < sorted.size() && sorted.userId(to) == user.value()) {
            to++;
        }
        if (to - from <= 1) {
            // most users have one membership: no copy of a copy for them
            return from == to ? List.of() : List.of(sorted.get(from));
        }
        Membership[] found = new Membership[to - from];
        Arrays.setAll(found, k -> sorted.get(from + k));
        return Collections.unmodifiableList(Arrays.asList(found));
    }

    /**
     * The id of the user's membership of {@code org}, or -1 when the user is none: the question most users
     * ask of the index, answered without building a record.
     */
    public long membershipId(ZendeskUserId user, ZendeskOrgId org) {
        for (int i = first(user.value()); i < sorted.size() && sorted.userId(i) == user.value(); i++) {
            if (sorted.orgId(i) == org.value()) {
                return sorted.id(i);
            }
        }
        return -1;
    }

    /** The org of the user's membership marked default, or -1 when none is; no record is built. */
    public long defaultOrg(ZendeskUserId user) {
        for (int i = first(user.value()); i < sorted.size() && sorted.userId(i) == user.value(); i++) {
            if (sorted.isDefault(i)) {
                return sorted.orgId(i);
            }
        }
        return -1;
    }

    /** The first position holding {@code user}, or where it would be. */
    private int first(long user) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.userId(mid) < user) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
