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

    /** The instant the lookback window is checked against: updated_at, else created_at. */
    public Instant activityAt() {
        return updatedAt != null ? updatedAt : createdAt;
    }
}
