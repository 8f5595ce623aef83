package io.plumbline.salesforce;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a Salesforce pull takes from the process it runs in, passed in so tests can replace each part:
 * the environment variables (where secrets live), the runner of the {@code sf} CLI, the HTTP client,
 * the clock (JWT expiry) and the sleeper (pauses between retries).
 */
public record SalesforceRuntime(
        Map<String, String> env, CommandRunner commands, HttpClient http, Clock clock, Sleeper sleeper) {
    public SalesforceRuntime {
        env = Map.copyOf(env);
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The real process: its environment, the installed sf CLI, a fresh HTTP client, the system clock. */
    public static SalesforceRuntime system() {
        return of(System.getenv(), Clock.systemUTC());
    }

    /** The installed sf CLI and a fresh HTTP client, with the given environment and clock. */
    public static SalesforceRuntime of(Map<String, String> env, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new SalesforceRuntime(
                env, new ProcessCommandRunner(Duration.ofMinutes(2)), http, clock, Sleeper.system());
    }
}
