package io.plumbline.bench;

/**
 * The size of a generated tenant and the seed that makes it reproducible: the same shape always
 * yields byte-identical snapshot files and the same expected counts.
 */
public record TenantShape(int accounts, int orgs, int users, int memberships, long tickets, long seed) {
    public TenantShape {
        if (accounts < 100 || orgs < 80 || orgs > accounts || users < 10L * orgs / 8 || tickets < 0) {
            throw new IllegalArgumentException("tenant shape out of range: " + accounts + " accounts, " + orgs
                    + " orgs, " + users + " users, " + tickets + " tickets");
        }
    }

    /** The default large tenant: 250k accounts, 200k orgs, 2M users, 2.5M memberships, 10M tickets. */
    public static TenantShape large() {
        return new TenantShape(250_000, 200_000, 2_000_000, 2_500_000, 10_000_000L, 20260417L);
    }

    /** A tenant with the large tenant's proportions and {@code accounts} accounts. */
    public static TenantShape proportional(int accounts, long seed) {
        return new TenantShape(accounts, accounts * 4 / 5, accounts * 8, accounts * 10, accounts * 40L, seed);
    }

    /** This shape with every count multiplied by {@code factor}. */
    public TenantShape times(int factor) {
        return new TenantShape(
                accounts * factor, orgs * factor, users * factor, memberships * factor, tickets * factor, seed);
    }
}
