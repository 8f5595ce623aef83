package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.ZendeskOrgId;
import java.util.List;
import java.util.Objects;

/**
 * One org's change in a bulk update: its external_id (null clears it), or its whole domain_names list
 * (Zendesk replaces the array). Exactly one of the two is sent.
 */
public record OrganizationUpdate(
        ZendeskOrgId org, boolean setsExternalId, String externalId, List<String> domainNames) {
    public OrganizationUpdate {
        Objects.requireNonNull(org, "org");
        domainNames = domainNames == null ? null : List.copyOf(domainNames);
        if (!setsExternalId && domainNames == null) {
            throw new IllegalArgumentException("an organization update must set external_id or domain_names: " + org);
        }
    }

    public static OrganizationUpdate externalId(ZendeskOrgId org, String externalId) {
        return new OrganizationUpdate(org, true, externalId, null);
    }

    public static OrganizationUpdate domainNames(ZendeskOrgId org, List<String> domains) {
        return new OrganizationUpdate(org, false, null, domains);
    }

    /** The fields as Zendesk takes them: without the id for a single update, with it in a batch. */
    ObjectNode fields(boolean withId) {
        ObjectNode n = ZendeskHttp.JSON.createObjectNode();
        if (withId) {
            n.put("id", org.value());
        }
        if (setsExternalId) {
            if (externalId == null) {
                n.putNull("external_id");
            } else {
                n.put("external_id", externalId);
            }
        } else {
            ArrayNode list = n.putArray("domain_names");
            domainNames.forEach(list::add);
        }
        return n;
    }
}
