package io.plumbline.artifacts;

import io.plumbline.detect.Issue;
import io.plumbline.detect.Risk;
import io.plumbline.detect.Scope;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One row of the review queue per account with at least one issue, worst first: highest risk, then
 * most blocked actions, then most issues, then account id. Account-scoped issues count as org issues
 * (both describe the account's identity link).
 */
public record AccountRollup(
        SalesforceAccountId accountId,
        String accountName,
        int orgIssues,
        int userIssues,
        int ticketIssues,
        int prepared,
        int blocked,
        Risk worstRisk,
        List<String> topIssueCodes,
        List<String> topBlockedReasons) {
    public static final List<String> HEADER = List.of(
            "sf_account_id",
            "account_name",
            "org_issue_count",
            "user_issue_count",
            "ticket_issue_count",
            "total_issue_count",
            "prepared_action_count",
            "blocked_action_count",
            "top_issue_codes",
            "top_blocked_reasons");
    private static final int TOP = 3;

    public static final Comparator<AccountRollup> WORST_FIRST = Comparator.comparing(AccountRollup::worstRisk)
            .thenComparing(AccountRollup::blocked, Comparator.reverseOrder())
            .thenComparing(AccountRollup::total, Comparator.reverseOrder())
            .thenComparing(AccountRollup::accountId);

    public int total() {
        return orgIssues + userIssues + ticketIssues;
    }

    /** The rows for every account with an issue, worst first. */
    public static List<AccountRollup> of(List<Issue> issues, FixPlan plan) {
        Map<SalesforceAccountId, List<Issue>> byAccount = new TreeMap<>();
        for (Issue i : issues) {
            if (i.accountId() != null) {
                byAccount.computeIfAbsent(i.accountId(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<SalesforceAccountId, List<PlannedAction>> actions = plan.actions().stream()
                .filter(a -> a.accountId() != null)
                .collect(Collectors.groupingBy(PlannedAction::accountId));
        List<AccountRollup> rows = new ArrayList<>();
        byAccount.forEach((id, list) -> rows.add(row(id, list, actions.getOrDefault(id, List.of()))));
        rows.sort(WORST_FIRST);
        return rows;
    }

    private static AccountRollup row(SalesforceAccountId id, List<Issue> issues, List<PlannedAction> actions) {
        int org = count(issues, Scope.ORG) + count(issues, Scope.ACCOUNT);
        int prepared = (int) actions.stream().filter(PlannedAction::prepared).count();
        Risk worst = issues.stream()
                .map(i -> i.code().risk())
                .min(Comparator.naturalOrder())
                .orElse(Risk.LOW);
        return new AccountRollup(
                id,
                issues.get(0).accountName(),
                org,
                count(issues, Scope.USER),
                count(issues, Scope.TICKET),
                prepared,
                actions.size() - prepared,
                worst,
                top(issues.stream().map(i -> i.code().code()).toList()),
                top(actions.stream()
                        .filter(a -> !a.prepared())
                        .map(PlannedAction::blockedReason)
                        .toList()));
    }

    private static int count(List<Issue> issues, Scope scope) {
        return (int) issues.stream().filter(i -> i.code().scope() == scope).count();
    }

    /** The most frequent values, most frequent first, ties in first-seen order. */
    static List<String> top(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The row's cells in {@link #HEADER} order. */
    public Object[] cells() {
        return new Object[] {
            accountId,
            accountName,
            orgIssues,
            userIssues,
            ticketIssues,
            total(),
            prepared,
            blocked,
            String.join(", ", topIssueCodes),
            String.join(", ", topBlockedReasons)
        };
    }

    /** Writes the rows, in order, to {@code out}. */
    public static void write(Writer out, List<AccountRollup> rows) throws IOException {
        CsvOut csv = new CsvOut(out, HEADER);
        rows.forEach(r -> csv.row(r.cells()));
        csv.finish();
    }
}
