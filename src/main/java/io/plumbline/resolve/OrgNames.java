package io.plumbline.resolve;

import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Which orgs an account names, and how: one rule for the orphan check (an org no account names is an
 * orphan) and for {@code trace}, which says of an org how each account names it.
 */
public final class OrgNames {
    /** How an account names an org, strongest first. */
    public enum Role {
        /** The account's org: resolved to it, or a contested candidate. */
        ORG,
        /** The org carries the account's id as its external_id. */
        EXTERNAL_ID,
        /** The org holds one of the account's expected domains, and the account names it for that. */
        DOMAIN,
        /** The org holds an expected domain the account shares with other accounts, and the account has no org. */
        SHARED_DOMAIN,
        /** The account's stored org id is this org's id. */
        STORED_ID
    }

    private OrgNames() {}

    /**
     * Tells {@code sink} of each org the account {@code r} names, with how, strongest first (an org may
     * come more than once, its strongest role first).
     */
    public static void of(Resolution resolution, AccountResolution r, BiConsumer<ZendeskOrgId, Role> sink) {
        if (r.org() != null) {
            sink.accept(r.org().id(), Role.ORG);
        }
        r.externalIdMatches().forEach(o -> sink.accept(o.id(), Role.EXTERNAL_ID));
        for (Organization candidate : r.domainCandidates()) {
            if (named(resolution, r, candidate)) {
                sink.accept(candidate.id(), Role.DOMAIN);
            }
        }
        if (r.org() == null) {
            // an org holding a domain this account shares with others is left to the review of that
            // domain (account_domain_shared), not called an orphan to retire
            resolution.sharedDomainHolders(r).forEach(o -> sink.accept(o.id(), Role.SHARED_DOMAIN));
        }
        Long stored = storedOrgId(r.account().storedOrgId());
        if (stored != null) {
            sink.accept(new ZendeskOrgId(stored), Role.STORED_ID);
        }
    }

    /** The strongest way {@code r} names the org {@code id}, or null when it does not. */
    public static Role roleOf(Resolution resolution, AccountResolution r, ZendeskOrgId id) {
        Role[] strongest = {null};
        of(resolution, r, (org, role) -> {
            if (org.equals(id) && strongest[0] == null) {
                strongest[0] = role;
            }
        });
        return strongest[0];
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
        Predicate<Domain> own = Domain.anyOf(resolution.orgs().domains(r.org()));
        Predicate<Domain> expected = Domain.anyOf(r.expected().domains());
        return resolution.orgs().domains(candidate).stream().anyMatch(d -> expected.test(d) && !own.test(d));
    }

    /** The positive org id a stored org id field spells, or null. */
    public static Long storedOrgId(String raw) {
        if (raw.isEmpty() || !Character.isDigit(raw.charAt(0))) {
            return null; // most accounts store none: no exception thrown and caught for each of them
        }
        try {
            long v = Long.parseLong(raw);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
