package io.plumbline.model;

/** A Zendesk membership id: always positive. */
public record MembershipId(long value) implements Comparable<MembershipId> {
    public MembershipId {
        if (value <= 0) {
            throw new IllegalArgumentException("zendesk membership id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(MembershipId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
