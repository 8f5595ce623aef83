package io.plumbline.model;

/** A Zendesk org id: always positive. */
public record ZendeskOrgId(long value) implements Comparable<ZendeskOrgId> {
    public ZendeskOrgId {
        if (value <= 0) {
            throw new IllegalArgumentException("zendesk org id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(ZendeskOrgId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
