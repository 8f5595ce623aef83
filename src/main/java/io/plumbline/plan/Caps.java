package io.plumbline.plan;

/** Limits on how many actions one apply may write: in all, and per Salesforce account. */
public record Caps(int maxActions, int maxPerAccount) {
    public static final Caps DEFAULT = new Caps(25, 3);

    public Caps {
        if (maxActions < 0) {
            throw new IllegalArgumentException("max_actions must not be negative: " + maxActions);
        }
        if (maxPerAccount < 0) {
            throw new IllegalArgumentException("max_per_account must not be negative: " + maxPerAccount);
        }
    }
}
