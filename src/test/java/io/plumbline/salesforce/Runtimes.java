package io.plumbline.salesforce;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runtimes for tests: a loopback-only HTTP client, the real clock and a sleeper that only records. */
final class Runtimes {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final List<Duration> SLEEPS = new ArrayList<>();

    private Runtimes() {}

    static SalesforceRuntime with(Map<String, String> env) {
        return with(env, FakeCommandRunner.notInstalled());
    }

    static SalesforceRuntime with(Map<String, String> env, CommandRunner commands) {
        return new SalesforceRuntime(env, commands, HTTP, Clock.systemUTC(), d -> {
            synchronized (SLEEPS) {
                SLEEPS.add(d);
            }
        });
    }
}
