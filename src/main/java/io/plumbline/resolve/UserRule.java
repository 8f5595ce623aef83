package io.plumbline.resolve;

/** How a user's expected account was decided (or why there is none). */
public enum UserRule {
    /** Not an active, unsuspended end-user with an email: takes no part. */
    NOT_ELIGIBLE,
    /** The email matches one or more Salesforce contacts. */
    CONTACT,
    /** The email domain is an expected domain of exactly one account. */
    DOMAIN,
    /** The email domain is an expected domain of several accounts. */
    AMBIGUOUS,
    /** A personal email domain: never identifies an account. */
    PERSONAL,
    /** The email domain belongs to no account: no expectation, not reported. */
    NO_MATCH
}
