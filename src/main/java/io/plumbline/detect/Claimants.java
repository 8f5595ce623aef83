package io.plumbline.detect;

import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts that lay claim to each org: the account resolved to it (or contesting it) and every
 * account whose id the org carries as external_id. Indexed on first use only, since only contested
 * links ask.
 */
final class Claimants {
    private final Resolution resolution;
    private Map<ZendeskOrgId, List<SalesforceAccountId>> byOrg;

    Claimants(Resolution resolution) {
        this.resolution = resolution;
    }

    /** The accounts claiming {@code org}, in account order; empty for a null org. */
    List<SalesforceAccountId> of(Organization org) {
        if (org == null) {
            return List.of();
        }
        if (byOrg == null) {
            byOrg = index(resolution);
        }
        return byOrg.getOrDefault(org.id(), List.of());
    }

    private static Map<ZendeskOrgId, List<SalesforceAccountId>> index(Resolution resolution) {
        Map<ZendeskOrgId, List<SalesforceAccountId>> out = new HashMap<>();
        for (AccountResolution r : resolution.accounts().values()) {
            List<Organization> claimed = new ArrayList<>(r.externalIdMatches());
            if (r.org() != null && !claimed.contains(r.org())) {
                claimed.add(r.org());
            }
            for (Organization o : claimed) {
                out.computeIfAbsent(o.id(), k -> new ArrayList<>())
                        .add(r.account().id());
            }
        }
        return out;
    }
}
