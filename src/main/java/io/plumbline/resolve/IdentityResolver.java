package io.plumbline.resolve;

import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.Domain;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.User;
import io.plumbline.normalize.Emails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Resolves a {@link Snapshot} into a {@link Resolution} by exact, explainable rules only. A pure
 * function of its inputs: no clock, no files, no network.
 */
public final class IdentityResolver {
    private final ResolutionSettings settings;

    public IdentityResolver(ResolutionSettings settings) {
        this.settings = settings;
    }

    public Resolution resolve(Snapshot snapshot) {
        List<String> warnings = new ArrayList<>(emptyInputs(snapshot));
        Map<SalesforceAccountId, Account> accounts = new TreeMap<>();
        snapshot.accounts().forEach(a -> accounts.put(a.id(), a));
        // each account's domains normalize independently: on every core, then in account order
        List<Account> inOrder = List.copyOf(accounts.values());
        List<ExpectedDomains> domains = inOrder.parallelStream()
                .map(a -> ExpectedDomains.of(a, settings.personalDomains()))
                .toList();
        Map<SalesforceAccountId, ExpectedDomains> expected = new TreeMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            expected.put(inOrder.get(i).id(), domains.get(i));
        }
        Map<Domain, Set<SalesforceAccountId>> accountsByDomain = accountsByDomain(expected);
        Set<Domain> shared = new TreeSet<>();
        accountsByDomain.forEach((d, owners) -> {
            if (owners.size() > 1) {
                shared.add(d);
            }
        });
        OrgIndex orgs = new OrgIndex(snapshot.organizations());
        SortedMap<SalesforceAccountId, AccountResolution> resolved =
                new TreeMap<>(new AccountResolver(orgs, shared).resolveAll(accounts, expected));
        UserResolver users = new UserResolver(
                contactsByEmail(snapshot.contacts(), accounts, warnings), accountsByDomain, settings.personalDomains());
        // each user resolves independently of the others: spread them over every core
        List<User> all = snapshot.users();
        UserResolution[] userResolutions = new UserResolution[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> userResolutions[i] = users.resolve(all.get(i)));
        UserIndex userIndex = UserIndex.of(userResolutions);
        MembershipIndex memberships = MembershipIndex.of(snapshot.memberships());
        warnings.addAll(danglingMemberships(memberships, orgs, userIndex));
        return new Resolution(
                snapshot,
                settings,
                orgs,
                resolved,
                userIndex,
                accountsByDomain,
                memberships,
                settings.ticketWindowStart(snapshot.asOf()),
                List.copyOf(warnings));
    }

    /**
     * A side that holds none of its main records is far more often a failed or cut export than a true
     * state of the tenant, and it turns into a flood of issues that look like drift: said first.
     */
    private static List<String> emptyInputs(Snapshot snapshot) {
        List<String> out = new ArrayList<>();
        if (snapshot.accounts().isEmpty()) {
            out.add(
                    "no Salesforce accounts were read, so every Zendesk org is reported as org_orphaned; check that the "
                            + "accounts export is complete");
        }
        if (snapshot.organizations().isEmpty()) {
            out.add("no Zendesk organizations were read, so every account is reported as account_missing_zendesk_org; "
                    + "check that the organizations export is complete");
        }
        if (snapshot.users().isEmpty()) {
            out.add("no Zendesk users were read, so no user or ticket is checked; check that the users export is "
                    + "complete");
        }
        return out;
    }

    /**
     * Memberships naming a user or an org the snapshot does not hold: an export cut short, or a record
     * created or deleted between one export and the next. They are kept as read (a user's memberships are
     * listed as Zendesk holds them), and said once per kind with the one of lowest id, so a partial export
     * does not pass unseen. The rows come in user order, so they are checked against the users in one walk along both.
     */
    static List<String> danglingMemberships(MembershipIndex memberships, OrgIndex orgs, UserIndex users) {
        MembershipTable rows = memberships.rows();
        List<String> out = new ArrayList<>();
        int[] noUser = rowsWithoutUser(rows, users);
        int[] noOrg = IntStream.range(0, rows.size())
                .parallel()
                .filter(i -> !orgs.has(rows.orgId(i)))
                .toArray();
        if (noUser.length > 0) {
            Membership m = lowestId(rows, noUser);
            out.add(named(noUser.length, "a user", "users") + " the users export does not hold (the first: membership "
                    + m.id() + ", user " + m.userId() + "); check that the users export is complete");
        }
        if (noOrg.length > 0) {
            Membership m = lowestId(rows, noOrg);
            out.add(named(noOrg.length, "an org", "orgs") + " the organizations export does not hold (the first: "
                    + "membership " + m.id() + ", org " + m.organizationId()
                    + "); check that the organizations export is complete");
        }
        return out;
    }

    /** The rows (in user order) whose user {@code users} does not hold: one walk along both. */
    private static int[] rowsWithoutUser(MembershipTable rows, UserIndex users) {
        IntStream.Builder out = IntStream.builder();
        int u = 0;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.userId(i);
            while (u < users.size() && users.id(u) < id) {
                u++;
            }
            if (u == users.size() || users.id(u) != id) {
                out.add(i);
            }
        }
        return out.build().toArray();
    }

    private static Membership lowestId(MembershipTable rows, int[] picked) {
        int lowest = picked[0];
        for (int i : picked) {
            lowest = rows.id(i) < rows.id(lowest) ? i : lowest;
        }
        return rows.get(lowest);
    }

    private static String named(int n, String one, String many) {
        return n == 1 ? "1 membership names " + one : n + " memberships name " + many;
    }

    private static Map<Domain, Set<SalesforceAccountId>> accountsByDomain(
            Map<SalesforceAccountId, ExpectedDomains> expected) {
        Map<Domain, Set<SalesforceAccountId>> out = new HashMap<>();
        expected.forEach((id, e) -> e.domains()
                .forEach(d -> out.computeIfAbsent(d, k -> new TreeSet<>()).add(id)));
        return out;
    }

    private static Map<String, List<Contact>> contactsByEmail(
            List<Contact> contacts, Map<SalesforceAccountId, Account> accounts, List<String> warnings) {
        Map<String, List<Contact>> out = new LinkedHashMap<>();
        // ids are the same account when equal ignoring case, as the accounts CSV and Zendesk compare them
        Map<String, SalesforceAccountId> byKey = new HashMap<>();
        accounts.keySet().forEach(id -> byKey.put(id.matchKey(), id));
        for (Contact c : contacts) {
            var email = Emails.normalize(c.email());
            SalesforceAccountId account = byKey.get(c.accountId().matchKey());
            if (email.isEmpty()) {
                warnings.add(
                        "contact on line " + c.sourceLine() + ": '" + c.email() + "' is not an email address; ignored");
            } else if (account == null) {
                warnings.add("contact on line " + c.sourceLine() + ": account " + c.accountId()
                        + " is not among the accounts; ignored");
            } else {
                out.computeIfAbsent(email.get(), k -> new ArrayList<>())
                        .add(new Contact(c.email(), account, c.primary(), c.sourceLine()));
            }
        }
        return out;
    }
}
