package io.plumbline.detect;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import java.util.List;
import java.util.Objects;

/**
 * One row of the review queue. Scope, risk, status, blocked reason and recommended action come from
 * the {@link IssueCode}; {@code issueId} is assigned once all issues are sorted.
 *
 * @param action the payload of the action this issue prepares or blocks, or null when detected only
 * @param relatedOrgs the other orgs the row names in its values or evidence (the other holders of a
 *     duplicate external_id or of a domain, a user's current orgs, a ticket's expected org), sorted,
 *     without {@code orgId}
 * @param relatedAccounts the other accounts the row names (the other accounts sharing a domain or an
 *     email domain, the other claimants of an org), sorted, without {@code accountId}
 */
public record Issue(
        String issueId,
        IssueCode code,
        SalesforceAccountId accountId,
        String accountName,
        ZendeskOrgId orgId,
        ZendeskUserId userId,
        ZendeskTicketId ticketId,
        String currentValue,
        String expectedValue,
        String evidence,
        ActionDraft action,
        List<ZendeskOrgId> relatedOrgs,
        List<SalesforceAccountId> relatedAccounts) {
    public Issue {
        issueId = Texts.orEmpty(issueId);
        Objects.requireNonNull(code, "code");
        accountName = Texts.orEmpty(accountName);
        currentValue = Texts.orEmpty(currentValue);
        expectedValue = Texts.orEmpty(expectedValue);
        evidence = Texts.orEmpty(evidence);
        if ((code.status() == IssueStatus.DETECTED) != (action == null)) {
            throw new IllegalArgumentException(
                    "issue " + code.code() + " must carry an action draft exactly when it is not detection-only");
        }
        relatedOrgs = others(relatedOrgs, orgId);
        relatedAccounts = others(relatedAccounts, accountId);
    }

    public Issue withId(String id) {
        return new Issue(
                id,
                code,
                accountId,
                accountName,
                orgId,
                userId,
                ticketId,
                currentValue,
                expectedValue,
                evidence,
                action,
                relatedOrgs,
                relatedAccounts);
    }

    /** True when the row names the org: as its {@code zendesk_org_id}, or in its values or evidence. */
    public boolean names(ZendeskOrgId org) {
        return org.equals(orgId) || relatedOrgs.contains(org);
    }

    /** True when the row names the account: as its {@code sf_account_id}, or in its values or evidence. */
    public boolean names(SalesforceAccountId account) {
        return account.equals(accountId) || relatedAccounts.contains(account);
    }

    /** True when the row names the user (a row names at most one user, as its {@code zendesk_user_id}). */
    public boolean names(ZendeskUserId user) {
        return user.equals(userId);
    }

    /**
     * A key that names the same issue across runs (no generated ids), for history and diffs. An
     * account's corrupted-field and shared-domain rows differ only in their current value (the token,
     * the domain), so for those two codes it is part of the key.
     */
    public String stableKey() {
        String key =
                String.join("|", code.code(), str(accountId), str(orgId), str(userId), str(ticketId), expectedValue);
        return code == IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED || code == IssueCode.ACCOUNT_DOMAIN_SHARED
                ? key + "|" + currentValue
                : key;
    }

    private static <T extends Comparable<T>> List<T> others(List<T> ids, T primary) {
        if (ids.isEmpty() || ids.size() == 1 && ids.get(0).equals(primary)) {
            return List.of();
        }
        if (ids.size() == 1) {
            return List.of(ids.get(0));
        }
        return ids.stream()
                .filter(id -> !id.equals(primary))
                .distinct()
                .sorted()
                .toList();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
