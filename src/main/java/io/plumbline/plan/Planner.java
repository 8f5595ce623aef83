package io.plumbline.plan;

import io.plumbline.detect.Issue;
import io.plumbline.detect.IssueStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns issues into plan actions: one action per prepared or blocked issue, prepared actions first,
 * each group ordered by action code, account and record ids, numbered {@code A001…}.
 */
public final class Planner {
    static final Comparator<PlannedAction> ORDER = Comparator.comparing(PlannedAction::status)
            .thenComparing(PlannedAction::code)
            .thenComparing(PlannedAction::accountId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PlannedAction::orgId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PlannedAction::userId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PlannedAction::value)
            .thenComparing(a -> a.issueIds().toString());

    public List<PlannedAction> plan(List<Issue> issues) {
        List<PlannedAction> actions = new ArrayList<>();
        for (Issue issue : issues) {
            if (issue.code().status() != IssueStatus.DETECTED) {
                actions.add(toAction(issue));
            }
        }
        actions.sort(ORDER);
        int width = Math.max(3, Integer.toString(actions.size()).length());
        List<PlannedAction> numbered = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            numbered.add(actions.get(i).withId(String.format(Locale.ROOT, "A%0" + width + "d", i + 1)));
        }
        return List.copyOf(numbered);
    }

    private static PlannedAction toAction(Issue issue) {
        boolean prepared = issue.code().status() == IssueStatus.PREPARED;
        return new PlannedAction(
                "",
                issue.code().action(),
                prepared ? ActionStatus.PREPARED : ActionStatus.BLOCKED,
                issue.accountId(),
                issue.orgId(),
                issue.userId(),
                issue.action().membershipId(),
                issue.action().value(),
                prepared ? issue.action().preconditions() : java.util.Map.of(),
                issue.code().blockedReason(),
                List.of(issue.issueId()));
    }
}
