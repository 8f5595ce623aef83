package io.plumbline.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything one audit reads, from both systems, as of one instant. {@code asOf} anchors the ticket
 * lookback window, so re-auditing the same snapshot later gives the same result. {@code zendesk} names
 * the Zendesk it was pulled from ({@code acme.zendesk.com}), or is empty when its files do not say. Tickets may come as
 * a compact, immutable {@link TicketTable} and memberships as a {@link MembershipTable}, which are kept
 * as they are; a ticket table may hold only the tickets of the audit's lookback window. {@code capturedAt}
 * is the instant its files say they were taken (a snapshot folder's {@code captured_at}), or null when
 * they do not say; {@code asOf} is that instant unless an {@code --as-of} was given. {@code
 * readWarnings} are what reading its files found and settled by a rule the user should know of (an id
 * on two lines with different content, CSV columns not used), to be reported with the audit's input warnings; the list may
 * wait for a file still being read when it is first asked, so it is asked once the tickets are used.
 */
public record Snapshot(
        List<Account> accounts,
        List<Contact> contacts,
        List<Organization> organizations,
        List<User> users,
        List<Membership> memberships,
        List<Ticket> tickets,
        Instant asOf,
        String zendesk,
        Instant capturedAt,
        List<String> readWarnings) {
    public Snapshot {
        // kept as given, not copied: a reader may fill it while a file is still being read
        readWarnings = Collections.unmodifiableList(readWarnings);
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        organizations = List.copyOf(organizations);
        users = List.copyOf(users);
        memberships = memberships instanceof MembershipTable ? memberships : List.copyOf(memberships);
        tickets = tickets instanceof TicketTable ? tickets : List.copyOf(tickets);
        Objects.requireNonNull(asOf, "asOf");
        zendesk = Texts.orEmpty(zendesk);
    }

    /** A snapshot whose files were read without a warning. */
    public Snapshot(
            List<Account> accounts,
            List<Contact> contacts,
            List<Organization> organizations,
            List<User> users,
            List<Membership> memberships,
            List<Ticket> tickets,
            Instant asOf,
            String zendesk,
            Instant capturedAt) {
        this(accounts, contacts, organizations, users, memberships, tickets, asOf, zendesk, capturedAt, List.of());
    }

    /** A snapshot that does not say when it was taken. */
    public Snapshot(
            List<Account> accounts,
            List<Contact> contacts,
            List<Organization> organizations,
            List<User> users,
            List<Membership> memberships,
            List<Ticket> tickets,
            Instant asOf,
            String zendesk) {
        this(accounts, contacts, organizations, users, memberships, tickets, asOf, zendesk, null);
    }

    /** A snapshot that does not say which Zendesk it was pulled from, nor when. */
    public Snapshot(
            List<Account> accounts,
            List<Contact> contacts,
            List<Organization> organizations,
            List<User> users,
            List<Membership> memberships,
            List<Ticket> tickets,
            Instant asOf) {
        this(accounts, contacts, organizations, users, memberships, tickets, asOf, "", null);
    }

    /**
     * How many tickets the snapshot's ticket file holds. A {@link TicketTable} read for one lookback
     * window holds only that window's tickets in {@link #tickets()} but counts them all.
     */
    public int ticketsRead() {
        return tickets instanceof TicketTable table ? table.read() : tickets.size();
    }
}
