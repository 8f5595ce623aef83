package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Which pulled tickets a snapshot keeps: those updated (else created) since the window's start, the
 * rule the audit checks tickets by. Zendesk's ticket export selects by {@code generated_timestamp}
 * instead, which a system update (an SLA, an automation) moves without touching {@code updated_at}, so
 * it also lists tickets the window does not hold; a full pull and an incremental one both drop them,
 * and so write the same tickets.
 */
final class TicketWindow {
    private TicketWindow() {}

    /** Drops the tickets last changed before {@code since}. */
    static void keepFrom(Map<Long, JsonNode> tickets, Instant since) {
        long from = since.getEpochSecond();
        tickets.values().removeIf(t -> changedAt(t) < from);
    }

    /** {@code updated_at}, else {@code created_at}, in epoch seconds; the ticket is kept when neither parses. */
    private static long changedAt(JsonNode record) {
        for (String field : List.of("updated_at", "created_at")) {
            JsonNode v = record.path(field);
            if (v.isTextual() && !v.asText().isBlank()) {
                try {
                    return OffsetDateTime.parse(v.asText()).toEpochSecond();
                } catch (DateTimeParseException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
