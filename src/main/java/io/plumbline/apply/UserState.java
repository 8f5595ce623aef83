package io.plumbline.apply;

import io.plumbline.model.Membership;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Zendesk user and their memberships as apply reads them just before a write. */
public record UserState(ZendeskUserId id, boolean active, List<Membership> memberships) {
    public UserState {
        Objects.requireNonNull(id, "id");
        memberships = List.copyOf(memberships);
    }

    public Optional<Membership> membershipIn(ZendeskOrgId org) {
        return memberships.stream().filter(m -> m.organizationId().equals(org)).findFirst();
    }

    public Optional<Membership> defaultMembership() {
        return memberships.stream().filter(Membership::isDefault).findFirst();
    }
}
