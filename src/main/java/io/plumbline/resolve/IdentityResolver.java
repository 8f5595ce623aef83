package io.plumbline.resolve;

import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.Domain;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import io.plumbline.normalize.Emails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
        unknownRoles(snapshot.users()).ifPresent(warnings::add);
        OrgIndex orgs = new OrgIndex(snapshot.organizations());
        if (!snapshot.organizations().isEmpty()) { // else emptyInputs has said so, once
            danglingMemberships(snapshot.memberships(), orgs).ifPresent(warnings::add);
            wwwDomains(orgs.liveOrgs()).ifPresent(warnings::add);
        }
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
        SortedMap<SalesforceAccountId, AccountResolution> resolved =
                new TreeMap<>(new AccountResolver(orgs, shared).resolveAll(accounts, expected));
        UserResolver users = new UserResolver(
                contactsByEmail(snapshot.contacts(), accounts, warnings), accountsByDomain, settings.personalDomains());
        // each user resolves independently of the others: spread them over every core
        List<User> all = snapshot.users();
        UserResolution[] userResolutions = new UserResolution[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> userResolutions[i] = users.resolve(all.get(i)));
        return new Resolution(
                snapshot,
                settings,
                orgs,
                resolved,
                UserIndex.of(userResolutions),
                accountsByDomain,
                MembershipIndex.of(snapshot.memberships()),
                settings.ticketWindowStart(snapshot.asOf()),
                List.copyOf(warnings));
    }

    /**
     * Tickets were read but none is in the window: an {@code --as-of} or {@code captured_at} mistyped into
     * the future (2062 for 2026) turns every ticket check off without a sound, so it is said. Asked once the
     * tickets are read (after detection): the resolution does not wait for them.
     */
    public static Optional<String> noTicketInWindow(Resolution resolution) {
        Snapshot snapshot = resolution.snapshot();
        Instant windowStart = resolution.ticketWindowStart();
        int read = snapshot.ticketsRead();
        List<Ticket> tickets = snapshot.tickets();
        boolean none = tickets instanceof TicketTable table
                ? table.forEachInWindow(windowStart, i -> {}) == 0
                : tickets.stream().noneMatch(t -> t.inWindow(windowStart));
        if (read == 0 || !none) {
            return Optional.empty();
        }
        return Optional.of("none of the " + read + (read == 1 ? " ticket" : " tickets")
                + " read was created or updated in the ticket window (the "
                + resolution.settings().ticketLookbackDays()
                + " days before " + snapshot.asOf() + "), so no ticket is checked; if some should be, check --as-of "
                + "or the snapshot's captured_at");
    }

    /**
     * Tickets with neither {@code updated_at} nor {@code created_at} (a hand-made export that left them out,
     * or wrote them null): no lookback window holds them, so they are never checked, which is said with
     * their count and the lowest id rather than left to look like tickets from before the window.
     */
    public static Optional<String> undatedTickets(Resolution resolution) {
        List<Ticket> tickets = resolution.snapshot().tickets();
        int n;
        long first;
        if (tickets instanceof TicketTable table) {
            n = table.undated().count();
            first = table.undated().firstId();
        } else {
            List<Ticket> undated = tickets.stream()
                    .filter(t -> t.createdAt() == null && t.updatedAt() == null)
                    .toList();
            n = undated.size();
            first = undated.stream().mapToLong(t -> t.id().value()).min().orElse(Long.MAX_VALUE);
        }
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n + (n == 1 ? " ticket has" : " tickets have") + " neither updated_at nor created_at ("
                + (n == 1 ? "ticket " : "the lowest id: ") + first + "), so no ticket window holds "
                + (n == 1 ? "it" : "them") + " and " + (n == 1 ? "it is" : "they are") + " not checked; export "
                + "the tickets with their timestamps");
    }

    /**
     * Tickets active more than a day after the instant the snapshot says it was taken: it cannot hold
     * them, so that instant is wrong (a {@code captured_at} left from another snapshot, exports dropped
     * into a copied folder). They are checked (the window has no end), but when the window is counted back
     * from that instant it is not the one the data calls for, so it is said, with the latest activity. (An
     * {@code --as-of} in the past is no such sign: the snapshot's tickets are then later by design.)
     */
    public static Optional<String> ticketsAfterCapture(Resolution resolution) {
        Snapshot snapshot = resolution.snapshot();
        if (snapshot.capturedAt() == null) {
            return Optional.empty();
        }
        Instant after = snapshot.capturedAt().plus(Duration.ofDays(1));
        List<Ticket> tickets = snapshot.tickets();
        Instant[] latest = {null};
        int n;
        if (tickets instanceof TicketTable table) {
            n = table.forEachInWindow(
                    after, i -> latest[0] = later(latest[0], table.get(i).activityAt()));
        } else {
            n = 0;
            for (Ticket t : tickets) {
                if (t.inWindow(after)) {
                    n++;
                    latest[0] = later(latest[0], t.activityAt());
                }
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n + (n == 1 ? " ticket was" : " tickets were") + " last active more than a day after "
                + "the snapshot's captured_at " + snapshot.capturedAt() + " (the latest on " + latest[0] + "), which "
                + "a snapshot taken then cannot hold"
                + (snapshot.asOf().equals(snapshot.capturedAt())
                        ? ", and the " + resolution.settings().ticketLookbackDays() + "-day ticket window is counted "
                                + "back from it"
                        : "")
                + "; if the exports are newer than that, correct captured_at in snapshot.json");
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static final Set<String> ROLES = Set.of(User.END_USER, "agent", "admin");

    /**
     * Users whose role is none of Zendesk's ({@code end-user}, {@code agent}, {@code admin}), as a
     * hand-made export spells it ({@code End-user}) or leaves it out: only end-users resolve, so these
     * drop out of every check, which is said with the roles found.
     */
    static Optional<String> unknownRoles(List<User> users) {
        Map<String, Integer> byRole = new TreeMap<>();
        for (User u : users) {
            if (!ROLES.contains(u.role())) {
                byRole.merge(u.role().isEmpty() ? "(none)" : "'" + u.role() + "'", 1, Integer::sum);
            }
        }
        if (byRole.isEmpty()) {
            return Optional.empty();
        }
        int n = byRole.values().stream().mapToInt(Integer::intValue).sum();
        String roles = byRole.entrySet().stream()
                .limit(5)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return Optional.of(n + (n == 1 ? " user has" : " users have") + " a role other than end-user, agent or admin ("
                + roles + (byRole.size() > 5 ? ", ..." : "") + "); only end-users (role end-user, as Zendesk "
                + "spells it) are resolved and checked, so these are not");
    }

    /**
     * Live orgs holding a domain written with {@code www.}: the domain rules compare domains normalized
     * (SPEC), so {@code www.acme.example} counts as {@code acme.example}; Zendesk maps a user to an org by
     * the email's domain as written, so it maps no {@code acme.example} user by that entry. Said once,
     * with the org of lowest id, as nothing else would show it.
     */
    static Optional<String> wwwDomains(Collection<Organization> liveOrgs) {
        int orgs = 0;
        String first = null;
        for (Organization org : liveOrgs) {
            for (String raw : org.domainNames()) {
                String written = raw.strip().toLowerCase(Locale.ROOT);
                DomainParse parse = DomainNormalizer.parse(raw);
                if (written.startsWith("www.")
                        && parse.valid()
                        && !parse.domain().value().startsWith("www.")) {
                    orgs++;
                    if (first == null) {
                        first = "org " + org.id() + " holds " + written + ", which Zendesk does not match against "
                                + parse.domain().value() + " email addresses";
                    }
                    break;
                }
            }
        }
        if (orgs == 0) {
            return Optional.empty();
        }
        return Optional.of((orgs == 1 ? "1 org holds a domain" : orgs + " orgs hold domains")
                + " written with www. (" + first + "): the audit counts such a domain as held, as its rules"
                + " compare domains without www., but Zendesk maps a user to an org by the email's domain as"
                + " written; add the domain without www. in Zendesk");
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
        long withOrg = snapshot.memberships().isEmpty()
                ? snapshot.users().stream()
                        .filter(u -> u.organizationId() != null)
                        .count()
                : 0;
        if (withOrg > 0) { // each such user is a member of that org in Zendesk: the export holds nothing
            out.add("no Zendesk organization memberships were read, though " + withOrg
                    + (withOrg == 1 ? " user names a default organization" : " users name a default organization")
                    + ", so every mapped user is reported as user_missing_expected_membership; check that the "
                    + "memberships export is complete");
        }
        return out;
    }

    /**
     * Memberships naming an org the organizations export does not hold: an export cut short, or an org
     * deleted between one export and the next. They are kept as read (a user's memberships are listed as
     * Zendesk holds them) and said once, with the one of lowest id, so a partial export does not pass
     * unseen. (A membership naming a user the users export does not hold is no sign of anything: a pull
     * exports end-users only, and agents are members of orgs too.)
     */
    static Optional<String> danglingMemberships(List<Membership> memberships, OrgIndex orgs) {
        MembershipTable rows = memberships instanceof MembershipTable table ? table : MembershipTable.of(memberships);
        int[] noOrg = IntStream.range(0, rows.size())
                .parallel()
                .filter(i -> orgs.any(new ZendeskOrgId(rows.orgId(i))) == null)
                .toArray();
        if (noOrg.length == 0) {
            return Optional.empty();
        }
        int lowest = noOrg[0];
        for (int i : noOrg) {
            lowest = rows.id(i) < rows.id(lowest) ? i : lowest;
        }
        return Optional.of((noOrg.length == 1 ? "1 membership names an org" : noOrg.length + " memberships name orgs")
                + " the organizations export does not hold (lowest id: membership " + rows.id(lowest) + ", org "
                + rows.orgId(lowest) + "); check that the organizations export is complete");
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
        UnusedContacts unused = new UnusedContacts();
        for (Contact c : contacts) {
            var email = Emails.normalize(c.email());
            SalesforceAccountId account = byKey.get(c.accountId().matchKey());
            if (email.isEmpty()) {
                unused.badEmail(c);
            } else if (account == null) {
                unused.unknownAccount(c);
            } else {
                out.computeIfAbsent(email.get(), k -> new ArrayList<>())
                        .add(new Contact(c.email(), account, c.primary(), c.sourceLine()));
            }
        }
        warnings.addAll(unused.warnings());
        return out;
    }
}
