package io.plumbline.snapshot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskInstance;
import io.plumbline.salesforce.AccountsCsvReader;
import io.plumbline.salesforce.ContactsCsvReader;
import io.plumbline.zendesk.JsonlStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads a snapshot laid out as the contract says (accounts CSV, optional contacts CSV, four Zendesk
 * JSONL files). The instant the snapshot stands for is, in order: the caller's override, the
 * manifest's {@code captured_at}, the latest ticket activity, or the epoch when there are no tickets.
 */
public final class SnapshotReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SnapshotReader() {}

    /**
     * Reads everything, the files side by side on the machine's cores (the largest, tickets, starts
     * first). Unless the snapshot's instant has to be found from the tickets, the tickets come as a
     * deferred {@link TicketTable}: they are still being read while the caller resolves identities, and
     * a ticket file error surfaces at their first use. When several files are bad, the error reported
     * is the one a file-by-file read in the contract's order would have met first.
     */
    public static Snapshot read(InputSource source, Instant asOfOverride) {
        return read(source, asOfOverride, null);
    }

    /**
     * As {@link #read(InputSource, Instant)}, holding only the tickets an audit with a ticket lookback
     * window of {@code ticketLookback} looks at: those active since the snapshot's instant less the
     * lookback (the snapshot still counts every ticket read). Every ticket is held when {@code
     * ticketLookback} is null or the snapshot's instant has to be found from the tickets themselves.
     */
    public static Snapshot read(InputSource source, Instant asOfOverride, Duration ticketLookback) {
        Instant knownAsOf = asOfOverride;
        if (knownAsOf == null && ticketLookback != null) {
            try {
                knownAsOf = manifestAsOf(source);
            } catch (RuntimeException e) {
                knownAsOf = null; // reported in the contract's order once the files are read
            }
        }
        Instant ticketsSince = knownAsOf == null || ticketLookback == null ? null : knownAsOf.minus(ticketLookback);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), daemon());
        try {
            ReadWarnings warnings = new ReadWarnings();
            Future<TicketTable> tickets = pool.submit(() -> zendesk(
                    source,
                    SnapshotLayout.TICKETS,
                    (open, file) ->
                            JsonlStreamReader.tickets(open, file, ticketsSince, warnings.of(SnapshotLayout.TICKETS))));
            warnings.awaiting(tickets);
            Future<List<Membership>> memberships = pool.submit(() -> zendesk(
                    source,
                    SnapshotLayout.MEMBERSHIPS,
                    (open, file) ->
                            JsonlStreamReader.memberships(open, file, warnings.of(SnapshotLayout.MEMBERSHIPS))));
            Future<List<User>> users = pool.submit(() -> zendesk(
                    source,
                    SnapshotLayout.USERS,
                    (open, file) -> JsonlStreamReader.users(open, file, warnings.of(SnapshotLayout.USERS))));
            Future<List<Organization>> orgs = pool.submit(() -> zendesk(
                    source,
                    SnapshotLayout.ORGANIZATIONS,
                    (open, file) ->
                            JsonlStreamReader.organizations(open, file, warnings.of(SnapshotLayout.ORGANIZATIONS))));
            Future<List<Account>> accounts = pool.submit(() -> required(
                    source,
                    SnapshotLayout.ACCOUNTS,
                    in -> AccountsCsvReader.read(
                            in, source.displayName(SnapshotLayout.ACCOUNTS), warnings.of(SnapshotLayout.ACCOUNTS))));
            Future<List<Contact>> contacts = pool.submit(() -> optional(
                    source,
                    SnapshotLayout.CONTACTS,
                    in -> ContactsCsvReader.read(
                            in, source.displayName(SnapshotLayout.CONTACTS), warnings.of(SnapshotLayout.CONTACTS))));
            return assemble(
                    get(accounts),
                    get(contacts),
                    get(orgs),
                    get(users),
                    get(memberships),
                    tickets,
                    asOfOverride,
                    source,
                    warnings);
        } finally {
            pool.shutdown();
        }
    }

    private static Snapshot assemble(
            List<Account> accounts,
            List<Contact> contacts,
            List<Organization> orgs,
            List<User> users,
            List<Membership> memberships,
            Future<TicketTable> ticketsRead,
            Instant asOfOverride,
            InputSource source,
            ReadWarnings warnings) {
        required(source, SnapshotLayout.TICKETS, in -> Boolean.TRUE);
        TicketTable tickets = TicketTable.deferred(() -> get(ticketsRead));
        Instant asOf = asOfOverride;
        String zendesk;
        Instant captured;
        try {
            if (manifest(source) != null) {
                ManifestKeys.check(source, warnings.of(SnapshotLayout.MANIFEST));
            }
            captured = manifestAsOf(source);
            if (asOf != null && captured != null && asOf.isAfter(captured)) {
                // nothing in the snapshot is later than its capture: such an instant only hides its age
                throw new ConfigException("--as-of " + asOf + " is after " + source.displayName(SnapshotLayout.MANIFEST)
                        + "'s captured_at " + captured + ", and the snapshot holds nothing later; leave --as-of out,"
                        + " or give an instant no later than that");
            }
            asOf = asOf != null ? asOf : captured;
            zendesk = manifestZendesk(source);
        } catch (RuntimeException e) {
            tickets.size(); // a ticket file error comes first, as in a file-by-file read
            throw e;
        }
        if (asOf == null) {
            asOf = latestActivity(tickets);
        }
        return new Snapshot(
                accounts,
                contacts == null ? List.of() : contacts,
                orgs,
                users,
                memberships,
                tickets,
                asOf,
                zendesk,
                captured,
                warnings);
    }

    private static Instant latestActivity(List<Ticket> tickets) {
        Instant latest = null;
        for (Ticket t : tickets) {
            Instant at = t.activityAt();
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest == null ? Instant.EPOCH : latest;
    }

    private interface FastRead<T> {
        T read(JsonlStreamReader.Opener open, String file);
    }

    /** A required Zendesk JSONL file, read by the streaming reader. */
    private static <T> T zendesk(InputSource source, String path, FastRead<T> reader) {
        required(source, path, in -> Boolean.TRUE);
        return reader.read(() -> source.open(path), source.displayName(path));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the snapshot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "snapshot-reader");
            t.setDaemon(true);
            return t;
        };
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
                    "file not found"
                            + UnreadFiles.hint(path, source.unread())
                                    .map(h -> "; " + h)
                                    .orElse("")
                            + "; a snapshot folder needs salesforce_accounts.csv and zendesk/{organizations,users,organization_memberships,tickets}.jsonl");
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

    /**
     * Whether the snapshot's manifest says it holds the demo fixtures ({@code "source": "demo fixtures"}), as
     * the copy {@code init --demo} writes does (whether its files are still the fixtures is for the caller).
     */
    public static boolean demoFixtures(InputSource source) {
        JsonNode manifest = manifest(source);
        return manifest != null
                && SnapshotLayout.DEMO_SOURCE.equals(manifest.path("source").asText());
    }

    private static Instant manifestAsOf(InputSource source) {
        JsonNode manifest = manifest(source);
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
                    "captured_at must be an ISO 8601 timestamp with its UTC offset (2026-04-17T22:15:30Z or "
                            + "2026-04-17T22:15:30+02:00), found \"" + text + "\"",
                    e);
        }
    }

    /**
     * The Zendesk the manifest says the snapshot was pulled from, named as {@link ZendeskInstance#name} names
     * it (it may be written as a URL), or "" when it does not say.
     */
    private static String manifestZendesk(InputSource source) {
        JsonNode manifest = manifest(source);
        JsonNode zendesk = manifest == null ? null : manifest.get("zendesk");
        if (zendesk == null || zendesk.isNull()) {
            return "";
        }
        Optional<String> name = zendesk.isTextual() ? ZendeskInstance.parse(zendesk.asText()) : Optional.empty();
        if (name.isEmpty()) {
            throw new InputException(
                    source.displayName(SnapshotLayout.MANIFEST),
                    0,
                    0,
                    "zendesk must name the Zendesk the snapshot was pulled from, like \"acme.zendesk.com\", found "
                            + zendesk);
        }
        return name.get();
    }

    /** The manifest's one JSON object, or null when the snapshot has none. */
    private static JsonNode manifest(InputSource source) {
        JsonNode manifest = optional(source, SnapshotLayout.MANIFEST, in -> {
            try {
                return MAPPER.readTree(in);
            } catch (JacksonException e) {
                throw JsonErrors.malformed(source.displayName(SnapshotLayout.MANIFEST), e);
            } catch (IOException e) {
                throw new InputException(
                        source.displayName(SnapshotLayout.MANIFEST), 0, 0, "cannot read: " + e.getMessage(), e);
            }
        });
        if (manifest != null && (manifest.isMissingNode() || !manifest.isObject())) {
            throw new InputException(
                    source.displayName(SnapshotLayout.MANIFEST),
                    0,
                    0,
                    "must hold one JSON object, like {\"captured_at\": \"2026-04-17T22:15:30Z\"}");
        }
        return manifest;
    }
}
