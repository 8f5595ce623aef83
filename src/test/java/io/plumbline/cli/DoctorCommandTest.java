package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.zendesk.SeedSnapshots;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path dir;

    ZendeskEmulator zendesk;

    @BeforeEach
    void start() {
        Path seed = SeedSnapshots.write(dir.resolve("seed"), 20, 30, 40);
        EmulatorConfig config = EmulatorConfig.withToken("full-token-1").withBearer("read-token-1", Set.of("read"));
        zendesk = ZendeskEmulator.start(
                seed, config, new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), 1000));
    }

    @AfterEach
    void stop() {
        zendesk.close();
    }

    private Path config(String accountsCsv) throws IOException {
        Path cfg = dir.resolve("plumbline.yaml");
        Files.writeString(
                cfg,
                "salesforce:\n  accounts_csv: " + accountsCsv + "\nzendesk:\n  base_url: " + zendesk.baseUri()
                        + "\n  auth:\n    oauth_access_token_env: ZD_TOKEN\n");
        return cfg;
    }

    private String[] doctor(Map<String, String> env, Path cfg, int expectedCode) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new PrintWriter(out), new PrintWriter(err), env, zendesk.time())
                .run("doctor", "--config", cfg.toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(expectedCode);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void doctor_allGood_reportsScopesAndHeadroomAndExits0() throws IOException {
        String[] r = doctor(
                Map.of("ZD_TOKEN", "full-token-1"),
                config(dir.resolve("seed/salesforce_accounts.csv").toString()),
                0);

        assertThat(r[0])
                .containsPattern("ok    zendesk    configured: http://[^ ]+ with ")
                .contains("ok    zendesk    can read organizations (20)")
                .contains("can read end-users")
                .contains("ok    zendesk    can read the end-user listing")
                .contains("ok    zendesk    can read organization export")
                .contains("can read ticket export")
                .contains("token scopes: read write")
                .contains("rate limit: ")
                .contains("salesforce_accounts.csv: 2 accounts")
                .contains("ok    output     run folders in " + dir.resolve("artifacts/plumbline"))
                .contains("none failed")
                .doesNotContain("full-token-1");
        assertThat(zendesk.log().all()).noneMatch(q -> q.path().equals("/api/v2/users/me"));
    }

    @Test
    void doctor_badToken_failsWithItsFixAndExits4() throws IOException {
        String[] r = doctor(
                Map.of("ZD_TOKEN", "nope-nope"),
                config(dir.resolve("seed/salesforce_accounts.csv").toString()),
                4);

        assertThat(r[0])
                .contains("fail  zendesk    cannot read organizations")
                .contains("fix: Zendesk at " + zendesk.baseUri() + " answered 401")
                .contains("$ZD_TOKEN")
                .contains("salesforce_accounts.csv: 2 accounts")
                .contains("1 of 5 checks failed");
    }

    @Test
    void doctor_readOnlyToken_warnsThatApplyNeedsWrite() throws IOException {
        String[] r = doctor(
                Map.of("ZD_TOKEN", "read-token-1"),
                config(dir.resolve("seed/salesforce_accounts.csv").toString()),
                0);

        assertThat(r[0])
                .contains("warn  zendesk    token scopes: read (enough to audit, not to apply)")
                .contains("fix: for apply, use a token with the write scope");
    }

    @Test
    void doctor_clientAllowedOnlyToRead_passesTheAuditsReadsAndWarnsThatApplyCannotGetItsToken() throws IOException {
        zendesk.close();
        zendesk = ZendeskEmulator.start(
                SeedSnapshots.write(dir.resolve("seed2"), 20, 30, 40),
                EmulatorConfig.withToken("unused")
                        .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30)),
                new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), 1000));
        Path cfg = config(dir.resolve("seed/salesforce_accounts.csv").toString());
        Files.writeString(
                cfg,
                Files.readString(cfg)
                        .replace(
                                "    oauth_access_token_env: ZD_TOKEN\n",
                                "    client_id_env: ZD_ID\n    client_secret_env: ZD_SECRET\n"));

        String[] r = doctor(Map.of("ZD_ID", "plumbline", "ZD_SECRET", "s3cret-client"), cfg, 0);

        assertThat(r[0])
                .contains("ok    zendesk    can read organizations (20)")
                .contains("ok    zendesk    can read ticket export")
                .contains("warn  zendesk    audits can read, but apply cannot get a token with"
                        + " zendesk.auth.oauth_scopes")
                .contains("invalid_scope")
                .doesNotContain("s3cret-client");
    }

    @Test
    void doctor_outputRootUnderAFile_failsWithAFixRatherThanNoneFailed() throws IOException {
        Files.writeString(dir.resolve("afile"), "not a folder\n");
        Path cfg = config(dir.resolve("seed/salesforce_accounts.csv").toString());
        Files.writeString(cfg, Files.readString(cfg) + "output:\n  root: ./afile/out\n");

        String[] r = doctor(Map.of("ZD_TOKEN", "full-token-1"), cfg, 2);

        assertThat(r[0])
                .contains("fail  output     " + dir.resolve("afile/out") + ": run folders cannot be written there")
                .contains("fix: make it a folder this user can write, or name another in output.root")
                .doesNotContain("none failed");
    }

    @Test
    void doctor_storePathInFoldersNotMadeYet_isFineAsTheAuditMakesThem() throws IOException {
        Path cfg = config(dir.resolve("seed/salesforce_accounts.csv").toString());
        Files.writeString(cfg, Files.readString(cfg) + "store:\n  path: ./state/history/plumbline.db\n");

        String[] r = doctor(Map.of("ZD_TOKEN", "full-token-1"), cfg, 0);

        assertThat(r[0])
                .contains("history in " + dir.resolve("state/history/plumbline.db"))
                .contains("none failed");
        Files.createSymbolicLink(dir.resolve("state"), dir.resolve("nowhere")); // a link to nothing
        assertThat(doctor(Map.of("ZD_TOKEN", "full-token-1"), cfg, 2)[0])
                .contains("fail  output     " + dir.resolve("state/history/plumbline.db") + ": the history store");
        Files.delete(dir.resolve("state"));
        Files.writeString(dir.resolve("state"), "a file where the store's folder goes\n");
        assertThat(doctor(Map.of("ZD_TOKEN", "full-token-1"), cfg, 2)[0])
                .contains("fail  output     " + dir.resolve("state/history/plumbline.db") + ": the history store");
    }

    @Test
    void doctor_missingCsvAndUnsetVariable_eachFailWithAFix() throws IOException {
        String[] r = doctor(Map.of(), config("./nowhere.csv"), 2);

        assertThat(r[0])
                .contains("fail  zendesk    not configured")
                .contains("fix: environment variable ZD_TOKEN is not set")
                .contains("nowhere.csv: accounts CSV not found")
                .contains("fix: export it from Salesforce, or fix salesforce.accounts_csv in the config");
    }

    @Test
    void doctor_zendeskRefusingConnections_saysSoAfterTwoRetriesWhateverTheConfigAllows() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path accounts = Files.writeString(dir.resolve("a.csv"), "sf_account_id,account_name,account_domains\n");
        Path cfg = Files.writeString(
                dir.resolve("refused.yaml"),
                "salesforce:\n  accounts_csv: " + accounts + "\nzendesk:\n  base_url: http://127.0.0.1:" + closed
                        + "\n  max_retries: 7\n  auth:\n    oauth_access_token_env: ZD_TOKEN\n");

        String[] r = doctor(Map.of("ZD_TOKEN", "t0k3n-for-the-test"), cfg, 4);

        assertThat(r[1])
                .contains("(attempt 2 of 3)")
                .contains("(attempt 3 of 3)")
                .doesNotContain("of 8)");
        assertThat(r[0]).contains("fail  zendesk");
    }

    @Test
    void doctor_noConfig_exit2WithHowToCreateOne() {
        String[] r = doctor(Map.of(), dir.resolve("missing.yaml"), 2);

        assertThat(r[0]).contains("fail  config").contains("plumbline init");
    }
}
