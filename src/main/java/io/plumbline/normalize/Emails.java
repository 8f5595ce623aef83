package io.plumbline.normalize;

import io.plumbline.model.Domain;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Email normalization: trimmed, lowercased, with the domain part normalized like any domain. */
public final class Emails {
    private Emails() {}

    /** The normalized address, or empty when the text is not a usable email address. */
    public static Optional<String> normalize(String raw) {
        return normalize(raw, DomainNormalizer::parse);
    }

    /**
     * As {@link #normalize(String)}, with the domain part normalized by {@code domains}, which must
     * behave as {@link DomainNormalizer#parse} (e.g. a memo of it, when millions of users share domains).
     */
    public static Optional<String> normalize(String raw, Function<String, DomainParse> domains) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf('@') != at) {
            return Optional.empty();
        }
        DomainParse domain = domains.apply(s.substring(at + 1));
        if (!domain.valid() || !s.substring(at + 1).equals(s.substring(at + 1).strip())) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, at) + "@" + domain.domain().value());
    }

    /** The normalized domain of an address, or empty when it has none. */
    public static Optional<Domain> domainOf(String raw) {
        return domainOf(raw, DomainNormalizer::parse);
    }

    /** As {@link #domainOf(String)}, with the domain part normalized by {@code domains}. */
    public static Optional<Domain> domainOf(String raw, Function<String, DomainParse> domains) {
        return normalize(raw, domains).map(e -> new Domain(e.substring(e.lastIndexOf('@') + 1)));
    }
}
