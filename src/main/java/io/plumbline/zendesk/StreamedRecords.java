package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.Organization;
import io.plumbline.model.TicketColumns;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same mapping as {@link ZendeskRecords}, read straight from a streaming parser positioned on a
 * record's opening brace, without building a JSON tree. It accepts only what ZendeskRecords maps
 * without complaint and yields the same values; anything else (a wrong type, a repeated field, a
 * missing id) throws {@link JsonlStreamReader.Fallback} so the caller re-reads the file the exact way.
 */
final class StreamedRecords {
    /** The keys each record's mapping reads, each of which a line may give only once; any other key is skipped. */
    static final Set<String> ORGANIZATION_FIELDS = Set.of("id", "name", "external_id", "domain_names", "deleted_at");

    static final Set<String> USER_FIELDS =
            Set.of("id", "email", "name", "role", "organization_id", "active", "suspended");
    static final Set<String> MEMBERSHIP_FIELDS = Set.of("id", "user_id", "organization_id", "default");
    static final Set<String> TICKET_FIELDS =
            Set.of("id", "requester_id", "organization_id", "created_at", "updated_at", "status");

    private static final String END_USER = "end-user";
    private static final ThreadLocal<Map<Long, ZendeskOrgId>> ORG_IDS = ThreadLocal.withInitial(HashMap::new);
    private static final String[] STATUSES = {"new", "open", "pending", "hold", "solved", "closed"};

    private StreamedRecords() {}

    static Organization organization(JsonParser p) throws IOException {
        long id = 0;
        String name = "";
        String externalId = "";
        String deletedAt = "";
        List<String> domains = List.of();
        Fields seen = new Fields();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "id" -> id = seen.once(0, id(p, t));
                case "name" -> name = seen.once(1, text(p, t));
                case "external_id" -> externalId = seen.once(2, scalarText(p, t));
                case "domain_names" -> domains = seen.once(3, strings(p, t));
                case "deleted_at" -> deletedAt = seen.once(4, text(p, t));
                default -> p.skipChildren();
            }
        }
        return new Organization(new ZendeskOrgId(required(id)), name, externalId, domains, deletedAt);
    }

    static User user(JsonParser p) throws IOException {
        long id = 0;
        long org = 0;
        String email = "";
        String name = "";
        String role = "";
        boolean active = true;
        boolean suspended = false;
        Fields seen = new Fields();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "id" -> id = seen.once(0, id(p, t));
                case "email" -> email = seen.once(1, text(p, t));
                case "name" -> name = seen.once(2, text(p, t));
                case "role" -> role = seen.once(3, text(p, t));
                case "organization_id" -> org = seen.once(4, id(p, t));
                case "active" -> active = seen.once(5, bool(t, true));
                case "suspended" -> suspended = seen.once(6, bool(t, false));
                default -> p.skipChildren();
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
    static long membership(JsonParser p, MembershipTable.Builder table) throws IOException {
        long id = 0;
        long user = 0;
        long org = 0;
        boolean isDefault = false;
        Fields seen = new Fields();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "id" -> id = seen.once(0, id(p, t));
                case "user_id" -> user = seen.once(1, id(p, t));
                case "organization_id" -> org = seen.once(2, id(p, t));
                case "default" -> isDefault = seen.once(3, bool(t, false));
                default -> p.skipChildren();
            }
        }
        table.add(required(id), required(user), required(org), isDefault);
        return id;
    }

    /** Appends the ticket to {@code table}; returns its id. */
    static long ticket(JsonParser p, TicketColumns.Builder table) throws IOException {
        long id = 0;
        long requester = 0;
        long org = 0;
        Instant created = null;
        Instant updated = null;
        String status = "";
        Fields seen = new Fields();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "id" -> id = seen.once(0, id(p, t));
                case "requester_id" -> requester = seen.once(1, id(p, t));
                case "organization_id" -> org = seen.once(2, id(p, t));
                case "created_at" -> created = seen.once(3, instant(p, t));
                case "updated_at" -> updated = seen.once(4, instant(p, t));
                case "status" -> status = seen.once(5, status(p, t));
                default -> p.skipChildren();
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

    /** A positive integer id, or 0 for null; anything else falls back. */
    private static long id(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw JsonlStreamReader.FALLBACK;
        }
        long v = p.getLongValue();
        if (v <= 0) {
            throw JsonlStreamReader.FALLBACK;
        }
        return v;
    }

    private static long required(long id) {
        if (id == 0) {
            throw JsonlStreamReader.FALLBACK;
        }
        return id;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != JsonToken.VALUE_STRING) {
            throw JsonlStreamReader.FALLBACK;
        }
        return p.getText();
    }

    private static String scalarText(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(p.getLongValue());
        }
        return text(p, t);
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw JsonlStreamReader.FALLBACK;
        }
        List<String> out = new ArrayList<>(4);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.VALUE_STRING) {
                throw JsonlStreamReader.FALLBACK;
            }
            out.add(p.getText());
        }
        return out;
    }

    /** True or false; JSON null reads as the field's value when absent, as ZendeskRecords reads it. */
    private static boolean bool(JsonToken t, boolean ifNull) {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> ifNull;
            default -> throw JsonlStreamReader.FALLBACK;
        };
    }

    private static Instant instant(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw JsonlStreamReader.FALLBACK;
        }
        // parsed from the parser's buffer: no String for the tens of millions of ticket timestamps
        int len = p.getTextLength();
        if (len == 0) {
            return null;
        }
        try {
            return IsoInstants.parse(p.getTextCharacters(), p.getTextOffset(), len);
        } catch (DateTimeParseException e) {
            throw JsonlStreamReader.FALLBACK;
        }
    }

    /** A ticket status, the common ones shared rather than copied for every ticket. */
    private static String status(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            char[] chars = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            for (String known : STATUSES) {
                if (sameChars(known, chars, off, len)) {
                    return known;
                }
            }
        }
        return text(p, t);
    }

    private static boolean sameChars(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** Which of a record's fields were seen: a field that appears twice falls back. */
    private static final class Fields {
        private int mask;

        <V> V once(int bit, V value) {
            if ((mask & (1 << bit)) != 0) {
                throw JsonlStreamReader.FALLBACK;
            }
            mask |= 1 << bit;
            return value;
        }

        long once(int bit, long value) {
            once(bit, Boolean.TRUE);
            return value;
        }

        boolean once(int bit, boolean value) {
            once(bit, Boolean.TRUE);
            return value;
        }
    }
}
