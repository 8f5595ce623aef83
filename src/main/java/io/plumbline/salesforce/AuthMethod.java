package io.plumbline.salesforce;

import java.util.Locale;

/**
 * The ways Plumbline signs in to Salesforce, in the order a user reaches for them; each knows how a
 * user gets a fresh session when Salesforce rejects the current one.
 */
public enum AuthMethod {
    SF_CLI("salesforce.target_org", "log in again with `sf org login web --alias %s`, then re-run"),
    ACCESS_TOKEN(
            "salesforce.access_token_env",
            "the token in $%s expired or was revoked; export a fresh one (for example the accessToken of"
                    + " `sf org auth show-access-token --target-org ALIAS --json`), then re-run"),
    CLIENT_CREDENTIALS(
            "salesforce.client_id_env",
            "check that the app's client credentials flow is enabled with an active run-as user (app id in"
                    + " $%s), then re-run"),
    JWT_BEARER(
            "salesforce.jwt",
            "check that user %s is pre-authorized for the connected app and that its certificate matches"
                    + " the key file, then re-run");

    private final String configKey;
    private final String reauthTemplate;

    AuthMethod(String configKey, String reauthTemplate) {
        this.configKey = configKey;
        this.reauthTemplate = reauthTemplate;
    }

    /** The config key that selected this method, for messages. */
    public String configKey() {
        return configKey;
    }

    /**
     * Whether Plumbline can sign in again by itself when a session expires mid-pull: all but a token
     * handed over in the environment (the sf CLI refreshes its own).
     */
    public boolean renewable() {
        return this != ACCESS_TOKEN;
    }

    /** How to re-authenticate, filled in with the alias, variable name or user the config names. */
    public String reauthHint(String subject) {
        return String.format(Locale.ROOT, reauthTemplate, subject);
    }
}
