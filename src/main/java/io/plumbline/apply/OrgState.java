package io.plumbline.apply;

import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import java.util.List;
import java.util.Objects;

/** A Zendesk org as apply reads it just before a write: only what the preconditions look at. */
public record OrgState(ZendeskOrgId id, String name, String externalId, List<String> domainNames) {
    public OrgState {
        Objects.requireNonNull(id, "id");
        name = Texts.orEmpty(name);
        externalId = Texts.isBlank(externalId) ? "" : externalId;
        domainNames = List.copyOf(domainNames);
    }
}
