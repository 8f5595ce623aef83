package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The first page of an org's memberships: what it lists, and whether that is all of them. A membership
 * listed is one the org has; one not listed is absent only when the page is {@code complete}.
 */
public record MembershipPage(List<JsonNode> memberships, boolean complete) {
    public MembershipPage {
        memberships = List.copyOf(memberships);
    }
}
