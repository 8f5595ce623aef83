package io.plumbline.zendesk;

import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.Objects;

/** A membership to create: this user in this org (never made the default by the request itself). */
public record MembershipRequest(ZendeskUserId user, ZendeskOrgId org) {
    public MembershipRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(org, "org");
    }
}
