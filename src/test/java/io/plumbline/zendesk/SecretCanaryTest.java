package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.config.ZendeskAuthConfig;
import io.plumbline.errors.PlumblineException;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs pulls with canary secrets, succeeding and failing, and looks for the canaries everywhere. */
class SecretCanaryTest {
    private static final String TOKEN = "CANARY-oauth-7f3a9c1e";
    private static final String CLIENT_SECRET = "CANARY-client-secret-55d0";
    private static final String API_TOKEN = "CANARY-api-token-b41f";
    private static final List<String> CANARIES = List.of(TOKEN, CLIENT_SECRET, API_TOKEN);

    @Test
    void pullsAndFailures_withCanarySecrets_neverShowThemAnywhere(@TempDir Path dir) throws IOException {
        Path seed = SeedSnapshots.write(dir.resolve("seed"), 30, 40, 50);
        List<String> seen = new ArrayList<>();
        ByteArrayOutputStream bars = new ByteArrayOutputStream();
        StringWriter lines = new StringWriter();
        EmulatorConfig config = EmulatorConfig.withToken(TOKEN)
                .withOAuthClient("plumbline", CLIENT_SECRET, Set.of("read"), Duration.ofMinutes(30))
                .withApiToken("ops@acme.example", API_TOKEN)
                .withFaults(0.05, 0.05, 0.05, 0, Duration.ZERO, 9);
        try (EmulatorHarness h = new EmulatorHarness(seed, config)) {
            ZendeskAuthConfig bearer = EmulatorHarness.bearer("ZD_TOKEN");
            ZendeskAuthConfig client = new ZendeskAuthConfig(null, "ZD_ID", "ZD_SECRET", "read", null, null);
            ZendeskAuthConfig legacy = new ZendeskAuthConfig(null, null, null, null, "ops@acme.example", "ZD_API");
            Progress progress = new ProgressBars(new PrintStream(bars, true, StandardCharsets.UTF_8));
            Progress plain = new PlainProgress(new PrintWriter(lines), h.time, Duration.ZERO);
            pull(h.http(bearer, Map.of("ZD_TOKEN", TOKEN)), progress, dir.resolve("a"), seen);
            pull(
                    h.http(client, Map.of("ZD_ID", "plumbline", "ZD_SECRET", CLIENT_SECRET)),
                    plain,
                    dir.resolve("b"),
                    seen);
            pull(h.http(legacy, Map.of("ZD_API", API_TOKEN)), plain, dir.resolve("c"), seen);
            pull(h.http(bearer, Map.of("ZD_TOKEN", TOKEN + "x")), plain, dir.resolve("d"), seen);
            pull(
                    h.http(client, Map.of("ZD_ID", "plumbline", "ZD_SECRET", CLIENT_SECRET + "x")),
                    plain,
                    dir.resolve("e"),
                    seen);
            pull(h.http(legacy, Map.of("ZD_API", API_TOKEN + "x")), plain, dir.resolve("f"), seen);
            h.http(bearer, Map.of("ZD_TOKEN", TOKEN)).auth().toString();
            seen.add(h.http(bearer, Map.of("ZD_TOKEN", TOKEN)).auth().describe());
            seen.addAll(h.warnings);
        }
        seen.add(bars.toString(StandardCharsets.UTF_8));
        seen.add(lines.toString());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                seen.add(Files.readString(f));
            }
        }

        assertThat(seen).hasSizeGreaterThan(10);
        for (String canary : CANARIES) {
            assertThat(seen).noneMatch(s -> s.contains(canary));
        }
        assertThat(String.join("\n", seen)).contains("answered 401").contains("refused to issue an OAuth token");
    }

    private static void pull(ZendeskHttp http, Progress progress, Path out, List<String> seen) {
        try {
            PullStats stats = new ZendeskSnapshotPuller(http, progress).pull(out, SeedSnapshots.CAPTURED_AT, 30);
            seen.add(stats.toString());
        } catch (PlumblineException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(t.toString());
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                seen.add(trace.toString());
            }
        }
        seen.add(http.auth().toString());
    }
}
