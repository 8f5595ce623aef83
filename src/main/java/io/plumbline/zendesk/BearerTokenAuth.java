package io.plumbline.zendesk;

import java.util.List;
import java.util.Objects;

/** An OAuth access token taken as is from an environment variable; it cannot be refreshed. */
public final class BearerTokenAuth implements ZendeskAuth {
    private final String envName;
    private final String token;

    public BearerTokenAuth(String envName, String token) {
        this.envName = Objects.requireNonNull(envName, "envName");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String authorizationHeader(TokenEndpoint tokens) {
        return "Bearer " + token;
    }

    @Override
    public boolean invalidate() {
        return false;
    }

    @Override
    public String describe() {
        return "the OAuth access token in $" + envName;
    }

    @Override
    public String fixFor401() {
        return "the token in $" + envName + " is wrong, revoked or expired: create a new OAuth access token "
                + "for this Zendesk and put it in $" + envName
                + " (a token from another Zendesk, or a wrong zendesk.subdomain, also gives 401). An OAuth access"
                + " token may last only 30 minutes: for longer runs, configure zendesk.auth.client_id_env and"
                + " client_secret_env instead, and Plumbline fetches a new token before one expires";
    }

    @Override
    public List<String> secrets() {
        return List.of(token);
    }

    @Override
    public String toString() {
        return "BearerTokenAuth[$" + envName + "]";
    }
}
