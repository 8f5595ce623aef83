package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.errors.ExitCodes;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.SnapshotLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Salesforce error answers become messages that say what to fix, with the right exit code. */
class SalesforceErrorsTest {
    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    private SalesforceApiException failingPull(SalesforceConfigBuilder config, String token) {
        SalesforcePuller puller = new SalesforcePuller(
                config.accessTokenEnv("SF_ACCESS_TOKEN")
                        .instanceUrl(sf.baseUrl().toString())
                        .build(),
                dir,
                Runtimes.with(Map.of("SF_ACCESS_TOKEN", token)));
        return catchThrowableOfType(SalesforceApiException.class, () -> puller.pull(dir));
    }

    @Test
    void malformedQuery_badFilterToken_showsTheSoqlAndTheToken() {
        SalesforceApiException e =
                failingPull(SalesforceConfigBuilder.api().accountFilter("Type = Customer"), sf.issueToken());

        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.getMessage())
                .contains("malformed (MALFORMED_QUERY) at 'Customer'")
                .contains("SOQL: SELECT Id, Name, Domain__c, Website, ParentId FROM Account WHERE (Type = Customer)")
                .contains("'Customer' is in salesforce.account_filter");
        assertThat(dir.resolve(SnapshotLayout.ACCOUNTS)).doesNotExist();
    }

    @Test
    void invalidField_hiddenDomainField_namesTheFieldAndFieldLevelSecurity() {
        sf.data().hide("Account", "Domain__c");

        SalesforceApiException e = failingPull(SalesforceConfigBuilder.api(), sf.issueToken());

        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.getMessage())
                .contains("cannot read field 'Domain__c' on Account")
                .contains("field-level security")
                .contains("the salesforce.fields mapping")
                .contains("SOQL: SELECT Id, Name, Domain__c, Website, ParentId FROM Account");
    }

    @Test
    void invalidField_hiddenMappedFieldWhoseNameIsPartOfOneInTheFilter_pointsAtTheMapping() {
        sf.data().hide("Account", "Domain__c");

        SalesforceApiException e = failingPull(
                SalesforceConfigBuilder.api().accountFilter("Secondary_Domain__c != null"), sf.issueToken());

        assertThat(e.getMessage())
                .contains("cannot read field 'Domain__c' on Account")
                .contains("the salesforce.fields mapping")
                .doesNotContain("fix salesforce.account_filter");
    }

    @Test
    void invalidField_unknownFieldInFilter_pointsAtTheFilter() {
        SalesforceApiException e =
                failingPull(SalesforceConfigBuilder.api().accountFilter("Tier__c = 'Gold'"), sf.issueToken());

        assertThat(e.getMessage()).contains("'Tier__c' on Account", "fix salesforce.account_filter");
    }

    @Test
    void invalidSession_envToken_saysToExportAFreshToken() {
        SalesforceApiException e = failingPull(SalesforceConfigBuilder.api(), "expired-token");

        assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage())
                .contains("INVALID_SESSION_ID", "salesforce.access_token_env", "$SF_ACCESS_TOKEN expired")
                .doesNotContain("expired-token");
    }

    @Test
    void invalidSession_sfCliAlias_saysToLogInAgainWithTheAlias() {
        FakeCommandRunner cli = FakeCommandRunner.answering(
                0,
                "{\"status\":0,\"result\":{\"accessToken\":\"stale\"," + "\"instanceUrl\":\"" + sf.baseUrl() + "\"}}");
        SalesforcePuller puller = new SalesforcePuller(
                SalesforceConfigBuilder.api().targetOrg("acme-prod").build(), dir, Runtimes.with(Map.of(), cli));

        SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> puller.pull(dir));

        assertThat(e.getMessage()).contains("sf org login web --alias acme-prod");
    }

    @Test
    void otherErrors_requestLimitAndPlainText_areExplained() {
        SalesforceSession session =
                new SalesforceSession(URI.create("https://x.my.salesforce.com"), "tok", AuthMethod.ACCESS_TOKEN, "T");
        SoqlQuery query = new SoqlQuery("Account", List.of("Id"), "", "");

        SalesforceApiException limit = SalesforceErrors.of(
                403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                query,
                query.select(),
                session);
        SalesforceApiException plain = SalesforceErrors.of(502, "Bad gateway", query, query.select(), session);

        assertThat(limit.getMessage()).contains("API request limit is used up", "re-run when it resets");
        assertThat(SalesforceErrors.of(
                                403,
                                "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":"
                                        + "\"REQUEST_LIMIT_EXCEEDED\"}]",
                                query,
                                query.select(),
                                session)
                        .getMessage())
                .contains("too many long requests are running in the org at once", "re-run in a few minutes")
                .doesNotContain("used up");
        assertThat(plain.getMessage()).contains("HTTP 502: Bad gateway", "SOQL: SELECT Id FROM Account");
        SoqlQuery filtered = new SoqlQuery("Account", List.of("Id"), "", "Id = 'abc'");
        SalesforceApiException operator = SalesforceErrors.of(
                400,
                "[{\"message\":\"invalid ID field: abc\",\"errorCode\":\"INVALID_QUERY_FILTER_OPERATOR\"}]",
                filtered,
                filtered.select(),
                session);
        assertThat(operator.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(operator.getMessage())
                .startsWith("Salesforce cannot apply the query's filter (INVALID_QUERY_FILTER_OPERATOR: invalid ID "
                        + "field: abc); fix salesforce.account_filter in plumbline.yaml");
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.REMOTE);
    }
}
