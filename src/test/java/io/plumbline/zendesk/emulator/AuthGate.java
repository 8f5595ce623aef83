package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Zendesk's authentication as the emulator plays it: Bearer tokens (configured, or issued by the
 * client_credentials grant, which expire), legacy Basic {@code email/token:TOKEN}, and OAuth scopes
 * ({@code read}/{@code write}, or {@code <resource>:read}/{@code <resource>:write}).
 */
final class AuthGate {
    /** Who a request came as: a label for the log (never the secret) and its scopes. */
    record Principal(String label, Set<String> scopes, boolean oauth, long tokenId, Instant expiresAt) {}

    private record Issued(String clientId, Set<String> scopes, Instant expiresAt, long id) {}

    private final EmulatorConfig config;
    private final Map<String, Issued> issued = new HashMap<>();
    private final Random random;
    private long nextTokenId = 1000;

    AuthGate(EmulatorConfig config) {
        this.config = config;
        this.random = new Random(config.seed() ^ 0x5DEECE66DL);
    }

    /** The principal, or a 401 reply. */
    synchronized Object authenticate(String header, Instant now) {
        if (header == null) {
            return Reply.error(401, "Couldn't authenticate you", null);
        }
        if (header.startsWith("Bearer ")) {
            String token = header.substring(7).trim();
            if (config.bearerTokens().containsKey(token)) {
                return new Principal("bearer", config.bearerTokens().get(token), true, 1, null);
            }
            Issued i = issued.get(token);
            if (i == null) {
                return Reply.error(401, "Couldn't authenticate you", null);
            }
            if (!now.isBefore(i.expiresAt())) {
                return Reply.error(
                        401,
                        "invalid_token",
                        "The access token provided is expired, revoked, " + "malformed or invalid for other reasons.");
            }
            return new Principal("oauth-client:" + i.clientId(), i.scopes(), true, i.id(), i.expiresAt());
        }
        if (header.startsWith("Basic ")) {
            return basic(header.substring(6).trim());
        }
        return Reply.error(401, "Couldn't authenticate you", null);
    }

    private Object basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Reply.error(401, "Couldn't authenticate you", null);
        }
        int sep = decoded.indexOf("/token:");
        if (sep > 0) {
            String email = decoded.substring(0, sep);
            String token = decoded.substring(sep + "/token:".length());
            if (token.equals(config.apiTokens().get(email))) {
                return new Principal("api-token:" + email, Set.of("read", "write"), false, 0, null);
            }
        }
        return Reply.error(401, "Couldn't authenticate you", null);
    }

    /** A 403 when the principal lacks the scope this call needs. */
    Optional<Reply> checkScope(Principal p, Call call) {
        if (call.path().startsWith("/api/v2/oauth/tokens/current")) {
            return Optional.empty();
        }
        String access = call.method().equals("GET") ? "read" : "write";
        String resource = resourceOf(call.path());
        if (p.scopes().contains(access) || p.scopes().contains(resource + ":" + access)) {
            return Optional.empty();
        }
        return Optional.of(Reply.error(403, "Forbidden", "You are missing the following required scopes: " + access));
    }

    private static String resourceOf(String path) {
        String p = path.replace("/api/v2/incremental/", "/api/v2/");
        if (p.contains("/tickets")) {
            return "tickets";
        }
        return p.startsWith("/api/v2/users") ? "users" : "organizations";
    }

    /** {@code POST /oauth/tokens}: the client_credentials grant for a configured confidential client. */
    synchronized Reply issueToken(JsonNode body, Instant now) {
        String grant = body.path("grant_type").asText("");
        if (!grant.equals("client_credentials")) {
            return Reply.oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported.");
        }
        String id = body.path("client_id").asText("");
        EmulatorConfig.OAuthClient client = config.oauthClients().get(id);
        if (client == null || !client.secret().equals(body.path("client_secret").asText(""))) {
            return Reply.oauthError(
                    401,
                    "invalid_client",
                    "Client authentication failed due to unknown client, "
                            + "no client authentication included, or unsupported authentication method.");
        }
        Set<String> asked = new LinkedHashSet<>(
                Arrays.asList(body.path("scope").asText("read").split("\\s+")));
        if (!client.allowedScopes().containsAll(asked)) {
            return Reply.oauthError(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }
        String token = "emu" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        long seconds = config.oauthTokenLifetime().toSeconds();
        issued.put(token, new Issued(id, Set.copyOf(asked), now.plusSeconds(seconds), nextTokenId++));
        ObjectNode out = EmulatorState.JSON
                .createObjectNode()
                .put("access_token", token)
                .put("token_type", "bearer")
                .put("scope", String.join(" ", asked))
                .put("expires_in", seconds);
        return Reply.json(200, out);
    }

    /** How many tokens the grant endpoint issued. */
    synchronized int issuedCount() {
        return issued.size();
    }
}
