package io.plumbline.resolve;

/** How an account's search for its Zendesk org ended. */
public enum AccountOutcome {
    /** Exactly one org, by a decisive rule. */
    RESOLVED,
    /** Two or more orgs carry the account's id: every decision under the account is review-only. */
    BLOCKED_DUPLICATE,
    /** The only candidate org is already linked to something else. */
    CONFLICT,
    /** No org by any rule. */
    NO_ORG
}
