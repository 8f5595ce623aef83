package io.plumbline.model;

/** A Zendesk ticket id: always positive. */
public record ZendeskTicketId(long value) implements Comparable<ZendeskTicketId> {
    public ZendeskTicketId {
        if (value <= 0) {
            throw new IllegalArgumentException("zendesk ticket id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(ZendeskTicketId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
