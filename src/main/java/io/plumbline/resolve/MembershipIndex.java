package io.plumbline.resolve;

import io.plumbline.model.Membership;
import io.plumbline.model.ZendeskUserId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Memberships grouped by user: one array sorted by (user id, membership id) and a primitive column of
 * their user ids, so a user's memberships are a binary search and a slice, with no per-user list or
 * map entry.
 */
public final class MembershipIndex {
    private static final Comparator<Membership> BY_USER_THEN_ID =
            Comparator.comparingLong((Membership m) -> m.userId().value()).thenComparingLong(m -> m.id().value());

    private final long[] userIds;
    private final List<Membership> sorted;

    private MembershipIndex(long[] userIds, Membership[] sorted) {
        this.userIds = userIds;
        this.sorted = Collections.unmodifiableList(Arrays.asList(sorted));
    }

    public static MembershipIndex of(List<Membership> memberships) {
        Membership[] all = memberships.toArray(new Membership[0]);
        Arrays.parallelSort(all, BY_USER_THEN_ID);
        long[] userIds = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            userIds[i] = all[i].userId().value();
        }
        return new MembershipIndex(userIds, all);
    }

    /** The user's memberships in Zendesk id order; empty when there are none. */
    public List<Membership> of(ZendeskUserId user) {
        int from = first(user.value());
        int to = from;
        while (to < userIds.length && userIds[to] == user.value()) {
            to++;
        }
        return from == to ? List.of() : sorted.subList(from, to);
    }

    /** The first position holding {@code user}, or where it would be. */
    private int first(long user) {
        int lo = 0;
        int hi = userIds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (userIds[mid] < user) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
