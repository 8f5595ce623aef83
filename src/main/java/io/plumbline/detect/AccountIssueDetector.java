package io.plumbline.detect;

import io.plumbline.model.Account;
import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.AccountRule;
import io.plumbline.resolve.CorruptedToken;
import io.plumbline.resolve.ExternalIdKey;
import io.plumbline.resolve.OrgNames;
import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The account-to-org link: duplicate, missing, conflicting, non-canonical and stale links, accounts
 * without an org, and the state of the account's own domain fields.
 */
final class AccountIssueDetector implements Detector {
    /** How many accounts a row names before it says how many more (the accounts sharing one domain). */
    static final int NAMED = 20;

    @Override
    public List<Issue> detect(Resolution resolution) {
        List<Issue> out = new ArrayList<>();
        Claimants claimants = new Claimants(resolution);
        for (AccountResolution r : resolution.accounts().values()) {
            link(r, resolution, claimants, out);
            fields(r, resolution, out);
        }
        return out;
    }

    private static void link(AccountResolution r, Resolution resolution, Claimants claimants, List<Issue> out) {
        Account a = r.account();
        switch (r.outcome()) {
            case BLOCKED_DUPLICATE ->
                out.add(IssueBuilder.of(IssueCode.ORG_DUPLICATE_EXTERNAL_ID, a)
                        .org(r.externalIdMatches().get(0).id())
                        .current(r.externalIdMatches().stream()
                                .map(o -> o.id().toString())
                                .collect(Collectors.joining(" ")))
                        .expected("exactly one org with external_id " + a.id())
                        .relatedOrgs(ids(r.externalIdMatches()))
                        .evidence(
                                "%d orgs carry external_id %s: %s",
                                r.externalIdMatches().size(), a.id(), describe(r.externalIdMatches()))
                        .build());
            case CONFLICT ->
                out.add(IssueBuilder.of(
                                r.org().hasExternalId()
                                        ? IssueCode.ORG_EXTERNAL_ID_CONFLICT
                                        : IssueCode.ORG_CLAIM_CONTESTED,
                                a)
                        .org(r.org().id())
                        .current(r.org().externalId())
                        .expected(a.id().value())
                        .relatedOrgs(ids(r.externalIdMatches()))
                        .relatedAccounts(claimants.of(r.org()))
                        .evidence(
                                "%s (found by %s)", r.conflictReason(), r.rule().label())
                        .build());
            case NO_ORG ->
                out.add(IssueBuilder.of(IssueCode.ACCOUNT_MISSING_ZENDESK_ORG, a)
                        .expected("an org with external_id " + a.id())
                        .relatedOrgs(ids(r.domainCandidates()))
                        .evidence("%s", noOrgEvidence(r, resolution))
                        .build());
            case RESOLVED -> resolved(r, resolution, out);
        }
    }

    private static void resolved(AccountResolution r, Resolution resolution, List<Issue> out) {
        Organization org = r.org();
        if (!org.hasExternalId()) {
            IssueBuilder issue = IssueBuilder.of(IssueCode.ORG_MISSING_EXTERNAL_ID, r.account())
                    .org(org.id())
                    .expected(r.account().id().value())
                    .evidence(
                            "org %s '%s' has a blank external_id and no other org uses %s (found by %s)",
                            org.id(), org.name(), r.account().id(), r.rule().label())
                    .value(r.account().id().value())
                    .precondition("org_external_id", "")
                    .precondition("no_org_with_external_id", r.account().id().value());
            if (r.rule() == AccountRule.DOMAIN) {
                // the domains that made this org the account's: apply links it only while it holds one of them
                issue.precondition("org_holds_expected_domain", heldExpectedDomains(r, resolution));
            }
            out.add(issue.build());
        }
        if (r.externalIdNotCanonical()) {
            out.add(IssueBuilder.of(IssueCode.ORG_EXTERNAL_ID_NOT_CANONICAL, r.account())
                    .org(org.id())
                    .current(org.externalId())
                    .expected(r.account().id().value())
                    .evidence(
                            "org %s carries %s",
                            org.id(),
                            ExternalIdKey.ofOrgExternalId(org.externalId()).howNotCanonical())
                    .build());
        }
    }

    /** The account's expected domains its org holds, by which the domain rule found the org. */
    private static List<String> heldExpectedDomains(AccountResolution r, Resolution resolution) {
        Predicate<Domain> held = Domain.anyOf(resolution.orgs().domains(r.org()));
        return r.expected().domains().stream()
                .filter(held)
                .map(Domain::value)
                .sorted()
                .toList();
    }

    private static void fields(AccountResolution r, Resolution resolution, List<Issue> out) {
        Account a = r.account();
        if (r.storedOrgIdStale()) {
            out.add(IssueBuilder.of(IssueCode.ACCOUNT_STORED_ORG_ID_STALE, a)
                    .current(a.storedOrgId())
                    .expected(r.resolved() ? r.org().id().toString() : "")
                    .relatedOrgs(staleOrgs(r))
                    .evidence("stored zendesk_org_id %s %s", a.storedOrgId(), r.storedOrgIdProblem())
                    .build());
        }
        for (CorruptedToken t : r.expected().corrupted()) {
            out.add(IssueBuilder.of(IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED, a)
                    .current(t.token())
                    .evidence("%s holds '%s': %s", t.field(), t.token(), t.problem())
                    .build());
        }
        for (Domain d : r.expected().domains()) {
            Set<SalesforceAccountId> owners = resolution.accountsExpecting(d);
            if (owners.size() > 1) {
                String others = Texts.listed(
                        owners.stream()
                                .filter(id -> !id.equals(a.id()))
                                .map(SalesforceAccountId::value)
                                .toList(),
                        ", ",
                        NAMED);
                out.add(IssueBuilder.of(IssueCode.ACCOUNT_DOMAIN_SHARED, a)
                        .current(d.value())
                        // each sharer's trace lists the others' rows too, while they are few enough to name:
                        // thousands of accounts sharing one domain would each hold a list of all of them
                        .relatedAccounts(owners.size() <= NAMED + 1 ? List.copyOf(owners) : List.of())
                        .evidence("%s is also an expected domain of %s; it never identifies one account", d, others)
                        .build());
            }
        }
    }

    private static String noOrgEvidence(AccountResolution r, Resolution resolution) {
        if (r.domainCandidates().size() > 1) {
            return "no org carries external_id " + r.account().id() + "; expected domains are on several orgs ("
                    + describe(r.domainCandidates()) + ")";
        }
        if (r.domainCandidates().size() == 1) {
            return "no org carries external_id " + r.account().id() + "; the only domain candidate, org "
                    + r.domainCandidates().get(0).id() + ", is claimed by several accounts";
        }
        String stored = r.storedOrgIdStale()
                ? "the stored org id " + r.account().storedOrgId() + " " + r.storedOrgIdProblem()
                : "no stored org id";
        List<Organization> shared = resolution.sharedDomainHolders(r);
        return stored + ", no org carries external_id " + r.account().id()
                + (shared.isEmpty()
                        ? ", and no org holds an expected domain"
                        : ", and the only orgs holding its expected domains hold ones other accounts expect too ("
                                + (shared.size() == 1 ? "org " : "orgs ") + describe(shared)
                                + "): link the right org by hand if one is this account's");
    }

    /** The org the stale stored id names (when it is an org id at all) and the org the account resolved to. */
    private static List<ZendeskOrgId> staleOrgs(AccountResolution r) {
        List<ZendeskOrgId> out = new ArrayList<>(2);
        Long stored = OrgNames.storedOrgId(r.account().storedOrgId());
        if (stored != null) {
            out.add(new ZendeskOrgId(stored));
        }
        if (r.resolved()) {
            out.add(r.org().id());
        }
        return out;
    }

    static List<ZendeskOrgId> ids(List<Organization> orgs) {
        return orgs.stream().map(Organization::id).toList();
    }

    static String describe(List<Organization> orgs) {
        return orgs.stream().map(o -> o.id() + " '" + o.name() + "'").collect(Collectors.joining(", "));
    }
}
