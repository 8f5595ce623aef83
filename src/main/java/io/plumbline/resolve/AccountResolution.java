package io.plumbline.resolve;

import io.plumbline.model.Account;
import io.plumbline.model.Organization;
import java.util.List;
import java.util.Objects;

/**
 * How one Salesforce account resolved to a Zendesk org, with every fact a detector or a trace needs.
 *
 * @param org the resolved org when {@link AccountOutcome#RESOLVED}, the contested candidate when
 *     {@link AccountOutcome#CONFLICT}, otherwise null
 * @param externalIdMatches live orgs whose external_id equals the account id
 * @param domainCandidates live orgs holding one of the account's (unshared) expected domains
 * @param storedOrgIdStale the account stores an org id that names no live org
 * @param externalIdNotCanonical the org matched through the 15-character id form
 * @param conflictReason why the candidate is contested (blank unless {@link AccountOutcome#CONFLICT})
 * @param steps the resolution steps in words, in order, for {@code trace} (worded when read)
 */
public record AccountResolution(
        Account account,
        ExpectedDomains expected,
        AccountOutcome outcome,
        AccountRule rule,
        Organization org,
        List<Organization> externalIdMatches,
        List<Organization> domainCandidates,
        boolean storedOrgIdStale,
        String storedOrgIdProblem,
        boolean externalIdNotCanonical,
        String conflictReason,
        List<String> steps) {
    public AccountResolution {
        Objects.requireNonNull(account, "account");
        externalIdMatches = List.copyOf(externalIdMatches);
        domainCandidates = List.copyOf(domainCandidates);
        steps = WordedSteps.of(steps);
    }

    public boolean resolved() {
        return outcome == AccountOutcome.RESOLVED;
    }

    /** A copy that turns this account's claim on its org into a conflict, explained. */
    AccountResolution asConflict(String reason, String step) {
        List<String> more = WordedSteps.of(steps).plus(step);
        return new AccountResolution(
                account,
                expected,
                AccountOutcome.CONFLICT,
                rule,
                org,
                externalIdMatches,
                domainCandidates,
                storedOrgIdStale,
                storedOrgIdProblem,
                externalIdNotCanonical,
                reason,
                more);
    }

    /** A copy without an org, explained. */
    AccountResolution asNoOrg(String step) {
        List<String> more = WordedSteps.of(steps).plus(step);
        return new AccountResolution(
                account,
                expected,
                AccountOutcome.NO_ORG,
                AccountRule.NONE,
                null,
                externalIdMatches,
                domainCandidates,
                storedOrgIdStale,
                storedOrgIdProblem,
                false,
                "",
                more);
    }
}
