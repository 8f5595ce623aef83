package io.plumbline.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.function.Predicate;

/**
 * A normalized hostname (lowercase ASCII, punycode for IDN, no {@code www.}, no trailing dot). Only
 * the normalizer creates these from raw text; this record checks the shape it guarantees.
 */
public record Domain(String value) implements Comparable<Domain> {
    public Domain {
        if (value == null || value.isEmpty() || !value.equals(value.strip()) || value.contains("/")) {
            throw new IllegalArgumentException("not a normalized domain: " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                throw new IllegalArgumentException("not a normalized domain: " + value);
            }
        }
    }

    /**
     * Whether a domain is one of {@code domains}: by the list itself for the few an org or account
     * usually holds, by a hash set for more (an org of thousands of domains made each lookup a scan).
     */
    public static Predicate<Domain> anyOf(Collection<Domain> domains) {
        return domains.size() <= 8 ? domains::contains : new HashSet<>(domains)::contains;
    }

    @Override
    public int compareTo(Domain other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
