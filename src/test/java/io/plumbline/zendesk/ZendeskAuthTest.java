package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.config.ZendeskAuthConfig;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.Fault;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskAuthTest {
    @TempDir
    static Path shared;

    static Path seed;

    @BeforeAll
    static void seed() {
        seed = SeedSnapshots.write(shared.resolve("seed"), 20, 30, 40);
    }

    private static void assertRemote(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call)
                .isInstanceOf(PlumblineException.class)
                .satisfies(e -> assertThat(((PlumblineException) e).exitCode()).isEqualTo(ExitCodes.REMOTE))
                .message()
                .contains(fragments);
    }

    @Test
    void pull_wrongToken_exit4NamingTheVariableToFix(@TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            ZendeskHttp http = h.http(EmulatorHarness.bearer("ZD_TOKEN"), Map.of("ZD_TOKEN", "not-the-token"));

            assertRemote(
                    () -> new ZendeskSnapshotPuller(http, Progress.SILENT).pull(out, SeedSnapshots.CAPTURED_AT, 30),
                    "answered 401",
                    "the OAuth access token in $ZD_TOKEN",
                    "wrong, revoked or expired",
                    "zendesk.subdomain");
            assertThat(h.emulator.log().all()).hasSize(1);
        }
    }

    @Test
    void pull_tokenWithoutReadScope_exit4NamingTheScope(@TempDir Path out) {
        EmulatorConfig config =
                EmulatorConfig.withToken(EmulatorHarness.TOKEN).withBearer("write-only", Set.of("write"));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskHttp http = h.http(EmulatorHarness.bearer("ZD_TOKEN"), Map.of("ZD_TOKEN", "write-only"));

            assertRemote(
                    () -> new ZendeskSnapshotPuller(http, Progress.SILENT).pull(out, SeedSnapshots.CAPTURED_AT, 30),
                    "answered 403 Forbidden",
                    "missing the following required scopes: read",
                    "lacks a scope");
        }
    }

    @Test
    void pull_baseUrlNotAZendesk_exit4PointingAtTheSubdomain(@TempDir Path out) {
        try (EmulatorHarness h = new EmulatorHarness(seed, EmulatorConfig.withToken(EmulatorHarness.TOKEN))) {
            ZendeskConfig config =
                    new ZendeskConfig(null, h.emulator.baseUri() + "/not-zendesk", EmulatorHarness.bearer("T"), 1, 2);
            ZendeskHttp http = h.http(config, Map.of("T", EmulatorHarness.TOKEN));

            assertRemote(
                    () -> new ZendeskSnapshotPuller(http, Progress.SILENT).pull(out, SeedSnapshots.CAPTURED_AT, 30),
                    "answered 404 Not Found",
                    "check zendesk.subdomain");
        }
    }

    @Test
    void clientCredentials_tokenNearExpiry_isRefreshedBeforeItLapses(@TempDir Path out) {
        EmulatorConfig config = EmulatorConfig.withToken("unused")
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read", "write"), Duration.ofMinutes(10));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskAuthConfig auth = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", "read", null, null);
            ZendeskHttp http = h.http(auth, Map.of("ZD_ID", "plumbline", "ZD_SECRET", "s3cret-client"));

            http.get("/api/v2/organizations/count");
            h.time.advance(Duration.ofMinutes(9).plusSeconds(30));
            http.get("/api/v2/organizations/count");

            assertThat(h.emulator.tokensIssued()).isEqualTo(2);
            assertThat(h.emulator.log().all()).noneMatch(r -> r.status() == 401);
            assertThat(((ClientCredentialsAuth) http.auth()).grants()).isEqualTo(2);
        }
    }

    @Test
    void clientCredentials_tokenRejected_fetchesANewOneOnceAndGoesOn() {
        EmulatorConfig config = EmulatorConfig.withToken("unused")
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskAuthConfig auth = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", "read", null, null);
            ZendeskHttp http = h.http(auth, Map.of("ZD_ID", "plumbline", "ZD_SECRET", "s3cret-client"));
            http.get("/api/v2/organizations/count");
            h.emulator.configure(config); // forgets issued tokens, as a revocation would

            assertThat(http.get("/api/v2/organizations/count").ok()).isTrue();
            assertThat(h.emulator.log().all())
                    .filteredOn(r -> r.status() == 401)
                    .hasSize(1);
        }
    }

    @Test
    void clientCredentials_wrongSecret_exit4NamingBothVariables() {
        EmulatorConfig config = EmulatorConfig.withToken("unused")
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskAuthConfig auth = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", "read", null, null);
            ZendeskHttp http = h.http(auth, Map.of("ZD_ID", "plumbline", "ZD_SECRET", "wrong-secret"));

            assertRemote(
                    () -> http.get("/api/v2/organizations/count"),
                    "refused to issue an OAuth token (401: invalid_client: Client authentication failed due to"
                            + " unknown client",
                    "$ZD_ID",
                    "$ZD_SECRET");
            assertThatThrownBy(() -> http.get("/api/v2/organizations/count"))
                    .isInstanceOf(CredentialsRefusedException.class);
            assertThat(http.stats().stopReason()).isEqualTo(CredentialsRefusedException.REASON);
            assertThat(http.pacer().totalInFlight())
                    .as("a request that never went for want of a token is not held in flight")
                    .isZero();
        }
    }

    @Test
    void clientCredentials_tokenEndpointRateLimited_waitsItsRetryAfterNotTheShorterBackoff() {
        EmulatorConfig config = EmulatorConfig.withToken("unused")
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30))
                .withFault429RetryAfter(Duration.ofSeconds(40));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            h.emulator.failRequest("/oauth/tokens", 1, Fault.TOO_MANY);
            ZendeskAuthConfig auth = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", "read", null, null);
            ZendeskHttp http = h.http(auth, Map.of("ZD_ID", "plumbline", "ZD_SECRET", "s3cret-client"));
            List<String> notices = new ArrayList<>();
            http.onRetry(notices::add);

            assertThat(http.get("/api/v2/organizations/count").ok()).isTrue();
            assertThat(notices).singleElement().asString().contains("trying again in 40 s");
        }
    }

    @Test
    void tokenLifetime_anAccessTokenThatExpires_isWarnedAboutWithItsExpiry_oneThatDoesNotIsNot() throws Exception {
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN)
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30));
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            // an access token issued elsewhere (30 minutes), handed to Plumbline as is
            String grant = "{\"grant_type\":\"client_credentials\",\"client_id\":\"plumbline\","
                    + "\"client_secret\":\"s3cret-client\",\"scope\":\"read\"}";
            String answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(h.emulator.baseUri().resolve("/oauth/tokens"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(grant))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String issued =
                    new ObjectMapper().readTree(answer).path("access_token").asText();
            ZendeskHttp expiring = h.http(EmulatorHarness.bearer("ZD_TOKEN"), Map.of("ZD_TOKEN", issued));

            assertThat(TokenLifetime.warning(expiring))
                    .hasValueSatisfying(w -> assertThat(w)
                            .startsWith("the OAuth access token in $ZD_TOKEN expires at ")
                            .containsPattern("\\(in (29|30) minutes\\)")
                            .contains("client_id_env")
                            .doesNotContain(issued));
            assertThat(TokenLifetime.warning(h.http()))
                    .as("a token that does not expire")
                    .isEmpty();
        }
    }

    @Test
    void tokenLifetime_questionRefused_isNotTakenForTheRunsCredentialsBeingRefused() {
        EmulatorConfig config = EmulatorConfig.withToken(EmulatorHarness.TOKEN);
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            // Zendesk refuses this one question (as it may for a token whose scopes do not reach it)
            h.emulator
                    .interventions()
                    .beforeRequest(
                            "GET",
                            "/api/v2/oauth/tokens/current",
                            () -> h.emulator.configure(EmulatorConfig.withToken("another-token-0001")));
            h.emulator
                    .interventions()
                    .afterRequest("GET", "/api/v2/oauth/tokens/current", 1, () -> h.emulator.configure(config));
            ZendeskHttp http = h.http();

            assertThat(TokenLifetime.warning(http)).isEmpty();

            assertThat(h.emulator.log().all()).extracting(r -> r.status()).containsExactly(401);
            assertThat(http.stats().stopReason()).isNull();
            assertThat(http.get("/api/v2/organizations/count").ok()).isTrue();
        }
    }

    @Test
    void apiToken_works_andWarnsOnceAboutRetirement() {
        EmulatorConfig config = EmulatorConfig.withToken("unused").withApiToken("ops@acme.example", "legacy-token-1");
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskAuthConfig auth = new ZendeskAuthConfig(null, null, null, null, "ops@acme.example", "ZD_API");
            ZendeskHttp http = h.http(auth, Map.of("ZD_API", "legacy-token-1"));

            assertThat(http.get("/api/v2/organizations/count").ok()).isTrue();
            assertThat(h.warnings).containsExactly(ApiTokenAuth.RETIREMENT_WARNING);
            assertThat(ApiTokenAuth.RETIREMENT_WARNING).contains("2027-04-30").doesNotContain("\n");
        }
    }

    @Test
    void fromConfig_variableNotSet_configErrorNamingIt() {
        assertThatThrownBy(() ->
                        ZendeskAuths.fromConfig(ZendeskAuthConfig.defaults(), Map.of(), Clock.systemUTC(), w -> {}))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable ZENDESK_OAUTH_TOKEN is not set");
        ZendeskAuthConfig cc = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", null, null, null);
        assertThatThrownBy(() -> ZendeskAuths.fromConfig(cc, Map.of("ZD_ID", "x"), Clock.systemUTC(), w -> {}))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable ZD_SECRET is not set (zendesk.auth.client_secret_env)");
        // exported, but empty (an unquoted assignment that went wrong, a secret store that returned nothing)
        assertThatThrownBy(() ->
                        ZendeskAuths.fromConfig(cc, Map.of("ZD_ID", "x", "ZD_SECRET", ""), Clock.systemUTC(), w -> {}))
                .hasMessage("environment variable ZD_SECRET is set but empty (zendesk.auth.client_secret_env)");
        assertThatThrownBy(() -> ZendeskAuths.fromConfig(
                        ZendeskAuthConfig.defaults(), Map.of("ZENDESK_OAUTH_TOKEN", " "), Clock.systemUTC(), w -> {}))
                .hasMessageContaining("environment variable ZENDESK_OAUTH_TOKEN is set but empty");
    }

    @Test
    void fromConfig_tokenPastedWhereTheVariableNameBelongs_saysHowToPutItRightWithoutShowingIt() {
        String pasted = "Xk9pQ2mN7vR4tY8wZ3aB6cD1eF5gH0jK";
        ZendeskAuthConfig config = new ZendeskAuthConfig(pasted, null, null, null, null, null);
        assertThatThrownBy(() -> ZendeskAuths.fromConfig(config, Map.of(), Clock.systemUTC(), w -> {}))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(pasted)
                .hasMessageContaining("not shown, in case it is a secret")
                .hasMessageContaining("if zendesk.auth.oauth_access_token_env holds the secret itself rather than a "
                        + "variable's name, put the secret in an environment variable and name that variable in "
                        + "zendesk.auth.oauth_access_token_env");
    }

    @Test
    void fromConfig_tokenVariableSet_winsOverClientCredentials() {
        ZendeskAuthConfig both = new ZendeskAuthConfig("ZD_TOKEN", "ZD_ID", "ZD_SECRET", null, null, null);
        ZendeskAuth auth = ZendeskAuths.fromConfig(
                both, Map.of("ZD_TOKEN", "abcd1234", "ZD_ID", "i", "ZD_SECRET", "s"), Clock.systemUTC(), w -> {});
        assertThat(auth).isInstanceOf(BearerTokenAuth.class);
        assertThat(auth.secrets()).isEqualTo(List.of("abcd1234"));
    }

    @Test
    void fromConfig_tokenWithALineBreakInside_isRefusedNamingTheVariableAndTheCharacterNotTheToken() {
        ZendeskAuthConfig config = new ZendeskAuthConfig("ZD_TOKEN", null, null, null, null, null);
        String token = "abcd1234\nefgh5678";
        assertThatThrownBy(() -> ZendeskAuths.fromConfig(config, Map.of("ZD_TOKEN", token), Clock.systemUTC(), w -> {}))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ZD_TOKEN (zendesk.auth.oauth_access_token_env) holds a line break (U+000A)"
                        + " at character 9 of 17")
                .hasMessageNotContaining("abcd1234")
                .hasMessageNotContaining("efgh5678");
    }
}
