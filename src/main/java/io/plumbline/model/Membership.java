package io.plumbline.model;

import java.util.Objects;

/** A Zendesk organization membership; {@code isDefault} is true only when Zendesk says {@code true}. */
public record Membership(MembershipId id, ZendeskUserId userId, ZendeskOrgId organizationId, boolean isDefault) {
    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
