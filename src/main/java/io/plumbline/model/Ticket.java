package io.plumbline.model;

import java.time.Instant;
import java.util.Objects;

/** A Zendesk ticket: only the fields that decide attribution. {@code organizationId} may be null. */
public record Ticket(
        ZendeskTicketId id,
        ZendeskUserId requesterId,
        ZendeskOrgId organizationId,
        Instant createdAt,
        Instant updatedAt,
        String status) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        status = Texts.orEmpty(status);
    }

    /** The status an export gives a deleted ticket (a live pull leaves deleted tickets out). */
    public static final String DELETED = "deleted";

    /** The instant the lookback window is checked against: updated_at, else created_at. */
    public Instant activityAt() {
        return updatedAt != null ? updatedAt : createdAt;
    }

    /**
     * Whether a lookback window starting at {@code start} holds this ticket: it is not deleted, and its
     * activity instant is set and not before {@code start}.
     */
    public boolean inWindow(Instant start) {
        Instant at = activityAt();
        return !DELETED.equals(status) && at != null && !at.isBefore(start);
    }
}
