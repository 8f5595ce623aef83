package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Texts;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How to authenticate to Zendesk: the names of environment variables, never the secrets. OAuth first
 * (an access token, or client credentials); email + API token is the legacy option. When more than one
 * is configured, the first in that order wins.
 */
public record ZendeskAuthConfig(
        @JsonProperty("oauth_access_token_env") String oauthAccessTokenEnv,
        @JsonProperty("client_id_env") String clientIdEnv,
        @JsonProperty("client_secret_env") String clientSecretEnv,
        @JsonProperty("oauth_scopes") String oauthScopes,
        @JsonProperty("email") String email,
        @JsonProperty("api_token_env") String apiTokenEnv) {
    /** Scopes asked for in the client_credentials grant unless {@code oauth_scopes} says otherwise. */
    public static final String DEFAULT_SCOPES = "read write";

    /** Zendesk's scopes: {@code read}, {@code write}, or a resource with one of them, space separated. */
    private static final Pattern SCOPES = Pattern.compile("[a-z_]+(:[a-z_]+)?( +[a-z_]+(:[a-z_]+)?)*");

    public ZendeskAuthConfig {
        oauthAccessTokenEnv = EnvNames.check("zendesk.auth.oauth_access_token_env", oauthAccessTokenEnv);
        clientIdEnv = EnvNames.check("zendesk.auth.client_id_env", clientIdEnv);
        clientSecretEnv = EnvNames.check("zendesk.auth.client_secret_env", clientSecretEnv);
        apiTokenEnv = EnvNames.check("zendesk.auth.api_token_env", apiTokenEnv);
        oauthScopes = Texts.isBlank(oauthScopes) ? DEFAULT_SCOPES : oauthScopes.trim();
        if (!SCOPES.matcher(oauthScopes).matches()) {
            throw ConfigException.atKey(
                    "zendesk.auth.oauth_scopes",
                    "zendesk.auth.oauth_scopes '" + oauthScopes + "' is not a list of Zendesk scopes separated by"
                            + " spaces, such as \"read write\" or \"organizations:write users:read\" (lowercase, no"
                            + " commas)");
        }
    }

    public static ZendeskAuthConfig defaults() {
        return new ZendeskAuthConfig("ZENDESK_OAUTH_TOKEN", null, null, null, null, null);
    }

    /**
     * The same credentials, asking in a client_credentials grant only for the scopes of {@code
     * oauth_scopes} that do not write ({@code read} when none is left): a live audit writes nothing, so a
     * token it obtains, even one that leaked from its run, cannot change Zendesk.
     */
    public ZendeskAuthConfig readOnly() {
        String reads = Arrays.stream(oauthScopes.split("\\s+"))
                .filter(s -> !s.equals("write") && !s.endsWith(":write"))
                .collect(Collectors.joining(" "));
        return new ZendeskAuthConfig(
                oauthAccessTokenEnv,
                clientIdEnv,
                clientSecretEnv,
                reads.isEmpty() ? "read" : reads,
                email,
                apiTokenEnv);
    }

    /** Client credentials are configured (both variable names given). */
    public boolean usesClientCredentials() {
        return !Texts.isBlank(clientIdEnv) && !Texts.isBlank(clientSecretEnv);
    }

    /** The legacy email + API token pair is configured. */
    public boolean usesApiToken() {
        return !Texts.isBlank(email) && !Texts.isBlank(apiTokenEnv);
    }
}
