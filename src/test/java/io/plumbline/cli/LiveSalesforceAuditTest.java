package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.salesforce.emulator.RecordedRequest;
import io.plumbline.salesforce.emulator.RequestKind;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.testing.DemoFolder;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * A live audit with both systems emulated, each seeded from the demo fixtures: Salesforce read
 * through its API (plus records the account filter must leave out), Zendesk through its API. It must
 * plan exactly what an audit of the demo fixture folder plans.
 */
class LiveSalesforceAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZD_TOKEN = "zd-live-token-5151";
    private static final String SF_SECRET = "sf-client-secret-8080";
    private static final String PROSPECT = "001PROSPECT00001AAA";

    private final SalesforceEmulator sf = SalesforceEmulator.start();
    private ZendeskEmulator zd;
    private String sfToken;
    private Instant capturedAt;

    @TempDir
    Path tmp;

    @BeforeEach
    void seed() throws IOException {
        Path fixture = DemoFolder.copy(tmp.resolve("fixture"));
        capturedAt = Instant.parse(
                JSON.readTree(fixture.resolve(SnapshotLayout.MANIFEST).toFile())
                        .path("captured_at")
                        .asText());
        zd = ZendeskEmulator.start(
                fixture,
                EmulatorConfig.withToken(ZD_TOKEN),
                new EmulatorTime(capturedAt.plus(Duration.ofMinutes(2)), 1000));
        sfToken = sf.issueToken();
        forEachRow(
                fixture.resolve(SnapshotLayout.ACCOUNTS),
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
        forEachRow(
                fixture.resolve(SnapshotLayout.CONTACTS),
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
        zd.close();
    }

    @Test
    void liveAudit_orgNearItsDailyApiLimit_warnsEvenWhenQuiet() throws IOException {
        sf.apiUsage(12_999, 15_000);

        Result live = audit(config(""), "live", "--quiet");

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.err())
                .containsPattern(
                        "warning: the Salesforce org has used 130\\d\\d of its 15000 daily API requests \\(over"
                                + " 80%\\)");
    }

    @Test
    void liveAudit_bothEmulatorsSeededWithDemo_samePlanHashAndArtifactsAsTheFixtureFolder() throws IOException {
        Result offline =
                audit(null, "offline", "--snapshot", tmp.resolve("fixture").toString());
        Result live = audit(config(""), "live");
        Result again = audit(null, "again", "--snapshot", run("live/snapshot").toString());

        assertThat(offline.code()).as(offline.err()).isZero();
        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.err())
                .contains("salesforce: pulled 9 accounts and 1 contact rows (from AccountContactRelation) in 3 requests"
                        + " (API v67.0, signed in with"
                        + " salesforce.access_token_env)");
        JsonNode recorded = new ObjectMapper()
                .readTree(run("live/snapshot/snapshot.json").toFile())
                .path("salesforce");
        assertThat(recorded.path("source").asText()).isEqualTo("api");
        assertThat(recorded.path("instance_url").asText())
                .isEqualTo(sf.baseUrl().toString());
        assertThat(recorded.path("api_version").asText()).isEqualTo("67.0");
        assertThat(recorded.path("contacts_from").asText()).isEqualTo("AccountContactRelation");
        // the Salesforce block and every other key the live audit writes are keys the reader knows
        assertThat(again.out() + again.err()).doesNotContain("unknown key");
        assertThat(planHash("live")).isEqualTo(planHash("again"));
        assertThat(RunPlans.hashApartFromZendesk(run("live"), zd.baseUri())).isEqualTo(planHash("offline"));
        for (String a : List.of("org_issues.csv", "user_issues.csv", "ticket_issues.csv", "fix_plan.csv")) {
            assertThat(run("live/" + a)).as(a).hasSameTextualContentAs(run("offline/" + a));
        }
        assertThat(Files.readString(run("live/snapshot/salesforce_accounts.csv")))
                .doesNotContain(PROSPECT)
                .contains("001Dn00000NsMdQIAV");
        assertThat(sf.requests()).isNotEmpty().allMatch(r -> r.kind().isRead());
        assertThat(sf.requests()).extracting(RecordedRequest::method).containsOnly("GET");
        assertThat(zd.log().writes()).isEmpty();
        assertThat(texts(tmp.resolve("out"))).noneMatch(t -> t.contains(sfToken) || t.contains(ZD_TOKEN));
        assertThat(live.out() + live.err()).doesNotContain(sfToken);
    }

    @Test
    void liveAudit_clientCredentials_sendsSalesforceOnlyGetsApartFromTheTokenRequest() throws IOException {
        sf.clientCredentials("plumbline-app", SF_SECRET);
        config("");
        Path config = rewrite(
                "  access_token_env: SF_ACCESS_TOKEN\n",
                "  client_id_env: SF_CLIENT_ID\n  client_secret_env: SF_CLIENT_SECRET\n");

        Result live = audit(config, "live");

        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.err())
                .contains(
                        "9 accounts and 1 contact rows (from AccountContactRelation) in 4 requests (API v67.0, signed in with"
                                + " salesforce.client_id_env)");
        assertThat(sf.requests()).hasSize(4).allMatch(r -> r.kind().isRead());
        assertThat(sf.requests())
                .filteredOn(r -> r.kind() != RequestKind.TOKEN)
                .extracting(RecordedRequest::method)
                .containsOnly("GET");
        assertThat(sf.requests(RequestKind.TOKEN))
                .singleElement()
                .matches(r -> r.method().equals("POST") && r.path().equals("/services/oauth2/token"));
        assertThat(live.out() + live.err()).doesNotContain(SF_SECRET);
    }

    @Test
    void liveAudit_salesforceRejectsTheFilter_exits2BeforeZendeskIsPulled() throws IOException {
        config("");
        Result r = audit(rewrite("Type = 'Customer'", "Type = Customer"), "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("MALFORMED_QUERY", "'Customer' is in salesforce.account_filter");
        assertThat(zd.log().all()).isEmpty();
        assertThat(run("r1")).doesNotExist();
        assertThat(run(".r1.partial")).doesNotExist();
    }

    @Test
    void liveAudit_fieldNameCarryingSoql_exits2BeforeEitherSystemIsAsked() throws IOException {
        config("");
        Result r = audit(rewrite("[Domain__c]", "[\"Domain__c FROM User\"]"), "r1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("salesforce.fields.domains[0]", "not a Salesforce field name");
        assertThat(sf.requests()).isEmpty();
        assertThat(zd.log().all()).isEmpty();
    }

    @Test
    void liveAudit_expiredSalesforceToken_exits4WithHowToSignInAgain() throws IOException {
        sf.expireTokens();

        Result r = audit(config(""), "r1");

        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err())
                .contains("INVALID_SESSION_ID", "$SF_ACCESS_TOKEN expired")
                .doesNotContain(sfToken);
        assertThat(run("r1")).doesNotExist();
    }

    private record Result(int code, String out, String err) {}

    /** {@code audit --run-id ID --as-of CAPTURED_AT}, with the config or else {@code --out}, and extra options. */
    private Result audit(Path config, String runId, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--run-id", runId, "--as-of", capturedAt.toString()));
        args.addAll(config != null ? List.of("--config", config.toString()) : List.of("--out", run("").toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of(
                "SF_ACCESS_TOKEN",
                sfToken,
                "SF_CLIENT_ID",
                "plumbline-app",
                "SF_CLIENT_SECRET",
                SF_SECRET,
                "ZD_TOKEN",
                ZD_TOKEN);
        Clock clock = config != null ? zd.time() : Clock.fixed(capturedAt, ZoneOffset.UTC);
        int code = new Main(new PrintWriter(out), new PrintWriter(err), env, clock).run(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private Path config(String extra) throws IOException {
        String yaml = "salesforce:\n"
                + "  source: api\n"
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
                + extra
                + "zendesk:\n"
                + "  base_url: " + zd.baseUri() + "\n"
                + "  auth:\n"
                + "    oauth_access_token_env: ZD_TOKEN\n"
                + "output:\n"
                + "  root: out\n";
        return Files.writeString(tmp.resolve("plumbline.yaml"), yaml);
    }

    private Path rewrite(String from, String to) throws IOException {
        Path config = tmp.resolve("plumbline.yaml");
        return Files.writeString(config, Files.readString(config).replace(from, to));
    }

    private Path run(String relative) {
        return tmp.resolve("out").resolve(relative);
    }

    private String planHash(String runId) {
        return RunPlans.hash(run(runId));
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

    private static void forEachRow(Path csv, Consumer<NamedCsvRecord> row) throws IOException {
        try (var reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            reader.forEach(row);
        }
    }

    /** The id as Salesforce returns it: a 15-character Account Id in its 18-character form. */
    private static String sfId(String raw) {
        return SalesforceIds.isAccountId15(raw) ? SalesforceIds.to18(raw) : raw;
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Every file under {@code dir}, the history store included, as text that keeps ASCII intact. */
    private static List<String> texts(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)); // binary files too
            }
        }
        return out;
    }
}
