package io.plumbline.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.audit.AuditResult;
import io.plumbline.plan.Caps;

/** receipt.json (the audit's own receipt) and the initial apply_receipt.json (mode not_run). */
public final class ReceiptJson {
    private ReceiptJson() {}

    public static ObjectNode audit(AuditResult result, SummaryFacts f, RunInfo run) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", run.runId());
        root.put("command", "audit");
        var argv = root.putArray("argv");
        run.command().forEach(argv::add);
        root.put("started_at", run.startedAt().toString());
        root.put("finished_at", run.finishedAt().toString());
        ObjectNode input = root.putObject("input");
        input.put("kind", run.inputKind());
        input.put("path", run.inputPath());
        input.put("as_of", result.resolution().snapshot().asOf().toString());
        input.put("ticket_lookback_days", result.resolution().settings().ticketLookbackDays());
        var extra = input.putArray("personal_domains_extra");
        @SuppressWarnings("unchecked")
        var domains = (java.util.List<Object>)
                result.plan().source().getOrDefault("personal_domains_extra", java.util.List.of());
        domains.forEach(d -> extra.add(d.toString()));
        if (result.plan().source().get("personal_domains_removed") instanceof java.util.List<?> removed) {
            var array = input.putArray("personal_domains_removed");
            removed.forEach(d -> array.add(d.toString()));
        }
        ObjectNode checksums = input.putObject("crc32c");
        run.inputChecksums().forEach(checksums::put);
        root.put("plan_hash", result.plan().planHash());
        ObjectNode counts = root.putObject("counts");
        counts.put("issues", f.totalIssues());
        counts.put("prepared_actions", f.prepared());
        counts.put("blocked_actions", f.blocked());
        var warnings = root.putArray("warnings");
        result.resolution().warnings().forEach(warnings::add);
        ObjectNode blockers = root.putObject("blockers");
        f.blockedByReason().forEach(blockers::put);
        return root;
    }

    public static ObjectNode applyNotRun(AuditResult result, RunInfo run, String planPath) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", run.runId());
        root.put("source_plan_path", planPath);
        root.put("source_plan_hash", result.plan().planHash());
        root.put("mode", "not_run");
        ObjectNode caps = root.putObject("caps_used");
        caps.put("max_actions", Caps.DEFAULT.maxActions());
        caps.put("max_per_account", Caps.DEFAULT.maxPerAccount());
        ObjectNode counts = root.putObject("counts");
        for (String k : new String[] {"attempted", "applied", "would_apply", "blocked", "skipped", "failed"}) {
            counts.put(k, 0);
        }
        root.putArray("results");
        return root;
    }
}
