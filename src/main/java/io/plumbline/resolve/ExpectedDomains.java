package io.plumbline.resolve;

import io.plumbline.model.Account;
import io.plumbline.model.Domain;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import io.plumbline.normalize.PersonalDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The domains an account expects on its Zendesk org: the normalized {@code zendesk_domain_override}
 * when it holds a domain, else the normalized {@code account_domains} plus the host of {@code website}. Tokens
 * that are not domains, and personal email domains, are kept aside as corrupted and never matched.
 */
public record ExpectedDomains(List<Domain> domains, List<CorruptedToken> corrupted, boolean fromOverride) {
    public ExpectedDomains {
        domains = List.copyOf(domains);
        corrupted = List.copyOf(corrupted);
    }

    private static final String WEBSITE = "website";

    /** Computes the expected domains of {@code account}. */
    public static ExpectedDomains of(Account account, PersonalDomains personal) {
        List<CorruptedToken> corrupted = new ArrayList<>();
        TreeSet<Domain> fromDomains =
                collect("account_domains", DomainNormalizer.parseList(account.accountDomains()), personal, corrupted);
        List<DomainParse> site = DomainNormalizer.blank(account.website())
                ? List.of()
                : List.of(DomainNormalizer.parse(account.website()));
        TreeSet<Domain> fromWebsite = collect(WEBSITE, site, personal, corrupted);
        TreeSet<Domain> fromOverride = collect(
                "zendesk_domain_override", DomainNormalizer.parseList(account.domainOverride()), personal, corrupted);
        // an override that yields no domain (a placeholder such as n/a or -, reported as corrupted) overrides
        // nothing: it would leave the account expecting no domain at all in place of its own
        boolean override = !fromOverride.isEmpty();
        TreeSet<Domain> expected = new TreeSet<>(override ? fromOverride : fromDomains);
        if (!override) {
            expected.addAll(fromWebsite);
        }
        return new ExpectedDomains(List.copyOf(expected), corrupted, override);
    }

    private static TreeSet<Domain> collect(
            String field, List<DomainParse> parses, PersonalDomains personal, List<CorruptedToken> corrupted) {
        TreeSet<Domain> out = new TreeSet<>();
        for (DomainParse parse : parses) {
            if (!parse.valid()) {
                corrupted.add(
                        new CorruptedToken(field, DomainNormalizer.withoutPassword(parse.raw()), parse.problem()));
                continue;
            }
            String never = personal.kind(parse.domain(), field.equals(WEBSITE));
            if (DomainNormalizer.countrySecondLevel(parse.domain())) {
                corrupted.add(new CorruptedToken(
                        field,
                        DomainNormalizer.withoutPassword(parse.raw()),
                        "a country's second level alone (names are registered under it), not one customer's domain"));
            } else if (never != null) {
                corrupted.add(new CorruptedToken(
                        field,
                        DomainNormalizer.withoutPassword(parse.raw()),
                        never + ", which never identifies an account"));
            } else {
                out.add(parse.domain());
            }
        }
        return out;
    }
}
