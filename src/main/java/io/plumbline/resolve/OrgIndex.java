package io.plumbline.resolve;

import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.DomainParse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Lookups over the live (undeleted) orgs of a snapshot: by id, by external id key, by domain. */
public final class OrgIndex {
    private final Map<ZendeskOrgId, Organization> all = new HashMap<>();
    private final Map<ZendeskOrgId, Organization> live = new TreeMap<>();
    private final Map<String, List<Organization>> byExternalIdKey = new HashMap<>();
    private final Map<Domain, List<Organization>> byDomain = new HashMap<>();
    private final Map<ZendeskOrgId, List<Domain>> liveDomains = new HashMap<>();

    public OrgIndex(Collection<Organization> organizations) {
        // normalizing domains is the costly part and each org's is independent: on every core, in order
        // in id order, whatever the order of the input: every list of orgs below, and so every issue and
        // action built from one, is the same for the same records
        List<Organization> orgs = organizations.stream()
                .sorted(Comparator.comparing(Organization::id))
                .toList();
        List<List<Domain>> parsed = orgs.parallelStream()
                .map(org -> org.deleted() ? List.<Domain>of() : domainsOf(org))
                .toList();
        for (int i = 0; i < orgs.size(); i++) {
            Organization org = orgs.get(i);
            all.put(org.id(), org);
            if (org.deleted()) {
                continue;
            }
            live.put(org.id(), org);
            if (org.hasExternalId()) {
                byExternalIdKey
                        .computeIfAbsent(
                                ExternalIdKey.ofOrgExternalId(org.externalId()).key(), k -> new ArrayList<>())
                        .add(org);
            }
            List<Domain> domains = parsed.get(i);
            liveDomains.put(org.id(), domains);
            for (Domain d : domains) {
                byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(org);
            }
        }
    }

    /** The normalized, valid domains an org holds (invalid entries are ignored). */
    public static List<Domain> domainsOf(Organization org) {
        Set<Domain> out = new LinkedHashSet<>();
        for (String raw : org.domainNames()) {
            DomainParse parse = DomainNormalizer.parse(raw);
            if (parse.valid()) {
                out.add(parse.domain());
            }
        }
        return new ArrayList<>(out);
    }

    /** As {@link #domainsOf}, remembered for the live orgs of this index. */
    public List<Domain> domains(Organization org) {
        List<Domain> known = live.get(org.id()) == org ? liveDomains.get(org.id()) : null;
        return known != null ? known : domainsOf(org);
    }

    public Organization any(ZendeskOrgId id) {
        return all.get(id);
    }

    public Organization live(ZendeskOrgId id) {
        return live.get(id);
    }

    public Collection<Organization> liveOrgs() {
        return live.values();
    }

    /** The deleted orgs, in id order: none of them takes part in resolution. */
    public List<Organization> deletedOrgs() {
        return all.values().stream()
                .filter(Organization::deleted)
                .sorted(Comparator.comparing(Organization::id))
                .toList();
    }

    public List<Organization> byExternalIdKey(String key) {
        return byExternalIdKey.getOrDefault(key, List.of());
    }

    public boolean externalIdKeyUsed(String key) {
        return byExternalIdKey.containsKey(key);
    }

    public List<Organization> byDomain(Domain domain) {
        return byDomain.getOrDefault(domain, List.of());
    }

    /** The live orgs holding any of {@code domains} that {@code which} takes, once each, in id order. */
    public List<Organization> holding(Collection<Domain> domains, Predicate<Domain> which) {
        TreeMap<ZendeskOrgId, Organization> found = new TreeMap<>();
        for (Domain d : domains) {
            if (which.test(d)) {
                byDomain(d).forEach(o -> found.put(o.id(), o));
            }
        }
        return List.copyOf(found.values());
    }
}
