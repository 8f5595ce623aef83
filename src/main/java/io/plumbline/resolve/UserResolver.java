package io.plumbline.resolve;

import io.plumbline.model.Contact;
import io.plumbline.model.Domain;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.User;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import io.plumbline.normalize.Emails;
import io.plumbline.normalize.PersonalDomains;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides each user's expected account: contacts first (by normalized email), then the email domain
 * when it is a non-personal expected domain of exactly one account.
 */
final class UserResolver {
    private final Map<String, List<Contact>> contactsByEmail;
    /** Each domain's owning accounts, in order, as one list shared by every user of the domain. */
    private final Map<Domain, List<SalesforceAccountId>> accountsByDomain;

    private final PersonalDomains personal;
    private final Map<String, DomainParse> parsedDomains = new ConcurrentHashMap<>(1 << 16);

    UserResolver(
            Map<String, List<Contact>> contactsByEmail,
            Map<Domain, Set<SalesforceAccountId>> accountsByDomain,
            PersonalDomains personal) {
        this.contactsByEmail = contactsByEmail;
        this.accountsByDomain = new HashMap<>(accountsByDomain.size() * 4 / 3 + 1);
        accountsByDomain.forEach((domain, owners) -> this.accountsByDomain.put(domain, List.copyOf(owners)));
        this.personal = personal;
    }

    /** Domain normalization, remembered: users share a few hundred thousand domains at most. */
    private DomainParse parseDomain(String raw) {
        DomainParse known = parsedDomains.get(raw); // a plain read first: no bin locking once it is known
        return known != null ? known : parsedDomains.computeIfAbsent(raw, DomainNormalizer::parse);
    }

    UserResolution resolve(User user) {
        if (!user.eligible()) {
            return new UserResolution(user, UserRule.NOT_ELIGIBLE, null, List.of(), null);
        }
        Optional<Emails.Address> address = Emails.parse(user.email(), this::parseDomain);
        if (address.isEmpty()) {
            return new UserResolution(user, UserRule.NOT_ELIGIBLE, null, List.of(), null);
        }
        Domain domain = address.get().domain();
        List<Contact> contacts = contactsByEmail.getOrDefault(address.get().email(), List.of());
        if (!contacts.isEmpty()) {
            return byContacts(user, domain, contacts);
        }
        return byDomain(user, domain);
    }

    private UserResolution byContacts(User user, Domain domain, List<Contact> contacts) {
        if (contacts.size() == 1) {
            SalesforceAccountId only = contacts.get(0).accountId();
            return new UserResolution(user, UserRule.CONTACT, domain, List.of(only), only);
        }
        TreeSet<SalesforceAccountId> accounts = new TreeSet<>();
        TreeSet<SalesforceAccountId> primaries = new TreeSet<>();
        for (Contact c : contacts) {
            accounts.add(c.accountId());
            if (c.primary()) {
                primaries.add(c.accountId());
            }
        }
        SalesforceAccountId primary =
                accounts.size() == 1 ? accounts.first() : primaries.size() == 1 ? primaries.first() : null;
        return new UserResolution(user, UserRule.CONTACT, domain, List.copyOf(accounts), primary);
    }

    private UserResolution byDomain(User user, Domain domain) {
        if (personal.contains(domain)) {
            return new UserResolution(user, UserRule.PERSONAL, domain, List.of(), null);
        }
        List<SalesforceAccountId> owners = accountsByDomain.getOrDefault(domain, List.of());
        if (owners.isEmpty()) {
            return new UserResolution(user, UserRule.NO_MATCH, domain, List.of(), null);
        }
        if (owners.size() > 1) {
            return new UserResolution(user, UserRule.AMBIGUOUS, domain, owners, null);
        }
        return new UserResolution(user, UserRule.DOMAIN, domain, owners, owners.get(0));
    }
}
