package io.plumbline.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reviewed unit of change: every prepared and blocked action of one audit, with the hash that
 * gates a live apply. {@code planHash} covers everything but itself, {@code generatedAt} and
 * {@code runId} (see {@link PlanHash}).
 */
public record FixPlan(
        int schemaVersion,
        String planHash,
        Instant generatedAt,
        String runId,
        Map<String, Object> source,
        boolean demo,
        Caps capsDefault,
        List<PlannedAction> actions) {
    public static final int SCHEMA_VERSION = 1;

    public FixPlan {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(runId, "runId");
        source = Collections.unmodifiableMap(new TreeMap<>(source));
        Objects.requireNonNull(capsDefault, "capsDefault");
        actions = List.copyOf(actions);
    }

    /** This plan with {@code planHash} in place of its own (blank: a plan whose hash is yet to be computed). */
    public FixPlan withPlanHash(String planHash) {
        return new FixPlan(schemaVersion, planHash, generatedAt, runId, source, demo, capsDefault, actions);
    }

    public long preparedCount() {
        return actions.stream().filter(PlannedAction::prepared).count();
    }

    public long blockedCount() {
        return actions.size() - preparedCount();
    }
}
