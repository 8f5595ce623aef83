package io.plumbline.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Legacy Basic auth with an agent's email and API token ({@code email/token:TOKEN}). Zendesk retires API
 * tokens: none can be created after 2026-10-27 and all stop working on 2027-04-30.
 */
public final class ApiTokenAuth implements ZendeskAuth {
    public static final String RETIREMENT_WARNING = "warning: Zendesk API tokens stop working on 2027-04-30; "
            + "move zendesk.auth to oauth_access_token_env or client_id_env + client_secret_env";
    private final String email;
    private final String envName;
    private final String encoded;
    private final String token;

    public ApiTokenAuth(String email, String envName, String token) {
        this.email = Objects.requireNonNull(email, "email");
        this.envName = Objects.requireNonNull(envName, "envName");
        this.token = Objects.requireNonNull(token, "token");
        this.encoded = Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorizationHeader(TokenEndpoint tokens) {
        return "Basic " + encoded;
    }

    @Override
    public boolean invalidate() {
        return false;
    }

    @Override
    public String describe() {
        return "the API token in $" + envName + " for " + email;
    }

    @Override
    public String fixFor401() {
        return "check zendesk.auth.email (" + email + ") and the API token in $" + envName
                + "; the token may be deactivated, or token access turned off in Admin Center "
                + "(better: switch to OAuth, API tokens stop working on 2027-04-30)";
    }

    @Override
    public List<String> secrets() {
        return List.of(token, encoded);
    }

    @Override
    public String toString() {
        return "ApiTokenAuth[" + email + ", $" + envName + "]";
    }
}
