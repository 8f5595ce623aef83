package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code salesforce:} section: where accounts (and optionally contacts) come from. */
public record SalesforceConfig(
        @JsonProperty("source") String source,
        @JsonProperty("accounts_csv") String accountsCsv,
        @JsonProperty("contacts_csv") String contactsCsv) {
    public static final String CSV = "csv";
    public static final String API = "api";

    public SalesforceConfig {
        source = source == null ? CSV : source;
        accountsCsv = accountsCsv == null ? "./salesforce_accounts.csv" : accountsCsv;
    }

    public static SalesforceConfig defaults() {
        return new SalesforceConfig(null, null, null);
    }
}
