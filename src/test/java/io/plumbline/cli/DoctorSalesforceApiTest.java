package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.salesforce.emulator.RecordedRequest;
import io.plumbline.salesforce.emulator.RequestKind;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.zendesk.SeedSnapshots;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} with {@code salesforce.source: api} signs in and counts the filtered accounts. */
class DoctorSalesforceApiTest {
    @TempDir
    Path dir;

    private final SalesforceEmulator sf = SalesforceEmulator.start();
    private ZendeskEmulator zendesk;
    private String sfToken;

    @BeforeEach
    void start() {
        zendesk = ZendeskEmulator.start(
                SeedSnapshots.write(dir.resolve("seed"), 2, 2, 2),
                EmulatorConfig.withToken("zd-token-1"),
                new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), 1000));
        sfToken = sf.issueToken();
        sf.data()
                .add("Account", "Id", "001EMU000000001AAA", "Name", "A", "Type", "Customer")
                .add("Account", "Id", "001EMU000000002AAA", "Name", "B", "Type", "Customer")
                .add("Account", "Id", "001EMU000000003AAA", "Name", "C", "Type", "Prospect");
    }

    @AfterEach
    void stop() {
        zendesk.close();
        sf.close();
    }

    private String doctor(int expectedCode) throws IOException {
        return doctor(expectedCode, "");
    }

    private String doctor(int expectedCode, String moreSalesforce) throws IOException {
        Path cfg = Files.writeString(
                dir.resolve("plumbline.yaml"),
                "salesforce:\n  source: api\n  instance_url: " + sf.baseUrl()
                        + "\n  access_token_env: SF_ACCESS_TOKEN\n  account_filter: \"Type = 'Customer'\"\n"
                        + moreSalesforce
                        + "zendesk:\n  base_url: " + zendesk.baseUri()
                        + "\n  auth:\n    oauth_access_token_env: ZD_TOKEN\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Map.of("ZD_TOKEN", "zd-token-1", "SF_ACCESS_TOKEN", sfToken),
                        zendesk.time())
                .run("doctor", "--config", cfg.toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void doctor_salesforceApi_signsInAndCountsTheFilteredAccounts() throws IOException {
        String out = doctor(0);

        assertThat(out)
                .contains("ok    salesforce")
                .contains(sf.baseUrl() + " with salesforce.access_token_env, API v67.0: 2 accounts match the filter")
                .doesNotContain(sfToken);
        assertThat(sf.requests())
                .extracting(RecordedRequest::kind)
                .containsExactly(RequestKind.VERSIONS, RequestKind.QUERY, RequestKind.QUERY);
    }

    @Test
    void doctor_mappedFieldTheUserCannotSee_failsAsTheAuditWouldRatherThanCountingOk() throws IOException {
        sf.data().hide("Account", "Domain__c"); // field-level security

        String out = doctor(2, "  fields:\n    domains: [Domain__c]\n"); // a setup to fix, as the audit says

        assertThat(out)
                .contains("fail  salesforce")
                .contains("INVALID_FIELD", "Domain__c")
                .doesNotContain(sfToken);
    }

    @Test
    void doctor_contactsWithoutAccess_failsAsTheAuditWould() throws IOException {
        sf.data().hide("Contact", "Email");

        String out = doctor(2, "  contacts: true\n");

        assertThat(out).contains("fail  salesforce").contains("INVALID_FIELD", "Email");
    }

    @Test
    void doctor_salesforceApiExpiredToken_failsWithHowToSignInAgain() throws IOException {
        sf.expireTokens();

        String out = doctor(4);

        assertThat(out)
                .contains("fail  salesforce cannot read accounts through the API")
                .contains("INVALID_SESSION_ID", "$SF_ACCESS_TOKEN expired")
                .doesNotContain(sfToken);
    }
}
