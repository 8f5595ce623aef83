package io.plumbline.apply;

import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.zendesk.OrganizationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code add_org_domain}: re-read the org, append the domain to its current list and send the whole
 * list (Zendesk replaces the array), only while no other org holds the domain. The org is read again
 * after the search for the domain (from a batch's read-ahead, at no cost), so the list sent is the one
 * read last.
 */
final class AddOrgDomain implements OrgUpdate {
    @Override
    public Check check(ActionTarget t, ZendeskWrites z) {
        Optional<OrgState> org = z.org(t.org());
        Optional<Check> settled = settled(t, org);
        if (settled.isPresent()) {
            return settled.get();
        }
        if (z.orgsWithDomain(t.value()).stream().anyMatch(o -> !o.id().equals(t.org()))) {
            return Check.changed("domain_attached_elsewhere", before(org.get()));
        }
        // the search may have been slow (a rate limit waited out): the list sent is the one read after it
        org = z.org(t.org());
        settled = settled(t, org);
        if (settled.isPresent()) {
            return settled.get();
        }
        List<String> next = new ArrayList<>(org.get().domainNames());
        next.add(t.value());
        return Check.ready(before(org.get()), Map.of("domain_names", next));
    }

    /** What the org as read decides on its own, before any search: empty when it is still to be written. */
    private static Optional<Check> settled(ActionTarget t, Optional<OrgState> org) {
        if (org.isEmpty()) {
            return Optional.of(Check.changed("org_missing", Map.of()));
        }
        List<String> current = org.get().domainNames();
        if (current.stream().anyMatch(d -> DomainNormalizer.sameDomain(d, t.value()))) {
            return Optional.of(Check.skip("already_in_effect", before(org.get())));
        }
        if (org.get().relinkedSince(t)) {
            return Optional.of(Check.changed(OrgState.EXTERNAL_ID, before(org.get())));
        }
        if (t.preconditions().get("org_domain_names") instanceof List<?> seen
                && seen.stream().anyMatch(d -> !org.get().holds(String.valueOf(d)))) {
            // a domain the plan saw on the org was taken off since (one added since, also by this run's own
            // add_org_domain actions, is kept: the write sends the current list plus one)
            return Optional.of(Check.changed("org_domain_names", before(org.get())));
        }
        return Optional.empty();
    }

    private static Map<String, Object> before(OrgState org) {
        return Map.of("domain_names", org.domainNames());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Written write(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgDomains(t.org(), (List<String>) c.after().get("domain_names")), c.after());
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
        // only the entry the repair added goes: another spelling of the domain (www.shop.example beside
        // shop.example) was put there by someone else, and stays
        Set<String> added = made.stream()
                .map(String::valueOf)
                .filter(d -> DomainNormalizer.sameDomain(d, t.value()))
                .map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (current.stream().noneMatch(d -> added.contains(d.toLowerCase(Locale.ROOT)))) {
            return Check.skip("already_in_effect", now);
        }
        List<String> next = new ArrayList<>(current);
        next.removeIf(d -> added.contains(d.toLowerCase(Locale.ROOT)));
        return Check.ready(now, Map.of("domain_names", next));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Written undo(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.setOrgDomains(t.org(), (List<String>) c.after().get("domain_names")), c.after());
    }
}
