package io.plumbline.testing;

import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Organization;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.resolve.ResolutionSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds small snapshots for core tests: {@code Snapshots.with().account(...).org(...).build()}. */
public final class Snapshots {
    public static final Instant AS_OF = Instant.parse("2026-04-17T00:00:00Z");

    private final List<Account> accounts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Organization> orgs = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final List<Ticket> tickets = new ArrayList<>();
    private long nextMembership = 1;

    private Snapshots() {}

    public static Snapshots with() {
        return new Snapshots();
    }

    /**
     * A requester of two accounts: 001A (org 1, a.example) and 001B (b.example, no org of its own yet),
     * end-user 10 kim@personal.example a contact of both ({@code primaryA}: of 001A as the primary), and
     * ticket 100 of hers on org 2, another account's.
     */
    public static Snapshots requesterOfTwoAccounts(boolean primaryA) {
        return with().account("001A", "A", "a.example")
                .account("001B", "B", "b.example")
                .org(1, "A", "001A", "a.example")
                .org(2, "Other", "001Z")
                .contact("kim@personal.example", "001A", primaryA)
                .contact("kim@personal.example", "001B", false)
                .endUser(10, "kim@personal.example", 1L)
                .ticket(100, 10, 2L, 3);
    }

    public Snapshots account(String id, String name, String domains) {
        return account(id, name, domains, "", "", "");
    }

    public Snapshots account(
            String id, String name, String domains, String website, String override, String storedOrgId) {
        accounts.add(new Account(
                SalesforceIds.canonical(id), name, domains, website, override, storedOrgId, "", accounts.size() + 2));
        return this;
    }

    public Snapshots org(long id, String name, String externalId, String... domains) {
        orgs.add(new Organization(new ZendeskOrgId(id), name, externalId, Arrays.asList(domains), ""));
        return this;
    }

    public Snapshots deletedOrg(long id, String name, String externalId, String... domains) {
        orgs.add(new Organization(
                new ZendeskOrgId(id), name, externalId, Arrays.asList(domains), "2026-01-01T00:00:00Z"));
        return this;
    }

    /** An active end-user; when {@code defaultOrg} is set the user is a default member of it. */
    public Snapshots endUser(long id, String email, Long defaultOrg) {
        users.add(new User(
                new ZendeskUserId(id),
                email,
                email,
                User.END_USER,
                defaultOrg == null ? null : new ZendeskOrgId(defaultOrg),
                true,
                false));
        if (defaultOrg != null) {
            member(id, defaultOrg, true);
        }
        return this;
    }

    public Snapshots user(User user) {
        users.add(user);
        return this;
    }

    public Snapshots member(long userId, long orgId, boolean isDefault) {
        memberships.add(new Membership(
                new MembershipId(nextMembership++), new ZendeskUserId(userId), new ZendeskOrgId(orgId), isDefault));
        return this;
    }

    public Snapshots contact(String email, String accountId, boolean primary) {
        contacts.add(new Contact(email, SalesforceIds.canonical(accountId), primary, contacts.size() + 2));
        return this;
    }

    /** An open ticket updated {@code daysAgo} days before {@link #AS_OF}. */
    public Snapshots ticket(long id, long requester, Long org, int daysAgo) {
        return ticket(id, requester, org, daysAgo, "open");
    }

    /** A ticket with this status, updated {@code daysAgo} days before {@link #AS_OF}. */
    public Snapshots ticket(long id, long requester, Long org, int daysAgo, String status) {
        Instant at = AS_OF.minusSeconds(daysAgo * 86_400L);
        tickets.add(new Ticket(
                new ZendeskTicketId(id),
                new ZendeskUserId(requester),
                org == null ? null : new ZendeskOrgId(org),
                at,
                at,
                status));
        return this;
    }

    public Snapshot build() {
        return new Snapshot(accounts, contacts, orgs, users, memberships, tickets, AS_OF);
    }

    /** Audits the snapshot with default settings. */
    public AuditResult audit() {
        return new Auditor(ResolutionSettings.defaults(), List.of()).audit(build(), false, "test", AS_OF);
    }
}
