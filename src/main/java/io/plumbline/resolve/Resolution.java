package io.plumbline.resolve;

import io.plumbline.model.Domain;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The resolved identity graph of one snapshot: each account's org, each user's expected account(s),
 * and the indexes detectors need. Immutable once built by {@link IdentityResolver}.
 */
public record Resolution(
        Snapshot snapshot,
        ResolutionSettings settings,
        OrgIndex orgs,
        SortedMap<SalesforceAccountId, AccountResolution> accounts,
        Map<SalesforceAccountId, AccountResolution> accountsById,
        UserIndex users,
        Map<Domain, Set<SalesforceAccountId>> accountsByDomain,
        MembershipIndex membershipsByUser,
        Instant ticketWindowStart,
        List<String> warnings) {
    public Resolution {
        requireSameEntries(accounts, accountsById);
        accounts = Collections.unmodifiableSortedMap(accounts);
        accountsById = Collections.unmodifiableMap(accountsById);
    }

    private static void requireSameEntries(
            Map<SalesforceAccountId, AccountResolution> accounts, Map<SalesforceAccountId, AccountResolution> byId) {
        if (byId.size() != accounts.size()
                || accounts.entrySet().stream().anyMatch(e -> byId.get(e.getKey()) != e.getValue())) {
            throw new IllegalArgumentException("accountsById must hold the same entries as accounts");
        }
    }

    /** A resolution whose {@code accountsById} is a hash map of {@code accounts}. */
    public Resolution(
            Snapshot snapshot,
            ResolutionSettings settings,
            OrgIndex orgs,
            SortedMap<SalesforceAccountId, AccountResolution> accounts,
            UserIndex users,
            Map<Domain, Set<SalesforceAccountId>> accountsByDomain,
            MembershipIndex membershipsByUser,
            Instant ticketWindowStart,
            List<String> warnings) {
        this(
                snapshot,
                settings,
                orgs,
                accounts,
                new HashMap<>(accounts),
                users,
                accountsByDomain,
                membershipsByUser,
                ticketWindowStart,
                warnings);
    }

    /** This resolution with {@code more} warnings after its own. */
    public Resolution withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Resolution(
                snapshot,
                settings,
                orgs,
                accounts,
                accountsById,
                users,
                accountsByDomain,
                membershipsByUser,
                ticketWindowStart,
                List.copyOf(all));
    }

    /**
     * The resolution of account {@code id}, or null when it is not among the accounts: a hash lookup
     * in {@code accountsById}, which holds the same entries as {@code accounts} (a tree searched by
     * comparing ids, too slow for a lookup per user or ticket).
     */
    public AccountResolution account(SalesforceAccountId id) {
        return accountsById.get(id);
    }

    /** The accounts that expect {@code domain}. */
    public Set<SalesforceAccountId> accountsExpecting(Domain domain) {
        return accountsByDomain.getOrDefault(domain, Set.of());
    }

    /**
     * The live orgs, in id order, holding an expected domain of {@code r} that other accounts expect
     * too: the domain rule leaves such a domain out (it identifies no one account), yet the org holding
     * it is no stranger to these accounts.
     */
    public List<Organization> sharedDomainHolders(AccountResolution r) {
        return orgs.holding(r.expected().domains(), d -> accountsExpecting(d).size() > 1);
    }

    /** The user's memberships, in Zendesk id order. */
    public List<Membership> membershipsOf(ZendeskUserId user) {
        return membershipsByUser.of(user);
    }

    /** The user's default org: the membership marked default, else the user's organization_id. */
    public ZendeskOrgId defaultOrgOf(User user) {
        long org = membershipsByUser.defaultOrg(user.id());
        return org >= 0 ? new ZendeskOrgId(org) : user.organizationId();
    }

    /** Whether {@code org} is the user's default org ({@link #defaultOrgOf}), asked without building records. */
    public boolean isDefaultOrgOf(User user, ZendeskOrgId org) {
        long marked = membershipsByUser.defaultOrg(user.id());
        return marked >= 0 ? marked == org.value() : org.equals(user.organizationId());
    }

    /** The id of the user's membership of {@code org}, or -1 when the user is not a member of it. */
    public long membershipIdOf(ZendeskUserId user, ZendeskOrgId org) {
        return membershipsByUser.membershipId(user, org);
    }

    /** The resolved org of an account, or null when the account is not resolved. */
    public ZendeskOrgId resolvedOrgOf(SalesforceAccountId account) {
        AccountResolution r = account(account);
        return r != null && r.resolved() ? r.org().id() : null;
    }
}
