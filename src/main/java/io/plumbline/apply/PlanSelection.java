package io.plumbline.apply;

import io.plumbline.errors.ConfigException;
import io.plumbline.model.ActionCode;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlannedAction;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions of a plan that an apply's filters select (an empty filter selects everything). Every
 * filter value must match some action of the plan, and the filters together must select at least one:
 * otherwise {@link #check} refuses the run as a usage error naming the values, before anything is read
 * or a receipt is written, so a mistyped id never passes for "nothing to do".
 */
public final class PlanSelection {
    private PlanSelection() {}

    /** Whether the filters of {@code options} select {@code action}. */
    public static boolean selects(PlannedAction action, ApplyOptions options) {
        return (options.onlyAccounts().isEmpty() || names(options.onlyAccounts(), Applier.account(action)))
                && (options.onlyActions().isEmpty() || options.onlyActions().contains(action.code()));
    }

    /** Whether {@code values} name {@code account}: ids equal ignoring case are one account. */
    private static boolean names(Collection<String> values, String account) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(account));
    }

    /** Refuses filters that select nothing in {@code plan}, naming the values that match no action. */
    public static void check(FixPlan plan, ApplyOptions options) {
        Set<String> accounts = new TreeSet<>(options.onlyAccounts());
        plan.actions().forEach(a -> accounts.removeIf(v -> v.equalsIgnoreCase(Applier.account(a))));
        if (!accounts.isEmpty()) {
            throw refused("--only-account " + String.join(", ", accounts) + ": the plan has no action for "
                    + (accounts.size() == 1 ? "this account" : "these accounts"));
        }
        Set<ActionCode> codes = new TreeSet<>(options.onlyActions());
        plan.actions().forEach(a -> codes.remove(a.code()));
        if (!codes.isEmpty()) {
            throw refused("--only-action " + names(codes) + ": the plan has no action of "
                    + (codes.size() == 1 ? "this kind" : "these kinds") + " (it has "
                    + names(plan.actions().stream().map(PlannedAction::code).toList()) + ")");
        }
        boolean both =
                !options.onlyAccounts().isEmpty() && !options.onlyActions().isEmpty();
        if (both && plan.actions().stream().noneMatch(a -> selects(a, options))) {
            throw refused("--only-account " + String.join(", ", new TreeSet<>(options.onlyAccounts()))
                    + " with --only-action " + names(options.onlyActions()) + " selects no action of the plan");
        }
    }

    private static ConfigException refused(String why) {
        return new ConfigException(why + "; nothing was run and no receipt was written");
    }

    private static String names(Iterable<ActionCode> codes) {
        Set<ActionCode> sorted = new TreeSet<>();
        codes.forEach(sorted::add);
        return String.join(", ", sorted.stream().map(ActionCode::code).toList());
    }
}
