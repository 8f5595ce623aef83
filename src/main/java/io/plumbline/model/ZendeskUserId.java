package io.plumbline.model;

/** A Zendesk user id: always positive. */
public record ZendeskUserId(long value) implements Comparable<ZendeskUserId> {
    public ZendeskUserId {
        if (value <= 0) {
            throw new IllegalArgumentException("zendesk user id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(ZendeskUserId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
