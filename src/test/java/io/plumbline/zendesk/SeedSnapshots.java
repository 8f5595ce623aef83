package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic seed snapshot of a given size for emulator tests: orgs (some deleted, many
 * sharing a timestamp so time-based export pages overlap), end-users and agents, memberships (default
 * true or null), and tickets inside and outside a 30-day window (a few deleted), plus a small accounts CSV.
 */
public final class SeedSnapshots {
    public static final Instant CAPTURED_AT = Instant.parse("2026-03-02T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedSnapshots() {}

    public static Path write(Path dir, int orgs, int users, int tickets) {
        Random r = new Random(7);
        List<String> orgLines = new ArrayList<>();
        for (int i = 1; i <= orgs; i++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("url", "https://acme.zendesk.com/api/v2/organizations/" + (1000 + i) + ".json");
            o.put("id", 1000 + i);
            o.put("name", "Org " + i + " \u00e9");
            o.put("shared_tickets", false);
            o.putArray("domain_names").add("org" + i + ".example.com");
            if (i % 3 == 0) {
                o.put("external_id", "001ACME" + String.format("%05d", i));
            } else {
                o.putNull("external_id");
            }
            o.putArray("tags");
            o.putObject("organization_fields");
            o.put("created_at", stamp(CAPTURED_AT.minus(Duration.ofDays(400))));
            o.put("updated_at", stamp(CAPTURED_AT.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(orgs - i / 3))));
            if (i % 50 == 0) {
                o.put("deleted_at", stamp(CAPTURED_AT.minus(Duration.ofDays(1))));
            }
            orgLines.add(o.toString());
        }
        List<String> userLines = new ArrayList<>();
        List<String> membershipLines = new ArrayList<>();
        long membershipId = 5000;
        for (int i = 1; i <= users; i++) {
            long uid = 20_000 + i;
            long org = 1000 + 1 + r.nextInt(orgs);
            ObjectNode u = JSON.createObjectNode();
            u.put("id", uid);
            u.put("url", "https://acme.zendesk.com/api/v2/users/" + uid + ".json");
            u.put("name", "User " + i);
            u.put("email", "user" + i + "@org" + (org - 1000) + ".example.com");
            u.put("role", i % 10 == 0 ? "agent" : "end-user");
            u.put("organization_id", org);
            u.put("active", true);
            u.put("suspended", i % 37 == 0);
            u.put("created_at", stamp(CAPTURED_AT.minus(Duration.ofDays(300))));
            u.put("updated_at", stamp(CAPTURED_AT.minus(Duration.ofHours(i))));
            userLines.add(u.toString());
            membershipLines.add(membership(membershipId++, uid, org, true));
            if (i % 4 == 0) {
                long other = 1000 + 1 + ((org - 1000) % orgs);
                if (other != org) {
                    membershipLines.add(membership(membershipId++, uid, other, false));
                }
            }
        }
        List<String> ticketLines = new ArrayList<>();
        for (int i = 1; i <= tickets; i++) {
            ObjectNode t = JSON.createObjectNode();
            t.put("id", 300_000 + i);
            t.put("requester_id", 20_000 + 1 + r.nextInt(users));
            t.put("organization_id", 1000 + 1 + r.nextInt(orgs));
            Instant created = CAPTURED_AT.minus(Duration.ofHours(2 + r.nextInt(24 * 60)));
            t.put("created_at", stamp(created));
            t.put("updated_at", stamp(created.plus(Duration.ofMinutes(r.nextInt(60)))));
            t.put("status", i % 97 == 0 ? "deleted" : i % 2 == 0 ? "open" : "solved");
            t.put("subject", "Ticket " + i);
            ticketLines.add(t.toString());
        }
        try {
            Files.createDirectories(dir.resolve("zendesk"));
            Files.writeString(dir.resolve("zendesk/organizations.jsonl"), lines(orgLines), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("zendesk/users.jsonl"), lines(userLines), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("zendesk/organization_memberships.jsonl"),
                    lines(membershipLines),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("zendesk/tickets.jsonl"), lines(ticketLines), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("salesforce_accounts.csv"),
                    "sf_account_id,account_name,account_domains\n"
                            + "001ACME00003,Org 3,org3.example.com\n001ACME00004,Org 4,org4.example.com\n");
            Files.writeString(dir.resolve("snapshot.json"), "{\"captured_at\": \"" + CAPTURED_AT + "\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * As {@link #write}, but every org live and changed in the same second, as after a bulk import: more
     * of them than an export page holds, when {@code orgs} is over 1,000.
     */
    public static Path writeOrgsChangedInOneSecond(Path dir, int orgs, int users, int tickets) {
        return writeOrgsChangedInSeconds(dir, orgs, users, tickets, 1);
    }

    /** As {@link #writeOrgsChangedInOneSecond}, the orgs changed in {@code seconds} seconds in a row, as many in each. */
    public static Path writeOrgsChangedInSeconds(Path dir, int orgs, int users, int tickets, int seconds) {
        write(dir, orgs, users, tickets);
        Path file = dir.resolve("zendesk/organizations.jsonl");
        Instant first = CAPTURED_AT.minus(Duration.ofDays(1));
        try {
            List<String> lines = new ArrayList<>();
            List<String> read = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < read.size(); i++) {
                ObjectNode o = (ObjectNode) JSON.readTree(read.get(i));
                o.remove("deleted_at");
                long second = (long) i * seconds / read.size();
                lines.add(o.put("updated_at", stamp(first.plusSeconds(second))).toString());
            }
            Files.writeString(file, lines(lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String membership(long id, long user, long org, boolean isDefault) {
        ObjectNode m = JSON.createObjectNode();
        m.put("url", "https://acme.zendesk.com/api/v2/organization_memberships/" + id + ".json");
        m.put("id", id);
        m.put("user_id", user);
        m.put("organization_id", org);
        if (isDefault) {
            m.put("default", true);
        } else {
            m.putNull("default");
        }
        m.put("created_at", stamp(CAPTURED_AT.minus(Duration.ofDays(100))));
        m.put("updated_at", stamp(CAPTURED_AT.minus(Duration.ofDays(100))));
        return m.toString();
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String stamp(Instant t) {
        return t.toString();
    }
}
