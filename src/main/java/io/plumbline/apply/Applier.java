package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ActionCode;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import io.plumbline.zendesk.TurnedAwayException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a verified plan against Zendesk in plan order. Caps are decided before any write; every
 * prepared action re-checks its preconditions immediately before its own write; blocked rows are
 * reported, never written. The sink hears of each write just before it is sent and of each result
 * before the next write starts, and a failed write is a result, not an exception: the batch goes on. A
 * rate limit Zendesk keeps past the retries ({@link io.plumbline.zendesk.RateLimitedException}), Zendesk
 * out of reach ({@link io.plumbline.zendesk.ZendeskUnreachableException}) and credentials Zendesk refuses
 * ({@link io.plumbline.zendesk.CredentialsRefusedException}) are the three stops: the action that met one
 * and every prepared one after it are skipped, {@value ActionResult#RATE_LIMITED}, {@value
 * ActionResult#UNREACHABLE} or {@value ActionResult#CREDENTIALS_REFUSED}, and nothing more is sent. A write Zendesk turns away with a 429
 * ({@link TurnedAwayException}) is not sent again as built: the wait may outlast the state it was built
 * from (an org's whole {@code domain_names} list above all), so the action is re-checked, against Zendesk
 * read after the wait, and the write that check builds is sent. Nor is a write whose answer was lost (a
 * 5xx, a 503, a connection broken after it was sent): it is settled from Zendesk's records (applied when
 * its effect is there), and when nothing of it is there, re-checked and built again in the same way, up
 * to the retry policy's attempts in a row.
 *
 * <p>On a live apply, a kind of action with a bulk form and at least {@link ApplyOptions#bulkThreshold}
 * actions to write in the run goes in {@link BulkBatch batches} (org updates only when {@link
 * ApplyOptions#bulkOrgUpdates} says so, as their jobs overwrite a change made while they wait): each
 * batch re-checks all its actions just before its one bulk job, names all the ready ones to the sink
 * before the job is sent, settles from Zendesk's records any item the job's answer left open, and
 * reports the results of the batch together, in plan order; an action deferred from a batch (it shares a domain, an external_id or a
 * record with one in it) is reported with a later batch. The {@link RunLedger} keeps later actions off
 * records a job may still be writing. A dry run never batches.
 */
public final class Applier {
    /** The reason of an action left unwritten by {@code --max-actions}. */
    public static final String CAP_MAX_ACTIONS = "cap_max_actions";

    /** The reason of an action left unwritten by {@code --max-per-account}. */
    public static final String CAP_MAX_PER_ACCOUNT = "cap_max_per_account";

    private final ZendeskWrites zendesk;

    public Applier(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    /** A plan action with its result when caps, filters or its blocked status decided it (else null). */
    record Step(PlannedAction action, ActionResult decided) {}

    public void run(FixPlan plan, ApplyOptions options, ResultSink sink) {
        zendesk.onJobQueued(sink::jobQueued);
        try {
            runSteps(plan, options, sink);
        } finally {
            zendesk.onJobQueued(id -> {}); // a finished receipt takes no job
        }
    }

    private void runSteps(FixPlan plan, ApplyOptions options, ResultSink sink) {
        List<Step> steps = new ArrayList<>(decide(plan, options));
        Map<ActionCode, Integer> toWrite = new EnumMap<>(ActionCode.class);
        steps.stream()
                .filter(s -> s.decided() == null)
                .forEach(s -> toWrite.merge(s.action().code(), 1, Integer::sum));
        RunLedger ledger = new RunLedger();
        boolean[] done = new boolean[steps.size()];
        String limitedAt = null;
        for (int i = 0; i < steps.size(); i++) {
            if (done[i]) {
                continue;
            }
            Step s = ledger.screen(steps.get(i));
            steps.set(i, s);
            ActionCode code = s.action().code();
            if (s.decided() != null) {
                sink.accept(s.decided());
                done[i] = true;
                continue;
            }
            List<ActionResult> results;
            if (limitedAt != null) {
                results = List.of(notTried(s.action(), limitedAt));
                sink.accept(results.get(0));
                done[i] = true;
            } else if (ActionHandler.of(code).bulk()
                    && options.bulk(toWrite.get(code), ActionHandler.of(code).bulkOverwrites())) {
                List<Integer> batch = BulkBatch.select(steps, i, done, ledger::screen);
                batch.forEach(j -> done[j] = true);
                results = new BulkBatch(zendesk)
                        .run(batch.stream().map(steps::get).toList(), sink);
            } else {
                results = List.of(execute(s.action(), options.live(), sink));
                sink.accept(results.get(0));
                done[i] = true;
            }
            results.forEach(ledger::record);
            limitedAt = limitedAt != null ? limitedAt : stoppedAt(results, zendesk);
        }
    }

    /**
     * Where a stop (the rate limit, Zendesk out of reach, refused credentials) ended the run, or null: the
     * first of {@code results} it left unwritten, else, when it was met while settling one of them ({@link
     * ZendeskWrites#stopReason}), the last. A
     * limit that outlasts the retries holds for every request after it, so the run sends nothing more, and
     * each action left is skipped, {@value ActionResult#RATE_LIMITED}, for a re-run to take up.
     */
    static String stoppedAt(List<ActionResult> results, ZendeskWrites zendesk) {
        return results.stream()
                .filter(ActionResult::stopped)
                .map(ActionResult::notTriedAfter)
                .findFirst()
                .orElse(
                        zendesk.stopped() && !results.isEmpty()
                                ? ActionResult.notTriedAfterStop(
                                        results.get(results.size() - 1).actionId(), zendesk.stopReason())
                                : null);
    }

    /** Filters, blocked rows and caps, decided in plan order before anything is read or written. */
    private static List<Step> decide(FixPlan plan, ApplyOptions options) {
        Map<String, Integer> perAccount = new HashMap<>();
        int taken = 0;
        List<Step> steps = new ArrayList<>();
        for (PlannedAction a : plan.actions()) {
            if (!PlanSelection.selects(a, options)) {
                continue;
            }
            String account = account(a);
            if (!a.prepared()) {
                steps.add(new Step(a, result(a, ResultStatus.BLOCKED, a.blockedReason(), Map.of(), Map.of(), "")));
            } else if (taken >= options.caps().maxActions()) {
                steps.add(new Step(a, result(a, ResultStatus.SKIPPED, CAP_MAX_ACTIONS, Map.of(), Map.of(), "")));
            } else if (perAccount.getOrDefault(account, 0) >= options.caps().maxPerAccount()) {
                steps.add(new Step(a, result(a, ResultStatus.SKIPPED, CAP_MAX_PER_ACCOUNT, Map.of(), Map.of(), "")));
            } else {
                taken++;
                perAccount.merge(account, 1, Integer::sum);
                steps.add(new Step(a, null));
            }
        }
        return steps;
    }

    /** An attempt whose answer was lost and that Zendesk's records did not show when it was settled. */
    private record Lost(Check check, ActionHandler.Written written) {}

    private ActionResult execute(PlannedAction a, boolean live, ResultSink sink) {
        ActionHandler handler = ActionHandler.of(a.code());
        ActionTarget target = ActionTarget.of(a);
        zendesk.beginAction();
        Lost lost = null; // once there is one
        try {
            while (true) {
                Check check = handler.check(target, zendesk);
                if (!check.ready()) {
                    ActionResult landed = landedEarlier(a, lost);
                    return landed != null
                            ? landed
                            : lost != null
                                    ? unconfirmed(a, lost, "its re-check found " + check.reason())
                                    : notReady(a, check);
                }
                if (!live) {
                    return result(a, ResultStatus.WOULD_APPLY, "", check.before(), check.after(), "");
                }
                sink.writing(pending(a, check));
                ActionHandler.Written written;
                try {
                    written = handler.write(target, zendesk, check);
                } catch (TurnedAwayException e) {
                    if (lost == null) {
                        sink.notSent(); // else the lost attempt stays named in flight: it may still land
                    }
                    continue; // nothing written; the state the write was built from may change while it waits
                } catch (PlumblineException e) {
                    return lost != null ? unconfirmed(a, lost, e.getMessage()) : errored(a, e, check.before());
                }
                if (written.outcome().confirmed()) {
                    // a refusal (a membership that exists) may be the lost attempt's own doing
                    ActionResult landed = written.outcome().ok() ? null : landedEarlier(a, lost);
                    return landed != null ? landed : finished(zendesk, a, check, written);
                }
                ActionResult settled = JobConfirmation.settleWrite(zendesk, a, check, written);
                if (!JobConfirmation.notFound(settled) || !written.outcome().recheckable()) {
                    return settled;
                }
                // nothing of it in Zendesk: re-checked, and the write that check builds is sent; the receipt
                // keeps it in flight until then, since it may still land
                lost = new Lost(check, written);
            }
        } catch (PlumblineException e) {
            return lost != null ? unconfirmed(a, lost, e.getMessage()) : errored(a, e, Map.of());
        }
    }

    /**
     * What became of an earlier attempt whose answer was lost, settled from Zendesk's records once more (it
     * may have landed since it was first settled): applied when it is there, or unconfirmed when Zendesk
     * could not be read; null when there was no such attempt or the records still do not show it.
     */
    private ActionResult landedEarlier(PlannedAction a, Lost lost) {
        if (lost == null) {
            return null;
        }
        ActionResult r = JobConfirmation.settleWrite(zendesk, a, lost.check(), lost.written());
        return JobConfirmation.notFound(r) ? null : r;
    }

    /**
     * An action whose attempt's answer was lost, not found when it was settled, and then not written
     * ({@code then}: an error, or a re-check that found it not ready): that attempt may still land, so the
     * action is failed as unconfirmed, for the run to keep off its records, undo to settle it, and a
     * re-run to re-check it.
     */
    private static ActionResult unconfirmed(PlannedAction a, Lost lost, String then) {
        return result(
                a,
                ResultStatus.FAILED,
                JobConfirmation.lostThen(then),
                lost.check().before(),
                lost.check().before(),
                lost.written().outcome().requestId());
    }

    /** An action not tried because the run stopped before it: {@code reason} says where and why. */
    static ActionResult notTried(PlannedAction a, String reason) {
        return result(a, ResultStatus.SKIPPED, "", Map.of(), Map.of(), "").notTried(reason);
    }

    /** A re-check that found the action not ready: skipped with its reason. */
    static ActionResult notReady(PlannedAction a, Check check) {
        return result(a, ResultStatus.SKIPPED, check.reason(), check.before(), check.before(), "");
    }

    /** The write about to be sent for a ready action. */
    static ActionResult pending(PlannedAction a, Check check) {
        return result(a, ResultStatus.APPLIED, "", check.before(), check.after(), "");
    }

    /**
     * What a sent write came to: applied, skipped as an existing membership, or failed. A write Zendesk
     * refused may have met a change made in the moment between its re-check and the write (the org
     * deleted, the external_id or domain taken by another org, the membership gone): the action is then
     * re-checked once more, read from {@code zendesk}, and skipped with the re-check's reason when its
     * precondition no longer holds; when it still holds, the refusal is the action's failure. Nothing is
     * read when {@code zendesk} is null (it could not be read) or Zendesk's rate limit has stopped the run.
     */
    static ActionResult finished(ZendeskWrites zendesk, PlannedAction a, Check check, ActionHandler.Written written) {
        ActionResult result = finished(a, check, written);
        if (result.status() != ResultStatus.FAILED || zendesk == null || zendesk.stopped()) {
            return result;
        }
        Check again;
        try {
            again = ActionHandler.of(a.code()).check(ActionTarget.of(a), zendesk);
        } catch (PlumblineException e) {
            return result; // the refusal stands; what the failed re-read met is not this action's outcome
        }
        return again.ready()
                ? result
                : result(a, ResultStatus.SKIPPED, again.reason(), again.before(), again.before(), result.requestId());
    }

    private static ActionResult finished(PlannedAction a, Check check, ActionHandler.Written written) {
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
    }

    /**
     * An action an error stopped: failed, or skipped when it was Zendesk's rate limit or Zendesk out of
     * reach ({@link ActionResult#stoppedBy}).
     */
    static ActionResult errored(PlannedAction a, PlumblineException e, Map<String, Object> before) {
        return result(a, ResultStatus.FAILED, "", Map.of(), Map.of(), "").stoppedBy(e, before);
    }

    static String account(PlannedAction a) {
        return a.accountId() == null ? "" : a.accountId().value();
    }

    static ActionResult result(
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
