package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code zendesk:} section: which Zendesk, and the names of the variables holding credentials. */
public record ZendeskConfig(
        @JsonProperty("subdomain") String subdomain,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("auth") ZendeskAuthConfig auth) {
    public ZendeskConfig {
        auth = auth == null ? ZendeskAuthConfig.defaults() : auth;
    }

    public static ZendeskConfig defaults() {
        return new ZendeskConfig(null, null, null);
    }
}
