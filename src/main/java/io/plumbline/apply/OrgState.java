package io.plumbline.apply;

import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import io.plumbline.normalize.SalesforceIds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Zendesk org as apply reads it just before a write: only what the preconditions look at, and when it
 * last changed ({@code updatedAt}, null when not known: an org of a snapshot).
 */
public record OrgState(ZendeskOrgId id, String name, String externalId, List<String> domainNames, Instant updatedAt) {
    /** The plan's precondition holding the external_id the audit saw on the org a user or domain action targets. */
    static final String EXTERNAL_ID = "org_external_id";

    public OrgState {
        Objects.requireNonNull(id, "id");
        name = Texts.orEmpty(name);
        externalId = Texts.isBlank(externalId) ? "" : externalId;
        domainNames = List.copyOf(domainNames);
    }

    /**
     * Whether the org was linked to another account since the audit, which a user or domain action for
     * {@code t}'s account must not follow: the plan recorded the external_id the audit saw on the org
     * ({@value #EXTERNAL_ID}; blank recorded as empty), and the org now carries neither that value nor
     * the action's own account id (which this run's {@code set_org_external_id} may just have written).
     * A plan without that precondition is not checked.
     */
    /** Whether the org holds {@code raw}, as written or as the same domain. */
    boolean holds(String raw) {
        if (domainNames.contains(raw)) {
            return true;
        }
        DomainParse parse = DomainNormalizer.parse(raw);
        return parse.valid()
                && domainNames.stream()
                        .anyMatch(c ->
                                DomainNormalizer.sameDomain(c, parse.domain().value()));
    }

    boolean relinkedSince(ActionTarget t) {
        Object seen = t.preconditions().get(EXTERNAL_ID);
        return seen != null
                && !externalId.equals(seen.toString())
                && (t.account() == null || !SalesforceIds.names(externalId, t.account()));
    }
}
