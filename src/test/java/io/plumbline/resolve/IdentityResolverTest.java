package io.plumbline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.model.Contact;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolution rules of the contract, in order, each with the case that decides it. */
class IdentityResolverTest {
    private static Resolution resolve(Snapshots s) {
        return new IdentityResolver(ResolutionSettings.defaults()).resolve(s.build());
    }

    private static AccountResolution account(Resolution r, String id) {
        return r.accounts().get(SalesforceIds.canonical(id));
    }

    private static UserResolution user(Resolution r, long id) {
        return r.users().get(new ZendeskUserId(id));
    }

    @Test
    void resolve_storedOrgIdNamesLiveOrg_winsOverDomain() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "", "", "7")
                .org(7, "Stored", null)
                .org(8, "ByDomain", null, "a.example"));
        assertThat(account(r, "001A").rule()).isEqualTo(AccountRule.STORED_ORG_ID);
        assertThat(account(r, "001A").org().id()).isEqualTo(new ZendeskOrgId(7));
    }

    @Test
    void resolve_storedOrgIdWithANoBreakSpaceCopiedAlong_stillNamesItsOrg() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "", "", "7\u00A0")
                .org(7, "Stored", null)
                .org(8, "ByDomain", null, "a.example"));
        assertThat(account(r, "001A").rule()).isEqualTo(AccountRule.STORED_ORG_ID);
        assertThat(account(r, "001A").org().id()).isEqualTo(new ZendeskOrgId(7));
    }

    @Test
    void resolve_orgWhoseExternalIdIsANoBreakSpace_isUnlinkedAndMatchedByDomain() {
        Resolution r =
                resolve(Snapshots.with().account("001A", "A", "a.example").org(8, "ByDomain", "\u00A0", "a.example"));
        assertThat(account(r, "001A").rule()).isEqualTo(AccountRule.DOMAIN);
        assertThat(account(r, "001A").org().id()).isEqualTo(new ZendeskOrgId(8));
        assertThat(account(r, "001A").org().externalId()).isEmpty(); // so set_org_external_id may fill it
    }

    @Test
    void resolve_externalIdInOtherCase_matches() {
        Resolution r = resolve(Snapshots.with().account("001ABC", "A", "").org(1, "A", "001abc"));
        assertThat(account(r, "001ABC").outcome()).isEqualTo(AccountOutcome.RESOLVED);
        assertThat(account(r, "001ABC").rule()).isEqualTo(AccountRule.EXTERNAL_ID);
        assertThat(account(r, "001ABC").externalIdNotCanonical()).isFalse();
    }

    @Test
    void resolve_externalIdDecomposedWhereTheAccountIdIsComposed_matches() {
        Resolution r =
                resolve(Snapshots.with().account("KUNDE-\u00c41", "K", "").org(1, "K", "kunde-a\u03081"));
        assertThat(account(r, "KUNDE-\u00c41").outcome()).isEqualTo(AccountOutcome.RESOLVED);
        assertThat(account(r, "KUNDE-\u00c41").rule()).isEqualTo(AccountRule.EXTERNAL_ID);
    }

    @Test
    void resolve_15CharacterExternalIdOnOrg_matchesAndIsFlagged() {
        Resolution r =
                resolve(Snapshots.with().account("001M000000qfPySIAU", "A", "").org(1, "A", "001M000000qfPyS"));
        AccountResolution a = account(r, "001M000000qfPySIAU");
        assertThat(a.outcome()).isEqualTo(AccountOutcome.RESOLVED);
        assertThat(a.externalIdNotCanonical()).isTrue();
    }

    @Test
    void resolve_externalIdPastedWithANoBreakSpace_matchesAndIsFlaggedAsPadded() {
        Resolution r = resolve(Snapshots.with().account("001ABC", "A", "").org(1, "A", "001ABC\u00A0"));
        AccountResolution a = account(r, "001ABC");
        assertThat(a.rule()).isEqualTo(AccountRule.EXTERNAL_ID);
        assertThat(a.externalIdNotCanonical()).isTrue();
    }

    @Test
    void resolve_15CharacterIdDifferingOnlyInCase_doesNotMatch() {
        Resolution r =
                resolve(Snapshots.with().account("001M000000qfPySIAU", "A", "").org(1, "A", "001M000000QFPYS"));
        assertThat(account(r, "001M000000qfPySIAU").outcome()).isEqualTo(AccountOutcome.NO_ORG);
    }

    @Test
    void resolve_deletedOrgs_takeNoPart() {
        Resolution r =
                resolve(Snapshots.with().account("001A", "A", "a.example").deletedOrg(1, "A", "001A", "a.example"));
        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.NO_ORG);
    }

    @Test
    void resolve_twoDomainCandidates_noOrgAndNoGuess() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example b.example")
                .org(1, "One", null, "a.example")
                .org(2, "Two", null, "b.example"));
        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.NO_ORG);
        assertThat(account(r, "001A").domainCandidates()).hasSize(2);
    }

    @Test
    void resolve_sharedDomain_neverMakesACandidate() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "group.example")
                .account("001B", "B", "group.example")
                .org(1, "Group", null, "group.example"));
        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.NO_ORG);
        assertThat(account(r, "001B").outcome()).isEqualTo(AccountOutcome.NO_ORG);
    }

    @Test
    void resolve_overridePresent_replacesDomainsAndWebsite() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "https://www.site.example/x", "Support.A.example", ""));
        assertThat(account(r, "001A").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("support.a.example");
    }

    @Test
    void resolve_websiteHost_isAnExpectedDomain() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "https://user:pw@WWW.Site.example:8443/about?x=1", "", ""));
        assertThat(account(r, "001A").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("a.example", "site.example");
    }

    @Test
    void resolve_personalDomainInAccountField_isSetAsideNotExpected() {
        Resolution r = resolve(Snapshots.with().account("001A", "A", "gmail.com a.example"));
        assertThat(account(r, "001A").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("a.example");
        assertThat(account(r, "001A").expected().corrupted())
                .extracting(CorruptedToken::token)
                .containsExactly("gmail.com");
    }

    @Test
    void resolve_countryWebmailAndProviderMailboxesInAccountField_areSetAsideNotExpected() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example outlook.fr hotmail.fr live.co.uk comcast.net mail.yahoo.com"));
        assertThat(account(r, "001A").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("a.example");
        assertThat(account(r, "001A").expected().corrupted())
                .extracting(CorruptedToken::problem)
                .containsOnly("a personal email domain, which never identifies an account")
                .hasSize(5);
    }

    @Test
    void resolve_websiteOnASharedPlatform_isSetAsideNotExpected() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "https://www.linkedin.com/company/a", "", "")
                .account("001B", "B", "b.example", "https://b-team.github.io/", "", "")
                .account("001C", "C", "c.example", "https://www.linkedinsider.example/", "", ""));
        assertThat(account(r, "001A").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("a.example");
        assertThat(account(r, "001A").expected().corrupted())
                .extracting(CorruptedToken::field, CorruptedToken::problem)
                .containsExactly(tuple(
                        "website",
                        "a shared platform's domain (a social network, site builder or code host), which never"
                                + " identifies an account"));
        assertThat(account(r, "001B").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("b.example");
        // a name that merely starts like a platform's is the customer's own
        assertThat(account(r, "001C").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("c.example", "linkedinsider.example");
    }

    @Test
    void resolve_platformCompanyAsACustomer_keepsItsOwnDomainForItsAccountAndStaff() {
        Resolution r = resolve(Snapshots.with()
                .account("001G", "GitHub", "github.com", "https://github.com/about", "", "")
                .endUser(10, "octo@github.com", null));
        // its domain field is its own; only the website, a page on a shared platform, is set aside
        assertThat(account(r, "001G").expected().domains())
                .extracting(d -> d.value())
                .containsExactly("github.com");
        assertThat(account(r, "001G").expected().corrupted())
                .extracting(CorruptedToken::field)
                .containsExactly("website");
        assertThat(user(r, 10).primary()).isEqualTo(SalesforceIds.canonical("001G"));
    }

    @Test
    void resolve_storedOrgAndExternalIdNameDifferentOrgs_isContested() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "", "", "", "5")
                .org(5, "Stored", null)
                .org(6, "Linked", "001A"));
        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.CONFLICT);
    }

    @Test
    void resolve_twoAccountsClaimOneOrgByDomain_bothContested() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .account("001B", "B", "b.example")
                .org(1, "AB", null, "a.example", "b.example"));
        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.CONFLICT);
        assertThat(account(r, "001B").outcome()).isEqualTo(AccountOutcome.CONFLICT);
    }

    @Test
    void resolve_storedOrgIdAgainstAnotherAccountsDomainClaim_theStoredIdKeepsTheOrg() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example", "", "", "1")
                .account("001B", "B", "b.example")
                .org(1, "AB", null, "a.example", "b.example"));

        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.RESOLVED);
        assertThat(account(r, "001A").rule()).isEqualTo(AccountRule.STORED_ORG_ID);
        assertThat(account(r, "001B").outcome()).isEqualTo(AccountOutcome.CONFLICT);
        assertThat(account(r, "001B").conflictReason()).contains("org 1 is claimed by several accounts (001A");
    }

    @Test
    void resolve_twoAccountsStoringOneOrgId_bothContested() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "", "", "", "1")
                .account("001B", "B", "", "", "", "1")
                .org(1, "AB", null));

        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.CONFLICT);
        assertThat(account(r, "001B").outcome()).isEqualTo(AccountOutcome.CONFLICT);
    }

    @Test
    void resolve_contestedClaim_stepNamesTheOtherClaimantsOnly() {
        Resolution two = resolve(Snapshots.with()
                .account("001A", "A", "", "", "", "1")
                .account("001B", "B", "", "", "", "1")
                .org(1, "AB", null));
        Resolution three = resolve(Snapshots.with()
                .account("001A", "A", "", "", "", "1")
                .account("001B", "B", "", "", "", "1")
                .account("001C", "C", "", "", "", "1")
                .org(1, "ABC", null));

        assertThat(account(two, "001A").steps())
                .last()
                .isEqualTo("org 1 is also claimed by another account (001B): contested, review-only");
        assertThat(account(two, "001B").steps())
                .last()
                .isEqualTo("org 1 is also claimed by another account (001A): contested, review-only");
        assertThat(account(three, "001B").steps())
                .last()
                .isEqualTo("org 1 is also claimed by other accounts (001A, 001C): contested, review-only");
    }

    @Test
    void resolve_contestedByMany_stepNamesTheFirst20AndCountsTheRest() {
        var many = Snapshots.with().org(1, "Many", null);
        for (int i = 10; i < 35; i++) {
            many.account("001A" + i, "A" + i, "", "", "", "1");
        }

        Resolution r = resolve(many);

        assertThat(account(r, "001A10").steps())
                .last()
                .asString()
                .startsWith("org 1 is also claimed by other accounts (001A11, 001A12, ")
                .endsWith(", 001A30 and 4 more): contested, review-only");
    }

    @Test
    void resolve_orgDomainWrittenWithWww_isCountedAsHeldAndSaidOnce() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a4b.example")
                .org(400, "A", "001A", "WWW.A4b.example")
                .org(401, "B", null, "www.b.example", "www.c.example")
                .org(402, "Web", null, "www.com")
                .org(403, "Plain", null, "d.example"));

        assertThat(account(r, "001A").outcome()).isEqualTo(AccountOutcome.RESOLVED);
        assertThat(r.warnings())
                .filteredOn(w -> w.contains("www."))
                .containsExactly("2 orgs hold domains written with www. (org 400 holds www.a4b.example, which "
                        + "Zendesk does not match against a4b.example email addresses): the audit counts such a "
                        + "domain as held, as its rules compare domains without www., but Zendesk maps a user to an "
                        + "org by the email's domain as written; add the domain without www. in Zendesk");
        assertThat(resolve(Snapshots.with().account("001A", "A", "a.example").org(1, "A", "001A", "a.example"))
                        .warnings())
                .noneMatch(w -> w.contains("www."));
    }

    @Test
    void resolveUser_contactMatch_beatsPersonalDomain() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .contact("Jane@Gmail.com", "001A", true)
                .endUser(10, "jane@gmail.com", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.CONTACT);
        assertThat(user(r, 10).primary()).isEqualTo(new SalesforceAccountId("001A"));
    }

    @Test
    void resolveUser_emailDecomposedWhereTheContactsIsComposed_isTheContact() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .contact("jos\u00e9@gmail.com", "001A", true)
                .endUser(10, "jose\u0301@gmail.com", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.CONTACT);
        assertThat(user(r, 10).primary()).isEqualTo(new SalesforceAccountId("001A"));
    }

    @Test
    void resolve_ticketsReadButNoneInTheWindow_isAWarningNamingTheWindow() {
        Snapshots base = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A")
                .endUser(10, "x@a.example", 1L);
        Resolution old = resolve(base.ticket(100, 10, 1L, 45).ticket(101, 10, 1L, 31));
        assertThat(old.warnings()).isEmpty(); // asked once the tickets are read, not while they are
        assertThat(IdentityResolver.noTicketInWindow(old))
                .get()
                .asString()
                .startsWith(
                        "none of the 2 tickets read was created or updated in the ticket window (the 30 days before ")
                .endsWith("), so no ticket is checked; if some should be, check --as-of or the snapshot's captured_at");
        assertThat(IdentityResolver.noTicketInWindow(resolve(base.ticket(102, 10, 1L, 3))))
                .isEmpty();
    }

    @Test
    void resolve_aSideWithNoRecords_isAWarningNamingWhatItWillLookLike() {
        assertThat(resolve(Snapshots.with().account("001A", "A", "a.example")).warnings())
                .containsExactly(
                        "no Zendesk organizations were read, so every account is reported as "
                                + "account_missing_zendesk_org; check that the organizations export is complete",
                        "no Zendesk users were read, so no user or ticket is checked; check that the users export is "
                                + "complete");
        assertThat(resolve(Snapshots.with().org(1, "A", "").endUser(10, "x@a.example", 1L))
                        .warnings())
                .containsExactly("no Salesforce accounts were read, so every Zendesk org is reported as org_orphaned; "
                        + "check that the accounts export is complete");
        assertThat(resolve(Snapshots.with()
                                .account("001A", "A", "a.example")
                                .org(1, "A", "001A")
                                .endUser(10, "x@a.example", 1L))
                        .warnings())
                .isEmpty();
        // users who name a default org, and no membership read at all: a memberships export that failed
        Snapshot noMemberships = Snapshots.with()
                .account("001A", "A", "a.example")
                .org(1, "A", "001A")
                .endUser(10, "x@a.example", 1L)
                .endUser(11, "y@a.example", 1L)
                .build();
        Snapshot cut = new Snapshot(
                noMemberships.accounts(),
                noMemberships.contacts(),
                noMemberships.organizations(),
                noMemberships.users(),
                List.of(),
                noMemberships.tickets(),
                noMemberships.asOf());
        assertThat(new IdentityResolver(ResolutionSettings.defaults())
                        .resolve(cut)
                        .warnings())
                .containsExactly("no Zendesk organization memberships were read, though 2 users name a default "
                        + "organization, so every mapped user is reported as user_missing_expected_membership; check "
                        + "that the memberships export is complete");
    }

    @Test
    void resolve_membershipsNamingAnOrgNotRead_areOneWarningBeforeTheContactsOnes() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .deletedOrg(1, "A", "001A")
                .endUser(10, "x@a.example", 1L) // membership 1, of a deleted org: held
                .member(10, 7, false) // 2: no org 7
                .member(11, 1, false) // 3: no user 11, which is no sign of anything
                .member(10, 8, false) // 4: no org 8
                .contact("not an email", "001A", true));
        assertThat(r.warnings())
                .containsExactly(
                        "2 memberships name orgs the organizations export does not hold (lowest id: membership 2, org "
                                + "7); check that the organizations export is complete",
                        "salesforce_contacts.csv: 1 contact's email is not an email address (line 2, 'not an "
                                + "email'); it is not used");
        assertThat(r.membershipsOf(new ZendeskUserId(10))).hasSize(3);
    }

    @Test
    void resolve_noOrgsRead_saysSoOnceNotForEveryMembership() {
        assertThat(resolve(Snapshots.with().account("001A", "A", "a.example").endUser(10, "x@a.example", 1L))
                        .warnings())
                .containsExactly("no Zendesk organizations were read, so every account is reported as "
                        + "account_missing_zendesk_org; check that the organizations export is complete");
    }

    @Test
    void danglingMemberships_namesTheOneOfLowestIdWhereverItIs() {
        OrgIndex orgs = new OrgIndex(List.of(new Organization(new ZendeskOrgId(1), "A", "", List.of(), "")));
        List<Membership> memberships = List.of(
                membership(9, 10, 1),
                membership(8, 10, 5),
                membership(3, 11, 6),
                membership(4, 12, 1),
                membership(6, 13, 7));

        assertThat(IdentityResolver.danglingMemberships(memberships, orgs))
                .contains("3 memberships name orgs the organizations export does not hold (lowest id: membership 3, "
                        + "org 6); check that the organizations export is complete");
        assertThat(IdentityResolver.danglingMemberships(List.of(membership(5, 10, 1)), orgs))
                .isEmpty();
    }

    private static Membership membership(long id, long user, long org) {
        return new Membership(new MembershipId(id), new ZendeskUserId(user), new ZendeskOrgId(org), false);
    }

    @Test
    void resolve_thousandsOfContactsThatCannotBeUsed_areOneWarningPerReasonWithCountAndFirstLine() {
        Snapshots s = Snapshots.with().account("001A", "A", "a.example").contact("ok@a.example", "001A", true);
        for (int i = 0; i < 5000; i++) {
            s.contact("p" + i + "@b.example", "001X" + i, false);
            if (i % 1000 == 0) {
                s.contact("no email " + i, "001A", false);
            }
        }
        assertThat(resolve(s).warnings())
                .filteredOn(w -> w.contains("contact"))
                .containsExactly(
                        "salesforce_contacts.csv: 5 contacts' emails are not email addresses (first: line 4, 'no "
                                + "email 0'); they are not used",
                        "salesforce_contacts.csv: 5,000 contacts name accounts not among the accounts (first: line 3,"
                                + " account 001X0); they are not used");
    }

    @Test
    void resolve_contactsNotFromAFile_areWarnedWithoutALine() {
        Snapshot base = Snapshots.with().account("001A", "A", "a.example").build();
        Snapshot s = new Snapshot(
                base.accounts(),
                List.of(new Contact("x@b.example", SalesforceIds.canonical("001B"), true, 0)),
                base.organizations(),
                base.users(),
                base.memberships(),
                base.tickets(),
                base.asOf());
        assertThat(new IdentityResolver(ResolutionSettings.defaults())
                        .resolve(s)
                        .warnings())
                .contains("salesforce_contacts.csv: 1 contact names an account not among the accounts (account "
                        + "001B); it is not used");
    }

    @Test
    void resolveUser_contactNamingTheAccountInAnotherCase_mapsToThatAccount() {
        Resolution r = resolve(Snapshots.with()
                .account("001Dn00000NsMdQIAV", "A", "a.example")
                .contact("x@gmail.com", "001DN00000NSMDQIAV", true)
                .endUser(10, "x@gmail.com", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.CONTACT);
        assertThat(user(r, 10).primary()).isEqualTo(new SalesforceAccountId("001Dn00000NsMdQIAV"));
        assertThat(r.warnings()).noneMatch(w -> w.contains("contact"));
    }

    @Test
    void resolveUser_contactsOnTwoAccounts_primaryDecides() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "")
                .account("001B", "B", "")
                .contact("x@c.example", "001A", false)
                .contact("x@c.example", "001B", true)
                .endUser(10, "x@c.example", null));
        assertThat(user(r, 10).accounts()).hasSize(2);
        assertThat(user(r, 10).primary()).isEqualTo(new SalesforceAccountId("001B"));
    }

    @Test
    void resolveUser_personalDomain_hasNoExpectation() {
        Resolution r =
                resolve(Snapshots.with().account("001A", "A", "a.example").endUser(10, "someone@yahoo.com", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.PERSONAL);
    }

    @Test
    void resolveUser_subdomainOfAPersonalProvider_hasNoExpectation() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .endUser(10, "someone@mail.yahoo.com", null)
                .endUser(11, "someone@acme.me.com.example", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.PERSONAL);
        assertThat(user(r, 11).rule()).isNotEqualTo(UserRule.PERSONAL);
    }

    @Test
    void resolveUser_configuredExtraPersonalDomain_hasNoExpectation() {
        var settings = new ResolutionSettings(
                io.plumbline.normalize.PersonalDomains.withExtra(java.util.List.of("a.example")), 30);
        Resolution r = new IdentityResolver(settings)
                .resolve(Snapshots.with()
                        .account("001A", "A", "b.example")
                        .endUser(10, "someone@a.example", null)
                        .build());
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.PERSONAL);
    }

    @Test
    void resolve_builtInPersonalDomainRemovedByConfig_identifiesTheAccountWhoseDomainItIs() {
        var settings = new ResolutionSettings(
                io.plumbline.normalize.PersonalDomains.with(java.util.List.of(), java.util.List.of("fastmail.com")),
                30);
        Snapshots snapshot = Snapshots.with()
                .account("001F", "Fastmail", "fastmail.com")
                .org(5, "Fastmail", null, "fastmail.com")
                .endUser(10, "staff@fastmail.com", null);

        Resolution removed = new IdentityResolver(settings).resolve(snapshot.build());
        Resolution builtIn = resolve(snapshot);

        assertThat(account(removed, "001F").rule()).isEqualTo(AccountRule.DOMAIN);
        assertThat(user(removed, 10).rule()).isNotEqualTo(UserRule.PERSONAL);
        assertThat(user(builtIn, 10).rule()).isEqualTo(UserRule.PERSONAL);
        assertThat(account(builtIn, "001F").rule()).isEqualTo(AccountRule.NONE);
    }

    @Test
    void resolveUser_agentsSuspendedAndInactive_areNotChecked() {
        Resolution r = resolve(Snapshots.with()
                .account("001A", "A", "a.example")
                .user(new User(new ZendeskUserId(1), "ag@a.example", "Ag", "agent", null, true, false))
                .user(new User(new ZendeskUserId(2), "su@a.example", "Su", "end-user", null, true, true))
                .user(new User(new ZendeskUserId(3), "in@a.example", "In", "end-user", null, false, false)));
        assertThat(r.users().values()).allMatch(u -> u.rule() == UserRule.NOT_ELIGIBLE);
    }

    @Test
    void resolveUser_domainOfNoAccount_hasNoExpectation() {
        Resolution r =
                resolve(Snapshots.with().account("001A", "A", "a.example").endUser(10, "x@consultant.example", null));
        assertThat(user(r, 10).rule()).isEqualTo(UserRule.NO_MATCH);
    }
}
