package io.plumbline.detect;

import io.plumbline.model.Organization;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.ExternalIdKey;
import io.plumbline.resolve.OrgNames;
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
            OrgNames.of(resolution, r, (org, role) -> out.add(org));
        }
        return out;
    }
}
