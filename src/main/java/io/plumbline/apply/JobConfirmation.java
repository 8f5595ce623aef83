package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.plan.PlannedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles the items of a bulk job whose answer left them open (a job that failed or was killed,
 * possibly partway; one still running after the last poll or whose status could not be read; one sent
 * twice; a result missing or naming no item) from Zendesk's records, so that no write that landed is
 * hidden: it reads the items' orgs and users again in one {@link ZendeskWrites#readAhead} and records
 * each item {@code applied}, with the state found (a created membership's real id, the org's fields),
 * when its effect is there. An item not found fails: with reason {@value #UNCONFIRMED} when the job may
 * still be running (it may land later) or Zendesk could not be read to settle it, and the run then keeps
 * off its records; else saying that the job's outcome was unconfirmed and nothing of the item was found.
 */
final class JobConfirmation {
    /** The reason of an item not found while its job may still land. */
    static final String UNCONFIRMED = "bulk_job_unconfirmed";

    private final ZendeskWrites zendesk;

    JobConfirmation(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    /** The result of each action written, in order, settling from Zendesk's records those left open. */
    List<ActionResult> settle(List<PlannedAction> actions, List<Check> checks, List<ActionHandler.Written> written) {
        List<Integer> open = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            if (!written.get(k).outcome().confirmed()) {
                open.add(k);
            }
        }
        ZendeskWrites now = null;
        String unread = "";
        if (!open.isEmpty()) {
            try {
                now = BulkBatch.readAhead(
                        zendesk, open.stream().map(actions::get).toList());
            } catch (PlumblineException e) {
                unread = e.getMessage();
            }
        }
        List<ActionResult> out = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            PlannedAction a = actions.get(k);
            ActionHandler.Written w = written.get(k);
            out.add(
                    w.outcome().confirmed()
                            ? Applier.finished(a, checks.get(k), w)
                            : settled(a, checks.get(k), w.outcome(), now, unread));
        }
        return out;
    }

    private static ActionResult settled(
            PlannedAction a, Check check, WriteOutcome out, ZendeskWrites now, String unread) {
        boolean mayStillLand = out.certainty() == WriteOutcome.Certainty.MAY_STILL_LAND;
        Optional<Map<String, Object>> found = Optional.empty();
        if (now != null) {
            try {
                found = ActionHandler.of(a.code()).found(ActionTarget.of(a), now);
            } catch (PlumblineException e) {
                unread = e.getMessage();
            }
        }
        if (found.isPresent()) {
            return Applier.result(a, ResultStatus.APPLIED, "", check.before(), found.get(), out.requestId());
        }
        String reason;
        if (!unread.isEmpty()) {
            reason = UNCONFIRMED + ": " + out.error() + "; reading Zendesk to confirm it failed too (" + unread
                    + "): a re-run re-checks this action";
        } else if (mayStillLand) {
            reason = UNCONFIRMED + ": " + out.error() + "; nothing of this action was found in Zendesk yet and"
                    + " it may still land: a re-run re-checks it";
        } else {
            reason = out.error() + "; the job's outcome was unconfirmed and nothing of this action was found in"
                    + " Zendesk";
        }
        return Applier.result(a, ResultStatus.FAILED, reason, check.before(), check.before(), out.requestId());
    }
}
