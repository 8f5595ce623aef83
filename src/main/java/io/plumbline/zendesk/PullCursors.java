package io.plumbline.zendesk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each listing of a Zendesk pull stopped, so that the next pull asks only for what changed since:
 * the organization export's {@code end_time}; the user export's {@code after_cursor}, or after a full
 * pull (which lists users instead of exporting them) the time to open the export at; the ticket
 * export's {@code after_cursor}; and the position of the membership listing's last page.
 */
public record PullCursors(
        long organizationsStartTime,
        String usersCursor,
        long usersStartTime,
        String ticketsCursor,
        ListPosition memberships) {
    private static final String ORGS = "organizations.start_time";
    private static final String USERS_CURSOR = "users.cursor";
    private static final String USERS_START = "users.start_time";
    private static final String TICKETS = "tickets.cursor";
    private static final String MEMBERSHIPS_AFTER = "organization_memberships.after";
    private static final String MEMBERSHIPS_AFTER_ID = "organization_memberships.after_id";

    public PullCursors {
        Objects.requireNonNull(ticketsCursor, "ticketsCursor");
        Objects.requireNonNull(memberships, "memberships");
        usersCursor = usersCursor == null || usersCursor.isEmpty() ? null : usersCursor;
    }

    /** The cursors as named strings, for a store. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ORGS, Long.toString(organizationsStartTime));
        if (usersCursor != null) {
            m.put(USERS_CURSOR, usersCursor);
        }
        m.put(USERS_START, Long.toString(usersStartTime));
        m.put(TICKETS, ticketsCursor);
        m.put(MEMBERSHIPS_AFTER, memberships.after());
        m.put(MEMBERSHIPS_AFTER_ID, Long.toString(memberships.afterId()));
        return m;
    }

    /** Reads {@link #asMap()} back; empty when a cursor is missing or malformed (then pull in full). */
    public static Optional<PullCursors> fromMap(Map<String, String> m) {
        try {
            return Optional.of(new PullCursors(
                    Long.parseLong(m.get(ORGS)),
                    m.get(USERS_CURSOR),
                    Long.parseLong(m.get(USERS_START)),
                    m.get(TICKETS),
                    new ListPosition(m.get(MEMBERSHIPS_AFTER), Long.parseLong(m.get(MEMBERSHIPS_AFTER_ID)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
