package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.salesforce.emulator.RecordedRequest;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live audit with Salesforce read from the emulator (seeded with the demo accounts and contacts,
 * plus records the account filter must leave out) and the demo's Zendesk data gives the same plan as
 * auditing the demo fixture folder offline.
 */
class LiveAuditTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-17T22:15:30Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROSPECT = "001PROSPECT00001AAA";

    private final SalesforceEmulator sf = SalesforceEmulator.start();
    private String token;

    @TempDir
    Path tmp;

    @BeforeEach
    void seed() throws IOException {
        token = sf.issueToken();
        sf.bulkPollsUntilComplete(1); // the CLI polls with real sleeps; a small job is done at the first look
        forEachDemoRow(
                SnapshotLayout.ACCOUNTS,
                r -> sf.data()
                        .add(
                                "Account",
                                "Id",
                                sfId(r.getField("sf_account_id")),
                                "Name",
                                r.getField("account_name"),
                                "Type",
                                "Customer",
                                "Domain__c",
                                orNull(r.getField("account_domains")),
                                "Website",
                                orNull(r.getField("website")),
                                "Domain_Override__c",
                                orNull(r.getField("zendesk_domain_override")),
                                "Zendesk__Zendesk_Organization_Id__c",
                                orNull(r.getField("zendesk_org_id")),
                                "ParentId",
                                orNull(sfId(r.getField("parent_account_id")))));
        int[] n = {0};
        forEachDemoRow(
                SnapshotLayout.CONTACTS,
                r -> contact(
                        "003DEMO00000000" + ++n[0] + "AAA", r.getField("email"), sfId(r.getField("sf_account_id"))));
        // outside the filter: must not reach the snapshot, or the plan would differ
        sf.data()
                .add(
                        "Account",
                        "Id",
                        PROSPECT,
                        "Name",
                        "Acme Prospect",
                        "Type",
                        "Prospect",
                        "Domain__c",
                        "acmehealth.example");
        contact("003DEMO000000099AAA", "someone@acmehealth.example", PROSPECT);
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    @Test
    void liveAudit_salesforceFromApiAndDemoZendesk_matchesTheOfflineDemoPlanHash() throws IOException {
        Result live = audit(config("api", ""), this::demoZendesk, "live1");
        audit(
                null,
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "offline",
                "--snapshot",
                demoFolder().toString());
        audit(
                null,
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "again",
                "--snapshot",
                run("live1/snapshot").toString());

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.err()).contains("Salesforce: 9 accounts, 1 contact rows read via BULK API v67.0");
        assertThat(planHash("live1")).isEqualTo(planHash("offline")).isEqualTo(planHash("again"));
        assertThat(Files.readString(run("live1/all_exceptions.csv")))
                .isEqualTo(Files.readString(run("offline/all_exceptions.csv")));
        assertThat(Files.readString(run("live1/snapshot/salesforce_accounts.csv")))
                .doesNotContain(PROSPECT)
                .contains("001Dn00000NsMdQIAV");
        assertThat(sf.requests()).isNotEmpty().allMatch(r -> r.kind().isRead());
        assertThat(sf.requests()).extracting(RecordedRequest::method).containsOnly("GET", "POST");
        assertThat(textsUnder(tmp.resolve("out"))).noneMatch(text -> text.contains(token));
    }

    @Test
    void liveAudit_salesforceFromCsvAndDemoZendesk_matchesTheOfflineDemoPlanHash() throws IOException {
        Path demo = demoFolder();
        Path config = config(
                "csv",
                "  accounts_csv: " + demo.resolve(SnapshotLayout.ACCOUNTS) + "\n" + "  contacts_csv: "
                        + demo.resolve(SnapshotLayout.CONTACTS) + "\n");

        Result live = audit(config, this::demoZendesk, "live1");
        audit(null, ZendeskSnapshotSource.NOT_AVAILABLE, "offline", "--snapshot", demo.toString());

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(planHash("live1")).isEqualTo(planHash("offline"));
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void liveAudit_withoutALiveZendesk_explainsAndAsksSalesforceNothing() throws IOException {
        Result r = audit(config("api", ""), ZendeskSnapshotSource.NOT_AVAILABLE, "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("live audits read Zendesk through its API, which this build cannot reach yet");
        assertThat(sf.requests()).isEmpty();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void liveAudit_salesforceRejectsTheFilter_exits2AndLeavesNoRunFolder() throws IOException {
        Path config = config("api", "");
        Files.writeString(config, Files.readString(config).replace("Type = 'Customer'", "Type = Customer"));

        Result r = audit(config, this::demoZendesk, "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("MALFORMED_QUERY", "'Customer' is in salesforce.account_filter");
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void liveAudit_badFieldName_failsBeforeZendeskIsRead() throws IOException {
        Path config = config("api", "");
        Files.writeString(config, Files.readString(config).replace("[Domain__c]", "[\"Domain__c FROM User\"]"));
        List<Path> zendeskCalls = new ArrayList<>();

        Result r = audit(config, (c, dir, asOf, days) -> zendeskCalls.add(dir), "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("salesforce.fields.domains[0]", "not a Salesforce field name");
        assertThat(zendeskCalls).isEmpty();
        assertThat(sf.requests()).isEmpty();
    }

    private record Result(int code, String out, String err) {}

    /** Runs {@code audit --run-id ID} with the config (or {@code --out} when null) and extra options. */
    private Result audit(Path config, ZendeskSnapshotSource zendesk, String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--run-id", runId));
        args.addAll(config != null ? List.of("--config", config.toString()) : List.of("--out", run("").toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(
                new PrintWriter(out), new PrintWriter(err), Map.of("SF_ACCESS_TOKEN", token), CLOCK, zendesk);
        int code = new Main(ctx).run(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** The Zendesk half exactly as the demo fixture folder holds it, as a live pull would write it. */
    private void demoZendesk(PlumblineConfig config, Path dir, Instant asOf, int lookbackDays) {
        for (String f : InitCommand.DEMO_FILES) {
            if (f.startsWith("zendesk/") || f.equals(SnapshotLayout.MANIFEST)) {
                copyResource(f, dir.resolve(f));
            }
        }
    }

    private Path demoFolder() {
        Path dir = tmp.resolve("demo-snapshot");
        InitCommand.DEMO_FILES.forEach(f -> copyResource(f, dir.resolve(f)));
        return dir;
    }

    private Path config(String source, String csvKeys) throws IOException {
        String yaml = "salesforce:\n"
                + "  source: " + source + "\n"
                + csvKeys
                + "  instance_url: " + sf.baseUrl() + "\n"
                + "  access_token_env: SF_ACCESS_TOKEN\n"
                + "  fields:\n"
                + "    domains: [Domain__c]\n"
                + "    website: Website\n"
                + "    zendesk_org_id: Zendesk__Zendesk_Organization_Id__c\n"
                + "    parent: ParentId\n"
                + "    domain_override: Domain_Override__c\n"
                + "  account_filter: \"Type = 'Customer'\"\n"
                + "  contacts: true\n"
                + "  bulk_threshold: 5\n"
                + "zendesk:\n"
                + "  subdomain: demo\n"
                + "output:\n"
                + "  root: out\n";
        return Files.writeString(tmp.resolve("plumbline.yaml"), yaml);
    }

    private Path run(String relative) {
        return tmp.resolve("out").resolve(relative);
    }

    private String planHash(String runId) throws IOException {
        return JSON.readTree(run(runId).resolve("fix_plan.json").toFile())
                .path("plan_hash")
                .asText();
    }

    private void contact(String id, String email, String account) {
        sf.data().add("Contact", "Id", id, "LastName", "Doe", "Email", email, "AccountId", account);
        sf.data()
                .add(
                        "AccountContactRelation",
                        "Id",
                        "07k" + id.substring(3),
                        "AccountId",
                        account,
                        "ContactId",
                        id,
                        "IsDirect",
                        "true",
                        "IsActive",
                        "true");
    }

    private static void forEachDemoRow(String file, Consumer<NamedCsvRecord> row) throws IOException {
        try (InputStream in = ClasspathSource.DEMO.open(file)) {
            CsvReader.builder()
                    .ofNamedCsvRecord(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(row);
        }
    }

    private static void copyResource(String name, Path to) {
        try (InputStream in = ClasspathSource.DEMO.open(name)) {
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id as Salesforce would return it: a 15-character Account Id in its 18-character form. */
    private static String sfId(String raw) {
        return SalesforceIds.isAccountId15(raw) ? SalesforceIds.to18(raw) : raw;
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> textsUnder(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(p));
            }
        }
        return texts;
    }
}
