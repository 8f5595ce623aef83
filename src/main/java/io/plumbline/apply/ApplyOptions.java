package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.plan.Caps;
import java.util.Objects;
import java.util.Set;

/**
 * How one apply runs: live or dry, the caps, the optional filters that select a subset of the plan
 * (empty filter = everything), from how many actions of one kind to be written in the run a live apply
 * sends them in Zendesk's bulk jobs ({@code bulkThreshold}; 0 never does), and whether org updates go
 * in bulk too ({@code bulkOrgUpdates}: a queued job writes an org's whole domain list or its
 * external_id as read before the job, so by default they go one at a time).
 */
public record ApplyOptions(
        boolean live,
        Caps caps,
        Set<String> onlyAccounts,
        Set<ActionCode> onlyActions,
        int bulkThreshold,
        boolean bulkOrgUpdates) {
    /** Below this many writes of a kind, single requests cost no more than a job and its polls. */
    public static final int DEFAULT_BULK_THRESHOLD = 10;

    public ApplyOptions {
        Objects.requireNonNull(caps, "caps");
        onlyAccounts = Set.copyOf(onlyAccounts);
        onlyActions = Set.copyOf(onlyActions);
        if (bulkThreshold < 0) {
            throw new IllegalArgumentException("bulk threshold must not be negative: " + bulkThreshold);
        }
    }

    public ApplyOptions(boolean live, Caps caps, Set<String> onlyAccounts, Set<ActionCode> onlyActions) {
        this(live, caps, onlyAccounts, onlyActions, DEFAULT_BULK_THRESHOLD, false);
    }

    /**
     * Whether {@code count} actions of one kind, to be written in this run, go in bulk jobs; a kind whose
     * bulk form {@code overwrites} what was read before its job only when {@link #bulkOrgUpdates} says so.
     */
    public boolean bulk(int count, boolean overwrites) {
        return live && bulkThreshold > 0 && count >= bulkThreshold && (bulkOrgUpdates || !overwrites);
    }
}
