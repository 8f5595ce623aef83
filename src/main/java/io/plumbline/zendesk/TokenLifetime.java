package io.plumbline.zendesk;

import io.plumbline.errors.PlumblineException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When the OAuth access token a run was given as is ({@link BearerTokenAuth}) expires: it cannot be renewed,
 * so a pull, apply or undo still running then stops at its first refused call. Said before such a run
 * starts rather than found out hours into it.
 */
public final class TokenLifetime {
    private TokenLifetime() {}

    /**
     * A warning naming the expiry of {@code http}'s access token, from {@code GET
     * /api/v2/oauth/tokens/current.json}; empty for other credentials, a token that does not expire, or
     * when Zendesk does not say (the run's own calls then report any refusal).
     */
    public static Optional<String> warning(ZendeskHttp http) {
        if (!(http.auth() instanceof BearerTokenAuth)) {
            return Optional.empty();
        }
        String expiresAt;
        try {
            // asked aside: a refusal of this one question (a token whose scopes do not reach it) is not the run's
            expiresAt = http.aside()
                    .get("/api/v2/oauth/tokens/current.json")
                    .body()
                    .path("token")
                    .path("expires_at")
                    .asText("");
        } catch (PlumblineException e) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // null or blank: a token that does not expire
        }
        long minutes = Duration.between(http.settings().clock().instant(), at).toMinutes();
        String left = minutes <= 0 ? "now" : "in " + minutes + (minutes == 1 ? " minute" : " minutes");
        return Optional.of(http.auth().describe() + " expires at " + at + " (" + left
                + "), and cannot be renewed: a pull, apply or undo "
                + "still running then stops there; for long or scheduled runs set zendesk.auth.client_id_env and "
                + "client_secret_env instead, and Plumbline renews its token as it goes");
    }
}
