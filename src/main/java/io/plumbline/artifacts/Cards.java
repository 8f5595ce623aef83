package io.plumbline.artifacts;

import io.plumbline.detect.IssueCode;

/**
 * The six readout numbers an operator sees first. Orphan orgs are orgs without a Salesforce key
 * (unlinked, or linked only by a blank external_id); domain mismatches are expected domains missing
 * from the resolved org; corrupted fields are Salesforce domain-field tokens that are not domains.
 */
public record Cards(
        int totalIssues, int orphanOrgs, int domainMismatches, int corruptedFields, int prepared, int blocked) {
    public static Cards of(SummaryFacts f) {
        return new Cards(
                f.totalIssues(),
                f.count(IssueCode.ORG_ORPHANED) + f.count(IssueCode.ORG_MISSING_EXTERNAL_ID),
                f.count(IssueCode.ORG_MISSING_EXPECTED_DOMAIN) + f.count(IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE),
                f.count(IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED),
                f.prepared(),
                f.blocked());
    }
}
