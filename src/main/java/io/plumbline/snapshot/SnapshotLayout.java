package io.plumbline.snapshot;

import java.util.List;

/** The file names of a snapshot folder, as the contract lays them out. */
public final class SnapshotLayout {
    public static final String ACCOUNTS = "salesforce_accounts.csv";
    public static final String CONTACTS = "salesforce_contacts.csv";
    public static final String ORGANIZATIONS = "zendesk/organizations.jsonl";
    public static final String USERS = "zendesk/users.jsonl";
    public static final String MEMBERSHIPS = "zendesk/organization_memberships.jsonl";
    public static final String TICKETS = "zendesk/tickets.jsonl";
    /** Optional: {@code {"captured_at": "..."}}, the instant the snapshot was pulled. */
    public static final String MANIFEST = "snapshot.json";

    /**
     * The manifest's keys, sorted: those the audit reads ({@code captured_at}, {@code zendesk}, {@code
     * source}) and those a live pull records beside them ({@code ticket_lookback_days}, {@code
     * salesforce}). Another key is said, and refused when it looks like one of these mistyped.
     */
    public static final List<String> MANIFEST_KEYS =
            List.of("captured_at", "salesforce", "source", "ticket_lookback_days", "zendesk");

    /** A manifest key versions before {@code zendesk} wrote (the API root), taken as known and not read. */
    public static final String OLDER_MANIFEST_KEY = "zendesk_base_url";

    /** The manifest's {@code source} of the demo fixtures, also in a copy of them that {@code init --demo} writes. */
    public static final String DEMO_SOURCE = "demo fixtures";

    /** Every file of the layout, the optional ones included. */
    public static final List<String> FILES =
            List.of(ACCOUNTS, CONTACTS, MANIFEST, ORGANIZATIONS, USERS, MEMBERSHIPS, TICKETS);

    private SnapshotLayout() {}
}
