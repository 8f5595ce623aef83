package io.plumbline.apply;

import io.plumbline.model.Texts;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.zendesk.OrganizationUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code set_org_external_id}: link a blank org to its account id, only while no other org uses it and,
 * when the org was found by a domain, while it still holds one of the domains it was found by.
 */
final class SetOrgExternalId implements OrgUpdate {
    /**
     * The plan's precondition naming the account's expected domains the org held when the domain rule
     * made it the account's org (a plan without it, from the other rules, is not checked for domains).
     */
    static final String HELD_DOMAINS = "org_holds_expected_domain";

    @Override
    public Check check(ActionTarget t, ZendeskWrites z) {
        Optional<Check> settled = settled(t, z.org(t.org()));
        if (settled.isPresent()) {
            return settled.get();
        }
        if (inUse(t.value(), z)) {
            return Check.changed("external_id_in_use", Map.of("external_id", ""));
        }
        // the searches may have been slow (a rate limit waited out): the org is read again after them
        return settled(t, z.org(t.org()))
                .orElse(Check.ready(Map.of("external_id", ""), Map.of("external_id", t.value())));
    }

    /** What the org as read decides on its own, before any search: empty while it is blank. */
    private static Optional<Check> settled(ActionTarget t, Optional<OrgState> org) {
        if (org.isEmpty()) {
            return Optional.of(Check.changed("org_missing", Map.of()));
        }
        Map<String, Object> before = Map.of("external_id", org.get().externalId());
        if (Texts.sameCaseless(org.get().externalId(), t.value())) {
            return Optional.of(Check.skip("already_in_effect", before));
        }
        if (!org.get().externalId().isEmpty()) {
            return Optional.of(Check.changed("org_external_id", before));
        }
        if (t.preconditions().get(HELD_DOMAINS) instanceof List<?> held
                && held.stream().noneMatch(d -> org.get().holds(String.valueOf(d)))) {
            // the org was the account's by a domain it no longer holds: it is not linked on that evidence
            return Optional.of(Check.changed("org_domain_names", before));
        }
        return Optional.empty();
    }

    /**
     * Whether an org already carries {@code value}: in any case, or, for an 18-character Account Id, in
     * its 15-character form (case-sensitive), which the audit counts as the same id. Either would make
     * this write a duplicate external_id.
     */
    private static boolean inUse(String value, ZendeskWrites z) {
        if (!z.orgsWithExternalId(value).isEmpty()) {
            return true;
        }
        if (value.length() != 18 || !SalesforceIds.isAccountId15(value.substring(0, 15))) {
            return false;
        }
        // Zendesk's lookup ignores case; a 15-character form is this id only in the case its checksum says
        return z.orgsWithExternalId(value.substring(0, 15)).stream()
                .map(OrgState::externalId)
                .anyMatch(ext -> SalesforceIds.names(ext, value));
    }

    @Override
    public Written write(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgExternalId(t.org(), t.value()), c.after());
    }

    @Override
    public List<Written> writeAll(List<ActionTarget> targets, ZendeskWrites z, List<Check> checks) {
        return Written.of(
                z.updateOrganizations(targets.stream()
                        .map(t -> OrganizationUpdate.externalId(t.org(), t.value()))
                        .toList()),
                checks);
    }

    @Override
    public Optional<Map<String, Object>> found(ActionTarget t, ZendeskWrites z) {
        return z.org(t.org())
                .filter(o -> Texts.sameCaseless(o.externalId(), t.value()))
                .map(o -> Map.<String, Object>of("external_id", o.externalId()));
    }

    @Override
    public Check checkUndo(ActionTarget t, Map<String, Object> before, Map<String, Object> after, ZendeskWrites z) {
        Optional<OrgState> org = z.org(t.org());
        if (org.isEmpty()) {
            return Check.changed("org_missing", Map.of());
        }
        Map<String, Object> now = Map.of("external_id", org.get().externalId());
        if (!"".equals(before.get("external_id"))
                || !(after.get("external_id") instanceof String made)
                || !Texts.sameCaseless(made, t.value())) {
            // the repair only links a blank org to its account: anything else is not its record
            return Check.skip(ActionHandler.NOT_AS_APPLIED, now);
        }
        if (org.get().externalId().isEmpty()) {
            return Check.skip("already_in_effect", now);
        }
        if (!org.get().externalId().equals(made)) {
            return Check.changed("org_external_id", now);
        }
        return Check.ready(now, Map.of("external_id", ""));
    }

    /** Clears the external_id: the inverse of linking a blank org, whatever else a receipt says. */
    @Override
    public Written undo(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgExternalId(t.org(), null), c.after());
    }
}
