package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ActionCode;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.plan.PlannedAction;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.RunStopException;
import io.plumbline.zendesk.TurnedAwayException;
import io.plumbline.zendesk.ZendeskClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One bulk job's worth of a plan: up to {@value ZendeskClient#BULK_LIMIT} actions of one kind from a run
 * of plan steps, no two sharing a {@link #conflictKeys conflict key} (the record written, and for org
 * updates the lowercased domain or external_id set). An action that shares a key with one already taken
 * is deferred to a later batch, where it is re-checked after the first one's result is known. The batch
 * re-checks every action just before its job exactly as a single write does: org updates search first
 * and read their orgs ({@code show_many}) after the searches, so the domain list sent is the one read
 * last; memberships read their users and orgs together. It sends only the ready actions in one job after
 * naming all of them to the sink, has {@link JobConfirmation} settle every item the job's answer left
 * open, and reports the batch's results together in plan order.
 */
final class BulkBatch {
    private final ZendeskWrites zendesk;

    BulkBatch(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    /**
     * The steps (indices) of the batch that starts at {@code from}, an action to write: the actions of
     * its kind from there on, up to the next action of another kind, that share no conflict key with one
     * taken before them (each first passed through {@code screen}, which may decide it), and the decided
     * steps among them, in plan order. Steps already {@code done} are passed over.
     */
    static List<Integer> select(
            List<Applier.Step> steps, int from, boolean[] done, UnaryOperator<Applier.Step> screen) {
        ActionCode code = steps.get(from).action().code();
        Set<String> keys = new HashSet<>();
        List<Integer> taken = new ArrayList<>();
        List<Integer> decided = new ArrayList<>();
        int writes = 0;
        for (int i = from; i < steps.size() && writes < ZendeskClient.BULK_LIMIT; i++) {
            if (done[i]) {
                continue;
            }
            Applier.Step s = steps.get(i);
            if (s.decided() == null && s.action().code() != code) {
                break;
            }
            s = screen.apply(s);
            steps.set(i, s);
            if (s.decided() != null) {
                decided.add(i);
            } else if (conflictKeys(s.action()).stream().noneMatch(keys::contains)) {
                keys.addAll(conflictKeys(s.action()));
                taken.add(i);
                writes++;
            }
        }
        int last = taken.isEmpty() ? from : taken.get(taken.size() - 1);
        decided.stream().filter(i -> i < last).forEach(taken::add);
        taken.sort(null);
        return taken;
    }

    /**
     * What one action of a batch must not share with another: the record it writes (its org, or for a
     * membership its user and org) and, for org updates, the value it puts on the org (compared as
     * Zendesk does, case-insensitively), which no other org may hold.
     */
    static List<String> conflictKeys(PlannedAction a) {
        String value = a.value().toLowerCase(Locale.ROOT);
        return switch (a.code()) {
            case ADD_ORG_DOMAIN -> List.of("org:" + a.orgId(), "domain:" + value);
            case SET_ORG_EXTERNAL_ID -> List.of("org:" + a.orgId(), "external_id:" + value);
            default -> List.of("membership:" + a.userId() + ":" + a.orgId());
        };
    }

    /** Re-checks, writes and reports the batch; returns its results in plan order. */
    List<ActionResult> run(List<Applier.Step> batch, ResultSink sink) {
        zendesk.beginAction();
        ActionResult[] out;
        do {
            out = attempt(batch, sink);
        } while (out == null);
        List<ActionResult> results = Arrays.asList(out);
        sink.acceptAll(results);
        return results;
    }

    /**
     * Re-checks the batch and sends its job: every action's result, or null when Zendesk turned the job
     * away with a 429 (nothing of it was written; the wait is held for the next request), for the whole
     * batch to be re-checked, against Zendesk read after the wait, and sent as that builds it.
     */
    private ActionResult[] attempt(List<Applier.Step> batch, ResultSink sink) {
        ActionResult[] out = new ActionResult[batch.size()];
        List<Integer> ready = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        ZendeskWrites view = zendesk;
        PlumblineException unread = null;
        try {
            view = recheckView(batch);
        } catch (PlumblineException e) {
            unread = e;
        }
        String limitedAt = null;
        for (int i = 0; i < batch.size(); i++) {
            Applier.Step s = batch.get(i);
            if (s.decided() != null) {
                out[i] = s.decided();
            } else if (unread != null) {
                out[i] = Applier.errored(s.action(), unread, Map.of());
            } else if (limitedAt != null) {
                out[i] = Applier.notTried(s.action(), limitedAt);
            } else {
                check(s.action(), view, i, out, ready, checks);
                limitedAt = out[i] != null && out[i].stopped() ? out[i].notTriedAfter() : null;
            }
        }
        if (limitedAt != null) {
            // a re-check met the rate limit: the job is not sent, and the actions ready for it are not tried
            for (int k : ready) {
                out[k] = Applier.notTried(batch.get(k).action(), limitedAt);
            }
            ready.clear();
        }
        return ready.isEmpty() || write(batch, ready, checks, out, sink) ? out : null;
    }

    /**
     * The state to re-check against, read just before the job. Org updates replace a whole field and
     * their re-checks search (slowly, one request each): the searches run first, against a first read of
     * the orgs that spares those already done, and the orgs are read again after them.
     */
    private ZendeskWrites recheckView(List<Applier.Step> batch) {
        List<PlannedAction> actions = batch.stream()
                .filter(s -> s.decided() == null)
                .map(Applier.Step::action)
                .toList();
        Searches searches = new Searches();
        if (actions.stream().anyMatch(a -> a.userId() == null)) {
            ZendeskWrites first = ReadAhead.searchingOnce(readAhead(actions), searches);
            for (PlannedAction a : actions) {
                try {
                    ActionHandler.of(a.code()).check(ActionTarget.of(a), first);
                } catch (RunStopException e) {
                    throw e; // it holds for every search after it: the batch stops here
                } catch (PlumblineException e) {
                    // the re-check proper, after the second read, meets it again and reports it
                }
            }
        }
        return ReadAhead.searchingOnce(readAhead(actions), searches);
    }

    private ZendeskWrites readAhead(List<PlannedAction> actions) {
        return readAhead(zendesk, actions);
    }

    /** A view of Zendesk with the orgs and memberships {@code actions} touch read ahead, 100 at a time. */
    static ZendeskWrites readAhead(ZendeskWrites zendesk, List<PlannedAction> actions) {
        List<ZendeskOrgId> orgs = actions.stream()
                .map(PlannedAction::orgId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<MembershipRequest> memberships = actions.stream()
                .filter(a -> a.userId() != null && a.orgId() != null)
                .map(a -> new MembershipRequest(a.userId(), a.orgId()))
                .toList();
        return zendesk.readAhead(orgs, memberships);
    }

    private static void check(
            PlannedAction a, ZendeskWrites view, int i, ActionResult[] out, List<Integer> ready, List<Check> checks) {
        try {
            Check check = ActionHandler.of(a.code()).check(ActionTarget.of(a), view);
            if (check.ready()) {
                ready.add(i);
                checks.add(check);
            } else {
                out[i] = Applier.notReady(a, check);
            }
        } catch (PlumblineException e) {
            out[i] = Applier.errored(a, e, Map.of());
        }
    }

    /** Sends the job of the ready actions and settles their results; false when Zendesk turned it away. */
    private boolean write(
            List<Applier.Step> batch, List<Integer> ready, List<Check> checks, ActionResult[] out, ResultSink sink) {
        List<PlannedAction> actions =
                ready.stream().map(i -> batch.get(i).action()).toList();
        List<ActionResult> pending = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            pending.add(Applier.pending(actions.get(k), checks.get(k)));
        }
        sink.writingAll(pending);
        ActionHandler handler = ActionHandler.of(actions.get(0).code());
        List<ActionHandler.Written> written;
        try {
            written = handler.writeAll(actions.stream().map(ActionTarget::of).toList(), zendesk, checks);
        } catch (TurnedAwayException e) {
            sink.notSent();
            return false;
        } catch (PlumblineException e) {
            for (int k = 0; k < actions.size(); k++) {
                out[ready.get(k)] =
                        Applier.errored(actions.get(k), e, checks.get(k).before());
            }
            return true;
        }
        List<ActionResult> results = new JobConfirmation(zendesk).settle(actions, checks, written);
        for (int k = 0; k < actions.size(); k++) {
            out[ready.get(k)] = results.get(k);
        }
        return true;
    }
}
