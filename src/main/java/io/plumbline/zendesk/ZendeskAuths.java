package io.plumbline.zendesk;

import io.plumbline.config.EnvNames;
import io.plumbline.config.ZendeskAuthConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Texts;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chooses the credentials from the {@code zendesk.auth} section and an injected environment: an OAuth
 * access token when its variable is set, else client credentials when configured, else the legacy API
 * token (with a one-line retirement warning). Missing variables are config errors naming the variable.
 */
public final class ZendeskAuths {
    private ZendeskAuths() {}

    public static ZendeskAuth fromConfig(
            ZendeskAuthConfig config, Map<String, String> env, Clock clock, Consumer<String> warnings) {
        String tokenEnv = config.oauthAccessTokenEnv();
        if (!Texts.isBlank(tokenEnv) && !Texts.isBlank(env.get(tokenEnv))) {
            String token = EnvNames.headerSafe(
                    "zendesk.auth.oauth_access_token_env",
                    tokenEnv,
                    env.get(tokenEnv).trim());
            return new BearerTokenAuth(tokenEnv, token);
        }
        if (config.usesClientCredentials()) {
            return new ClientCredentialsAuth(
                    config.clientIdEnv(),
                    config.clientSecretEnv(),
                    required(env, config.clientIdEnv(), "client_id_env"),
                    required(env, config.clientSecretEnv(), "client_secret_env"),
                    config.oauthScopes(),
                    clock);
        }
        if (config.usesApiToken()) {
            String token = EnvNames.headerSafe(
                    "zendesk.auth.api_token_env",
                    config.apiTokenEnv(),
                    required(env, config.apiTokenEnv(), "api_token_env"));
            warnings.accept(ApiTokenAuth.RETIREMENT_WARNING);
            return new ApiTokenAuth(config.email().trim(), config.apiTokenEnv(), token);
        }
        if (!Texts.isBlank(tokenEnv)) {
            String key = "zendesk.auth.oauth_access_token_env";
            String shown = EnvNames.shown(key, tokenEnv);
            throw new ConfigException(
                    "environment variable " + shown + notSet(env, tokenEnv) + " (" + key + "): export an "
                            + "OAuth access token for your Zendesk in it, or configure zendesk.auth.client_id_env + "
                            + "client_secret_env" + EnvNames.pastedHint(key, tokenEnv));
        }
        throw new ConfigException("no Zendesk credentials configured: set zendesk.auth.oauth_access_token_env, "
                + "or client_id_env + client_secret_env, or (legacy) email + api_token_env");
    }

    private static String required(Map<String, String> env, String name, String key) {
        String value = env.get(name);
        if (Texts.isBlank(value)) {
            throw new ConfigException(
                    "environment variable " + EnvNames.shown("zendesk.auth." + key, name) + notSet(env, name)
                            + " (zendesk.auth." + key + ")" + EnvNames.pastedHint("zendesk.auth." + key, name));
        }
        return value.trim();
    }

    /** How a variable with no usable value is missing: an exported but empty one is a different mistake. */
    private static String notSet(Map<String, String> env, String name) {
        return env.containsKey(name) ? " is set but empty" : " is not set";
    }
}
