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
 *
 * <p>A single write whose answer was lost (see {@link #settleWrite}) is settled the same way, with reason
 * {@value #WRITE_UNCONFIRMED} when Zendesk could not be read to settle it, or when Zendesk said it was
 * done (a membership created, answered without its id) but its records do not show it yet.
 */
final class JobConfirmation {
    /** The reason of an item not found while its job may still land. */
    static final String UNCONFIRMED = "bulk_job_unconfirmed";
    /** The reason of a single write whose answer was lost and which Zendesk could not be read to settle. */
    static final String WRITE_UNCONFIRMED = "write_unconfirmed";

    private final ZendeskWrites zendesk;
    private final boolean job;

    JobConfirmation(ZendeskWrites zendesk) {
        this(zendesk, true);
    }

    private JobConfirmation(ZendeskWrites zendesk, boolean job) {
        this.zendesk = zendesk;
        this.job = job;
    }

    /**
     * The result of one single write whose outcome Zendesk's answer left open (an attempt whose answer was
     * lost, or a membership created without its id), from the records: applied with the state found when
     * its effect is there, so that a write that landed is never hidden and its undo has what it needs.
     */
    static ActionResult settleWrite(ZendeskWrites zendesk, PlannedAction a, Check check, ActionHandler.Written w) {
        return new JobConfirmation(zendesk, false)
                .settle(List.of(a), List.of(check), List.of(w))
                .get(0);
    }

    /**
     * The reason of a write left open because Zendesk could not be read to settle it: {@code prefix}, what
     * became of the write ({@code error}), and why the read failed ({@code unread}).
     */
    static String unread(String prefix, String error, String unread) {
        return prefix + ": " + error + "; reading Zendesk to confirm it failed too (" + unread
                + "): a re-run re-checks this action";
    }

    /**
     * The reason of an action whose earlier attempt's answer was lost, and not found when it was settled,
     * after {@code then} happened to it: that attempt may still land.
     */
    static String lostThen(String then) {
        return WRITE_UNCONFIRMED + ": an attempt whose answer was lost may have landed, and then " + then
                + "; a re-run re-checks this action";
    }

    /**
     * Whether a settled result is a write whose effect Zendesk's records, read without trouble, do not
     * hold (and which cannot still land as a job might).
     */
    static boolean notFound(ActionResult r) {
        return r.status() == ResultStatus.FAILED && !open(r);
    }

    /** Whether a result is a write that may have landed but was not found: the run keeps off its records. */
    static boolean open(ActionResult r) {
        return r.status() == ResultStatus.FAILED
                && (r.reason().startsWith(UNCONFIRMED) || r.reason().startsWith(WRITE_UNCONFIRMED));
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
        ZendeskWrites recheck = refusedView(actions, written);
        List<ActionResult> out = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            PlannedAction a = actions.get(k);
            ActionHandler.Written w = written.get(k);
            out.add(
                    w.outcome().confirmed()
                            ? Applier.finished(recheck, a, checks.get(k), w)
                            : settled(a, checks.get(k), w.outcome(), now, unread));
        }
        return out;
    }

    /**
     * Zendesk as read again, in one read ahead, for the items Zendesk refused, which {@link
     * Applier#finished} re-checks; null when there are none or the read failed (the refusals stand).
     */
    private ZendeskWrites refusedView(List<PlannedAction> actions, List<ActionHandler.Written> written) {
        List<PlannedAction> refused = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            WriteOutcome o = written.get(k).outcome();
            if (o.confirmed() && !o.ok() && !o.alreadyMember()) {
                refused.add(actions.get(k));
            }
        }
        if (refused.isEmpty() || zendesk.stopped()) {
            return null;
        }
        try {
            return BulkBatch.readAhead(zendesk, refused);
        } catch (PlumblineException e) {
            return null;
        }
    }

    private ActionResult settled(PlannedAction a, Check check, WriteOutcome out, ZendeskWrites now, String unread) {
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
            reason = unread(job ? UNCONFIRMED : WRITE_UNCONFIRMED, out.error(), unread);
        } else if (mayStillLand) {
            reason = (job ? UNCONFIRMED : WRITE_UNCONFIRMED) + ": " + out.error()
                    + "; nothing of this action was found in Zendesk yet and"
                    + " it may still land: a re-run re-checks it";
        } else {
            reason = out.error() + "; the " + (job ? "job's" : "write's")
                    + " outcome was unconfirmed and nothing of this action was found in Zendesk";
        }
        return Applier.result(a, ResultStatus.FAILED, reason, check.before(), check.before(), out.requestId());
    }
}
