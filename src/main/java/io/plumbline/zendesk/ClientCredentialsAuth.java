package io.plumbline.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * OAuth client_credentials: fetches an access token from {@code POST /oauth/tokens} on first use and
 * fetches a new one shortly before it expires (a tenth of its lifetime early, at most a minute), or
 * after a 401. Tokens fetched are remembered so that they can be redacted too.
 */
public final class ClientCredentialsAuth implements ZendeskAuth {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);
    private final String idEnv;
    private final String secretEnv;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final Clock clock;
    private final List<String> issued = new ArrayList<>();
    private String token;
    private Instant refreshAt;
    private int grants;

    public ClientCredentialsAuth(
            String idEnv, String secretEnv, String clientId, String clientSecret, String scopes, Clock clock) {
        this.idEnv = Objects.requireNonNull(idEnv, "idEnv");
        this.secretEnv = Objects.requireNonNull(secretEnv, "secretEnv");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String authorizationHeader(TokenEndpoint tokens) {
        if (token == null || (refreshAt != null && !clock.instant().isBefore(refreshAt))) {
            TokenGrant grant = tokens.clientCredentials(clientId, clientSecret, scopes);
            grants++;
            token = grant.accessToken();
            issued.add(token);
            refreshAt = grant.expiresIn() == null ? null : clock.instant().plus(early(grant.expiresIn()));
        }
        return "Bearer " + token;
    }

    private static Duration early(Duration lifetime) {
        Duration margin = lifetime.dividedBy(10);
        return lifetime.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    @Override
    public synchronized boolean invalidate() {
        token = null;
        return true;
    }

    /** How many tokens were fetched so far. */
    public synchronized int grants() {
        return grants;
    }

    @Override
    public String describe() {
        return "the OAuth client in $" + idEnv + " / $" + secretEnv;
    }

    @Override
    public String fixFor401() {
        return "check the client identifier in $" + idEnv + " and the secret in $" + secretEnv
                + ": the OAuth client must exist in this Zendesk (Admin Center > Apps and integrations > APIs > "
                + "OAuth clients), be of kind 'confidential', and allow the scopes asked for (" + scopes + ")";
    }

    @Override
    public synchronized List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(clientSecret));
        all.addAll(issued);
        return all;
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuth[$" + idEnv + ", $" + secretEnv + "]";
    }
}
