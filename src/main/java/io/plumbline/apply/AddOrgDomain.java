package io.plumbline.apply;

import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import io.plumbline.zendesk.OrganizationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code add_org_domain}: re-read the org, append the domain to its current list and send the whole
 * list (Zendesk replaces the array), only while no other org holds the domain.
 */
final class AddOrgDomain implements ActionHandler {
    @Override
    public Check check(ActionTarget t, ZendeskWrites z) {
        Optional<OrgState> org = z.org(t.org());
        if (org.isEmpty()) {
            return Check.changed("org_missing", Map.of());
        }
        List<String> current = org.get().domainNames();
        Map<String, Object> before = Map.of("domain_names", current);
        if (current.stream().anyMatch(d -> DomainNormalizer.sameDomain(d, t.value()))) {
            return Check.skip("already_in_effect", before);
        }
        if (org.get().relinkedSince(t)) {
            return Check.changed(OrgState.EXTERNAL_ID, before);
        }
        if (t.preconditions().get("org_domain_names") instanceof List<?> seen
                && seen.stream().anyMatch(d -> !holds(current, String.valueOf(d)))) {
            // a domain the plan saw on the org was taken off since (one added since, also by this run's own
            // add_org_domain actions, is kept: the write sends the current list plus one)
            return Check.changed("org_domain_names", before);
        }
        if (z.orgsWithDomain(t.value()).stream().anyMatch(o -> !o.id().equals(t.org()))) {
            return Check.changed("domain_attached_elsewhere", before);
        }
        List<String> next = new ArrayList<>(current);
        next.add(t.value());
        return Check.ready(before, Map.of("domain_names", next));
    }

    /** Whether {@code current} still holds {@code raw}, as written or as the same domain. */
    private static boolean holds(List<String> current, String raw) {
        if (current.contains(raw)) {
            return true;
        }
        DomainParse parse = DomainNormalizer.parse(raw);
        return parse.valid()
                && current.stream()
                        .anyMatch(c ->
                                DomainNormalizer.sameDomain(c, parse.domain().value()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Written write(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgDomains(t.org(), (List<String>) c.after().get("domain_names")), c.after());
    }

    @Override
    public boolean bulk() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Written> writeAll(List<ActionTarget> targets, ZendeskWrites z, List<Check> checks) {
        List<OrganizationUpdate> updates = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<String> next = (List<String>) checks.get(i).after().get("domain_names");
            updates.add(OrganizationUpdate.domainNames(targets.get(i).org(), next));
        }
        return Written.of(z.updateOrganizations(updates), checks);
    }

    @Override
    public Optional<Map<String, Object>> found(ActionTarget t, ZendeskWrites z) {
        return z.org(t.org())
                .filter(o -> o.domainNames().stream().anyMatch(d -> DomainNormalizer.sameDomain(d, t.value())))
                .map(o -> Map.<String, Object>of("domain_names", o.domainNames()));
    }

    @Override
    public Check checkUndo(ActionTarget t, Map<String, Object> before, Map<String, Object> after, ZendeskWrites z) {
        Optional<OrgState> org = z.org(t.org());
        if (org.isEmpty()) {
            return Check.changed("org_missing", Map.of());
        }
        List<String> current = org.get().domainNames();
        Map<String, Object> now = Map.of("domain_names", current);
        if (!(before.get("domain_names") instanceof List<?> had)
                || had.stream().anyMatch(d -> DomainNormalizer.sameDomain(String.valueOf(d), t.value()))
                || !(after.get("domain_names") instanceof List<?> made)
                || made.stream().noneMatch(d -> DomainNormalizer.sameDomain(String.valueOf(d), t.value()))) {
            // the repair only adds a domain the org did not hold: anything else is not its record
            return Check.skip(ActionHandler.NOT_AS_APPLIED, now);
        }
        if (current.stream().noneMatch(d -> DomainNormalizer.sameDomain(d, t.value()))) {
            return Check.skip("already_in_effect", now);
        }
        List<String> next = new ArrayList<>(current);
        next.removeIf(d -> DomainNormalizer.sameDomain(d, t.value()));
        return Check.ready(now, Map.of("domain_names", next));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Written undo(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgDomains(t.org(), (List<String>) c.after().get("domain_names")), c.after());
    }
}
