package io.plumbline.cli;

import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.artifacts.TrendPoint;
import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Issue;
import io.plumbline.model.Snapshot;
import io.plumbline.plan.FixPlan;
import io.plumbline.store.IssueKey;
import io.plumbline.store.RunRecord;
import io.plumbline.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Connects an audit to the local store: the trend before it, the previous run's issues, and recording it. */
final class AuditHistory {
    static final int TREND_RUNS = 30;

    private AuditHistory() {}

    /**
     * What history compares a run with: runs of the same series ({@link #series}) written to the same
     * output root (absolute), so that two configs sharing one store, each with an output root and a
     * Salesforce export of its own, are never compared with each other.
     */
    record Series(String name, String outputRoot) {
        /**
         * The series {@code name} of runs written to {@code root}, named by its real path: the same folder
         * reached through a link, or written relative or with a trailing '/', is one root.
         */
        static Series of(String name, Path root) {
            Path real;
            try {
                real = root.toRealPath();
            } catch (IOException e) {
                real = root.toAbsolutePath().normalize(); // not made yet: as it is written
            }
            return new Series(name, real.toString());
        }
    }

    /** Earlier runs of the audit's series ({@link #series}), oldest first, then this one. */
    static List<TrendPoint> trend(
            RunStore store, SummaryFacts facts, String runId, String startedAt, AuditResult result, Series series) {
        List<TrendPoint> points =
                new ArrayList<>(store == null ? List.of() : earlier(store, TREND_RUNS - 1, result, series));
        points.add(new TrendPoint(runId, startedAt, facts.totalIssues(), facts.prepared(), facts.blocked()));
        return points;
    }

    /**
     * The series of an audit: the demo, or which Zendesk (as the snapshot names it) with which ticket
     * window, and the instant audited when an {@code --as-of} put it elsewhere than when the snapshot was
     * taken. Two runs of different series are never compared: a test run on another tenant, one with a
     * shorter window, or an audit of last month's state would make the next nightly run's issues look new.
     * A snapshot without a {@code captured_at} is taken as of its latest ticket, so any {@code --as-of}
     * given for it ({@code asOfGiven}) puts it elsewhere.
     */
    static String series(AuditResult result, boolean asOfGiven) {
        FixPlan plan = result.plan();
        if (plan.demo()) {
            return RunRecord.DEMO;
        }
        Snapshot snapshot = result.resolution().snapshot();
        boolean elsewhen = snapshot.capturedAt() != null ? !snapshot.asOf().equals(snapshot.capturedAt()) : asOfGiven;
        return "zendesk=" + plan.source().getOrDefault("zendesk", "") + " ticket_lookback_days="
                + plan.source().getOrDefault("ticket_lookback_days", "")
                + (elsewhen ? " as_of=" + snapshot.asOf() : "");
    }

    /** The latest {@code limit} recorded runs of {@code series}, oldest first. */
    static List<TrendPoint> earlier(RunStore store, int limit, AuditResult result, Series series) {
        List<TrendPoint> points = new ArrayList<>();
        for (RunRecord r : store.runs(limit, series.name(), result.plan().demo(), series.outputRoot())) {
            points.add(new TrendPoint(r.runId(), r.startedAt(), r.totalIssues(), r.prepared(), r.blocked()));
        }
        Collections.reverse(points);
        return points;
    }

    /**
     * The issue keys of the recorded run of the audit's series it is compared with: the latest that audited
     * no later instant than it does ({@link RunStore#latestAsOf}); empty when there is none.
     */
    static Map<String, IssueKey> previousIssues(RunStore store, AuditResult result, Series series) {
        if (store == null) {
            return Map.of();
        }
        return store.latestAsOf(series.name(), result.plan().demo(), series.outputRoot(), asOf(result))
                .map(r -> store.issues(r.runId()))
                .orElse(Map.of());
    }

    /** The instant the audit audited, as the store keeps instants. */
    private static String asOf(AuditResult result) {
        return RunRecord.instant(result.resolution().snapshot().asOf());
    }

    static void record(
            RunStore store,
            AuditResult result,
            SummaryFacts facts,
            RunInfo run,
            long requestsUsed,
            String inputKind,
            Series series) {
        Map<String, Integer> byCode = new TreeMap<>();
        facts.issuesByCode().forEach((code, n) -> byCode.put(code.code(), n));
        long ms = Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        store.recordRun(
                new RunRecord(
                        run.runId(),
                        RunRecord.instant(run.startedAt()),
                        RunRecord.instant(run.finishedAt()),
                        inputKind,
                        result.plan().planHash(),
                        facts.totalIssues(),
                        facts.prepared(),
                        facts.blocked(),
                        ms,
                        requestsUsed,
                        byCode,
                        series.name(),
                        asOf(result),
                        series.outputRoot()),
                keys(result.issues()));
    }

    static List<IssueKey> keys(List<Issue> issues) {
        return issues.stream()
                .map(i -> new IssueKey(
                        i.stableKey(),
                        i.code().code(),
                        i.accountId() == null ? "" : i.accountId().value(),
                        i.code().status().code()))
                .toList();
    }
}
