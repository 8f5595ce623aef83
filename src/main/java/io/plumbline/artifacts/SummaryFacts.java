package io.plumbline.artifacts;

import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Issue;
import io.plumbline.detect.IssueCode;
import io.plumbline.detect.Scope;
import io.plumbline.model.ActionCode;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.plan.PlannedAction;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.AccountRule;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts every readout shares (terminal, summary.md, summary.json), computed once from an audit
 * result so the three never disagree.
 */
public record SummaryFacts(
        Map<String, Integer> inputs,
        Map<AccountRule, Integer> resolvedByRule,
        Map<AccountOutcome, Integer> outcomes,
        Map<Scope, Integer> issuesByScope,
        Map<IssueCode, Integer> issuesByCode,
        Map<ActionCode, Integer> preparedByCode,
        Map<String, Integer> blockedByReason,
        int prepared,
        int blocked,
        List<AccountRollup> rollups) {

    public static SummaryFacts of(AuditResult result) {
        Snapshot s = result.resolution().snapshot();
        Map<String, Integer> inputs = new LinkedHashMap<>();
        inputs.put("accounts", s.accounts().size());
        inputs.put("contacts", s.contacts().size());
        inputs.put("organizations", s.organizations().size());
        inputs.put("users", s.users().size());
        inputs.put("memberships", s.memberships().size());
        inputs.put("tickets", s.ticketsRead());
        inputs.put(
                "tickets_in_window", inWindow(s.tickets(), result.resolution().ticketWindowStart()));
        Map<AccountRule, Integer> byRule = new EnumMap<>(AccountRule.class);
        Map<AccountOutcome, Integer> outcomes = new EnumMap<>(AccountOutcome.class);
        for (AccountOutcome o : AccountOutcome.values()) {
            outcomes.put(o, 0);
        }
        for (AccountResolution r : result.resolution().accounts().values()) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            if (r.resolved()) {
                byRule.merge(r.rule(), 1, Integer::sum);
            }
        }
        Map<Scope, Integer> byScope = new EnumMap<>(Scope.class);
        for (Scope sc : Scope.values()) {
            byScope.put(sc, 0);
        }
        Map<IssueCode, Integer> byCode = new EnumMap<>(IssueCode.class);
        for (Issue i : result.issues()) {
            byScope.merge(i.code().scope(), 1, Integer::sum);
            byCode.merge(i.code(), 1, Integer::sum);
        }
        Map<ActionCode, Integer> preparedByCode = new EnumMap<>(ActionCode.class);
        Map<String, Integer> blockedByReason = new LinkedHashMap<>();
        int prepared = 0;
        for (PlannedAction a : result.plan().actions()) {
            if (a.prepared()) {
                prepared++;
                preparedByCode.merge(a.code(), 1, Integer::sum);
            } else {
                blockedByReason.merge(a.blockedReason(), 1, Integer::sum);
            }
        }
        return new SummaryFacts(
                inputs,
                byRule,
                outcomes,
                byScope,
                byCode,
                preparedByCode,
                sortedByCount(blockedByReason),
                prepared,
                result.plan().actions().size() - prepared,
                AccountRollup.of(result.issues(), result.plan()));
    }

    private static int inWindow(List<Ticket> tickets, Instant start) {
        if (tickets instanceof TicketTable table) {
            return table.forEachInWindow(start, i -> {});
        }
        return (int) tickets.stream().filter(t -> t.inWindow(start)).count();
    }

    public int totalIssues() {
        return issuesByScope.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(IssueCode code) {
        return issuesByCode.getOrDefault(code, 0);
    }

    /** Issue counts of one scope, as {@code "2 org_missing_external_id, 1 ..."} in code order. */
    public String breakdown(Scope scope) {
        StringBuilder sb = new StringBuilder();
        issuesByCode.forEach((code, n) -> {
            if (code.scope() == scope) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(code.code());
            }
        });
        return sb.toString();
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
