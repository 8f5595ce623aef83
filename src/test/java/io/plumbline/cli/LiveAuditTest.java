package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
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
import java.util.List;
import java.util.Map;
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
    private static final List<String> DEMO_FILES = List.of(
            SnapshotLayout.ACCOUNTS,
            SnapshotLayout.CONTACTS,
            SnapshotLayout.ORGANIZATIONS,
            SnapshotLayout.USERS,
            SnapshotLayout.MEMBERSHIPS,
            SnapshotLayout.TICKETS,
            SnapshotLayout.MANIFEST);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-17T22:15:30Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceEmulator sf = SalesforceEmulator.start();
    private String token;

    @TempDir
    Path tmp;

    @BeforeEach
    void seed() throws IOException {
        token = sf.issueToken();
        sf.bulkPollsUntilComplete(1); // the CLI polls with real sleeps; a small job is done at the first look
        try (InputStream in = ClasspathSource.DEMO.open(SnapshotLayout.ACCOUNTS)) {
            for (NamedCsvRecord r :
                    CsvReader.builder().ofNamedCsvRecord(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                sf.data()
                        .add(
                                "Account",
                                "Id",
                                sfId(r.getField("sf_account_id")),
                                "Name",
                                r.getField("account_name"),
                                "Type",
                                "Customer",
                                "Domain__c",
                                blankToNull(r.getField("account_domains")),
                                "Website",
                                blankToNull(r.getField("website")),
                                "Domain_Override__c",
                                blankToNull(r.getField("zendesk_domain_override")),
                                "Zendesk__Zendesk_Organization_Id__c",
                                blankToNull(r.getField("zendesk_org_id")),
                                "ParentId",
                                blankToNull(sfId(r.getField("parent_account_id"))));
            }
        }
        int n = 0;
        try (InputStream in = ClasspathSource.DEMO.open(SnapshotLayout.CONTACTS)) {
            for (NamedCsvRecord r :
                    CsvReader.builder().ofNamedCsvRecord(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                contact("003DEMO0000000" + (++n) + "AAA", r.getField("email"), sfId(r.getField("sf_account_id")));
            }
        }
        // outside the filter: must not reach the snapshot, or the plan would differ
        sf.data()
                .add(
                        "Account",
                        "Id",
                        "001PROSPECT00001AAA",
                        "Name",
                        "Acme Prospect",
                        "Type",
                        "Prospect",
                        "Domain__c",
                        "acmehealth.example");
        contact("003DEMO000000099AAA", "someone@acmehealth.example", "001PROSPECT00001AAA");
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    @Test
    void liveAudit_salesforceFromApiAndDemoZendesk_matchesTheOfflineDemoPlanHash() throws IOException {
        Path demo = copyDemo(tmp.resolve("demo-snapshot"));
        Path out = tmp.resolve("out");
        Path config = config("api", "");

        Result live = run(
                Map.of("SF_ACCESS_TOKEN", token),
                this::demoZendesk,
                "audit",
                "--config",
                config.toString(),
                "--run-id",
                "live1");
        Result offline = run(
                Map.of(),
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "audit",
                "--snapshot",
                demo.toString(),
                "--out",
                out.toString(),
                "--run-id",
                "offline");
        Result again = run(
                Map.of(),
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "audit",
                "--snapshot",
                out.resolve("live1/snapshot").toString(),
                "--out",
                out.toString(),
                "--run-id",
                "again");

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.err()).contains("Salesforce: 9 accounts, 1 contact rows read via BULK API v67.0");
        assertThat(planHash(out.resolve("live1")))
                .isEqualTo(planHash(out.resolve("offline")))
                .isEqualTo(planHash(out.resolve("again")));
        assertThat(Files.readString(out.resolve("live1/all_exceptions.csv")))
                .isEqualTo(Files.readString(out.resolve("offline/all_exceptions.csv")));
        assertThat(Files.readString(out.resolve("live1/snapshot/salesforce_accounts.csv")))
                .doesNotContain("Prospect")
                .contains("001Dn00000NsMdQIAV");
        assertThat(sf.requests()).isNotEmpty().allMatch(r -> r.kind().isRead());
        assertThat(sf.requests()).extracting(RecordedRequest::method).containsOnly("GET", "POST");
        assertThat(filesUnder(out)).noneMatch(text -> text.contains(token));
    }

    @Test
    void liveAudit_salesforceFromCsvAndDemoZendesk_matchesTheOfflineDemoPlanHash() throws IOException {
        Path demo = copyDemo(tmp.resolve("demo-snapshot"));
        Path config = config(
                "csv",
                "  accounts_csv: demo-snapshot/salesforce_accounts.csv\n"
                        + "  contacts_csv: demo-snapshot/salesforce_contacts.csv\n");

        Result live = run(Map.of(), this::demoZendesk, "audit", "--config", config.toString(), "--run-id", "live1");
        run(
                Map.of(),
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "audit",
                "--snapshot",
                demo.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--run-id",
                "offline");

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(planHash(tmp.resolve("out/live1"))).isEqualTo(planHash(tmp.resolve("out/offline")));
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void liveAudit_withoutALiveZendesk_explainsAndAsksSalesforceNothing() throws IOException {
        Path config = config("api", "");

        Result r = run(
                Map.of("SF_ACCESS_TOKEN", token),
                ZendeskSnapshotSource.NOT_AVAILABLE,
                "audit",
                "--config",
                config.toString(),
                "--run-id",
                "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("live audits read Zendesk through its API, which this build cannot reach yet");
        assertThat(sf.requests()).isEmpty();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void liveAudit_salesforceRejectsTheFilter_exits2AndLeavesNoRunFolder() throws IOException {
        Path config = config("api", "").resolveSibling("bad.yaml");
        Files.writeString(
                config,
                Files.readString(tmp.resolve("plumbline.yaml")).replace("Type = 'Customer'", "Type = Customer"));

        Result r = run(
                Map.of("SF_ACCESS_TOKEN", token),
                this::demoZendesk,
                "audit",
                "--config",
                config.toString(),
                "--run-id",
                "r1");

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
        List<Path> zendeskCalls = new java.util.ArrayList<>();

        Result r = run(
                Map.of("SF_ACCESS_TOKEN", token),
                (c, dir, asOf, days) -> zendeskCalls.add(dir),
                "audit",
                "--config",
                config.toString(),
                "--run-id",
                "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("salesforce.fields.domains[0]", "not a Salesforce field name");
        assertThat(zendeskCalls).isEmpty();
        assertThat(sf.requests()).isEmpty();
    }

    private record Result(int code, String out, String err) {}

    private Result run(Map<String, String> env, ZendeskSnapshotSource zendesk, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new Context(new PrintWriter(out), new PrintWriter(err), env, CLOCK, zendesk)).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The Zendesk half exactly as the demo fixture folder holds it, as a live pull would write it. */
    private void demoZendesk(io.plumbline.config.PlumblineConfig config, Path dir, Instant asOf, int lookbackDays) {
        try {
            for (String f : DEMO_FILES.subList(2, DEMO_FILES.size())) {
                copyResource(f, dir.resolve(f));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        Path file = tmp.resolve("plumbline.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path copyDemo(Path dir) throws IOException {
        for (String f : DEMO_FILES) {
            copyResource(f, dir.resolve(f));
        }
        return dir;
    }

    private static void copyResource(String name, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = ClasspathSource.DEMO.open(name)) {
            Files.copy(in, to);
        }
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

    /** The id as Salesforce would return it: a 15-character Account Id in its 18-character form. */
    private static String sfId(String raw) {
        return SalesforceIds.isAccountId15(raw) ? SalesforceIds.to18(raw) : raw;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String planHash(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("fix_plan.json").toFile())
                .path("plan_hash")
                .asText();
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
