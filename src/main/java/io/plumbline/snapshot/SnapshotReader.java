package io.plumbline.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.InputException;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import io.plumbline.salesforce.AccountsCsvReader;
import io.plumbline.salesforce.ContactsCsvReader;
import io.plumbline.zendesk.JsonlReader;
import io.plumbline.zendesk.ZendeskRecords;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Reads a snapshot laid out as the contract says (accounts CSV, optional contacts CSV, four Zendesk
 * JSONL files). The instant the snapshot stands for is, in order: the caller's override, the
 * manifest's {@code captured_at}, the latest ticket activity, or the epoch when there are no tickets.
 */
public final class SnapshotReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnapshotReader() {}

    /** Reads everything; {@code accountsOverride} replaces the accounts CSV when not null. */
    public static Snapshot read(InputSource source, Instant asOfOverride) {
        List<Account> accounts = required(
                source,
                SnapshotLayout.ACCOUNTS,
                in -> AccountsCsvReader.read(in, source.displayName(SnapshotLayout.ACCOUNTS)));
        List<Contact> contacts = Objects.requireNonNullElse(
                optional(
                        source,
                        SnapshotLayout.CONTACTS,
                        in -> ContactsCsvReader.read(in, source.displayName(SnapshotLayout.CONTACTS))),
                List.of());
        List<Organization> orgs =
                jsonl(source, SnapshotLayout.ORGANIZATIONS, ZendeskRecords::organization, Organization::id);
        List<User> users = jsonl(source, SnapshotLayout.USERS, ZendeskRecords::user, User::id);
        List<Membership> memberships =
                jsonl(source, SnapshotLayout.MEMBERSHIPS, ZendeskRecords::membership, Membership::id);
        List<Ticket> tickets = jsonl(source, SnapshotLayout.TICKETS, ZendeskRecords::ticket, Ticket::id);
        Instant asOf = asOfOverride != null ? asOfOverride : manifestAsOf(source);
        if (asOf == null) {
            asOf = tickets.stream()
                    .map(Ticket::activityAt)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
        }
        return new Snapshot(accounts, contacts == null ? List.of() : contacts, orgs, users, memberships, tickets, asOf);
    }

    private interface Parse<T> {
        T apply(InputStream in);
    }

    private static <T> T required(InputSource source, String path, Parse<T> parse) {
        T value = optional(source, path, parse);
        if (value == null) {
            throw new InputException(
                    source.displayName(path),
                    0,
                    0,
                    "file not found; a snapshot folder needs "
                            + "salesforce_accounts.csv and zendesk/{organizations,users,organization_memberships,tickets}.jsonl");
        }
        return value;
    }

    private static <T> T optional(InputSource source, String path, Parse<T> parse) {
        try (InputStream in = source.open(path)) {
            return in == null ? null : parse.apply(in);
        } catch (IOException e) {
            throw new InputException(source.displayName(path), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> jsonl(
            InputSource source,
            String path,
            java.util.function.Function<JsonNode, T> mapper,
            java.util.function.Function<T, Object> idOf) {
        return required(source, path, in -> JsonlReader.read(in, source.displayName(path), mapper, idOf));
    }

    private static Instant manifestAsOf(InputSource source) {
        JsonNode manifest = optional(source, SnapshotLayout.MANIFEST, in -> {
            try {
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new InputException(
                        source.displayName(SnapshotLayout.MANIFEST), 0, 0, "malformed JSON: " + e.getMessage(), e);
            }
        });
        if (manifest == null
                || manifest.path("captured_at").isMissingNode()
                || manifest.path("captured_at").isNull()) {
            return null;
        }
        String text = manifest.path("captured_at").asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputException(
                    source.displayName(SnapshotLayout.MANIFEST),
                    0,
                    0,
                    "captured_at must be an ISO 8601 timestamp, found \"" + text + "\"",
                    e);
        }
    }
}
