package io.plumbline.resolve;

import io.plumbline.model.ZendeskUserId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every user's resolution in Zendesk user id order, looked up by binary search over a primitive id
 * column: two arrays instead of a tree node, a boxed key and a map entry per user, which matters at
 * millions of users.
 */
public final class UserIndex {
    private final long[] ids;
    private final UserResolution[] resolutions;

    private UserIndex(long[] ids, UserResolution[] resolutions) {
        this.ids = ids;
        this.resolutions = resolutions;
    }

    /** An index of {@code resolutions} (in any order); a user id may occur only once. */
    public static UserIndex of(UserResolution[] resolutions) {
        UserResolution[] sorted = resolutions.clone();
        if (!ascending(sorted)) {
            Arrays.sort(sorted, Comparator.comparingLong(u -> u.user().id().value()));
        }
        long[] ids = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ids[i] = sorted[i].user().id().value();
            if (i > 0 && ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("user " + ids[i] + " is resolved twice");
            }
        }
        return new UserIndex(ids, sorted);
    }

    /** The resolution of {@code id}, or null when the snapshot has no such user. */
    public UserResolution get(ZendeskUserId id) {
        int at = Arrays.binarySearch(ids, id.value());
        return at >= 0 ? resolutions[at] : null;
    }

    /** Every resolution, in user id order. */
    public List<UserResolution> values() {
        return new View();
    }

    public int size() {
        return ids.length;
    }

    private static boolean ascending(UserResolution[] rs) {
        for (int i = 1; i < rs.length; i++) {
            if (rs[i - 1].user().id().value() >= rs[i].user().id().value()) {
                return false;
            }
        }
        return true;
    }

    private final class View extends AbstractList<UserResolution> implements RandomAccess {
        @Override
        public UserResolution get(int index) {
            return resolutions[index];
        }

        @Override
        public int size() {
            return resolutions.length;
        }
    }
}
