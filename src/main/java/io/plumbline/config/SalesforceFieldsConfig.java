package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;
import java.util.List;

/**
 * The {@code salesforce.fields:} mapping from Account fields to Plumbline's account columns. Names
 * are Salesforce API names ({@code Domain__c}, {@code Zendesk__Zendesk_Organization_Id__c}); a
 * null optional field is simply not read.
 *
 * @param domains fields whose values are joined with spaces into {@code account_domains}
 * @param website the website field (default {@code Website})
 * @param zendeskOrgId the field holding the Zendesk org id stored on the account, if any
 * @param parent the parent account lookup (default {@code ParentId})
 * @param domainOverride a field that overrides the expected domains, if any
 */
public record SalesforceFieldsConfig(
        @JsonProperty("domains") List<String> domains,
        @JsonProperty("website") String website,
        @JsonProperty("zendesk_org_id") String zendeskOrgId,
        @JsonProperty("parent") String parent,
        @JsonProperty("domain_override") String domainOverride) {
    public SalesforceFieldsConfig {
        if (domains != null && domains.stream().anyMatch(d -> d == null || d.isBlank())) {
            throw ConfigException.atKey(
                    "salesforce.fields.domains", "salesforce.fields.domains has an empty entry; remove it");
        }
        domains = domains == null ? List.of() : List.copyOf(domains);
        website = website == null ? "Website" : website;
        parent = parent == null ? "ParentId" : parent;
    }

    public static SalesforceFieldsConfig defaults() {
        return new SalesforceFieldsConfig(null, null, null, null, null);
    }
}
