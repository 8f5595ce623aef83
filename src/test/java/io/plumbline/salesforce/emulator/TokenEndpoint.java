package io.plumbline.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OAuth token endpoint ({@code POST /services/oauth2/token}) for the client credentials grant and
 * the JWT bearer grant. A JWT assertion is accepted only when its RS256 signature verifies with the
 * registered public key and iss, sub, aud and exp match; refusals use OAuth's {@code error} /
 * {@code error_description} body.
 */
final class TokenEndpoint {
    private final String audience;
    private final Supplier<String> issueToken;
    volatile String clientId;
    volatile String clientSecret;
    volatile String jwtClientId;
    volatile String jwtUsername;
    volatile PublicKey jwtKey;

    TokenEndpoint(String audience, Supplier<String> issueToken) {
        this.audience = audience;
        this.issueToken = issueToken;
    }

    Reply handle(String body) {
        Map<String, String> form = form(body);
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("client_credentials")) {
            if (clientId == null || !clientId.equals(form.get("client_id"))) {
                return refuse("invalid_client_id", "client identifier invalid");
            }
            if (!clientSecret.equals(form.get("client_secret"))) {
                return refuse("invalid_client", "invalid client credentials");
            }
            return issued();
        }
        if (grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer")) {
            String problem = jwtProblem(form.getOrDefault("assertion", ""));
            return problem == null ? issued() : refuse("invalid_grant", problem);
        }
        return refuse("unsupported_grant_type", "grant type not supported");
    }

    private String jwtProblem(String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3 || jwtKey == null) {
            return "invalid assertion";
        }
        try {
            JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(jwtKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!header.path("alg").asText().equals("RS256")
                    || !rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "invalid assertion";
            }
            if (!claims.path("iss").asText().equals(jwtClientId)) {
                return "invalid_client_id";
            }
            if (!claims.path("sub").asText().equals(jwtUsername)) {
                return "user hasn't approved this consumer";
            }
            if (!claims.path("aud").asText().equals(audience)) {
                return "audience is invalid";
            }
            long exp = claims.path("exp").asLong(0);
            long now = Instant.now().getEpochSecond();
            return exp > now && exp <= now + 300 ? null : "expired authorization code";
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "invalid assertion";
        }
    }

    private Reply issued() {
        String body = Json.MAPPER
                .createObjectNode()
                .put("access_token", issueToken.get())
                .put("instance_url", audience)
                .put("id", audience + "/id/00DEMU000000001AAA/005EMU000000001AAA")
                .put("token_type", "Bearer")
                .put("scope", "api")
                .toString();
        return Reply.json(200, body);
    }

    private static Reply refuse(String error, String description) {
        return Reply.json(
                400,
                Json.MAPPER
                        .createObjectNode()
                        .put("error", error)
                        .put("error_description", description)
                        .toString());
    }

    /** Decodes {@code application/x-www-form-urlencoded} text (a form body or a query string). */
    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
