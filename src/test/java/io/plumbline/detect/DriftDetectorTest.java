package io.plumbline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.audit.AuditResult;
import io.plumbline.model.ActionCode;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.plan.ActionStatus;
import io.plumbline.plan.PlannedAction;
import io.plumbline.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One focused test per issue code: the situation that raises it, and its outcome. */
class DriftDetectorTest {
    private static List<Issue> issues(AuditResult result, IssueCode code) {
        return result.issues().stream().filter(i -> i.code() == code).toList();
    }

    private static Issue only(AuditResult result, IssueCode code) {
        List<Issue> found = issues(result, code);
        assertThat(found).as("issues of %s in %s", code, result.issues()).hasSize(1);
        return found.get(0);
    }

    private static PlannedAction actionFor(AuditResult result, Issue issue) {
        return result.plan().actions().stream()
                .filter(a -> a.issueIds().contains(issue.issueId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void detect_twoOrgsShareExternalId_blocksWithDuplicateExternalId() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "A old", "001a")
                .audit();
        Issue i = only(r, IssueCode.ORG_DUPLICATE_EXTERNAL_ID);
        assertThat(i.code().risk()).isEqualTo(Risk.CRITICAL);
        assertThat(i.currentValue()).isEqualTo("1 2");
        PlannedAction a = actionFor(r, i);
        assertThat(a.status()).isEqualTo(ActionStatus.BLOCKED);
        assertThat(a.blockedReason()).isEqualTo("duplicate_external_id");
    }

    @Test
    void detect_uniqueDomainCandidateWithBlankExternalId_preparesSetOrgExternalId() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", null, "a.example")
                .audit();
        Issue i = only(r, IssueCode.ORG_MISSING_EXTERNAL_ID);
        PlannedAction a = actionFor(r, i);
        assertThat(a.prepared()).isTrue();
        assertThat(a.code().code()).isEqualTo("set_org_external_id");
        assertThat(a.value()).isEqualTo("001A");
        assertThat(a.orgId().value()).isEqualTo(1);
        assertThat(a.preconditions()).containsEntry("org_external_id", "");
    }

    @Test
    void detect_storedOrgIdWithBlankExternalId_preparesSetOrgExternalIdWith18CharacterId() {
        AuditResult r = Snapshots.with()
                .account("001M000000qfPyS", "A", "", "", "", "5")
                .org(5, "A", null)
                .audit();
        Issue i = only(r, IssueCode.ORG_MISSING_EXTERNAL_ID);
        assertThat(actionFor(r, i).value()).isEqualTo("001M000000qfPySIAU");
    }

    @Test
    void detect_blankOrgClaimedByTwoAccounts_blocksBothAsContestedNotAsExternalIdConflict() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "1")
                .account("001B", "B", "b.example", "", "", "1")
                .org(1, "AB", null)
                .audit();
        assertThat(issues(r, IssueCode.ORG_CLAIM_CONTESTED))
                .extracting(i -> i.accountId().value())
                .containsExactly("001A", "001B");
        assertThat(issues(r, IssueCode.ORG_EXTERNAL_ID_CONFLICT)).isEmpty();
        Issue i = issues(r, IssueCode.ORG_CLAIM_CONTESTED).get(0);
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("org_claim_contested");
        assertThat(i.evidence()).contains("org 1 is claimed by several accounts (001A, 001B)");
    }

    @Test
    void detect_storedBlankOrgWhileAnotherCarriesTheId_isContested() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "1")
                .org(1, "A old", null)
                .org(2, "A", "001A")
                .audit();
        Issue i = only(r, IssueCode.ORG_CLAIM_CONTESTED);
        assertThat(i.orgId().value()).isEqualTo(1);
        assertThat(i.evidence()).contains("stored org id names org 1 but org 2 carries external_id 001A");
    }

    @Test
    void detect_candidateCarriesOtherExternalId_blocksWithExternalIdConflict() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "LEGACY-7", "a.example")
                .audit();
        Issue i = only(r, IssueCode.ORG_EXTERNAL_ID_CONFLICT);
        assertThat(i.currentValue()).isEqualTo("LEGACY-7");
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("external_id_conflict");
        assertThat(issues(r, IssueCode.ORG_MISSING_EXTERNAL_ID)).isEmpty();
    }

    @Test
    void detect_resolvedOrgLacksUnclaimedDomain_preparesAddOrgDomain() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .org(1, "A", "001A", "a.example")
                .audit();
        Issue i = only(r, IssueCode.ORG_MISSING_EXPECTED_DOMAIN);
        PlannedAction a = actionFor(r, i);
        assertThat(a.prepared()).isTrue();
        assertThat(a.value()).isEqualTo("b.example");
        assertThat(a.preconditions()).containsEntry("org_domain_names", List.of("a.example"));
    }

    @Test
    void detect_missingDomainHeldByAnotherOrg_blocksWithDomainBelongsToOtherOrg() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", null, "b.example")
                .audit();
        Issue i = only(r, IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE);
        assertThat(i.expectedValue()).isEqualTo("b.example");
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("domain_belongs_to_other_org");
        assertThat(issues(r, IssueCode.ORG_MISSING_EXPECTED_DOMAIN)).isEmpty();
    }

    @Test
    void detect_noOrgByAnyRule_blocksWithNoTargetOrg() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "Other", "001B", "other.example")
                .audit();
        Issue i = only(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG);
        assertThat(i.code().scope()).isEqualTo(Scope.ACCOUNT);
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("no_target_org");
    }

    @Test
    void detect_noOrgAfterAStaleStoredId_evidenceNamesTheStaleId() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "900")
                .deletedOrg(900, "Old", "001A")
                .account("001B", "B", "b.example", "", "", "abc")
                .audit();
        assertThat(issues(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG))
                .extracting(Issue::evidence)
                .containsExactly(
                        "the stored org id 900 names a deleted org, no org carries external_id 001A, and no org "
                                + "holds an expected domain",
                        "the stored org id abc is not a Zendesk org id, no org carries external_id 001B, and no "
                                + "org holds an expected domain");
    }

    @Test
    void detect_storedIdASpreadsheetTurnedIntoANumber_saysSo() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "9.008E+03")
                .account("001B", "B", "b.example", "", "", "9008.0")
                .account("001C", "C", "c.example", "", "", "#N/A")
                .audit();
        assertThat(issues(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG))
                .extracting(Issue::evidence)
                .containsExactly(
                        "the stored org id 9.008E+03 is not a Zendesk org id (a spreadsheet seems to have turned it "
                                + "into a number: keep the column as text), no org carries external_id 001A, and no "
                                + "org holds an expected domain",
                        "the stored org id 9008.0 is not a Zendesk org id (a spreadsheet seems to have turned it into "
                                + "a number: keep the column as text), no org carries external_id 001B, and no org "
                                + "holds an expected domain",
                        "the stored org id #N/A is not a Zendesk org id, no org carries external_id 001C, and no org "
                                + "holds an expected domain");
    }

    @Test
    void detect_orgNobodyResolvesWithBlankExternalId_isOrphaned() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Nobody", null, "nobody.example")
                .audit();
        Issue i = only(r, IssueCode.ORG_ORPHANED);
        assertThat(i.orgId().value()).isEqualTo(2);
        assertThat(i.accountId()).isNull();
        assertThat(r.plan().actions()).noneMatch(a -> a.issueIds().contains(i.issueId()));
    }

    @Test
    void detect_blankOrgHoldingTheDomainOfAnAccountResolvedByExternalId_isOrphaned() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "A old duplicate", null, "a.example")
                .audit();
        assertThat(only(r, IssueCode.ORG_ORPHANED).orgId().value()).isEqualTo(2);
    }

    @Test
    void detect_blankOrgsHoldingTheDomainsOfAnAccountWithoutOrg_areNotOrphaned() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", null, "a.example")
                .org(2, "A too", null, "a.example")
                .audit();
        assertThat(issues(r, IssueCode.ORG_ORPHANED)).isEmpty();
        assertThat(only(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG).evidence()).contains("several orgs");
    }

    @Test
    void detect_orgHoldingOnlyADomainTwoAccountsShare_isNotOrphanedAndTheAccountsSayWhy() {
        AuditResult r = Snapshots.with()
                .account("P1", "Parent Co", "group.example")
                .account("P2", "Child Co", "group.example")
                .org(1, "Group Co", null, "group.example")
                .audit();
        assertThat(issues(r, IssueCode.ORG_ORPHANED)).isEmpty();
        assertThat(issues(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG))
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.evidence())
                        .endsWith("and the only orgs holding its expected domains hold ones other accounts expect too"
                                + " (org 1 'Group Co'): link the right org by hand if one is this account's"));
        assertThat(r.resolution().account(new SalesforceAccountId("P1")).steps())
                .contains("rule 3, domain: no org holds an expected domain of this account alone (org 1 holds one "
                        + "other accounts expect too, which identifies none of them)");
        assertThat(issues(r, IssueCode.ACCOUNT_DOMAIN_SHARED)).hasSize(2);
    }

    @Test
    void detect_orgWhoseExternalIdNamesNoAccount_isOrphaned() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Gone", "001GONE")
                .audit();
        assertThat(only(r, IssueCode.ORG_ORPHANED).currentValue()).isEqualTo("001GONE");
    }

    @Test
    void detect_orgCarryingTheAccountIdInAnotherUnicodeForm_isNeitherMissingNorOrphaned() {
        AuditResult r = Snapshots.with()
                .account("KUNDE-\u00c41", "Kunde", "")
                .org(1, "Kunde", "kunde-a\u03081")
                .audit();
        assertThat(issues(r, IssueCode.ACCOUNT_MISSING_ZENDESK_ORG)).isEmpty();
        assertThat(issues(r, IssueCode.ORG_ORPHANED)).isEmpty();
    }

    @Test
    void detect_websiteWithAPasswordThatIsNoDomain_reportsItWithThePasswordMasked() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "https://admin:hunter2@bad_host/", "", "")
                .org(1, "A", "001A", "a.example")
                .audit();
        Issue i = only(r, IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED);
        assertThat(i.currentValue()).isEqualTo("https://admin:***@bad_host/");
        assertThat(i.evidence()).doesNotContain("hunter2");
    }

    @Test
    void detect_personalDomainWebsiteWithAPassword_reportsItWithThePasswordMasked() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "https://jdoe:Hunter2@gmail.com", "", "")
                .org(1, "A", "001A", "a.example")
                .audit();
        assertThat(only(r, IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED).currentValue())
                .isEqualTo("https://jdoe:***@gmail.com");
    }

    @Test
    void detect_overrideOfNoBreakSpacesOnly_isNoOverride() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "\u00a0", "")
                .org(1, "A", "001A")
                .audit();
        assertThat(only(r, IssueCode.ORG_MISSING_EXPECTED_DOMAIN).expectedValue())
                .isEqualTo("a.example");
    }

    @Test
    void detect_urlSlugInDomainField_reportsCorruptedFieldAndNeverMatchesIt() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example /accounts/a-corp")
                .org(1, "A", "001A", "a.example")
                .audit();
        Issue i = only(r, IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED);
        assertThat(i.currentValue()).isEqualTo("/accounts/a-corp");
        assertThat(i.evidence()).contains("account_domains");
        assertThat(issues(r, IssueCode.ORG_MISSING_EXPECTED_DOMAIN)).isEmpty();
    }

    @Test
    void detect_domainExpectedByTwoAccounts_reportsSharedAndNeverPreparesIt() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example group.example")
                .account("001B", "B", "b.example group.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", "001B", "b.example")
                .audit();
        assertThat(issues(r, IssueCode.ACCOUNT_DOMAIN_SHARED))
                .extracting(i -> i.accountId().value())
                .containsExactly("001A", "001B");
        assertThat(issues(r, IssueCode.ORG_MISSING_EXPECTED_DOMAIN)).isEmpty();
    }

    @Test
    void detect_storedOrgIdNamesNoLiveOrg_reportsStaleAndFallsThrough() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "404")
                .org(1, "A", "001A", "a.example")
                .deletedOrg(405, "Old", null)
                .audit();
        Issue i = only(r, IssueCode.ACCOUNT_STORED_ORG_ID_STALE);
        assertThat(i.currentValue()).isEqualTo("404");
        assertThat(i.expectedValue()).isEqualTo("1");
        assertThat(r.resolution().resolvedOrgOf(i.accountId()).value()).isEqualTo(1);
    }

    @Test
    void detect_orgCarries15CharacterId_reportsNotCanonical() {
        AuditResult r = Snapshots.with()
                .account("001M000000qfPySIAU", "A", "")
                .org(1, "A", "001M000000qfPyS")
                .audit();
        Issue i = only(r, IssueCode.ORG_EXTERNAL_ID_NOT_CANONICAL);
        assertThat(i.currentValue()).isEqualTo("001M000000qfPyS");
        assertThat(i.expectedValue()).isEqualTo("001M000000qfPySIAU");
    }

    @Test
    void detect_orgCarryingTheIdWithSpacesAround_matchesItAndReportsNotCanonicalInsteadOfLinkingAnother() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(901, "Blank", null, "a.example")
                .org(903, "Padded", " 001A ")
                .audit();
        assertThat(r.resolution().resolvedOrgOf(new SalesforceAccountId("001A")).value())
                .isEqualTo(903);
        assertThat(only(r, IssueCode.ORG_EXTERNAL_ID_NOT_CANONICAL).evidence())
                .isEqualTo("org 903 carries the Account Id with spaces around it");
        assertThat(r.plan().actions()).noneMatch(a -> a.code() == ActionCode.SET_ORG_EXTERNAL_ID);
        assertThat(issues(r, IssueCode.ORG_ORPHANED))
                .extracting(i -> i.orgId().value())
                .doesNotContain(903L);
    }

    @Test
    void detect_mappedUserNotMember_preparesAssignUserToOrg() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Other", "001Z")
                .endUser(10, "ann@a.example", 2L)
                .audit();
        Issue i = only(r, IssueCode.USER_MISSING_EXPECTED_MEMBERSHIP);
        PlannedAction a = actionFor(r, i);
        assertThat(a.code().code()).isEqualTo("assign_user_to_org");
        assertThat(a.userId().value()).isEqualTo(10);
        assertThat(a.orgId().value()).isEqualTo(1);
        assertThat(issues(r, IssueCode.USER_DEFAULT_ORG_NOT_EXPECTED)).isEmpty();
    }

    @Test
    void detect_userWhoseOwnOrganizationIdIsTheOrgWithoutAMembershipRow_isAMemberByDefault() {
        User ann = new User(
                new ZendeskUserId(10), "ann@a.example", "Ann", User.END_USER, new ZendeskOrgId(1), true, false);
        Snapshots base = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Other", "001Z")
                .user(ann)
                .endUser(11, "bo@other.example", 2L);
        // Zendesk keeps organization_id as the default membership's org: a row left out of the export
        assertThat(base.audit().issues())
                .filteredOn(i -> i.code().scope() == Scope.USER)
                .isEmpty();

        // unless a membership marked default says otherwise: then organization_id is not the default
        AuditResult marked = base.member(10, 2, true).audit();
        assertThat(only(marked, IssueCode.USER_MISSING_EXPECTED_MEMBERSHIP).userId())
                .isEqualTo(new ZendeskUserId(10));
    }

    @Test
    void detect_memberWithOtherDefaultOrg_preparesMoveUserToOrgWithMembershipId() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Other", "001Z")
                .endUser(10, "ann@a.example", 2L)
                .member(10, 1, false)
                .audit();
        Issue i = only(r, IssueCode.USER_DEFAULT_ORG_NOT_EXPECTED);
        PlannedAction a = actionFor(r, i);
        assertThat(a.code().code()).isEqualTo("move_user_to_org");
        assertThat(a.membershipId().value()).isEqualTo(2);
        assertThat(a.preconditions()).containsEntry("default_org_id", 2L);
    }

    @Test
    void detect_userUnderDuplicateAccount_blocksUserResolution() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A")
                .org(2, "A2", "001A")
                .endUser(10, "ann@a.example", 1L)
                .audit();
        Issue i = only(r, IssueCode.USER_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID);
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("duplicate_external_id");
        assertThat(issues(r, IssueCode.USER_MISSING_EXPECTED_MEMBERSHIP)).isEmpty();
    }

    @Test
    void detect_userDomainOfTwoAccounts_blocksAsAmbiguous() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "group.example")
                .account("001B", "B", "group.example")
                .endUser(10, "ann@group.example", null)
                .audit();
        Issue i = only(r, IssueCode.USER_DOMAIN_AMBIGUOUS);
        assertThat(i.expectedValue()).isEqualTo("001A 001B");
        assertThat(actionFor(r, i).blockedReason()).isEqualTo("user_domain_ambiguous");
    }

    @Test
    void detect_ticketOnOtherOrgInWindow_reportsMismatchWithoutAction() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", "001Z")
                .endUser(10, "ann@a.example", 1L)
                .ticket(100, 10, 2L, 3)
                .ticket(101, 10, 2L, 45)
                .ticket(102, 10, 1L, 2)
                .audit();
        Issue i = only(r, IssueCode.TICKET_ORG_MISMATCH);
        assertThat(i.ticketId().value()).isEqualTo(100);
        assertThat(i.expectedValue()).isEqualTo("1");
        assertThat(r.plan().actions()).isEmpty();
    }

    @Test
    void detect_ticketOfRequesterOfTwoAccountsOneWithoutAnOrg_isNotJudged() {
        // the ticket may be 001B's, whose org is not known: no org can be said to be the right one
        AuditResult r = Snapshots.requesterOfTwoAccounts(false).audit();
        assertThat(r.issues()).noneMatch(i -> i.code() == IssueCode.TICKET_ORG_MISMATCH);

        AuditResult both = Snapshots.requesterOfTwoAccounts(false)
                .org(3, "B", "001B", "b.example")
                .audit();
        assertThat(only(both, IssueCode.TICKET_ORG_MISMATCH).expectedValue()).isEqualTo("1 3");

        // a primary contact decides which account the ticket is of, whatever the other's org
        AuditResult primary = Snapshots.requesterOfTwoAccounts(true).audit();
        assertThat(only(primary, IssueCode.TICKET_ORG_MISMATCH).expectedValue()).isEqualTo("1");
    }

    @Test
    void detect_deletedTicketOnOtherOrg_isNotReported() {
        // an incremental export lists a deleted ticket with status "deleted"; a live pull leaves it out
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", "001Z")
                .endUser(10, "ann@a.example", 1L)
                .ticket(100, 10, 2L, 3, "deleted")
                .ticket(101, 10, 2L, 3, "closed")
                .audit();

        assertThat(only(r, IssueCode.TICKET_ORG_MISMATCH).ticketId().value()).isEqualTo(101);
    }

    @Test
    void detect_ticketActiveAfterAsOf_isCheckedToo() {
        // as a ticket updated while a live pull ran: the window is counted back from as_of, with no end
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", "001Z")
                .endUser(10, "ann@a.example", 1L)
                .ticket(103, 10, 2L, -1)
                .audit();
        assertThat(only(r, IssueCode.TICKET_ORG_MISMATCH).ticketId().value()).isEqualTo(103);
    }

    @Test
    void detect_ticketOfRequesterUnderDuplicateAccount_reportsBlockedResolution() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A")
                .org(2, "A2", "001A")
                .endUser(10, "ann@a.example", 1L)
                .ticket(100, 10, 1L, 3)
                .audit();
        Issue i = only(r, IssueCode.TICKET_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID);
        assertThat(i.code().status()).isEqualTo(IssueStatus.DETECTED);
    }

    @Test
    void detect_cleanTenant_findsNothing() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .endUser(10, "ann@a.example", 1L)
                .ticket(100, 10, 1L, 3)
                .audit();
        assertThat(r.issues()).isEmpty();
        assertThat(r.plan().actions()).isEmpty();
    }

    @Test
    void detect_everyIssueCodeHasAConsistentOutcome() {
        for (IssueCode code : IssueCode.values()) {
            assertThat(code.status() == IssueStatus.DETECTED).as(code.code()).isEqualTo(code.action() == null);
            assertThat(code.status() == IssueStatus.BLOCKED)
                    .as(code.code())
                    .isEqualTo(!code.blockedReason().isEmpty());
            assertThat(code.recommendedAction()).as(code.code()).isNotBlank();
        }
    }
}
