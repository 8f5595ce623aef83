package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a verified plan against Zendesk in plan order. Caps are decided before any write; every
 * prepared action re-checks its preconditions immediately before its own write; blocked rows are
 * reported, never written. The sink hears of each write just before it is sent and of each result
 * before the next write starts, and a failed write is a result, not an exception: the batch goes on.
 */
public final class Applier {
    private final ZendeskWrites zendesk;

    public Applier(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    public void run(FixPlan plan, ApplyOptions options, ResultSink sink) {
        Map<String, Integer> perAccount = new HashMap<>();
        int taken = 0;
        for (PlannedAction a : plan.actions()) {
            if (!selected(a, options)) {
                continue;
            }
            if (!a.prepared()) {
                sink.accept(result(a, ResultStatus.BLOCKED, a.blockedReason(), Map.of(), Map.of(), ""));
                continue;
            }
            String account = account(a);
            if (taken >= options.caps().maxActions()) {
                sink.accept(result(a, ResultStatus.SKIPPED, "cap_max_actions", Map.of(), Map.of(), ""));
                continue;
            }
            if (perAccount.getOrDefault(account, 0) >= options.caps().maxPerAccount()) {
                sink.accept(result(a, ResultStatus.SKIPPED, "cap_max_per_account", Map.of(), Map.of(), ""));
                continue;
            }
            taken++;
            perAccount.merge(account, 1, Integer::sum);
            sink.accept(execute(a, options.live(), sink));
        }
    }

    private ActionResult execute(PlannedAction a, boolean live, ResultSink sink) {
        ActionHandler handler = ActionHandler.of(a.code());
        ActionTarget target = ActionTarget.of(a);
        try {
            Check check = handler.check(target, zendesk);
            if (!check.ready()) {
                return result(a, ResultStatus.SKIPPED, check.reason(), check.before(), check.before(), "");
            }
            if (!live) {
                return result(a, ResultStatus.WOULD_APPLY, "", check.before(), check.after(), "");
            }
            sink.writing(result(a, ResultStatus.APPLIED, "", check.before(), check.after(), ""));
            ActionHandler.Written written = handler.write(target, zendesk, check);
            WriteOutcome out = written.outcome();
            if (out.ok()) {
                return result(a, ResultStatus.APPLIED, "", check.before(), written.after(), out.requestId());
            }
            if (out.alreadyMember()) {
                return result(
                        a,
                        ResultStatus.SKIPPED,
                        AssignUserToOrg.ALREADY_MEMBER,
                        check.before(),
                        check.before(),
                        out.requestId());
            }
            return result(a, ResultStatus.FAILED, out.error(), check.before(), check.before(), out.requestId());
        } catch (PlumblineException e) {
            return result(a, ResultStatus.FAILED, e.getMessage(), Map.of(), Map.of(), "");
        }
    }

    private static boolean selected(PlannedAction a, ApplyOptions o) {
        return (o.onlyAccounts().isEmpty() || o.onlyAccounts().contains(account(a)))
                && (o.onlyActions().isEmpty() || o.onlyActions().contains(a.code()));
    }

    private static String account(PlannedAction a) {
        return a.accountId() == null ? "" : a.accountId().value();
    }

    private static ActionResult result(
            PlannedAction a,
            ResultStatus status,
            String reason,
            Map<String, Object> before,
            Map<String, Object> after,
            String requestId) {
        return new ActionResult(
                a.actionId(),
                a.code(),
                status,
                reason,
                account(a),
                a.orgId() == null ? null : a.orgId().value(),
                a.userId() == null ? null : a.userId().value(),
                a.membershipId() == null ? null : a.membershipId().value(),
                a.value(),
                before,
                after,
                requestId);
    }
}
