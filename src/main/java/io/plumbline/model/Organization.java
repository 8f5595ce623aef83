package io.plumbline.model;

import java.util.List;
import java.util.Objects;

/** A Zendesk organization: the fields Plumbline reads. Deleted orgs take no part in resolution. */
public record Organization(
        ZendeskOrgId id, String name, String externalId, List<String> domainNames, String deletedAt) {
    public Organization {
        Objects.requireNonNull(id, "id");
        name = Texts.orEmpty(name);
        externalId = Texts.isBlank(externalId) ? "" : externalId;
        domainNames = List.copyOf(domainNames);
        deletedAt = Texts.orEmpty(deletedAt);
    }

    public boolean deleted() {
        return !deletedAt.isEmpty();
    }

    public boolean hasExternalId() {
        return !externalId.isEmpty();
    }
}
