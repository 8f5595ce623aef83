package io.plumbline.zendesk;

import io.plumbline.model.MembershipTable;
import io.plumbline.model.Organization;
import io.plumbline.model.TicketColumns;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same mapping as {@link ZendeskRecords}, read from a record's fields one by one ({@link
 * FieldReader}: Jackson's streaming parser or the byte scanner) without building a JSON tree. It
 * accepts only what ZendeskRecords maps without complaint and yields the same values; anything else
 * (a wrong type, a repeated field, a missing id) throws {@link JsonlStreamReader#FALLBACK} so the
 * caller re-reads the file the exact way.
 */
final class StreamedRecords {
    /** The keys each record's mapping reads, in the order of the indexes its FieldReader gives. */
    static final String[] ORGANIZATION_KEYS = {"id", "name", "external_id", "domain_names", "deleted_at"};

    static final String[] USER_KEYS = {"id", "email", "name", "role", "organization_id", "active", "suspended"};
    static final String[] MEMBERSHIP_KEYS = {"id", "user_id", "organization_id", "default"};
    static final String[] TICKET_KEYS = {"id", "requester_id", "organization_id", "created_at", "updated_at", "status"};

    /** The same keys as sets; each may be given only once in a line, and any other key is skipped. */
    static final Set<String> ORGANIZATION_FIELDS = Set.of(ORGANIZATION_KEYS);

    static final Set<String> USER_FIELDS = Set.of(USER_KEYS);
    static final Set<String> MEMBERSHIP_FIELDS = Set.of(MEMBERSHIP_KEYS);
    static final Set<String> TICKET_FIELDS = Set.of(TICKET_KEYS);

    private static final String END_USER = "end-user";
    private static final ThreadLocal<Map<Long, ZendeskOrgId>> ORG_IDS = ThreadLocal.withInitial(HashMap::new);
    private static final String[] STATUSES = {"new", "open", "pending", "hold", "solved", "closed"};

    private StreamedRecords() {}

    static Organization organization(FieldReader r) throws IOException {
        long id = 0;
        String name = "";
        String externalId = "";
        String deletedAt = "";
        List<String> domains = List.of();
        Fields seen = new Fields();
        int k;
        while ((k = r.nextField()) != FieldReader.END) {
            seen.once(k);
            switch (k) {
                case 0 -> id = r.id();
                case 1 -> name = r.text();
                case 2 -> externalId = r.scalarText();
                case 3 -> domains = r.strings();
                default -> {
                    Instant deleted = r.instant(); // a timestamp or null: any other text is refused, not "deleted"
                    deletedAt = deleted == null ? "" : deleted.toString();
                }
            }
        }
        return new Organization(new ZendeskOrgId(required(id)), name, externalId, domains, deletedAt);
    }

    static User user(FieldReader r) throws IOException {
        long id = 0;
        long org = 0;
        String email = "";
        String name = "";
        String role = "";
        boolean active = true;
        boolean suspended = false;
        Fields seen = new Fields();
        int k;
        while ((k = r.nextField()) != FieldReader.END) {
            seen.once(k);
            switch (k) {
                case 0 -> id = r.id();
                case 1 -> email = r.text();
                case 2 -> name = r.text();
                case 3 -> role = r.text();
                case 4 -> org = r.id();
                case 5 -> active = r.bool(true);
                default -> suspended = r.bool(false);
            }
        }
        return new User(
                new ZendeskUserId(required(id)),
                email,
                name,
                END_USER.equals(role) ? END_USER : role,
                org == 0 ? null : orgId(org),
                active,
                suspended);
    }

    /** Appends the membership to {@code table}; returns its id. */
    static long membership(FieldReader r, MembershipTable.Builder table) throws IOException {
        long id = 0;
        long user = 0;
        long org = 0;
        boolean isDefault = false;
        Fields seen = new Fields();
        int k;
        while ((k = r.nextField()) != FieldReader.END) {
            seen.once(k);
            switch (k) {
                case 0 -> id = r.id();
                case 1 -> user = r.id();
                case 2 -> org = r.id();
                default -> isDefault = r.bool(false);
            }
        }
        table.add(required(id), required(user), required(org), isDefault);
        return id;
    }

    /** Appends the ticket to {@code table}; returns its id. */
    static long ticket(FieldReader r, TicketColumns.Builder table) throws IOException {
        long id = 0;
        long requester = 0;
        long org = 0;
        Instant created = null;
        Instant updated = null;
        String status = "";
        Fields seen = new Fields();
        int k;
        while ((k = r.nextField()) != FieldReader.END) {
            seen.once(k);
            switch (k) {
                case 0 -> id = r.id();
                case 1 -> requester = r.id();
                case 2 -> org = r.id();
                case 3 -> created = r.instant();
                case 4 -> updated = r.instant();
                default -> status = r.text(STATUSES);
            }
        }
        table.add(required(id), requester, org, created, updated, status);
        return id;
    }

    /**
     * The org id object for {@code id}, shared within a thread: millions of users and memberships
     * point at a few hundred thousand orgs, and equal ids need not be separate objects.
     */
    private static ZendeskOrgId orgId(long id) {
        Map<Long, ZendeskOrgId> cache = ORG_IDS.get();
        if (cache.size() > 100_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(id, ZendeskOrgId::new);
    }

    private static long required(long id) {
        if (id == 0) {
            throw JsonlStreamReader.FALLBACK;
        }
        return id;
    }

    /** Which of a record's fields were seen: a field that appears twice falls back. */
    private static final class Fields {
        private int mask;

        void once(int bit) {
            if ((mask & (1 << bit)) != 0) {
                throw JsonlStreamReader.FALLBACK;
            }
            mask |= 1 << bit;
        }
    }
}
