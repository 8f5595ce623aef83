package io.plumbline.model;

import java.util.Objects;

/**
 * A Salesforce contact's link from an email address to an account; a person related to several
 * accounts appears once per account.
 */
public record Contact(String email, SalesforceAccountId accountId, boolean primary, long sourceLine) {
    public Contact {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(accountId, "accountId");
    }
}
