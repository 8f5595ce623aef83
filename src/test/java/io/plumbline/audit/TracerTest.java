package io.plumbline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.detect.Issue;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.testing.Snapshots;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A trace lists every issue and action that names the record, also where the record is the other
 * party (the second holder of an external_id or a domain, a user's current org, an account sharing a
 * domain), and nothing else.
 */
class TracerTest {
    /** The issue and action ids a trace lists, in the order it lists them. */
    private static List<String> listed(Optional<List<String>> trace) {
        assertThat(trace).isPresent();
        return trace.get().stream()
                .filter(l -> l.matches("  [IA]\\d+ .*"))
                .map(l -> l.strip().split(" ")[0])
                .toList();
    }

    private static String issueOf(AuditResult r, String code) {
        return r.issues().stream()
                .filter(i -> i.code().code().equals(code))
                .findFirst()
                .orElseThrow()
                .issueId();
    }

    private static String actionFor(AuditResult r, String issueId) {
        return r.plan().actions().stream()
                .filter(a -> a.issueIds().contains(issueId))
                .findFirst()
                .orElseThrow()
                .actionId();
    }

    private static SalesforceAccountId account(String id) {
        return SalesforceIds.canonical(id);
    }

    @Test
    void org_holdingOnlyADomainTwoAccountsShare_isNamedByBothAndNotAnOrphan_asTheAuditSays() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "shared.example")
                .account("001B", "B", "shared.example")
                .org(700, "Shared", null, "shared.example")
                .audit();

        List<String> trace = new Tracer(r).org(new ZendeskOrgId(700)).orElseThrow();

        assertThat(r.issues()).noneMatch(i -> i.code().code().equals("org_orphaned"));
        assertThat(trace)
                .contains("  account 001A 'A': holds an expected domain it shares with other accounts")
                .doesNotContain("  no account resolves to this org or names it as a candidate");
    }

    @Test
    void ticket_ofARequesterOfTwoAccountsOneWithoutAnOrg_saysWhyItIsNotJudged() {
        AuditResult r = Snapshots.requesterOfTwoAccounts(false)
                .endUser(11, "lee@elsewhere.example", 2L)
                .ticket(101, 11, 2L, 3)
                .audit();

        assertThat(new Tracer(r).ticket(new ZendeskTicketId(100)).orElseThrow())
                .contains(
                        "  requester kim@personal.example maps to 001A 'A': resolved to org 1 'A' (rule 2, external id)")
                .contains("  Decided: not judged: the requester also maps to 001B 'B', which has no Zendesk org (rule "
                        + "4, no org), and no primary contact decides which account the ticket is of")
                .contains("Issues (0)");
        assertThat(new Tracer(r).ticket(new ZendeskTicketId(101)).orElseThrow())
                .contains("  requester lee@elsewhere.example maps to no account, so the ticket has no expected org "
                        + "(trace --zendesk-user-id 11 says why)")
                .contains("  Decided: no expected org, so not checked");
        assertThat(new Tracer(r).ticket(new ZendeskTicketId(999))).isEmpty();
    }

    @Test
    void ticket_deletedWithActivityInsideTheWindow_saysItIsInTheWindowButDeletedSoNotChecked() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .endUser(10, "kim@a.example", 1L)
                .ticket(100, 10, 1L, 3, "deleted")
                .ticket(101, 10, 1L, 300, "deleted")
                .audit();

        assertThat(new Tracer(r).ticket(new ZendeskTicketId(100)).orElseThrow())
                .contains("  in the ticket window (activity from "
                        + r.resolution().ticketWindowStart() + " on); deleted, so not checked")
                .contains("  Decided: not checked (deleted)");
        assertThat(new Tracer(r).ticket(new ZendeskTicketId(101)).orElseThrow())
                .contains("  not in the ticket window (activity from "
                        + r.resolution().ticketWindowStart() + " on); deleted, so not checked");
    }

    @Test
    void account_secondOfARequestersAccountsWithoutAPrimary_listsTheMisfiledTicketOnceAsTheFirstAccounts() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .account("001B", "B", "b.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Other", "001Z")
                .org(3, "B", "001B", "b.example")
                .contact("kim@personal.example", "001A", false)
                .contact("kim@personal.example", "001B", false)
                .endUser(10, "kim@personal.example", 1L)
                .ticket(100, 10, 2L, 3)
                .audit();
        List<Issue> mismatches = r.issues().stream()
                .filter(i -> i.code().code().equals("ticket_org_mismatch"))
                .toList();

        assertThat(mismatches).hasSize(1);
        assertThat(mismatches.get(0).accountId()).isEqualTo(account("001A"));
        assertThat(listed(new Tracer(r).account(account("001A"))))
                .contains(mismatches.get(0).issueId());
        assertThat(new Tracer(r).account(account("001B")).orElseThrow())
                .anyMatch(l -> l.startsWith("  " + mismatches.get(0).issueId() + " ticket_org_mismatch ")
                        && l.endsWith(" ticket 100 (of account 001A 'A')"));
    }

    @Test
    void ticket_ofARequesterWhoseOnlyAccountHasNoOrg_saysNoOrgIsExpected() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(2, "Other", "001Z")
                .endUser(10, "kim@a.example", 2L)
                .ticket(100, 10, 2L, 3)
                .audit();

        assertThat(new Tracer(r).ticket(new ZendeskTicketId(100)).orElseThrow())
                .contains(
                        "  Decided: no expected org, so not checked: its account 001A 'A' has no Zendesk org (rule 4, "
                                + "no org)");
    }

    @Test
    void org_deletedCarryingAnAccountsExternalId_saysDeletedOrgsTakeNoPart() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .deletedOrg(702, "Old A", "001A", "a.example")
                .audit();

        List<String> trace = new Tracer(r).org(new ZendeskOrgId(702)).orElseThrow();

        assertThat(trace.get(0)).startsWith("Zendesk org 702 'Old A' (deleted ");
        assertThat(trace)
                .contains("  deleted orgs take no part in resolution: no account resolves to it by its id, "
                        + "external_id or domains")
                .doesNotContain("  no account resolves to this org or names it as a candidate");
    }

    @Test
    void org_deleted_namesTheAccountsItPointsToByExternalIdDomainOrStoredId() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .account("001B", "B", "b.example c.example")
                .account("001C", "C", "", "", "", "702")
                .account("001D", "D", "d.example")
                .org(2, "B", "001B", "b.example")
                .deletedOrg(702, "Old A", "001A", "a.example", "b.example", "c.example")
                .audit();

        List<String> trace = new Tracer(r).org(new ZendeskOrgId(702)).orElseThrow();

        assertThat(trace)
                .contains(
                        "  account 001A 'A': carries its external_id and holds its expected domain a.example; the "
                                + "account has no Zendesk org (rule 4, no org)",
                        "  account 001B 'B': holds its expected domains b.example, c.example; the account resolves "
                                + "to org 2 'B' (rule 2, external id)",
                        "  account 001C 'C': stores this org id; the account has no Zendesk org (rule 4, no org)")
                .noneMatch(l -> l.contains("001D"));
        assertThat(new Tracer(r).account(account("001A")).orElseThrow())
                .anyMatch(l -> l.startsWith("  deleted org 702 'Old A' (deleted "));
    }

    @Test
    void account_leftWithoutAnOrg_namesTheDeletedOrgsCarryingItsIdOrDomain() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .deletedOrg(702, "Old A", "001A", "a.example")
                .deletedOrg(703, "Older A", null, "b.example", "c.example")
                .deletedOrg(704, "Unrelated", "001Z", "z.example")
                .audit();

        List<String> trace = new Tracer(r).account(account("001A")).orElseThrow();

        assertThat(trace)
                .filteredOn(l -> l.startsWith("  deleted org "))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("  deleted org 702 'Old A' (deleted ")
                        .contains(") carries external_id 001A and holds a.example: deleted orgs take no part in "
                                + "resolution; if it was deleted by mistake, restore it in Zendesk and audit again"))
                .anySatisfy(l ->
                        assertThat(l).startsWith("  deleted org 703 'Older A'").contains(") holds b.example:"));

        AuditResult linked = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(701, "A", "001A", "a.example")
                .deletedOrg(702, "Old A", "001A", "a.example")
                .audit();
        assertThat(new Tracer(linked).account(account("001A")).orElseThrow())
                .as("an account with its org needs no word of the deleted one")
                .noneMatch(l -> l.startsWith("  deleted org "));
    }

    @Test
    void account_personalAndMalformedDomains_areIgnoredWithTheirReasonAndAPersonalOneIsNotCalledNotADomain() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "gmail.com a.example nodot")
                .org(1, "A", "001A", "a.example")
                .audit();

        List<String> trace = new Tracer(r).account(account("001A")).orElseThrow();

        assertThat(trace)
                .contains("  ignored: account_domains 'gmail.com' (a personal email domain, which never identifies an "
                        + "account)")
                .contains("  ignored: account_domains 'nodot' (a bare word, not a domain (no dot))")
                .noneMatch(l -> l.contains("gmail.com") && l.contains("not a domain"));
    }

    @Test
    void org_blankOneOnlyRepeatingTheDomainOfTheAccountsOwnOrg_isNamedByNoneAndAnOrphan_asTheAuditSays() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(701, "A copy", null, "a.example")
                .audit();

        List<String> trace = new Tracer(r).org(new ZendeskOrgId(701)).orElseThrow();

        assertThat(trace)
                .contains("  no account resolves to this org or names it as a candidate")
                .anyMatch(l -> l.contains(" org_orphaned "));
    }

    @Test
    void user_withoutAnyContactsInput_saysNoContactsWereRead_notThatNoneHasTheEmail() {
        Snapshots users = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .endUser(10, "ana@a.example", 1L);

        List<String> without =
                new Tracer(users.audit()).user(new ZendeskUserId(10)).orElseThrow();
        List<String> with = new Tracer(
                        users.contact("bo@a.example", "001A", true).audit())
                .user(new ZendeskUserId(10))
                .orElseThrow();

        assertThat(without).anyMatch(l -> l.contains("no Salesforce contacts were read (no contacts input)"));
        assertThat(with).anyMatch(l -> l.contains("no Salesforce contact has email ana@a.example"));
        assertThat(without).contains("  account 001A 'A': resolved to org 1 'A' (rule 2, external id)");
    }

    @Test
    void user_ofAnAccountWithNoOrg_saysSoInWords() {
        Snapshots users = Snapshots.with().account("001A", "A", "a.example").endUser(10, "ana@a.example", null);

        assertThat(new Tracer(users.audit()).user(new ZendeskUserId(10)).orElseThrow())
                .contains("  account 001A 'A': no Zendesk org (rule 4, no org)");
    }

    @Test
    void org_secondHolderOfADuplicateExternalId_listsTheDuplicateAndItsBlockedAction() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "A (legacy)", "001a")
                .audit();
        String duplicate = issueOf(r, "org_duplicate_external_id");

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(2)))).containsExactly(duplicate, actionFor(r, duplicate));
    }

    @Test
    void org_holdingADomainAnotherOrgLacks_listsTheBlockedDomainIssue() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B partners", null, "b.example")
                .audit();
        String elsewhere = issueOf(r, "org_domain_attached_elsewhere");

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(2)))).containsExactly(elsewhere, actionFor(r, elsewhere));
    }

    @Test
    void org_currentDefaultOfAUserExpectedElsewhere_listsTheMoveAndItsAction() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(9, "Other", "001Z")
                .endUser(7, "ana@a.example", 9L)
                .member(7, 1, false)
                .audit();
        String move = issueOf(r, "user_default_org_not_expected");
        String orphan = issueOf(r, "org_orphaned");

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(9)))).containsExactly(move, orphan, actionFor(r, move));
    }

    @Test
    void org_expectedOrgOfAMisfiledTicket_listsTheTicketIssue() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .org(9, "Other", "001Z")
                .endUser(7, "ana@a.example", 1L)
                .ticket(100, 7, 9L, 1)
                .audit();
        String ticket = issueOf(r, "ticket_org_mismatch");

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(1)))).containsExactly(ticket);
    }

    @Test
    void org_deletedOrgAStaleStoredIdNames_listsTheStaleIdIssue() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example", "", "", "5")
                .org(1, "A", "001A", "a.example")
                .deletedOrg(5, "A (deleted)", null)
                .audit();
        String stale = issueOf(r, "account_stored_org_id_stale");

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(5)))).containsExactly(stale);
        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(1)))).containsExactly(stale);
    }

    @Test
    void org_unrelatedOrg_listsNothing() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B partners", null, "b.example")
                .org(3, "C", "001C", "c.example")
                .account("001C", "C", "c.example")
                .audit();

        assertThat(listed(new Tracer(r).org(new ZendeskOrgId(3)))).isEmpty();
    }

    @Test
    void account_sharingADomainAndAnAmbiguousUser_listsTheOtherAccountsRowsNamingIt() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example shared.example")
                .account("001B", "B", "b.example shared.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "B", "001B", "b.example")
                .endUser(7, "kim@shared.example", null)
                .audit();
        List<String> shared = r.issues().stream()
                .filter(i -> i.code().code().equals("account_domain_shared"))
                .map(i -> i.issueId())
                .toList();
        String ambiguous = issueOf(r, "user_domain_ambiguous");

        assertThat(shared).hasSize(2);
        assertThat(listed(new Tracer(r).account(account("001B"))))
                .containsExactly(shared.get(0), ambiguous, shared.get(1), actionFor(r, ambiguous));
    }

    @Test
    void account_ownerOfAnOrgAnotherAccountContests_listsTheConflict() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .account("001B", "B", "b.example")
                .org(1, "A", "001A", "a.example", "b.example")
                .audit();
        String conflict = issueOf(r, "org_external_id_conflict");

        assertThat(listed(new Tracer(r).account(account("001A")))).containsExactly(conflict, actionFor(r, conflict));
    }

    @Test
    void userByEmail_twoUsersWithTheAddress_tracesBoth() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A", "a.example")
                .endUser(7, "ana@a.example", null)
                .endUser(8, "Ana@A.example", null)
                .audit();

        List<String> trace = new Tracer(r).userByEmail("ANA@a.example").orElseThrow();

        assertThat(trace.get(0)).isEqualTo("2 Zendesk users have the email ana@a.example: 7, 8");
        assertThat(trace)
                .contains(
                        "Zendesk user 7 ana@a.example 'ana@a.example'", "Zendesk user 8 Ana@A.example 'Ana@A.example'");
        assertThat(listed(Optional.of(trace)))
                .containsExactlyElementsOf(concat(
                        listed(new Tracer(r).user(new ZendeskUserId(7))),
                        listed(new Tracer(r).user(new ZendeskUserId(8)))));
        assertThat(listed(Optional.of(trace))).hasSize(4);
    }

    @Test
    void userByEmail_composedQueryForADecomposedAddress_findsTheUser() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .endUser(7, "jose\u0301@a.example", null)
                .audit();

        List<String> trace = new Tracer(r).userByEmail("JOS\u00c9@a.example").orElseThrow();

        assertThat(trace.get(0)).isEqualTo("Zendesk user 7 jose\u0301@a.example 'jose\u0301@a.example'");
    }

    @Test
    void user_membershipOfAnOrgNotRead_isMarkedSo() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .deletedOrg(1, "A", "001A", "a.example")
                .endUser(7, "ana@a.example", 1L)
                .member(7, 99, false)
                .audit();

        assertThat(new Tracer(r).user(new ZendeskUserId(7)).orElseThrow())
                .contains("  memberships: org 1 (default) [membership 1], "
                        + "org 99 (not in the organizations export) [membership 2]");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
