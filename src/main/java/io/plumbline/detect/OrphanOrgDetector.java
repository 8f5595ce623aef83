package io.plumbline.detect;

import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.AccountRule;
import io.plumbline.resolve.ExternalIdKey;
import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Live orgs that no account resolves to or names as a candidate, whose external_id is blank or names
 * no Salesforce account.
 */
final class OrphanOrgDetector implements Detector {
    @Override
    public List<Issue> detect(Resolution resolution) {
        Set<ZendeskOrgId> mentioned = mentioned(resolution);
        Set<String> accountKeys = new HashSet<>();
        resolution.accounts().keySet().forEach(id -> accountKeys.add(ExternalIdKey.ofAccount(id)));
        List<Issue> out = new ArrayList<>();
        for (Organization org : resolution.orgs().liveOrgs()) {
            if (mentioned.contains(org.id())) {
                continue;
            }
            boolean namesAccount = org.hasExternalId()
                    && accountKeys.contains(
                            ExternalIdKey.ofOrgExternalId(org.externalId()).key());
            if (!namesAccount) {
                out.add(IssueBuilder.of(IssueCode.ORG_ORPHANED, null)
                        .org(org.id())
                        .current(org.externalId())
                        .evidence(
                                "org %s '%s': no account resolves to it or names it as a candidate; external_id %s",
                                org.id(),
                                org.name(),
                                org.hasExternalId()
                                        ? "'" + org.externalId() + "' names no Salesforce account"
                                        : "is blank")
                        .build());
            }
        }
        return out;
    }

    private static Set<ZendeskOrgId> mentioned(Resolution resolution) {
        Set<ZendeskOrgId> out = new HashSet<>();
        for (AccountResolution r : resolution.accounts().values()) {
            if (r.org() != null) {
                out.add(r.org().id());
            }
            r.externalIdMatches().forEach(o -> out.add(o.id()));
            for (Organization candidate : r.domainCandidates()) {
                if (named(resolution, r, candidate)) {
                    out.add(candidate.id());
                }
            }
            if (r.org() == null) {
                // an org holding a domain this account shares with others is left to the review of that
                // domain (account_domain_shared), not called an orphan to retire
                resolution.sharedDomainHolders(r).forEach(o -> out.add(o.id()));
            }
            Long stored = parse(r.account().storedOrgId());
            if (stored != null) {
                out.add(new ZendeskOrgId(stored));
            }
        }
        return out;
    }

    /**
     * Whether an org holding one of the account's expected domains is named by the account: as its
     * domain candidate (where the domain rule was consulted), or as the org holding a domain the
     * account's own org lacks (reported as attached elsewhere). A blank org that only repeats domains
     * the account's org already holds is a duplicate nobody names.
     */
    private static boolean named(Resolution resolution, AccountResolution r, Organization candidate) {
        if (r.rule() == AccountRule.DOMAIN || r.rule() == AccountRule.NONE || r.org() == null) {
            return true;
        }
        List<Domain> own = resolution.orgs().domains(r.org());
        return resolution.orgs().domains(candidate).stream()
                .anyMatch(d -> r.expected().domains().contains(d) && !own.contains(d));
    }

    /** The positive org id {@code raw} spells, or null. */
    static Long parse(String raw) {
        try {
            long v = Long.parseLong(raw);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
