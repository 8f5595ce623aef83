package io.plumbline.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.audit.AuditResult;
import io.plumbline.resolve.AccountOutcome;
import java.util.List;
import java.util.Locale;

/** summary.json: the structured counts of one run, for automation and CI. */
public final class SummaryJson {
    private static final int TOP_ACCOUNTS = 10;

    private SummaryJson() {}

    public static ObjectNode build(AuditResult result, SummaryFacts f, RunInfo run, List<String> artifacts) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", 1);
        root.put("run_id", run.runId());
        root.put("generated_at", result.plan().generatedAt().toString());
        root.put("demo", result.plan().demo()); // also a copy of the fixtures read as a folder
        ObjectNode input = root.putObject("input");
        input.put("kind", run.inputKind());
        input.put("path", run.inputPath());
        root.put("as_of", result.resolution().snapshot().asOf().toString());
        root.put("ticket_lookback_days", result.resolution().settings().ticketLookbackDays());
        root.put("plan_hash", result.plan().planHash());
        Cards c = Cards.of(f);
        ObjectNode cards = root.putObject("cards");
        cards.put("total_issues", c.totalIssues());
        cards.put("orphan_orgs", c.orphanOrgs());
        cards.put("domain_mismatches", c.domainMismatches());
        cards.put("corrupted_fields", c.corruptedFields());
        cards.put("prepared_actions", c.prepared());
        cards.put("blocked_actions", c.blocked());
        ObjectNode inputs = root.putObject("inputs");
        f.inputs().forEach(inputs::put);
        ObjectNode accounts = root.putObject("accounts");
        for (AccountOutcome o : AccountOutcome.values()) {
            accounts.put(o.name().toLowerCase(Locale.ROOT), f.outcomes().get(o));
        }
        ObjectNode byRule = accounts.putObject("resolved_by_rule");
        f.resolvedByRule().forEach((rule, n) -> byRule.put(rule.name().toLowerCase(Locale.ROOT), n));
        ObjectNode issues = root.putObject("issues");
        issues.put("total", f.totalIssues());
        ObjectNode byScope = issues.putObject("by_scope");
        f.issuesByScope().forEach((s, n) -> byScope.put(s.code(), n));
        ObjectNode byCode = issues.putObject("by_code");
        f.issuesByCode().forEach((code, n) -> byCode.put(code.code(), n));
        ObjectNode actions = root.putObject("actions");
        actions.put("prepared", f.prepared());
        actions.put("blocked", f.blocked());
        ObjectNode prepared = actions.putObject("prepared_by_code");
        f.preparedByCode().forEach((code, n) -> prepared.put(code.code(), n));
        ObjectNode blocked = actions.putObject("blocked_by_reason");
        f.blockedByReason().forEach(blocked::put);
        var top = root.putArray("top_accounts");
        f.rollups().stream().limit(TOP_ACCOUNTS).forEach(r -> {
            ObjectNode row = top.addObject();
            row.put("sf_account_id", r.accountId().value());
            row.put("account_name", r.accountName());
            row.put("total_issue_count", r.total());
            row.put("prepared_action_count", r.prepared());
            row.put("blocked_action_count", r.blocked());
        });
        var files = root.putArray("artifacts");
        artifacts.forEach(files::add);
        return root;
    }
}
