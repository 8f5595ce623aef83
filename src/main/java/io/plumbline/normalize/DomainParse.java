package io.plumbline.normalize;

import io.plumbline.model.Domain;
import java.util.Objects;

/**
 * The outcome of normalizing one raw token: either a {@link Domain} or the reason the token is not a
 * domain (a corrupted source field, reported and never matched).
 */
public record DomainParse(String raw, Domain domain, String problem) {
    public DomainParse {
        Objects.requireNonNull(raw, "raw");
        if ((domain == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of domain and problem must be set for: " + raw);
        }
    }

    static DomainParse ok(String raw, Domain domain) {
        return new DomainParse(raw, domain, null);
    }

    static DomainParse invalid(String raw, String problem) {
        return new DomainParse(raw, null, problem);
    }

    public boolean valid() {
        return domain != null;
    }
}
