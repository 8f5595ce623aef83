package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;

/**
 * The {@code salesforce.jwt:} settings of the OAuth 2.0 JWT bearer flow: the user to act as, the
 * path of the PEM private key whose certificate is on the connected app, the login URL (the audience
 * of the assertion and the token endpoint's host) and the variable holding the app's client id.
 */
public record SalesforceJwtConfig(
        @JsonProperty("username") String username,
        @JsonProperty("key_file") String keyFile,
        @JsonProperty("login_url") String loginUrl,
        @JsonProperty("client_id_env") String clientIdEnv) {
    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";

    public SalesforceJwtConfig {
        clientIdEnv = EnvNames.check("salesforce.jwt.client_id_env", clientIdEnv);
        loginUrl = loginUrl == null ? DEFAULT_LOGIN_URL : loginUrl;
        String problem = TokenUrls.problem(loginUrl, DEFAULT_LOGIN_URL);
        if (problem != null) {
            throw ConfigException.atKey("salesforce.jwt.login_url", "salesforce.jwt.login_url: " + problem);
        }
    }
}
