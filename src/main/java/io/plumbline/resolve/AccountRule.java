package io.plumbline.resolve;

/** The resolution rules of an account, in the order they are tried. */
public enum AccountRule {
    STORED_ORG_ID("rule 1, stored org id"),
    EXTERNAL_ID("rule 2, external id"),
    DOMAIN("rule 3, domain"),
    NONE("rule 4, no org");

    private final String label;

    AccountRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
