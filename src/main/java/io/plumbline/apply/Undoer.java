package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.MembershipId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.TurnedAwayException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reverses the applied results of a receipt, newest first, from their recorded before and after
 * values. Each inverse re-checks that the state is still what the write left and skips (with the
 * reason) when it changed since. An inverse whose answer was lost (a 5xx, a 503, a connection broken
 * after it was sent) is re-checked: when the state is now what the inverse restores, it is applied;
 * else the re-check builds it again and it is sent, up to the retry policy's attempts in a row. As in apply, a rate limit Zendesk keeps past the
 * retries, Zendesk out of reach, or credentials Zendesk refuses, skips the inverse that met it and every
 * one after it, unsent ({@value ActionResult#RATE_LIMITED}, {@value ActionResult#UNREACHABLE}, {@value
 * ActionResult#CREDENTIALS_REFUSED}).
 */
public final class Undoer {
    /**
     * An undo's reason for a write its apply had in flight when it stopped, or left unconfirmed, and that
     * Zendesk does not hold now: it never landed, or it was reversed already.
     */
    public static final String IN_FLIGHT_NOT_IN_EFFECT = "in_flight_not_in_effect";

    /** An undo's reason for a write its apply had in flight that a later apply of the plan lists as applied. */
    public static final String IN_FLIGHT_APPLIED_BY_LATER_RUN = "in_flight_applied_by_later_run";

    /**
     * An undo's reason for an applied result that a later apply of the same plan lists as applied too: this
     * receipt's write was undone before, and the value in Zendesk is now that later run's, left to its receipt.
     */
    public static final String APPLIED_BY_LATER_RUN = "applied_by_later_run";

    /**
     * An undo's reason for an applied result whose write an earlier undo of the same receipt reversed
     * already: when Zendesk holds that value again, it was written since (by another plan's apply, or by
     * hand), and it is left alone.
     */
    public static final String ALREADY_UNDONE = "already_undone";

    /**
     * An undo's reason for an applied result whose inverse an earlier undo of the same receipt was writing
     * when it stopped, while Zendesk holds the applied value and its record changed after that undo began:
     * that write landed and the value was written again since (by hand, by another plan's apply), or it did
     * not land and something else changed the record. Zendesk does not say which, so it is left alone, to
     * be reversed by hand if that write did not land. A record unchanged since is reversed as usual.
     */
    public static final String EARLIER_UNDO_UNCONFIRMED = "earlier_undo_unconfirmed";

    /**
     * An undo's reason for a write its apply sent alone and had in flight when it stopped, or left
     * unconfirmed, whose effect Zendesk holds in a record it made after that write could have landed (a
     * membership made after the apply ended): someone made it since, by hand or in a later run, and it is
     * left alone.
     */
    public static final String IN_FLIGHT_FOUND_MADE_LATER = "in_flight_found_made_later";

    /**
     * The margin between this machine's clock, which stamps an undo's start, and Zendesk's, which stamps a
     * record's last change: a change up to this long before the start counts as after it.
     */
    static final Duration CLOCKS = Duration.ofMinutes(1);

    /**
     * How long after the end of an apply Zendesk may still stamp a record made by a write that apply sent
     * alone: the margin between the clocks ({@link #CLOCKS}), and a minute more for a request whose answer
     * was lost while Zendesk was still making the record.
     */
    static final Duration LANDED_WITHIN = CLOCKS.plus(Duration.ofMinutes(1));

    private final ZendeskWrites zendesk;
    private Set<String> undoneBefore = Set.of();
    private Map<String, Instant> undoneMaybe = Map.of();
    private Set<String> sentAlone = Set.of();
    /** The latest a write of {@link #sentAlone} can have been made in Zendesk; null when not known. */
    private Instant landedBy;

    public Undoer(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    /** This undoer, told the actions whose writes an earlier undo of the receipt reversed ({@value #ALREADY_UNDONE}). */
    public Undoer undoneBefore(Set<String> actionIds) {
        this.undoneBefore = Set.copyOf(actionIds);
        return this;
    }

    /**
     * This undoer, told the actions whose inverse an earlier undo of the receipt was writing when it stopped,
     * each with when that undo began ({@value #EARLIER_UNDO_UNCONFIRMED}).
     */
    public Undoer undoneMaybe(Map<String, Instant> startedByActionId) {
        this.undoneMaybe = Map.copyOf(startedByActionId);
        return this;
    }

    /**
     * This undoer, told when the apply whose receipt it undoes finished ({@code finished_at}, after every
     * write it sent), and which of the writes it settles that apply sent alone, not in a bulk job
     * ({@code sentAlone}, by action id). A write sent alone lands while it is sent, so a record Zendesk made
     * more than {@link #LANDED_WITHIN} after the apply finished is not its effect
     * ({@value #IN_FLIGHT_FOUND_MADE_LATER}). An apply that did not finish records no time after its start
     * that the receipt's hash covers (its file's time is not: a copy changes it), so its open writes are
     * settled from what Zendesk holds alone, and a dry run and the live undo it confirms decide alike.
     */
    public Undoer applyFinished(Instant finished, Set<String> sentAlone) {
        this.landedBy = finished.plus(LANDED_WITHIN);
        this.sentAlone = Set.copyOf(sentAlone);
        return this;
    }

    public void run(List<ActionResult> receiptResults, boolean live, ResultSink sink) {
        run(receiptResults, List.of(), Set.of(), live, sink);
    }

    /**
     * As {@link #run(List, boolean, ResultSink)}, first settling the writes an unfinished apply had in
     * flight when it stopped (newest of all): each one Zendesk holds is reversed as an applied result, with
     * the state recorded just before its write and the state read now (a created membership's id); one it
     * does not hold is skipped, {@code in_flight_not_in_effect}, and so is one it holds in a record made
     * after the apply ended ({@value #IN_FLIGHT_FOUND_MADE_LATER}, see {@link #applyFinished}). One that a later
     * apply of the same plan lists as applied ({@code appliedLater}, by action id) is that run's write, left
     * to its own receipt: skipped, {@code in_flight_applied_by_later_run}; so is an applied result such a
     * later apply made again after this receipt was undone once ({@value #APPLIED_BY_LATER_RUN}).
     */
    public void run(
            List<ActionResult> receiptResults,
            List<ActionResult> inFlight,
            Set<String> appliedLater,
            boolean live,
            ResultSink sink) {
        List<ActionResult> newestFirst = new ArrayList<>(inFlight);
        Collections.reverse(newestFirst);
        String limitedAt = null;
        for (ActionResult r : newestFirst) {
            ActionResult done = limitedAt != null
                    ? r.notTried(limitedAt)
                    : appliedLater.contains(r.actionId())
                            ? r.withOutcome(
                                    ResultStatus.SKIPPED, IN_FLIGHT_APPLIED_BY_LATER_RUN, Map.of(), Map.of(), "")
                            : settle(r, live, sink);
            limitedAt = limitedAt != null ? limitedAt : Applier.stoppedAt(List.of(done), zendesk);
            sink.accept(done);
        }
        List<ActionResult> applied = new ArrayList<>(receiptResults.stream()
                .filter(r -> r.status() == ResultStatus.APPLIED)
                .toList());
        Collections.reverse(applied);
        for (ActionResult r : applied) {
            ActionResult done = limitedAt != null
                    ? r.notTried(limitedAt)
                    : appliedLater.contains(r.actionId())
                            ? r.withOutcome(ResultStatus.SKIPPED, APPLIED_BY_LATER_RUN, Map.of(), Map.of(), "")
                            : reverse(r, live, sink);
            limitedAt = limitedAt != null ? limitedAt : Applier.stoppedAt(List.of(done), zendesk);
            sink.accept(done);
        }
    }

    /**
     * A write an apply had in flight or left unconfirmed, settled from what Zendesk holds now: skipped when
     * its effect is not there ({@value #IN_FLIGHT_NOT_IN_EFFECT}), else reversed as an applied result, unless
     * the write was sent alone and the record holding its effect was made after it could have landed
     * ({@value #IN_FLIGHT_FOUND_MADE_LATER}, see {@link #applyFinished}). Only a record Zendesk stamps as made
     * tells that (a membership): a domain or an external_id found on an org is taken for the write's own
     * even when it was set since, as Zendesk keeps no time for a single value of a record. Nor is the test
     * made for an item of a bulk job, which Zendesk runs from its queue, possibly after the apply ended.
     */
    private ActionResult settle(ActionResult r, boolean live, ResultSink sink) {
        try {
            ActionHandler handler = ActionHandler.of(r.code());
            ActionTarget target = target(r);
            Optional<Map<String, Object>> found = handler.found(target, zendesk);
            if (found.isEmpty()) {
                return r.withOutcome(ResultStatus.SKIPPED, IN_FLIGHT_NOT_IN_EFFECT, Map.of(), Map.of(), "");
            }
            Optional<Instant> made = madeLater(r, handler, target, found.get());
            if (made.isPresent()) {
                return r.withOutcome(
                        ResultStatus.SKIPPED,
                        IN_FLIGHT_FOUND_MADE_LATER + ": what Zendesk holds was made at " + made.get()
                                + ", after the apply had ended (a write it sent alone landed by " + landedBy
                                + " at the latest): someone made it since, by hand or in a later run, so it is "
                                + "left alone",
                        found.get(),
                        found.get(),
                        "");
            }
            Map<String, Object> after = new TreeMap<>(r.after());
            after.putAll(found.get());
            return reverse(r.withOutcome(ResultStatus.APPLIED, "", r.before(), after, ""), live, sink);
        } catch (PlumblineException e) {
            return r.stoppedBy(e, Map.of());
        }
    }

    /**
     * When Zendesk made the record holding the effect found for a write sent alone, when that is after the
     * write can have landed; empty otherwise, or when either time is not known.
     */
    private Optional<Instant> madeLater(
            ActionResult r, ActionHandler handler, ActionTarget target, Map<String, Object> found) {
        if (landedBy == null || !sentAlone.contains(r.actionId())) {
            return Optional.empty();
        }
        return handler.madeAt(target, found, zendesk).filter(made -> made.isAfter(landedBy));
    }

    private static ActionTarget target(ActionResult r) {
        return new ActionTarget(
                r.code(),
                r.accountId(),
                r.orgId() == null ? null : new ZendeskOrgId(r.orgId()),
                r.userId() == null ? null : new ZendeskUserId(r.userId()),
                r.membershipId() == null ? null : new MembershipId(r.membershipId()),
                r.value(),
                Map.of());
    }

    private ActionResult reverse(ActionResult r, boolean live, ResultSink sink) {
        ActionHandler handler = ActionHandler.of(r.code());
        ActionTarget target = target(r);
        zendesk.beginAction();
        Check lost = null; // the check of an inverse whose answer was lost, once there is one
        Check next = null; // a re-check already read
        try {
            while (true) {
                Check check = next != null ? next : handler.checkUndo(target, r.before(), r.after(), zendesk);
                next = null;
                ActionResult decided = beforeWrite(r, check, lost, live, handler, target);
                if (decided != null) {
                    return decided;
                }
                sink.writing(r.withOutcome(ResultStatus.APPLIED, "", check.before(), check.after(), ""));
                WriteOutcome out;
                try {
                    out = handler.undo(target, zendesk, check).outcome();
                } catch (TurnedAwayException e) {
                    if (lost == null) {
                        sink.notSent(); // else the lost attempt stays named in flight: it may still land
                    }
                    continue; // nothing written: re-checked against Zendesk read after the wait (see Applier)
                }
                if (out.ok()) {
                    return r.withOutcome(ResultStatus.APPLIED, "", check.before(), check.after(), out.requestId());
                }
                if (!out.confirmed()) {
                    // the answer was lost, or a retry refused: Zendesk is read again to settle it
                    Check again;
                    try {
                        again = handler.checkUndo(target, r.before(), r.after(), zendesk);
                    } catch (PlumblineException e) {
                        return r.withOutcome(
                                ResultStatus.FAILED,
                                JobConfirmation.unread(JobConfirmation.WRITE_UNCONFIRMED, out.error(), e.getMessage()),
                                check.before(),
                                check.before(),
                                out.requestId());
                    }
                    if (landed(again)) {
                        return r.withOutcome(ResultStatus.APPLIED, "", check.before(), check.after(), out.requestId());
                    }
                    if (out.recheckable()) {
                        lost = check; // not there: sent again as the re-check builds it, still in flight till then
                        next = again;
                        continue;
                    }
                }
                if (!out.confirmed()) {
                    return r.withOutcome(
                            ResultStatus.FAILED, out.error(), check.before(), check.before(), out.requestId());
                }
                return refused(r, handler, target, check, lost, out);
            }
        } catch (PlumblineException e) {
            // after an inverse whose answer was lost, it may have landed: unconfirmed, not merely stopped
            return lost == null ? r.stoppedBy(e, Map.of()) : unconfirmed(r, lost, e.getMessage());
        }
    }

    /**
     * An inverse Zendesk refused, as {@link Applier#finished} settles a refused write: it may have met a
     * change made between its re-check and the write (the membership deleted, the org gone), so it is
     * re-checked once more and skipped with the re-check's reason when it is no longer ready; when it still
     * is (or Zendesk cannot be read), the refusal is its failure. After an earlier attempt whose answer was
     * lost ({@code lost}), the change met may be that attempt's: applied when Zendesk now holds what the
     * inverse restores, else unconfirmed.
     */
    private ActionResult refused(
            ActionResult r, ActionHandler handler, ActionTarget target, Check check, Check lost, WriteOutcome out) {
        ActionResult failed =
                r.withOutcome(ResultStatus.FAILED, out.error(), check.before(), check.before(), out.requestId());
        if (zendesk.stopped()) {
            return lost == null ? failed : unconfirmed(r, lost, "its re-send was refused (" + out.error() + ")");
        }
        Check again;
        try {
            again = handler.checkUndo(target, r.before(), r.after(), zendesk);
        } catch (PlumblineException e) {
            return lost == null ? failed : unconfirmed(r, lost, "its re-send was refused (" + out.error() + ")");
        }
        if (again.ready()) {
            return failed;
        }
        if (lost != null) {
            return landed(again)
                    ? r.withOutcome(ResultStatus.APPLIED, "", lost.before(), lost.after(), out.requestId())
                    : unconfirmed(r, lost, "its re-check found " + again.reason());
        }
        return r.withOutcome(ResultStatus.SKIPPED, again.reason(), again.before(), again.before(), out.requestId());
    }

    /**
     * The result of an inverse that ends before its write, or null when it is to be written: not ready
     * (applied after all when an earlier attempt whose answer was lost is what made it so; unconfirmed when
     * such an attempt is not found), undone by an earlier undo of the receipt, or a dry run.
     */
    private ActionResult beforeWrite(
            ActionResult r, Check check, Check lost, boolean live, ActionHandler handler, ActionTarget target) {
        if (!check.ready()) {
            if (lost == null) {
                return r.withOutcome(ResultStatus.SKIPPED, check.reason(), check.before(), check.before(), "");
            }
            return landed(check)
                    ? r.withOutcome(ResultStatus.APPLIED, "", lost.before(), lost.after(), "")
                    : unconfirmed(r, lost, "its re-check found " + check.reason());
        }
        if (undoneBefore.contains(r.actionId())) {
            return r.withOutcome(ResultStatus.SKIPPED, ALREADY_UNDONE, check.before(), check.before(), "");
        }
        if (undoneMaybe.containsKey(r.actionId()) && changedSince(handler, target, undoneMaybe.get(r.actionId()))) {
            return r.withOutcome(ResultStatus.SKIPPED, EARLIER_UNDO_UNCONFIRMED, check.before(), check.before(), "");
        }
        return live ? null : r.withOutcome(ResultStatus.WOULD_APPLY, "", check.before(), check.after(), "");
    }

    /**
     * Whether the record of an inverse an undo begun at {@code started} was writing may have been written
     * since: its last change, as Zendesk stamps it, not {@link #CLOCKS} before that, or not known. An
     * inverse whose effect shows whether it landed ({@link ActionHandler#inverseShows}) never is.
     */
    private boolean changedSince(ActionHandler handler, ActionTarget target, Instant started) {
        if (handler.inverseShows()) {
            return false;
        }
        Optional<Instant> changed = handler.lastChanged(target, zendesk);
        return changed.isEmpty() || !changed.get().isBefore(started.minus(CLOCKS));
    }

    /** An inverse whose answer was lost, not found, and then not sent again ({@code then}): it may still land. */
    private static ActionResult unconfirmed(ActionResult r, Check lost, String then) {
        return r.withOutcome(ResultStatus.FAILED, JobConfirmation.lostThen(then), lost.before(), lost.before(), "");
    }

    /** Whether a re-check found Zendesk holding what the inverse restores. */
    private static boolean landed(Check again) {
        return !again.ready() && again.reason().equals("already_in_effect");
    }
}
