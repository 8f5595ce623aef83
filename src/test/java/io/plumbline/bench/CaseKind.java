package io.plumbline.bench;

/**
 * The kinds of account/org situations a generated tenant is made of, each with the Salesforce
 * accounts and Zendesk orgs one case uses and how often it occurs (per account, or per org).
 */
enum CaseKind {
    /** A clean, linked account and org: no issue. */
    LINKED(1, 1, 0, false),
    DUPLICATE_EXTERNAL_ID(1, 2, 0.001, false),
    MISSING_EXTERNAL_ID(1, 1, 0.01, false),
    EXTERNAL_ID_CONFLICT(1, 1, 0.002, false),
    /** Two accounts storing the id of one org whose external_id is blank. */
    CLAIM_CONTESTED(2, 1, 0.001, false),
    MISSING_DOMAIN(1, 1, 0.01, false),
    DOMAIN_ELSEWHERE(1, 2, 0.003, false),
    SHARED_DOMAIN_PAIR(2, 2, 0.002, false),
    STALE_DELETED_ORG(1, 2, 0.002, false),
    STALE_NO_ORG(1, 1, 0.001, false),
    NOT_CANONICAL(1, 1, 0.002, false),
    /** A Salesforce account with no Zendesk org (a prospect): the rest of the accounts. */
    NO_ORG(1, 0, 0, false),
    ORPHAN_ORG(0, 1, 0.01, true),
    DELETED_ORG(0, 1, 0.01, true);

    final int accounts;
    final int orgs;
    final double rate;
    final boolean perOrg;

    CaseKind(int accounts, int orgs, double rate, boolean perOrg) {
        this.accounts = accounts;
        this.orgs = orgs;
        this.rate = rate;
        this.perOrg = perOrg;
    }

    /** How many cases of this kind a tenant of the given shape holds (LINKED and NO_ORG are derived). */
    int count(TenantShape shape) {
        return Math.max(1, (int) Math.round(rate * (perOrg ? shape.orgs() : shape.accounts())));
    }
}
