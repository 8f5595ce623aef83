package io.plumbline.resolve;

import io.plumbline.model.Account;
import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves each account to at most one Zendesk org by the rules of the contract, in order, first
 * decisive rule wins: stored org id, external id, unique domain candidate, otherwise none. An org can
 * be claimed by one account only: competing claims become conflicts, never a guess.
 */
final class AccountResolver {
    /** How many claimants a step names before it says how many more. */
    private static final int NAMED = 20;

    /** A whole number as a spreadsheet may write it: 9008.0, 9.008E+03, 9,008. */
    private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("\\d+(\\.0+|,\\d{3})+|\\d(\\.\\d+)?[eE]\\+?\\d+");

    private final OrgIndex orgs;
    private final Set<Domain> sharedDomains;

    AccountResolver(OrgIndex orgs, Set<Domain> sharedDomains) {
        this.orgs = orgs;
        this.sharedDomains = sharedDomains;
    }

    Map<SalesforceAccountId, AccountResolution> resolveAll(
            Map<SalesforceAccountId, Account> accounts, Map<SalesforceAccountId, ExpectedDomains> expected) {
        // each account resolves on its own (competing claims are settled after): on every core
        List<AccountResolution> resolved = List.copyOf(accounts.values()).parallelStream()
                .map(account -> resolve(account, expected.get(account.id())))
                .toList();
        Map<SalesforceAccountId, AccountResolution> out = new TreeMap<>();
        resolved.forEach(r -> out.put(r.account().id(), r));
        return settleCompetingClaims(out);
    }

    AccountResolution resolve(Account account, ExpectedDomains expected) {
        Builder b = new Builder(account, expected);
        b.externalIdMatches = orgs.byExternalIdKey(ExternalIdKey.ofAccount(account.id()));
        b.domainCandidates = domainCandidates(expected);
        Organization stored = checkStored(b);
        if (b.externalIdMatches.size() >= 2) {
            b.step(
                    "%s: %d orgs carry external_id %s (%s): account blocked, every decision under it is review-only",
                    AccountRule.EXTERNAL_ID.label(),
                    b.externalIdMatches.size(),
                    account.id(),
                    ids(b.externalIdMatches));
            return b.build(AccountOutcome.BLOCKED_DUPLICATE, AccountRule.EXTERNAL_ID, null);
        }
        if (stored != null
                && b.externalIdMatches.size() == 1
                && !b.externalIdMatches.get(0).id().equals(stored.id())) {
            Organization other = b.externalIdMatches.get(0);
            b.conflictReason = "stored org id names org " + stored.id() + " but org " + other.id()
                    + " carries external_id " + other.externalId();
            b.step(
                    "%s: but org %s carries external_id %s: the two rules disagree, review-only",
                    AccountRule.EXTERNAL_ID.label(), other.id(), other.externalId());
            return b.build(AccountOutcome.CONFLICT, AccountRule.STORED_ORG_ID, stored);
        }
        if (stored != null) {
            return decideOnExternalId(b, stored, AccountRule.STORED_ORG_ID);
        }
        if (b.externalIdMatches.size() == 1) {
            Organization org = b.externalIdMatches.get(0);
            ExternalIdKey key = ExternalIdKey.ofOrgExternalId(org.externalId());
            b.notCanonical = key.notCanonical();
            b.step(
                    "%s: exactly one org carries external_id %s: org %s '%s'%s",
                    AccountRule.EXTERNAL_ID.label(),
                    account.id(),
                    org.id(),
                    org.name(),
                    b.notCanonical ? " (carrying " + key.howNotCanonical() + ")" : "");
            return b.build(AccountOutcome.RESOLVED, AccountRule.EXTERNAL_ID, org);
        }
        b.step("%s: no org carries external_id %s", AccountRule.EXTERNAL_ID.label(), account.id());
        return byDomain(b);
    }

    private AccountResolution byDomain(Builder b) {
        if (b.domainCandidates.size() == 1) {
            Organization org = b.domainCandidates.get(0);
            b.step(
                    "%s: exactly one org shares an expected domain: org %s '%s'",
                    AccountRule.DOMAIN.label(), org.id(), org.name());
            return decideOnExternalId(b, org, AccountRule.DOMAIN);
        }
        List<Organization> sharedHolders =
                b.domainCandidates.isEmpty() ? orgs.holding(b.expected.domains(), sharedDomains::contains) : List.of();
        if (!sharedHolders.isEmpty()) {
            b.step(
                    "%s: no org holds an expected domain of this account alone (%s %s %s one other accounts expect "
                            + "too, which identifies none of them)",
                    AccountRule.DOMAIN.label(),
                    sharedHolders.size() == 1 ? "org" : "orgs",
                    ids(sharedHolders),
                    sharedHolders.size() == 1 ? "holds" : "hold");
        } else if (b.domainCandidates.isEmpty()) {
            b.step("%s: no org holds any expected domain", AccountRule.DOMAIN.label());
        } else {
            b.step(
                    "%s: %d orgs hold expected domains (%s): no unique candidate",
                    AccountRule.DOMAIN.label(), b.domainCandidates.size(), ids(b.domainCandidates));
        }
        b.step("%s: the account has no Zendesk org", AccountRule.NONE.label());
        return b.build(AccountOutcome.NO_ORG, AccountRule.NONE, null);
    }

    private AccountResolution decideOnExternalId(Builder b, Organization org, AccountRule rule) {
        if (!org.hasExternalId()) {
            b.step("org %s has a blank external_id: it can be linked to %s", org.id(), b.account.id());
            return b.build(AccountOutcome.RESOLVED, rule, org);
        }
        ExternalIdKey key = ExternalIdKey.ofOrgExternalId(org.externalId());
        if (key.key().equals(ExternalIdKey.ofAccount(b.account.id()))) {
            b.notCanonical = key.notCanonical();
            b.step("org %s already carries external_id %s", org.id(), org.externalId());
            return b.build(AccountOutcome.RESOLVED, rule, org);
        }
        b.conflictReason = "org " + org.id() + " carries external_id " + org.externalId();
        b.step(
                "org %s carries another external_id (%s): the link is contested, review-only",
                org.id(), org.externalId());
        return b.build(AccountOutcome.CONFLICT, rule, org);
    }

    private Organization checkStored(Builder b) {
        String raw = b.account.storedOrgId();
        if (raw.isEmpty()) {
            b.step("%s: the account stores no Zendesk org id", AccountRule.STORED_ORG_ID.label());
            return null;
        }
        Long id = parsePositiveLong(raw);
        Organization org = id == null ? null : orgs.live(new ZendeskOrgId(id));
        if (org != null) {
            b.step(
                    "%s: the account stores org id %s, a live org '%s'",
                    AccountRule.STORED_ORG_ID.label(), raw, org.name());
            return org;
        }
        b.storedStale = true;
        b.storedProblem = id == null
                ? SPREADSHEET_NUMBER.matcher(raw).matches()
                        ? "is not a Zendesk org id (a spreadsheet seems to have turned it into a number: keep the"
                                + " column as text)"
                        : "is not a Zendesk org id"
                : orgs.any(new ZendeskOrgId(id)) != null ? "names a deleted org" : "names no org";
        b.step(
                "%s: the stored org id %s %s: stale, falling through",
                AccountRule.STORED_ORG_ID.label(), raw, b.storedProblem);
        return null;
    }

    private List<Organization> domainCandidates(ExpectedDomains expected) {
        TreeMap<ZendeskOrgId, Organization> found = new TreeMap<>();
        for (Domain d : expected.domains()) {
            if (sharedDomains.contains(d)) {
                continue;
            }
            for (Organization org : orgs.byDomain(d)) {
                found.put(org.id(), org);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * An org may be claimed by one account only. The strongest claim keeps it, by the rules' order: the
     * account whose id the org carries as its external_id, else the one whose stored org id names it, over
     * one that only shares a domain with it; the others conflict. Claims of equal strength with none
     * stronger all conflict: which account the org is cannot be decided.
     */
    private Map<SalesforceAccountId, AccountResolution> settleCompetingClaims(
            Map<SalesforceAccountId, AccountResolution> all) {
        Map<ZendeskOrgId, List<AccountResolution>> claims = new TreeMap<>();
        for (AccountResolution r : all.values()) {
            if (r.outcome() == AccountOutcome.RESOLVED) {
                claims.computeIfAbsent(r.org().id(), k -> new ArrayList<>()).add(r);
            }
        }
        for (var entry : claims.entrySet()) {
            List<AccountResolution> claimants = entry.getValue();
            if (claimants.size() < 2) {
                continue;
            }
            List<String> sorted = claimants.stream()
                    .map(r -> r.account().id().value())
                    .sorted()
                    .toList();
            String names = Texts.listed(sorted, ", ", NAMED);
            int strongest = claimants.stream()
                    .mapToInt(AccountResolver::claimStrength)
                    .max()
                    .orElse(0);
            boolean oneStrongest = claimants.stream()
                            .filter(r -> claimStrength(r) == strongest)
                            .count()
                    == 1;
            for (AccountResolution r : claimants) {
                if (!oneStrongest || claimStrength(r) < strongest) {
                    all.put(
                            r.account().id(),
                            r.asConflict(
                                    "org " + entry.getKey() + " is claimed by several accounts (" + names + ")",
                                    "org " + entry.getKey() + " is also claimed by " + otherClaimants(sorted, r)
                                            + ": contested, review-only"));
                }
            }
        }
        return all;
    }

    /**
     * The claimants other than {@code r}, worded for {@code r}'s own step: the account being resolved does
     * not claim the org against itself.
     */
    private static String otherClaimants(List<String> claimants, AccountResolution r) {
        String own = r.account().id().value();
        int count = claimants.size() - 1;
        List<String> named =
                claimants.stream().filter(id -> !id.equals(own)).limit(NAMED).toList();
        return (count == 1 ? "another account (" : "other accounts (") + String.join(", ", named)
                + (count > named.size() ? " and " + (count - named.size()) + " more" : "") + ")";
    }

    /** 3 for the account the org's external_id names, 2 for a stored org id, 1 for a shared domain. */
    private static int claimStrength(AccountResolution r) {
        boolean owner = r.org().hasExternalId()
                && ExternalIdKey.ofOrgExternalId(r.org().externalId())
                        .key()
                        .equals(ExternalIdKey.ofAccount(r.account().id()));
        return owner ? 3 : r.rule() == AccountRule.STORED_ORG_ID ? 2 : 1;
    }

    static String ids(List<Organization> orgs) {
        return orgs.stream().map(o -> o.id().toString()).collect(Collectors.joining(", "));
    }

    static Long parsePositiveLong(String raw) {
        try {
            long v = Long.parseLong(raw.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Expected domains as a step words them: comma-separated, or {@code (none)}. */
    private record DomainList(List<Domain> domains) {
        @Override
        public String toString() {
            return domains.isEmpty()
                    ? "(none)"
                    : String.join(", ", domains.stream().map(Domain::value).toList());
        }
    }

    /** Mutable scratch state for resolving one account. */
    private static final class Builder {
        final Account account;
        final ExpectedDomains expected;
        WordedSteps steps = WordedSteps.NONE;
        List<Organization> externalIdMatches = List.of();
        List<Organization> domainCandidates = List.of();
        boolean storedStale;
        String storedProblem = "";
        boolean notCanonical;
        String conflictReason = "";

        Builder(Account account, ExpectedDomains expected) {
            this.account = account;
            this.expected = expected;
            step(
                    "expected domains: %s%s",
                    new DomainList(expected.domains()),
                    expected.fromOverride() ? " (from zendesk_domain_override)" : "");
        }

        /** Records a step, worded by {@code String.format(format, args)} when a trace reads it. */
        void step(String format, Object... args) {
            steps = steps.plus(format, args);
        }

        AccountResolution build(AccountOutcome outcome, AccountRule rule, Organization org) {
            return new AccountResolution(
                    account,
                    expected,
                    outcome,
                    rule,
                    org,
                    externalIdMatches,
                    domainCandidates,
                    storedStale,
                    storedProblem,
                    notCanonical,
                    conflictReason,
                    steps);
        }
    }
}
