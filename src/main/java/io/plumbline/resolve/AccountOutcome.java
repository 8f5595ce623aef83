package io.plumbline.resolve;

/** How an account's search for its Zendesk org ended. */
public enum AccountOutcome {
    /** Exactly one org, by a decisive rule. */
    RESOLVED,
    /** Two or more orgs carry the account's id: every decision under the account is review-only. */
    BLOCKED_DUPLICATE,
    /**
     * The org links conflict: the org a rule found carries another external_id, or the stored org id and
     * the external_id name different orgs. Review-only.
     */
    CONFLICT,
    /** No org by any rule. */
    NO_ORG
}
