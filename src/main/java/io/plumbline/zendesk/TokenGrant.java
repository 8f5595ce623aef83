package io.plumbline.zendesk;

import java.time.Duration;
import java.util.Objects;

/**
 * An access token from {@code POST /oauth/tokens}: the token, the scopes granted and its lifetime
 * (null when Zendesk did not say). {@link #toString()} never shows the token.
 */
public record TokenGrant(String accessToken, String scope, Duration expiresIn) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        return "TokenGrant[scope=" + scope + ", expiresIn=" + expiresIn + "]";
    }
}
