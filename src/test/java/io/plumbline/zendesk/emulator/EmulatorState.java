package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated account's records, kept as the raw JSON objects they were seeded with so that answers
 * carry exactly the fields a snapshot held, and the write rules Zendesk enforces on them: external_id
 * unique (case-insensitively), domain_names replaced whole, one membership per user and org, exactly
 * one default membership per user mirrored in the user's organization_id. Not thread-safe by itself:
 * the emulator serializes access.
 */
final class EmulatorState {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> EPOCH_SECONDS = new ConcurrentHashMap<>();
    final NavigableMap<Long, ObjectNode> organizations = new TreeMap<>();
    final NavigableMap<Long, ObjectNode> users = new TreeMap<>();
    /** Deleted users: gone from the user lists, still in the user export with {@code active: false}. */
    final NavigableMap<Long, ObjectNode> deletedUsers = new TreeMap<>();

    final NavigableMap<Long, ObjectNode> memberships = new TreeMap<>();
    final NavigableMap<Long, ObjectNode> tickets = new TreeMap<>();
    private long nextMembershipId = 90_000_000_001L;
    private long version;

    /** A validation failure: the field and Zendesk's error code and words. */
    record Invalid(String field, String error, String description) {}

    /** Marks that records may have changed (views derived from them are stale). */
    void changed() {
        version++;
    }

    /** Changes with every {@link #changed()}: a view computed at one version holds until the next. */
    long version() {
        return version;
    }

    void seeded() {
        long maxId = memberships.isEmpty() ? 0 : memberships.lastKey();
        nextMembershipId = Math.max(nextMembershipId, maxId + 1);
    }

    List<ObjectNode> liveOrganizations() {
        return organizations.values().stream().filter(o -> !isDeleted(o)).toList();
    }

    Optional<ObjectNode> liveOrganization(long id) {
        return Optional.ofNullable(organizations.get(id)).filter(o -> !isDeleted(o));
    }

    static boolean isDeleted(JsonNode o) {
        JsonNode d = o.path("deleted_at");
        return d.isTextual() && !d.asText().isBlank();
    }

    List<ObjectNode> organizationsByExternalId(String externalId) {
        String key = externalId.toLowerCase(Locale.ROOT);
        return liveOrganizations().stream()
                .filter(o -> o.path("external_id").isValueNode()
                        && !o.path("external_id").isNull())
                .filter(o ->
                        o.path("external_id").asText().toLowerCase(Locale.ROOT).equals(key))
                .toList();
    }

    /** The user's memberships, default first, then by id (as Zendesk lists them). */
    List<ObjectNode> membershipsOfUser(long userId) {
        return memberships.values().stream()
                .filter(m -> m.path("user_id").asLong() == userId)
                .sorted(Comparator.comparing(
                                (ObjectNode m) -> !m.path("default").asBoolean(false))
                        .thenComparing(m -> m.path("id").asLong()))
                .toList();
    }

    List<ObjectNode> membershipsOfOrganization(long orgId) {
        return memberships.values().stream()
                .filter(m -> m.path("organization_id").asLong() == orgId)
                .toList();
    }

    /** Applies the org fields Plumbline may send; an error when external_id would collide. */
    Optional<Invalid> updateOrganization(ObjectNode org, JsonNode fields, Instant now) {
        JsonNode ext = fields.get("external_id");
        if (ext != null && !ext.isNull() && !ext.asText().isEmpty()) {
            boolean taken = organizationsByExternalId(ext.asText()).stream()
                    .anyMatch(o -> o.path("id").asLong() != org.path("id").asLong());
            if (taken) {
                return Optional.of(new Invalid("external_id", "DuplicateValue", "External has already been taken"));
            }
        }
        if (fields.has("domain_names") && !fields.get("domain_names").isArray()) {
            return Optional.of(new Invalid("domain_names", "InvalidValue", "Domain names is invalid"));
        }
        fields.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "external_id" -> org.set("external_id", blankToNull(e.getValue()));
                case "domain_names" -> org.set("domain_names", lowercased((ArrayNode) e.getValue()));
                case "name", "notes", "details" -> org.set(e.getKey(), e.getValue());
                default -> {
                    // other fields exist in Zendesk but Plumbline never sends them
                }
            }
        });
        org.put("updated_at", stamp(now));
        return Optional.empty();
    }

    /** Creates a membership; an error when the user already belongs to the org. */
    Object createMembership(long userId, long orgId, Instant now) {
        boolean exists = membershipsOfUser(userId).stream()
                .anyMatch(m -> m.path("organization_id").asLong() == orgId);
        if (exists) {
            return new Invalid("user_id", "DuplicateValue", "User is already a member of this organization");
        }
        boolean first = membershipsOfUser(userId).isEmpty();
        ObjectNode m = JSON.createObjectNode();
        long id = nextMembershipId++;
        m.put("id", id);
        m.put("user_id", userId);
        m.put("organization_id", orgId);
        m.put("organization_name", organizations.get(orgId).path("name").asText());
        if (first) {
            m.put("default", true);
        } else {
            m.putNull("default");
        }
        m.put("view_tickets", true);
        m.put("created_at", stamp(now));
        m.put("updated_at", stamp(now));
        memberships.put(id, m);
        if (first) {
            setUserOrganization(userId, orgId, now);
        }
        return m;
    }

    void makeDefault(ObjectNode membership, Instant now) {
        long userId = membership.path("user_id").asLong();
        for (ObjectNode m : membershipsOfUser(userId)) {
            if (m == membership) {
                m.put("default", true);
            } else {
                m.putNull("default");
            }
            m.put("updated_at", stamp(now));
        }
        setUserOrganization(userId, membership.path("organization_id").asLong(), now);
    }

    /** Deletes a membership; when it was the default, the oldest remaining one becomes default. */
    void deleteMembership(ObjectNode membership, Instant now) {
        memberships.remove(membership.path("id").asLong());
        long userId = membership.path("user_id").asLong();
        if (membership.path("default").asBoolean(false)) {
            List<ObjectNode> rest = new ArrayList<>(membershipsOfUser(userId));
            if (rest.isEmpty()) {
                setUserOrganization(userId, 0, now);
            } else {
                makeDefault(rest.get(0), now);
            }
        }
    }

    private void setUserOrganization(long userId, long orgId, Instant now) {
        ObjectNode u = users.get(userId);
        if (u != null) {
            if (orgId == 0) {
                u.putNull("organization_id");
            } else {
                u.put("organization_id", orgId);
            }
            u.put("updated_at", stamp(now));
        }
    }

    private static JsonNode blankToNull(JsonNode v) {
        return v == null || v.isNull() || v.asText().isBlank() ? JSON.nullNode() : v;
    }

    private static ArrayNode lowercased(ArrayNode in) {
        ArrayNode out = JSON.createArrayNode();
        in.forEach(d -> out.add(d.asText().trim().toLowerCase(Locale.ROOT)));
        return out;
    }

    static String stamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** updated_at (else created_at) in epoch seconds; 0 when neither is set. */
    static long changedAt(JsonNode record) {
        // Zendesk's ticket export selects by generated_timestamp, which a system update (an SLA, an
        // automation) moves without touching updated_at; a seeded ticket may carry one to show that
        if (record.path("generated_timestamp").canConvertToLong()) {
            return record.path("generated_timestamp").asLong();
        }
        for (String f : List.of("updated_at", "created_at")) {
            JsonNode v = record.path(f);
            if (v.isTextual() && !v.asText().isBlank()) {
                // exports ask this of every record on every page: parse each timestamp text once
                return EPOCH_SECONDS.computeIfAbsent(
                        v.asText(), t -> OffsetDateTime.parse(t).toEpochSecond());
            }
        }
        return 0;
    }
}
