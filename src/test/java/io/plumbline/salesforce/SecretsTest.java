package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.config.SalesforceJwtConfig;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canary secret for each sign-in method must never surface in files, stats or error text. */
class SecretsTest {
    private static final String CANARY_TOKEN = "00DCANARY!TOKEN-7f3a9c";
    private static final String CANARY_SECRET = "CANARY-CLIENT-SECRET-51e2";

    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());
    private final List<String> outputs = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    @Test
    void canarySecrets_successAndFailureOfEveryMethod_neverAppearInOutputs() throws IOException {
        sf.acceptToken(CANARY_TOKEN).clientCredentials("app", CANARY_SECRET);
        sf.jwtBearer("app", "u@acme.example", KeyFixtures.APP.getPublic());
        KeyFixtures.pkcs8(KeyFixtures.APP, dir.resolve("k.pem"));
        Map<String, String> env = Map.of("TOKEN", CANARY_TOKEN, "ID", "app", "SECRET", CANARY_SECRET);
        String url = sf.baseUrl().toString();
        String cli =
                "{\"status\":0,\"result\":{\"accessToken\":\"" + CANARY_TOKEN + "\",\"instanceUrl\":\"" + url + "\"}}";
        var jwt = new SalesforceJwtConfig("u@acme.example", "k.pem", url, "ID");

        run(
                () -> SalesforceConfigBuilder.api()
                        .accessTokenEnv("TOKEN")
                        .instanceUrl(url)
                        .contacts(true),
                env,
                cli);
        run(
                () -> SalesforceConfigBuilder.api()
                        .clientCredentials("ID", "SECRET")
                        .instanceUrl(url),
                env,
                cli);
        run(() -> SalesforceConfigBuilder.api().jwt(jwt), env, cli);
        run(() -> SalesforceConfigBuilder.api().targetOrg("prod"), env, cli);
        run(() -> SalesforceConfigBuilder.api().targetOrg("prod").accountFilter("Type = Customer"), env, cli);
        sf.expireTokens();
        sf.clientCredentials("app", "another");
        run(() -> SalesforceConfigBuilder.api().accessTokenEnv("TOKEN").instanceUrl(url), env, cli);
        run(
                () -> SalesforceConfigBuilder.api()
                        .clientCredentials("ID", "SECRET")
                        .instanceUrl(url),
                env,
                cli);
        run(() -> SalesforceConfigBuilder.api().targetOrg("prod"), env, cli);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.endsWith("k.pem"))
                    .toList()) {
                outputs.add(Files.readString(f));
            }
        }

        assertThat(outputs).hasSizeGreaterThan(12);
        assertThat(outputs).noneMatch(o -> o.contains(CANARY_TOKEN) || o.contains(CANARY_SECRET));
        assertThat(outputs).anyMatch(o -> o.contains("INVALID_SESSION_ID"));
        assertThat(outputs).anyMatch(o -> o.contains("invalid_client"));
    }

    private void run(Supplier<SalesforceConfigBuilder> config, Map<String, String> env, String cliOutput) {
        Path out = dir.resolve("run" + outputs.size());
        SalesforceRuntime runtime = Runtimes.with(env, FakeCommandRunner.answering(0, cliOutput));
        try {
            SalesforcePullStats stats = new SalesforcePuller(config.get().build(), dir, runtime).pull(out);
            outputs.add(stats.toString());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            outputs.add(trace.toString());
        }
    }
}
