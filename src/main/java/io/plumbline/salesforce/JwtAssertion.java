package io.plumbline.salesforce;

import io.plumbline.errors.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds the signed JWT of Salesforce's OAuth 2.0 JWT bearer flow: header {@code {"alg":"RS256"}},
 * claims iss (the connected app's client id), sub (the username), aud (the login URL) and exp (three
 * minutes ahead), signed with SHA256withRSA and base64url-encoded without padding.
 */
final class JwtAssertion {
    static final long LIFETIME_SECONDS = 180;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {}

    static String create(String clientId, String username, String audience, PrivateKey key, Instant now) {
        String header = "{\"alg\":\"RS256\"}";
        String claims = SalesforceApi.JSON
                .createObjectNode()
                .put("iss", clientId)
                .put("sub", username)
                .put("aud", audience)
                .put("exp", now.getEpochSecond() + LIFETIME_SECONDS)
                .toString();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new ConfigException("salesforce.jwt.key_file: the key cannot sign an RS256 assertion", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
