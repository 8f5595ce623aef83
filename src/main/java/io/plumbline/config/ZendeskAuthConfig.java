package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to authenticate to Zendesk: the names of environment variables, never the secrets. OAuth first
 * (an access token, or client credentials); email + API token is the legacy option.
 */
public record ZendeskAuthConfig(
        @JsonProperty("oauth_access_token_env") String oauthAccessTokenEnv,
        @JsonProperty("client_id_env") String clientIdEnv,
        @JsonProperty("client_secret_env") String clientSecretEnv,
        @JsonProperty("email") String email,
        @JsonProperty("api_token_env") String apiTokenEnv) {
    public static ZendeskAuthConfig defaults() {
        return new ZendeskAuthConfig("ZENDESK_OAUTH_TOKEN", null, null, null, null);
    }
}
