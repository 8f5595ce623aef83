package io.plumbline.normalize;

import io.plumbline.model.Domain;
import io.plumbline.model.Texts;
import java.util.Optional;
import java.util.function.Function;

/**
 * Email normalization: trimmed, in Unicode form C, lowercased, with the domain part normalized like any
 * domain.
 */
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
        return parse(raw, domains).map(Address::email);
    }

    /** A normalized address and its normalized domain. */
    public record Address(String email, Domain domain) {}

    /**
     * The normalized address and its domain in one pass, or empty when the text is not a usable email
     * address; the domain is the one {@code domains} returns, so a memo shares it between addresses.
     */
    public static Optional<Address> parse(String raw, Function<String, DomainParse> domains) {
        if (raw == null) {
            return Optional.empty();
        }
        // composed first: a system that stores "é" as "e" and a combining accent holds the same address
        String s = Texts.caseless(Texts.stripWithInvisible(raw));
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf('@') != at || !plainLocalPart(s, at)) {
            return Optional.empty();
        }
        String host = s.substring(at + 1);
        DomainParse domain = domains.apply(host);
        if (!domain.valid() || !host.equals(host.strip())) {
            return Optional.empty();
        }
        String value = domain.domain().value();
        String email = value.equals(host) ? s : s.substring(0, at) + "@" + value;
        return Optional.of(new Address(email, domain.domain()));
    }

    /**
     * Whether {@code s[0, at)} is a local part as mailboxes are written: no space, control or invisible
     * character, and none of {@code : < > ( ) [ ] , ;} that only a display name, a {@code mailto:} link
     * or a list around the address would bring (quoted local parts, which may hold them, are not used by
     * the mailboxes Zendesk and Salesforce hold). Such an address would never equal the one Zendesk holds.
     */
    private static boolean plainLocalPart(String s, int at) {
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c <= ' '
                    || ":<>()[],;\"\\".indexOf(c) >= 0
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** The normalized domain of an address, or empty when it has none. */
    public static Optional<Domain> domainOf(String raw) {
        return domainOf(raw, DomainNormalizer::parse);
    }

    /** As {@link #domainOf(String)}, with the domain part normalized by {@code domains}. */
    public static Optional<Domain> domainOf(String raw, Function<String, DomainParse> domains) {
        return parse(raw, domains).map(Address::domain);
    }
}
