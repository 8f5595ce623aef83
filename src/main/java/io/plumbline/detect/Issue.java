package io.plumbline.detect;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import java.util.Objects;

/**
 * One row of the review queue. Scope, risk, status, blocked reason and recommended action come from
 * the {@link IssueCode}; {@code issueId} is assigned once all issues are sorted.
 *
 * @param action the payload of the action this issue prepares or blocks, or null when detected only
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
        ActionDraft action) {
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
                action);
    }

    /** A key that names the same issue across runs (no generated ids), for history and diffs. */
    public String stableKey() {
        return String.join("|", code.code(), str(accountId), str(orgId), str(userId), str(ticketId), expectedValue);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
