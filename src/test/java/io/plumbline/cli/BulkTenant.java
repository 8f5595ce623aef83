package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated tenant for bulk apply tests, audited once: {@code accounts} Salesforce accounts, each with
 * the org its {@code zendesk_org_id} names ({@code 100000 + i}, domain {@code dI.example}), and
 * {@code usersPerAccount} end-users per account ({@code 200000 + k}, {@code uK@dI.example}) who belong
 * to no org, so that each is one {@code assign_user_to_org}. With {@code orgRepairs}, every org also
 * has a blank external_id and lacks the account's second domain {@code eI.example}: one
 * {@code set_org_external_id} and one {@code add_org_domain} per account.
 */
final class BulkTenant {
    static final Instant CAPTURED = Instant.parse("2026-04-17T22:15:30Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path snapshot;
    final Path plan;
    final String planHash;
    final int accounts;
    final int usersPerAccount;

    BulkTenant(Path dir, int accounts, int usersPerAccount, boolean orgRepairs) throws IOException {
        this.dir = dir;
        this.accounts = accounts;
        this.usersPerAccount = usersPerAccount;
        this.snapshot = dir.resolve("snapshot");
        write(snapshot, accounts, usersPerAccount, orgRepairs);
        LiveApplyFixture.Run r = LiveApplyFixture.run(
                Clock.fixed(CAPTURED.plus(Duration.ofDays(1)), ZoneOffset.UTC),
                Map.of(),
                "audit",
                "--snapshot",
                snapshot.toString(),
                "--as-of",
                CAPTURED.toString(),
                "--run-id",
                "audit",
                "--out",
                dir.resolve("out").toString(),
                "--no-history",
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        this.plan = dir.resolve("out/audit/fix_plan.json");
        this.planHash = LiveApplyFixture.json(plan).path("plan_hash").asText();
    }

    static long org(int account) {
        return 100_000L + account;
    }

    static long user(int account, int n, int usersPerAccount) {
        return 200_000L + (long) account * usersPerAccount + n;
    }

    static String accountId(int account) {
        return String.format("BULK-%05d", account);
    }

    /** An emulator seeded with the tenant, on a clock 1,000 times faster than real time. */
    ZendeskEmulator emulator() {
        return emulator(EmulatorConfig.withToken(LiveApplyFixture.TOKEN));
    }

    /** The same with its own settings (which must take the fixture's token). */
    ZendeskEmulator emulator(EmulatorConfig config) {
        return ZendeskEmulator.start(snapshot, config, new EmulatorTime(CAPTURED.plus(Duration.ofMinutes(2)), 1000));
    }

    Path config(ZendeskEmulator z) {
        Path cfg = dir.resolve("plumbline-" + z.baseUri().getPort() + ".yaml");
        String yaml = "salesforce:\n  source: csv\n  accounts_csv: " + snapshot.resolve("salesforce_accounts.csv")
                + "\nzendesk:\n  base_url: " + z.baseUri()
                + "\n  max_retries: 2\n  auth:\n    oauth_access_token_env: ZD_TOKEN\n";
        try {
            Files.writeString(cfg, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cfg;
    }

    /** A copy of the plan in its own folder, so that each run's receipt lands apart. */
    Path planCopy(String name) {
        Path to = dir.resolve("plans").resolve(name).resolve("fix_plan.json");
        try {
            Files.createDirectories(to.getParent());
            Files.copy(plan, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /**
     * {@code apply --plan P --config C --apply --confirm-plan-hash H} with caps wide enough for all, and org
     * updates in bulk too ({@code --bulk-org-updates}).
     */
    LiveApplyFixture.Run applyLive(ZendeskEmulator z, Path plan, String... more) {
        List<String> args = new ArrayList<>(List.of("--bulk-org-updates"));
        args.addAll(List.of(more));
        return applyLiveOrgsOneByOne(z, plan, args.toArray(String[]::new));
    }

    /** As {@link #applyLive}, org updates left one at a time (the default). */
    LiveApplyFixture.Run applyLiveOrgsOneByOne(ZendeskEmulator z, Path plan, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "apply",
                "--plan",
                plan.toString(),
                "--config",
                config(z).toString(),
                "--apply",
                "--confirm-plan-hash",
                planHash,
                "--max-actions",
                "100000",
                "--max-per-account",
                "100000",
                "--quiet"));
        args.addAll(List.of(more));
        return LiveApplyFixture.run(z.time(), LiveApplyFixture.ENV, args.toArray(String[]::new));
    }

    /** Audits the emulator's current state offline; the issue codes of the run, one per issue. */
    List<String> reaudit(ZendeskEmulator z, String name) {
        Path state = dir.resolve("state-" + name);
        z.dumpSnapshot(state);
        LiveApplyFixture.Run r = LiveApplyFixture.run(
                Clock.fixed(CAPTURED.plus(Duration.ofDays(1)), ZoneOffset.UTC),
                Map.of(),
                "audit",
                "--snapshot",
                state.toString(),
                "--as-of",
                CAPTURED.toString(),
                "--run-id",
                name,
                "--out",
                dir.resolve("out").toString(),
                "--no-history",
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> codes = new ArrayList<>();
        LiveApplyFixture.json(dir.resolve("out").resolve(name).resolve("fix_plan.json"))
                .path("actions")
                .forEach(a -> codes.add(a.path("action_code").asText()));
        return codes;
    }

    /** The results of the receipt beside {@code plan}. */
    static List<JsonNode> results(Path plan) {
        List<JsonNode> out = new ArrayList<>();
        LiveApplyFixture.json(plan.resolveSibling("apply_receipt.json"))
                .path("results")
                .forEach(out::add);
        return out;
    }

    private static void write(Path dir, int accounts, int usersPerAccount, boolean orgRepairs) throws IOException {
        Files.createDirectories(dir.resolve("zendesk"));
        StringBuilder csv = new StringBuilder(
                "sf_account_id,account_name,account_domains,website,zendesk_domain_override,zendesk_org_id,"
                        + "parent_account_id\n");
        StringBuilder orgs = new StringBuilder();
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < accounts; i++) {
            String domains = "d" + i + ".example" + (orgRepairs ? " e" + i + ".example" : "");
            csv.append(accountId(i))
                    .append(",Account ")
                    .append(i)
                    .append(',')
                    .append(domains)
                    .append(",,,")
                    .append(org(i))
                    .append(",\n");
            ObjectNode o = JSON.createObjectNode().put("id", org(i)).put("name", "Org " + i);
            if (orgRepairs) {
                o.putNull("external_id");
            } else {
                o.put("external_id", accountId(i));
            }
            o.putArray("domain_names").add("d" + i + ".example");
            o.put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2025-01-01T00:00:00Z");
            orgs.append(o).append('\n');
            for (int n = 0; n < usersPerAccount; n++) {
                long id = user(i, n, usersPerAccount);
                ObjectNode u = JSON.createObjectNode()
                        .put("id", id)
                        .put("name", "User " + id)
                        .put("email", "u" + id + "@d" + i + ".example")
                        .put("role", "end-user")
                        .putNull("organization_id")
                        .put("active", true)
                        .put("suspended", false)
                        .put("created_at", "2024-01-01T00:00:00Z")
                        .put("updated_at", "2025-01-01T00:00:00Z");
                users.append(u).append('\n');
            }
        }
        Files.writeString(dir.resolve("salesforce_accounts.csv"), csv);
        Files.writeString(dir.resolve("zendesk/organizations.jsonl"), orgs);
        Files.writeString(dir.resolve("zendesk/users.jsonl"), users);
        Files.writeString(dir.resolve("zendesk/organization_memberships.jsonl"), "");
        Files.writeString(dir.resolve("zendesk/tickets.jsonl"), "");
        Files.writeString(dir.resolve("snapshot.json"), "{\"captured_at\": \"" + CAPTURED + "\"}\n");
    }
}
