package io.plumbline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the files of one snapshot folder (SPEC §3) record by record: the Salesforce CSVs and the
 * four Zendesk JSONL files, each record shaped like the Zendesk API returns it (with fields Plumbline
 * ignores, so parsing costs what it costs on real exports).
 */
final class SnapshotFiles implements AutoCloseable {
    private static final String BASE = "https://acme.zendesk.com/api/v2/";
    private final Writer accounts;
    private final Writer contacts;
    private final Writer orgs;
    private final Writer users;
    private final Writer memberships;
    private final Writer tickets;
    private final JsonLine json = new JsonLine();
    private final Instant created;

    SnapshotFiles(Path dir, Instant asOf) throws IOException {
        Files.createDirectories(dir.resolve("zendesk"));
        created = asOf.minusSeconds(3L * 365 * 86_400);
        accounts = open(dir.resolve("salesforce_accounts.csv"));
        contacts = open(dir.resolve("salesforce_contacts.csv"));
        orgs = open(dir.resolve("zendesk/organizations.jsonl"));
        users = open(dir.resolve("zendesk/users.jsonl"));
        memberships = open(dir.resolve("zendesk/organization_memberships.jsonl"));
        tickets = open(dir.resolve("zendesk/tickets.jsonl"));
        write(
                accounts,
                "sf_account_id,account_name,account_domains,website,zendesk_domain_override,"
                        + "zendesk_org_id,parent_account_id\n");
        write(contacts, "email,sf_account_id,is_primary\n");
        Files.writeString(dir.resolve("snapshot.json"), "{\"captured_at\":\"" + asOf + "\"}\n");
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    void account(String id, String name, String domains, String website, String override, String storedOrgId) {
        write(
                accounts,
                String.join(",", id, csv(name), csv(domains), csv(website), csv(override), storedOrgId, "") + "\n");
    }

    void contact(String email, String accountId, boolean primary) {
        write(contacts, email + "," + accountId + "," + primary + "\n");
    }

    void org(long id, String name, String externalId, String[] domains, String deletedAt) {
        json.start()
                .str("url", BASE + "organizations/" + id + ".json")
                .num("id", id)
                .str("name", name)
                .bool("shared_tickets", false)
                .bool("shared_comments", false)
                .str("external_id", externalId)
                .str("created_at", created.plusSeconds(id % 10_000_000).toString())
                .str("updated_at", created.plusSeconds(id % 20_000_000).toString())
                .strings("domain_names", domains)
                .str("details", "")
                .str("notes", "")
                .raw("group_id", "null")
                .strings("tags", "customer")
                .raw("organization_fields", "{\"tier\":\"standard\",\"region\":null}");
        if (deletedAt != null) {
            json.str("deleted_at", deletedAt);
        }
        write(orgs, json.end());
    }

    void user(long id, String email, String name, String role, long orgId, boolean active, boolean suspended) {
        write(
                users,
                json.start()
                        .str("url", BASE + "users/" + id + ".json")
                        .num("id", id)
                        .str("name", name)
                        .str("email", email)
                        .str("created_at", created.plusSeconds(id % 50_000_000).toString())
                        .str("updated_at", created.plusSeconds(id % 60_000_000).toString())
                        .str("time_zone", "Eastern Time (US & Canada)")
                        .str("locale", "en-US")
                        .id("organization_id", orgId)
                        .str("role", role)
                        .bool("verified", true)
                        .raw("external_id", "null")
                        .strings("tags")
                        .bool("active", active)
                        .bool("shared", false)
                        .bool("suspended", suspended)
                        .raw("user_fields", "{}")
                        .end());
    }

    void membership(long id, long userId, long orgId, boolean isDefault) {
        write(
                memberships,
                json.start()
                        .str("url", BASE + "organization_memberships/" + id + ".json")
                        .num("id", id)
                        .num("user_id", userId)
                        .num("organization_id", orgId)
                        .bool("default", isDefault)
                        .str("created_at", created.plusSeconds(id % 50_000_000).toString())
                        .str("updated_at", created.plusSeconds(id % 60_000_000).toString())
                        .bool("view_tickets", false)
                        .end());
    }

    void ticket(long id, long requesterId, long orgId, Instant createdAt, Instant updatedAt, String status) {
        write(
                tickets,
                json.start()
                        .str("url", BASE + "tickets/" + id + ".json")
                        .num("id", id)
                        .raw("via", "{\"channel\":\"email\"}")
                        .str("created_at", createdAt.toString())
                        .str("updated_at", updatedAt.toString())
                        .str("type", "question")
                        .str("subject", "Help with order " + (id * 7919 % 1_000_003))
                        .str("priority", "normal")
                        .str("status", status)
                        .num("requester_id", requesterId)
                        .num("submitter_id", requesterId)
                        .raw("assignee_id", "null")
                        .id("organization_id", orgId)
                        .strings("tags", "web")
                        .bool("has_incidents", false)
                        .bool("is_public", true)
                        .end());
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void write(Writer w, String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Writer w : new Writer[] {accounts, contacts, orgs, users, memberships, tickets}) {
            w.close();
        }
    }
}
