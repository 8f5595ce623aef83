package io.plumbline.apply;

import io.plumbline.errors.PlumblineException;
import io.plumbline.model.ActionCode;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.plan.PlannedAction;
import io.plumbline.zendesk.MembershipRequest;
import io.plumbline.zendesk.ZendeskClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One bulk job's worth of a plan: a run of consecutive plan steps holding at most
 * {@value ZendeskClient#BULK_LIMIT} actions of one kind to write, each on a record no other action of
 * the batch touches (so that two domains for one org go in two jobs, the second re-checked after the
 * first). It re-checks every action of the batch just before the job, exactly as a single write does
 * (the batch's orgs and users read ahead together), sends only the ready ones in one job after naming
 * all of them to the sink, and reports the batch's results together in plan order.
 */
final class BulkBatch {
    private final ZendeskWrites zendesk;

    BulkBatch(ZendeskWrites zendesk) {
        this.zendesk = zendesk;
    }

    /** Where the batch that starts at {@code from} (an action to write) ends, exclusive. */
    static int end(List<Applier.Step> steps, int from) {
        ActionCode code = steps.get(from).action().code();
        Set<Object> touched = new HashSet<>();
        int i = from;
        for (; i < steps.size(); i++) {
            Applier.Step s = steps.get(i);
            if (s.decided() != null) {
                continue;
            }
            if (s.action().code() != code
                    || touched.size() == ZendeskClient.BULK_LIMIT
                    || !touched.add(record(s.action()))) {
                break;
            }
        }
        return i;
    }

    /** The record an action writes: its org, or for a membership its user and org. */
    private static Object record(PlannedAction a) {
        return a.userId() == null ? a.orgId() : Arrays.asList(a.userId(), a.orgId());
    }

    void run(List<Applier.Step> batch, ResultSink sink) {
        ActionResult[] out = new ActionResult[batch.size()];
        List<Integer> ready = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        ZendeskWrites view = zendesk;
        PlumblineException unread = null;
        try {
            view = readAhead(batch);
        } catch (PlumblineException e) {
            unread = e;
        }
        for (int i = 0; i < batch.size(); i++) {
            Applier.Step s = batch.get(i);
            if (s.decided() != null) {
                out[i] = s.decided();
            } else if (unread != null) {
                out[i] = Applier.failed(s.action(), unread);
            } else {
                check(s.action(), view, i, out, ready, checks);
            }
        }
        if (!ready.isEmpty()) {
            write(batch, ready, checks, out, sink);
        }
        sink.acceptAll(Arrays.asList(out));
    }

    private ZendeskWrites readAhead(List<Applier.Step> batch) {
        List<PlannedAction> actions = batch.stream()
                .filter(s -> s.decided() == null)
                .map(Applier.Step::action)
                .toList();
        List<ZendeskOrgId> orgs = actions.stream()
                .map(PlannedAction::orgId)
                .filter(Objects::nonNull)
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
            out[i] = Applier.failed(a, e);
        }
    }

    private void write(
            List<Applier.Step> batch, List<Integer> ready, List<Check> checks, ActionResult[] out, ResultSink sink) {
        List<PlannedAction> actions =
                ready.stream().map(i -> batch.get(i).action()).toList();
        List<ActionResult> pending = new ArrayList<>();
        for (int k = 0; k < actions.size(); k++) {
            pending.add(Applier.pending(actions.get(k), checks.get(k)));
        }
        sink.writingAll(pending);
        ActionHandler handler = ActionHandler.of(actions.get(0).code());
        try {
            List<ActionHandler.Written> written =
                    handler.writeAll(actions.stream().map(ActionTarget::of).toList(), zendesk, checks);
            for (int k = 0; k < actions.size(); k++) {
                out[ready.get(k)] = Applier.finished(actions.get(k), checks.get(k), written.get(k));
            }
        } catch (PlumblineException e) {
            for (int k = 0; k < actions.size(); k++) {
                out[ready.get(k)] = Applier.failed(actions.get(k), e);
            }
        }
    }
}
