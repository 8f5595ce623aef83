package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import io.plumbline.plan.Caps;
import java.util.Objects;
import java.util.Set;

/**
 * How one apply runs: live or dry, the caps, and the optional filters that select a subset of the
 * plan (empty filter = everything).
 */
public record ApplyOptions(boolean live, Caps caps, Set<String> onlyAccounts, Set<ActionCode> onlyActions) {
    public ApplyOptions {
        Objects.requireNonNull(caps, "caps");
        onlyAccounts = Set.copyOf(onlyAccounts);
        onlyActions = Set.copyOf(onlyActions);
    }
}
