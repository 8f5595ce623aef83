package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;

/**
 * Reads the answer of {@code POST /oauth/tokens}; a refusal is an exit-4 {@link CredentialsRefusedException}
 * saying what to fix.
 */
final class TokenGrants {
    private TokenGrants() {}

    static TokenGrant parse(ZendeskResponse r, URI base, ZendeskAuth auth, SecretRedactor redactor) {
        JsonNode b = r.body();
        String token = b.path("access_token").asText("");
        if (!r.ok() || token.isEmpty()) {
            String detail = redactor.redact(ZendeskErrors.detail(r));
            throw new CredentialsRefusedException(
                    "Zendesk at " + base + " refused to issue an OAuth token (" + r.status()
                            + (detail.isEmpty() ? "" : ": " + detail) + ") for " + auth.describe() + ": "
                            + auth.fixFor401());
        }
        JsonNode expires = b.path("expires_in");
        Duration lifetime =
                expires.canConvertToLong() && expires.asLong() > 0 ? Duration.ofSeconds(expires.asLong()) : null;
        return new TokenGrant(token, b.path("scope").asText(""), lifetime);
    }
}
