package io.plumbline.model;

import java.util.Objects;

/**
 * A Salesforce account as read from the reference CSV or the API. Domain-bearing fields are kept raw
 * so that resolution can explain which token came from where; {@code storedOrgId} is the raw Zendesk
 * org id stored on the account (blank when none).
 *
 * @param sourceLine the line in the source file (0 when read from an API)
 */
public record Account(
        SalesforceAccountId id,
        String name,
        String accountDomains,
        String website,
        String domainOverride,
        String storedOrgId,
        String parentAccountId,
        long sourceLine) {
    public Account {
        Objects.requireNonNull(id, "id");
        name = Texts.orEmpty(name);
        accountDomains = Texts.orEmpty(accountDomains);
        website = Texts.orEmpty(website);
        domainOverride = Texts.orEmpty(domainOverride);
        storedOrgId = Texts.strip(Texts.orEmpty(storedOrgId));
        parentAccountId = Texts.strip(Texts.orEmpty(parentAccountId));
    }
}
