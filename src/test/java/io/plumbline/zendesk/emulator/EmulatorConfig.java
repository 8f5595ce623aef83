package io.plumbline.zendesk.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the emulated Zendesk behaves: which credentials it accepts and with which scopes, its per-minute
 * limits (account-wide and incremental export), and the faults it injects, decided by a seeded random
 * so that a failing test can be replayed. Rates are probabilities per request, among the methods in
 * {@code faultMethods}. {@code slowDelay} is real time, so that it can outlast a client timeout. With
 * {@code capTimeExportPages}, the time-based organization export ends every page at 1,000 records, even
 * inside a second, with that second as its {@code end_time}, as some report Zendesk does: a page of orgs
 * all changed in one second then does not get past its {@code start_time}; by default a page runs on
 * to the end of its last second, as the API reference says.
 */
public record EmulatorConfig(
        Map<String, Set<String>> bearerTokens,
        Map<String, String> apiTokens,
        Map<String, OAuthClient> oauthClients,
        Duration oauthTokenLifetime,
        int accountLimitPerMinute,
        int incrementalLimitPerMinute,
        double fault429Rate,
        Duration fault429RetryAfter,
        double fault5xxRate,
        double resetRate,
        double slowRate,
        Duration slowDelay,
        Set<String> faultMethods,
        long seed,
        boolean capTimeExportPages) {
    /** A confidential OAuth client: its secret and the scopes it may grant. */
    public record OAuthClient(String secret, Set<String> allowedScopes) {}

    public EmulatorConfig {
        bearerTokens = Map.copyOf(bearerTokens);
        apiTokens = Map.copyOf(apiTokens);
        oauthClients = Map.copyOf(oauthClients);
        faultMethods = Set.copyOf(faultMethods);
    }

    /** One token with read and write scopes, Enterprise limits (700 / 10 a minute), no faults. */
    public static EmulatorConfig withToken(String token) {
        return new EmulatorConfig(
                Map.of(token, Set.of("read", "write")),
                Map.of(),
                Map.of(),
                Duration.ofMinutes(30),
                700,
                10,
                0,
                Duration.ofSeconds(5),
                0,
                0,
                0,
                Duration.ZERO,
                Set.of("GET"),
                42L,
                false);
    }

    public EmulatorConfig withBearer(String token, Set<String> scopes) {
        var m = new java.util.HashMap<>(bearerTokens);
        m.put(token, scopes);
        return new EmulatorConfig(
                m,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                capTimeExportPages);
    }

    public EmulatorConfig withApiToken(String email, String token) {
        var m = new java.util.HashMap<>(apiTokens);
        m.put(email, token);
        return new EmulatorConfig(
                bearerTokens,
                m,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                capTimeExportPages);
    }

    public EmulatorConfig withOAuthClient(String id, String secret, Set<String> scopes, Duration lifetime) {
        var m = new java.util.HashMap<>(oauthClients);
        m.put(id, new OAuthClient(secret, scopes));
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                m,
                lifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                capTimeExportPages);
    }

    public EmulatorConfig withLimits(int account, int incremental) {
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                account,
                incremental,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                capTimeExportPages);
    }

    /** Injects 429s, 5xx, connection resets and slow answers at these rates. */
    public EmulatorConfig withFaults(double r429, double r5xx, double reset, double slow, Duration delay, long seed) {
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                r429,
                fault429RetryAfter,
                r5xx,
                reset,
                slow,
                delay,
                faultMethods,
                seed,
                capTimeExportPages);
    }

    public EmulatorConfig withFaultMethods(Set<String> methods) {
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                methods,
                seed,
                capTimeExportPages);
    }

    /** Time-based export pages end at 1,000 records even inside a second (see the class comment). */
    public EmulatorConfig withCappedTimeExportPages() {
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                fault429RetryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                true);
    }

    /** The {@code Retry-After} of an injected 429. */
    public EmulatorConfig withFault429RetryAfter(Duration retryAfter) {
        return new EmulatorConfig(
                bearerTokens,
                apiTokens,
                oauthClients,
                oauthTokenLifetime,
                accountLimitPerMinute,
                incrementalLimitPerMinute,
                fault429Rate,
                retryAfter,
                fault5xxRate,
                resetRate,
                slowRate,
                slowDelay,
                faultMethods,
                seed,
                capTimeExportPages);
    }
}
