package io.plumbline.resolve;

import io.plumbline.model.Contact;
import io.plumbline.model.Domain;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.User;
import io.plumbline.normalize.Emails;
import io.plumbline.normalize.PersonalDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides each user's expected account: contacts first (by normalized email), then the email domain
 * when it is a non-personal expected domain of exactly one account.
 */
final class UserResolver {
    private final Map<String, List<Contact>> contactsByEmail;
    private final Map<Domain, Set<SalesforceAccountId>> accountsByDomain;
    private final PersonalDomains personal;

    UserResolver(
            Map<String, List<Contact>> contactsByEmail,
            Map<Domain, Set<SalesforceAccountId>> accountsByDomain,
            PersonalDomains personal) {
        this.contactsByEmail = contactsByEmail;
        this.accountsByDomain = accountsByDomain;
        this.personal = personal;
    }

    UserResolution resolve(User user) {
        List<String> steps = new ArrayList<>();
        if (!user.eligible()) {
            steps.add(String.format(
                    "user is not an active, unsuspended end-user with an email (role %s, active %s, suspended %s): not checked",
                    user.role().isEmpty() ? "(none)" : user.role(), user.active(), user.suspended()));
            return new UserResolution(user, UserRule.NOT_ELIGIBLE, null, List.of(), null, steps);
        }
        Optional<String> email = Emails.normalize(user.email());
        if (email.isEmpty()) {
            steps.add("email '" + user.email() + "' is not a usable address: not checked");
            return new UserResolution(user, UserRule.NOT_ELIGIBLE, null, List.of(), null, steps);
        }
        Domain domain = Emails.domainOf(email.get()).orElseThrow();
        List<Contact> contacts = contactsByEmail.getOrDefault(email.get(), List.of());
        if (!contacts.isEmpty()) {
            return byContacts(user, domain, contacts, steps);
        }
        steps.add("no Salesforce contact has email " + email.get());
        return byDomain(user, domain, steps);
    }

    private UserResolution byContacts(User user, Domain domain, List<Contact> contacts, List<String> steps) {
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
        steps.add(String.format(
                "contact match: email belongs to contact(s) of %s%s",
                join(accounts),
                primary == null
                        ? "; no single primary account, so the default org is not checked"
                        : "; primary account " + primary));
        return new UserResolution(user, UserRule.CONTACT, domain, List.copyOf(accounts), primary, steps);
    }

    private UserResolution byDomain(User user, Domain domain, List<String> steps) {
        if (personal.contains(domain)) {
            steps.add("email domain " + domain + " is a personal email domain: never identifies an account");
            return new UserResolution(user, UserRule.PERSONAL, domain, List.of(), null, steps);
        }
        Set<SalesforceAccountId> owners = accountsByDomain.getOrDefault(domain, Set.of());
        if (owners.isEmpty()) {
            steps.add("email domain " + domain + " is an expected domain of no account: no expectation");
            return new UserResolution(user, UserRule.NO_MATCH, domain, List.of(), null, steps);
        }
        if (owners.size() > 1) {
            steps.add("email domain " + domain + " is an expected domain of " + owners.size() + " accounts ("
                    + join(owners) + "): ambiguous");
            return new UserResolution(user, UserRule.AMBIGUOUS, domain, List.copyOf(owners), null, steps);
        }
        SalesforceAccountId only = owners.iterator().next();
        steps.add("email domain " + domain + " is an expected domain of exactly one account: " + only);
        return new UserResolution(user, UserRule.DOMAIN, domain, List.of(only), only, steps);
    }

    private static String join(Set<SalesforceAccountId> ids) {
        return String.join(
                ", ", ids.stream().map(SalesforceAccountId::value).sorted().toList());
    }
}
