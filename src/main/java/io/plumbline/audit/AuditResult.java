package io.plumbline.audit;

import io.plumbline.detect.Issue;
import io.plumbline.plan.FixPlan;
import io.plumbline.resolve.Resolution;
import java.util.List;

/** Everything one audit found: the resolved graph, the issues in stable order, and the hashed plan. */
public record AuditResult(Resolution resolution, List<Issue> issues, FixPlan plan) {
    public AuditResult {
        issues = List.copyOf(issues);
    }
}
