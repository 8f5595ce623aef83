package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.config.SalesforceJwtConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.salesforce.emulator.RecordedRequest;
import io.plumbline.salesforce.emulator.RequestKind;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each sign-in path against the emulator, and the message for each way it can fail. */
class SalesforceAuthTest {
    private static final String CLIENT_ID = "3MVG9EMU.client";
    private static final String USER = "integration@acme.example";

    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    private SalesforcePullStats pull(SalesforceConfigBuilder config, SalesforceRuntime runtime) {
        return new SalesforcePuller(config.build(), dir, runtime).pull(dir.resolve("snapshot"));
    }

    private String sfDisplay(String token) {
        return "{\"status\":0,\"result\":{\"id\":\"00DEMU\",\"accessToken\":\"" + token + "\",\"instanceUrl\":\""
                + sf.baseUrl() + "\",\"username\":\"" + USER + "\",\"alias\":\"acme-prod\",\"apiVersion\":\"67.0\","
                + "\"connectedStatus\":\"Connected\"},\"warnings\":[]}";
    }

    @Test
    void login_sfCliAlias_usesTheTokenAndInstanceItDisplays() {
        FakeCommandRunner cli = FakeCommandRunner.answering(0, sfDisplay(sf.issueToken()));

        SalesforcePullStats stats =
                pull(SalesforceConfigBuilder.api().targetOrg("acme-prod"), Runtimes.with(Map.of(), cli));

        assertThat(cli.commands)
                .containsExactly(List.of("sf", "org", "display", "--target-org", "acme-prod", "--json"));
        assertThat(stats.auth()).isEqualTo(AuthMethod.SF_CLI);
        assertThat(stats.accounts()).isEqualTo(5);
    }

    @Test
    void login_sfCliThatRedactsTheToken_takesItFromShowAccessToken() {
        String token = sf.issueToken();
        FakeCommandRunner cli = FakeCommandRunner.answering(command -> new CommandRunner.Result(
                0,
                command.contains("display")
                        ? sfDisplay("[REDACTED] Use 'sf org auth show-access-token' to view")
                        : "{\"status\":0,\"result\":{\"accessToken\":\"" + token + "\"},\"warnings\":[]}",
                ""));

        SalesforcePullStats stats =
                pull(SalesforceConfigBuilder.api().targetOrg("acme-prod"), Runtimes.with(Map.of(), cli));

        assertThat(cli.commands)
                .containsExactly(
                        List.of("sf", "org", "display", "--target-org", "acme-prod", "--json"),
                        List.of(
                                "sf",
                                "org",
                                "auth",
                                "show-access-token",
                                "--target-org",
                                "acme-prod",
                                "--json",
                                "--no-prompt"));
        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(sf.requests(RequestKind.QUERY)).allMatch(RecordedRequest::bearer);
    }

    @Test
    void login_sfCliThatPrintsNoUsableToken_saysToLogInAgainAndSendsNothing() {
        FakeCommandRunner cli = FakeCommandRunner.answering(command -> new CommandRunner.Result(
                0,
                command.contains("display")
                        ? sfDisplay("[REDACTED] Use 'sf org auth show-access-token' to view")
                        : "{\"status\":0,\"result\":{\"accessToken\":\"[REDACTED]\"}}",
                ""));

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().targetOrg("acme-prod"), Runtimes.with(Map.of(), cli)));

        assertThat(e.getMessage())
                .contains("no access token for 'acme-prod'", "show-access-token", "sf org login web --alias acme-prod");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void login_sfCliThatNeverFinishes_saysSoRatherThanToInstallIt() {
        FakeCommandRunner cli = FakeCommandRunner.answering(command -> null);

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().targetOrg("acme-prod"), Runtimes.with(Map.of(), cli)));

        assertThat(e.getMessage())
                .contains(
                        "`sf org display` for 'acme-prod' did not finish within 120 s",
                        "sf org display --target-org acme-prod --json")
                .doesNotContain("install");
    }

    @Test
    void login_envInstanceUrlHoldingASessionId_isRefusedNamingTheVariableNotItsValue() {
        String secret = "00D5g000004SECRETSESSIONID";
        Map<String, String> env = Map.of(
                "SF_TOKEN",
                sf.issueToken(),
                "SF_URL",
                "https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=" + secret);

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(
                        SalesforceConfigBuilder.api().accessTokenEnv("SF_TOKEN").instanceUrlEnv("SF_URL"),
                        Runtimes.with(env)));

        assertThat(e.getMessage())
                .contains("salesforce.instance_url_env: the URL in SF_URL cannot be used because", "query")
                .doesNotContain(secret, "frontdoor");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void login_envTokenWithACurlyQuote_isRefusedNamingTheVariableNotTheToken() {
        String token = sf.issueToken();
        Map<String, String> env = Map.of(
                "SF_TOKEN", "\u201c" + token + "\u201d", "SF_URL", sf.baseUrl().toString());

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(
                        SalesforceConfigBuilder.api().accessTokenEnv("SF_TOKEN").instanceUrlEnv("SF_URL"),
                        Runtimes.with(env)));

        assertThat(e.getMessage())
                .contains("SF_TOKEN", "a curly quote (U+201C) at character 1", "not shown")
                .doesNotContain(token);
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void pull_instanceThatRefusesConnections_failsAfterThreeAttemptsNamingTheHost() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Map<String, String> env = Map.of("SF_TOKEN", "token-value-1");

        SalesforceApiException e = catchThrowableOfType(
                SalesforceApiException.class,
                () -> pull(
                        SalesforceConfigBuilder.api()
                                .accessTokenEnv("SF_TOKEN")
                                .instanceUrl("http://127.0.0.1:" + port),
                        Runtimes.with(env)));

        assertThat(e.getMessage())
                .contains("cannot reach Salesforce at http://127.0.0.1:" + port + " after 3 attempt(s)")
                .doesNotContain("token-value-1");
    }

    @Test
    void login_sfCliNotInstalled_saysToInstallItOrUseAnotherMethod() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().targetOrg("acme-prod"), Runtimes.with(Map.of())));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.getMessage())
                .contains("salesforce.target_org", "cannot run the Salesforce CLI", "install it", "access_token_env");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void login_sfCliUnknownAlias_namesTheAliasAndHowToLogIn() {
        FakeCommandRunner cli = FakeCommandRunner.answering(
                1,
                "{\"status\":1,\"name\":\"NamedOrgNotFoundError\","
                        + "\"message\":\"No authorization information found for nope.\",\"exitCode\":1}");

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().targetOrg("nope"), Runtimes.with(Map.of(), cli)));

        assertThat(e.getMessage())
                .contains(
                        "'nope'",
                        "NamedOrgNotFoundError",
                        "No authorization information found",
                        "sf org list",
                        "sf org login web --alias nope");
    }

    @Test
    void login_envToken_readsTokenAndInstanceUrlFromTheEnvironment() {
        Map<String, String> env =
                Map.of("SF_TOKEN", sf.issueToken(), "SF_URL", sf.baseUrl().toString());

        SalesforcePullStats stats = pull(
                SalesforceConfigBuilder.api().accessTokenEnv("SF_TOKEN").instanceUrlEnv("SF_URL"), Runtimes.with(env));

        assertThat(stats.auth()).isEqualTo(AuthMethod.ACCESS_TOKEN);
        assertThat(sf.requests(RequestKind.QUERY)).allMatch(RecordedRequest::bearer);
    }

    @Test
    void login_envTokenVariableUnset_namesTheVariable() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(
                        SalesforceConfigBuilder.api()
                                .accessTokenEnv("SF_TOKEN")
                                .instanceUrl(sf.baseUrl().toString()),
                        Runtimes.with(Map.of())));

        assertThat(e.getMessage()).contains("salesforce.access_token_env", "SF_TOKEN", "is not set");
    }

    @Test
    void login_clientCredentials_exchangesThemAtTheMyDomainTokenUrl() {
        sf.clientCredentials(CLIENT_ID, "s3cret-value");
        Map<String, String> env = Map.of("SF_CLIENT_ID", CLIENT_ID, "SF_CLIENT_SECRET", "s3cret-value");

        SalesforcePullStats stats = pull(
                SalesforceConfigBuilder.api()
                        .clientCredentials("SF_CLIENT_ID", "SF_CLIENT_SECRET")
                        .instanceUrl(sf.baseUrl() + "/"),
                Runtimes.with(env));

        assertThat(stats.auth()).isEqualTo(AuthMethod.CLIENT_CREDENTIALS);
        RecordedRequest token = sf.requests(RequestKind.TOKEN).get(0);
        assertThat(token.path()).isEqualTo("/services/oauth2/token");
        assertThat(token.body()).startsWith("grant_type=client_credentials&client_id=");
    }

    @Test
    void login_clientCredentialsWrongSecret_reportsTheRefusalWithoutTheSecret() {
        sf.clientCredentials(CLIENT_ID, "the-right-one");
        Map<String, String> env = Map.of("SF_CLIENT_ID", CLIENT_ID, "SF_CLIENT_SECRET", "wrong-secret-value");

        SalesforceApiException e = catchThrowableOfType(
                SalesforceApiException.class,
                () -> pull(
                        SalesforceConfigBuilder.api()
                                .clientCredentials("SF_CLIENT_ID", "SF_CLIENT_SECRET")
                                .instanceUrl(sf.baseUrl().toString()),
                        Runtimes.with(env)));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.errorCode()).isEqualTo("invalid_client");
        assertThat(e.getMessage())
                .contains("salesforce.client_id_env", "invalid client credentials", "SF_CLIENT_ID")
                .doesNotContain("wrong-secret-value");
    }

    @Test
    void login_jwtBearer_sendsAnAssertionTheServerVerifies() throws IOException {
        sf.jwtBearer(CLIENT_ID, USER, KeyFixtures.APP.getPublic());
        Path key = KeyFixtures.pkcs8(KeyFixtures.APP, dir.resolve("server.key"));

        SalesforcePullStats stats = pull(jwtConfig("server.key"), Runtimes.with(Map.of("SF_JWT_CLIENT_ID", CLIENT_ID)));

        assertThat(key).exists();
        assertThat(stats.auth()).isEqualTo(AuthMethod.JWT_BEARER);
        assertThat(sf.requests(RequestKind.TOKEN).get(0).body())
                .startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        assertThat(sf.requests(RequestKind.TOKEN).get(0).status()).isEqualTo(200);
    }

    @Test
    void login_jwtBearerWithPkcs1Key_isAccepted() throws IOException {
        sf.jwtBearer(CLIENT_ID, USER, KeyFixtures.APP.getPublic());
        KeyFixtures.pkcs1(KeyFixtures.APP, dir.resolve("server.key"));

        SalesforcePullStats stats = pull(jwtConfig("server.key"), Runtimes.with(Map.of("SF_JWT_CLIENT_ID", CLIENT_ID)));

        assertThat(stats.accounts()).isEqualTo(5);
    }

    @Test
    void login_jwtSignedWithAnotherKey_isRefusedWithAHint() throws IOException {
        sf.jwtBearer(CLIENT_ID, USER, KeyFixtures.APP.getPublic());
        KeyFixtures.pkcs8(KeyFixtures.OTHER, dir.resolve("server.key"));

        SalesforceApiException e = catchThrowableOfType(
                SalesforceApiException.class,
                () -> pull(jwtConfig("server.key"), Runtimes.with(Map.of("SF_JWT_CLIENT_ID", CLIENT_ID))));

        assertThat(e.getMessage())
                .contains(
                        "salesforce.jwt", "invalid_grant", "pre-authorized", USER, "certificate matches the key file");
        assertThat(sf.requests()).extracting(RecordedRequest::kind).containsExactly(RequestKind.TOKEN);
    }

    @Test
    void login_jwtKeyFileMissing_namesThePath() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(jwtConfig("missing.key"), Runtimes.with(Map.of("SF_JWT_CLIENT_ID", CLIENT_ID))));

        assertThat(e.getMessage()).contains("salesforce.jwt.key_file", "missing.key");
    }

    @Test
    void login_nothingConfigured_listsTheWaysToSignIn() {
        PlumblineException e = catchThrowableOfType(
                PlumblineException.class, () -> pull(SalesforceConfigBuilder.api(), Runtimes.with(Map.of())));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.getMessage()).contains("target_org", "access_token_env", "client_id_env", "jwt");
    }

    @Test
    void login_plainHttpInstanceOffLoopback_isRefusedBeforeSendingTheToken() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(
                        SalesforceConfigBuilder.api().accessTokenEnv("SF_TOKEN").instanceUrl("http://acme.example.com"),
                        Runtimes.with(Map.of("SF_TOKEN", "abc"))));

        assertThat(e.getMessage()).contains("salesforce.instance_url", "must use https");
    }

    private SalesforceConfigBuilder jwtConfig(String keyFile) {
        return SalesforceConfigBuilder.api()
                .jwt(new SalesforceJwtConfig(USER, keyFile, sf.baseUrl().toString(), "SF_JWT_CLIENT_ID"));
    }

    @ParameterizedTest
    @CsvSource({
        "https://login.salesforce.com, https://login.salesforce.com",
        "https://acme.my.salesforce.com, https://login.salesforce.com",
        "https://test.salesforce.com, https://test.salesforce.com",
        "https://acme--uat.sandbox.my.salesforce.com, https://test.salesforce.com",
        "https://fun-dream-1234.scratch.my.salesforce.com, https://test.salesforce.com",
        "http://127.0.0.1:8443, http://127.0.0.1:8443"
    })
    void jwtAudience_myDomainLoginUrl_isTheLoginHostSalesforceAccepts(String loginUrl, String audience) {
        assertThat(SalesforceLogin.audience(URI.create(loginUrl))).isEqualTo(audience);
    }
}
