package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.plan.Caps;
import java.util.Objects;
import java.util.Set;

/**
 * How one apply runs: live or dry, the caps, the optional filters that select a subset of the plan
 * (empty filter = everything), and from how many actions of one kind to be written in the run on a
 * live apply sends them in Zendesk's bulk jobs ({@code bulkThreshold}; 0 never does).
 */
public record ApplyOptions(
        boolean live, Caps caps, Set<String> onlyAccounts, Set<ActionCode> onlyActions, int bulkThreshold) {
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
        this(live, caps, onlyAccounts, onlyActions, DEFAULT_BULK_THRESHOLD);
    }

    /** Whether {@code count} actions of one kind, to be written in this run, go in bulk jobs. */
    public boolean bulk(int count) {
        return live && bulkThreshold > 0 && count >= bulkThreshold;
    }
}
