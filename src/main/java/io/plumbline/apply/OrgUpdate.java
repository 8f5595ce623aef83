package io.plumbline.apply;

import java.time.Instant;
import java.util.Optional;

/**
 * A repair that updates an org's own fields ({@code set_org_external_id}, {@code add_org_domain}): Zendesk
 * writes the whole field as sent, in bulk from a job that runs later ({@link #bulkOverwrites}), and the
 * org's {@code updated_at} says when it last changed ({@link #lastChanged}).
 */
interface OrgUpdate extends ActionHandler {
    @Override
    default boolean bulk() {
        return true;
    }

    @Override
    default boolean bulkOverwrites() {
        return true;
    }

    @Override
    default Optional<Instant> lastChanged(ActionTarget t, ZendeskWrites z) {
        return z.org(t.org()).map(OrgState::updatedAt);
    }
}
