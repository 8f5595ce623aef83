package io.plumbline.artifacts;

import io.plumbline.detect.Issue;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Predicate;

/** The issue CSVs (org, user, ticket and all exceptions): one row per issue, contract columns. */
public final class IssueCsv {
    public static final List<String> HEADER = List.of(
            "issue_id",
            "scope",
            "issue_code",
            "risk",
            "status",
            "sf_account_id",
            "account_name",
            "zendesk_org_id",
            "zendesk_user_id",
            "zendesk_ticket_id",
            "current_value",
            "expected_value",
            "evidence",
            "recommended_action",
            "blocked_reason");

    private IssueCsv() {}

    /** Writes the issues that pass {@code filter}, in order, to {@code out}. */
    public static void write(Writer out, List<Issue> issues, Predicate<Issue> filter) throws IOException {
        CsvOut csv = new CsvOut(out, HEADER);
        for (Issue i : issues) {
            if (filter.test(i)) {
                csv.row(
                        i.issueId(),
                        i.code().scope().code(),
                        i.code().code(),
                        i.code().risk().code(),
                        i.code().status().code(),
                        i.accountId(),
                        i.accountName(),
                        i.orgId(),
                        i.userId(),
                        i.ticketId(),
                        i.currentValue(),
                        i.expectedValue(),
                        i.evidence(),
                        i.code().recommendedAction(),
                        i.code().blockedReason());
            }
        }
        csv.finish();
    }
}
