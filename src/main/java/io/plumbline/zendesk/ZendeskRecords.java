package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Organization;
import io.plumbline.model.Texts;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps Zendesk API JSON objects (exactly as the API returns them) to model records. Unknown fields are
 * ignored and nulls tolerated where Zendesk sends them; a field of the wrong type throws an
 * {@link IllegalArgumentException} that names the field and the value found.
 */
public final class ZendeskRecords {
    private ZendeskRecords() {}

    public static Organization organization(JsonNode n) {
        requireObject(n);
        List<String> domains = new ArrayList<>();
        JsonNode list = n.get("domain_names");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw wrongType("domain_names", "an array of strings", list);
            }
            for (JsonNode d : list) {
                if (!d.isTextual()) {
                    throw wrongType("domain_names[]", "a string", d);
                }
                domains.add(Texts.wellFormed(d.asText()));
            }
        }
        // a timestamp or null: any other text ("null", "false") is refused rather than read as deleted
        Instant deleted = instant(n, "deleted_at");
        return new Organization(
                new ZendeskOrgId(id(n, "id")),
                text(n, "name"),
                scalarText(n, "external_id"),
                domains,
                deleted == null ? "" : deleted.toString());
    }

    public static User user(JsonNode n) {
        requireObject(n);
        Long org = optionalId(n, "organization_id");
        return new User(
                new ZendeskUserId(id(n, "id")),
                text(n, "email"),
                text(n, "name"),
                text(n, "role"),
                org == null ? null : new ZendeskOrgId(org),
                bool(n, "active", true),
                bool(n, "suspended", false));
    }

    public static Membership membership(JsonNode n) {
        requireObject(n);
        return new Membership(
                new MembershipId(id(n, "id")),
                new ZendeskUserId(id(n, "user_id")),
                new ZendeskOrgId(id(n, "organization_id")),
                bool(n, "default", false));
    }

    public static Ticket ticket(JsonNode n) {
        requireObject(n);
        Long requester = optionalId(n, "requester_id");
        Long org = optionalId(n, "organization_id");
        return new Ticket(
                new ZendeskTicketId(id(n, "id")),
                requester == null ? null : new ZendeskUserId(requester),
                org == null ? null : new ZendeskOrgId(org),
                instant(n, "created_at"),
                instant(n, "updated_at"),
                text(n, "status"));
    }

    private static void requireObject(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + describe(n));
        }
    }

    /**
     * The largest id read: 2^53 - 1. Zendesk's ids are far below it; above it a JSON number no longer
     * names one integer for every tool (the plan hash canonicalizes numbers as doubles, RFC 8785, where
     * two such ids would hash alike), so a larger one is refused as input, not rounded.
     */
    static final long MAX_ID = (1L << 53) - 1;

    private static long id(JsonNode n, String field) {
        Long v = optionalId(n, field);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v;
    }

    private static Long optionalId(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0 || v.asLong() > MAX_ID) {
            throw wrongType(field, "a positive integer up to " + MAX_ID, v);
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return Texts.wellFormed(v.asText());
    }

    /**
     * external_id may arrive as a whole number from some integrations; it is an identifier either way, read
     * as its digits. Any other number ({@code 1.5e3}, {@code 1500.0}) has no one spelling to compare with an
     * account key, and is refused rather than read as {@code "1500.0"}.
     */
    private static String scalarText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && v.isNumber()) {
            if (!v.isIntegralNumber()) {
                throw wrongType(field, "a string or a whole number", v);
            }
            return v.asText();
        }
        return text(n, field);
    }

    private static boolean bool(JsonNode n, String field, boolean absent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return absent; // nulls are tolerated as absent: "active": null is no more inactive than no "active"
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "true, false or null", v);
        }
        return v.asBoolean();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field
                    + "' must be an ISO 8601 timestamp with its UTC offset (2026-04-17T22:15:30Z or "
                    + "2026-04-17T18:15:30-04:00), found \"" + s + "\"");
        }
    }

    private static IllegalArgumentException wrongType(String field, String expected, JsonNode found) {
        return new IllegalArgumentException("'" + field + "' must be " + expected + ", found " + describe(found));
    }

    private static String describe(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
