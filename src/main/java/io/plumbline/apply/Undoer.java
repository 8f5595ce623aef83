package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reverses the applied results of a receipt, newest first, from their recorded before and after
 * values. Each inverse re-checks that the state is still what the write left and skips (with the
 * reason) when it changed since. An inverse whose answer was lost and whose retry was refused or given
 * up (a 404 for a membership the lost attempt already deleted) is re-checked once more: when the state
 * is now what the inverse restores, it is applied.
 */
public final class Undoer {
    private final ZendeskWrites zendesk;

    public Undoer(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    public void run(List<ActionResult> receiptResults, boolean live, ResultSink sink) {
        List<ActionResult> applied = new ArrayList<>(receiptResults.stream()
                .filter(r -> r.status() == ResultStatus.APPLIED)
                .toList());
        Collections.reverse(applied);
        for (ActionResult r : applied) {
            sink.accept(reverse(r, live, sink));
        }
    }

    private ActionResult reverse(ActionResult r, boolean live, ResultSink sink) {
        ActionHandler handler = ActionHandler.of(r.code());
        ActionTarget target = new ActionTarget(
                r.code(),
                r.orgId() == null ? null : new ZendeskOrgId(r.orgId()),
                r.userId() == null ? null : new ZendeskUserId(r.userId()),
                r.membershipId() == null ? null : new MembershipId(r.membershipId()),
                r.value(),
                Map.of());
        try {
            Check check = handler.checkUndo(target, r.before(), r.after(), zendesk);
            if (!check.ready()) {
                return r.withOutcome(ResultStatus.SKIPPED, check.reason(), check.before(), check.before(), "");
            }
            if (!live) {
                return r.withOutcome(ResultStatus.WOULD_APPLY, "", check.before(), check.after(), "");
            }
            sink.writing(r.withOutcome(ResultStatus.APPLIED, "", check.before(), check.after(), ""));
            WriteOutcome out = handler.undo(target, zendesk, check).outcome();
            return out.ok() || (!out.confirmed() && landed(handler, target, r))
                    ? r.withOutcome(ResultStatus.APPLIED, "", check.before(), check.after(), out.requestId())
                    : r.withOutcome(ResultStatus.FAILED, out.error(), check.before(), check.before(), out.requestId());
        } catch (PlumblineException e) {
            return r.withOutcome(ResultStatus.FAILED, e.getMessage(), Map.of(), Map.of(), "");
        }
    }

    /** Whether Zendesk now holds what the inverse restores, read again. */
    private boolean landed(ActionHandler handler, ActionTarget target, ActionResult r) {
        try {
            Check again = handler.checkUndo(target, r.before(), r.after(), zendesk);
            return !again.ready() && again.reason().equals("already_in_effect");
        } catch (PlumblineException e) {
            return false;
        }
    }
}
