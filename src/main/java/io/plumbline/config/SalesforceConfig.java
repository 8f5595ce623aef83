package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;

/**
 * The {@code salesforce:} section: where accounts (and optionally contacts) come from. With {@code
 * source: csv} only the CSV paths matter; with {@code source: api} the remaining keys say how to sign
 * in and what to read. Secrets are never values here, only the names of environment variables.
 *
 * @param targetOrg an sf CLI alias or username (first choice of sign-in)
 * @param instanceUrl the org's My Domain URL, e.g. {@code https://acme.my.salesforce.com}
 * @param instanceUrlEnv the variable holding the instance URL, when it is not written here
 * @param accessTokenEnv the variable holding an access token (second choice)
 * @param clientIdEnv with {@code clientSecretEnv}: OAuth client credentials (third choice)
 * @param jwt the OAuth JWT bearer settings (fourth choice)
 * @param apiVersion pins the REST API version (e.g. {@code 67.0}); null discovers the newest
 * @param fields which Account fields hold domains, website, stored org id and parent
 * @param accountFilter a SOQL WHERE clause that selects the accounts to audit
 * @param contacts also read Contact emails (and AccountContactRelation when enabled)
 */
public record SalesforceConfig(
        @JsonProperty("source") String source,
        @JsonProperty("accounts_csv") String accountsCsv,
        @JsonProperty("contacts_csv") String contactsCsv,
        @JsonProperty("target_org") String targetOrg,
        @JsonProperty("instance_url") String instanceUrl,
        @JsonProperty("instance_url_env") String instanceUrlEnv,
        @JsonProperty("access_token_env") String accessTokenEnv,
        @JsonProperty("client_id_env") String clientIdEnv,
        @JsonProperty("client_secret_env") String clientSecretEnv,
        @JsonProperty("jwt") SalesforceJwtConfig jwt,
        @JsonProperty("api_version") String apiVersion,
        @JsonProperty("fields") SalesforceFieldsConfig fields,
        @JsonProperty("account_filter") String accountFilter,
        @JsonProperty("contacts") Boolean contacts) {
    public static final String CSV = "csv";
    public static final String API = "api";

    public SalesforceConfig {
        instanceUrlEnv = EnvNames.check("salesforce.instance_url_env", instanceUrlEnv);
        accessTokenEnv = EnvNames.check("salesforce.access_token_env", accessTokenEnv);
        clientIdEnv = EnvNames.check("salesforce.client_id_env", clientIdEnv);
        clientSecretEnv = EnvNames.check("salesforce.client_secret_env", clientSecretEnv);
        source = source == null ? CSV : source;
        if (!CSV.equals(source) && !API.equals(source)) {
            throw ConfigException.atKey(
                    "salesforce.source",
                    "salesforce.source must be csv (an accounts CSV) or api (read live), found '" + source + "'");
        }
        if (instanceUrl != null && !instanceUrl.isBlank()) {
            String problem = TokenUrls.problem(instanceUrl, "https://yourcompany.my.salesforce.com");
            if (problem != null) {
                throw ConfigException.atKey("salesforce.instance_url", "salesforce.instance_url: " + problem);
            }
        }
        apiVersion = apiVersion(apiVersion);
        if (accountsCsv != null && accountsCsv.isBlank()) {
            throw ConfigException.atKey(
                    "salesforce.accounts_csv",
                    "salesforce.accounts_csv is empty; name the accounts export, or remove the key to read"
                            + " ./salesforce_accounts.csv");
        }
        accountsCsv = accountsCsv == null ? "./salesforce_accounts.csv" : accountsCsv;
        fields = fields == null ? SalesforceFieldsConfig.defaults() : fields;
        contacts = contacts != null && contacts;
    }

    /**
     * A pinned API version as Salesforce names it ({@code 67.0}), from {@code 67.0}, {@code v67.0} or a
     * whole {@code 67}; null when none is pinned.
     */
    private static String apiVersion(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String bare = raw.strip().startsWith("v") ? raw.strip().substring(1) : raw.strip();
        if (bare.matches("\\d{1,3}")) {
            return bare + ".0";
        }
        if (!bare.matches("\\d{1,3}\\.\\d")) {
            throw ConfigException.atKey(
                    "salesforce.api_version",
                    "salesforce.api_version: '" + raw.strip() + "' is not an API version like 67.0");
        }
        return bare;
    }

    /** A CSV-sourced section (the shape before live reads existed). */
    public SalesforceConfig(String source, String accountsCsv, String contactsCsv) {
        this(source, accountsCsv, contactsCsv, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static SalesforceConfig defaults() {
        return new SalesforceConfig(null, null, null);
    }

    /** True when accounts are read live from the Salesforce API rather than from a CSV. */
    public boolean isApi() {
        return API.equals(source);
    }
}
