package io.plumbline.artifacts;

import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlanHash;
import io.plumbline.plan.PlannedAction;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** The flat, reviewable view of every prepared and blocked action of a plan. */
public final class FixPlanCsv {
    public static final List<String> HEADER = List.of(
            "action_id",
            "action_code",
            "status",
            "sf_account_id",
            "account_name",
            "zendesk_org_id",
            "zendesk_user_id",
            "membership_id",
            "value",
            "preconditions",
            "blocked_reason",
            "issue_ids");

    private FixPlanCsv() {}

    /** Writes one row per action of {@code plan} to {@code out}. */
    public static void write(Writer out, FixPlan plan, Map<String, String> accountNames) throws IOException {
        CsvOut csv = new CsvOut(out, HEADER);
        for (PlannedAction a : plan.actions()) {
            String account = a.accountId() == null ? "" : a.accountId().value();
            csv.row(
                    a.actionId(),
                    a.code().code(),
                    a.status().code(),
                    account,
                    accountNames.getOrDefault(account, ""),
                    a.orgId(),
                    a.userId(),
                    a.membershipId(),
                    a.value(),
                    a.preconditions().isEmpty() ? "" : PlanHash.canonical(Json.MAPPER.valueToTree(a.preconditions())),
                    a.blockedReason(),
                    String.join(" ", a.issueIds()));
        }
        csv.finish();
    }
}
