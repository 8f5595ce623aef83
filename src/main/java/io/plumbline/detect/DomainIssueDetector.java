package io.plumbline.detect;

import io.plumbline.model.Domain;
import io.plumbline.model.Organization;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Expected domains missing from a resolved org: prepared when no other org holds the domain, blocked
 * when another org does. Domains shared between accounts are never prepared.
 */
final class DomainIssueDetector implements Detector {
    @Override
    public List<Issue> detect(Resolution resolution) {
        List<Issue> out = new ArrayList<>();
        for (AccountResolution r : resolution.accounts().values()) {
            if (r.resolved()) {
                detect(r, resolution, out);
            }
        }
        return out;
    }

    private static void detect(AccountResolution r, Resolution resolution, List<Issue> out) {
        Organization org = r.org();
        Predicate<Domain> have = Domain.anyOf(resolution.orgs().domains(org));
        List<String> haveRaw = org.domainNames();
        for (Domain d : r.expected().domains()) {
            if (have.test(d) || resolution.accountsExpecting(d).size() > 1) {
                continue;
            }
            List<Organization> elsewhere = resolution.orgs().byDomain(d).stream()
                    .filter(o -> !o.id().equals(org.id()))
                    .toList();
            String current = haveRaw.isEmpty() ? "(none)" : String.join(" ", haveRaw);
            if (elsewhere.isEmpty()) {
                out.add(IssueBuilder.of(IssueCode.ORG_MISSING_EXPECTED_DOMAIN, r.account())
                        .org(org.id())
                        .current(current)
                        .expected(d.value())
                        .evidence("org %s has %s; missing %s, which no other org holds", org.id(), current, d)
                        .value(d.value())
                        .precondition("org_domain_names", haveRaw)
                        .precondition("org_external_id", org.externalId())
                        .precondition("no_org_with_domain", d.value())
                        .build());
            } else {
                out.add(IssueBuilder.of(IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE, r.account())
                        .org(org.id())
                        .current(current)
                        .expected(d.value())
                        .relatedOrgs(AccountIssueDetector.ids(elsewhere))
                        .evidence(
                                "%s is on org %s, not on org %s", d, AccountIssueDetector.describe(elsewhere), org.id())
                        .value(d.value())
                        .build());
            }
        }
    }
}
