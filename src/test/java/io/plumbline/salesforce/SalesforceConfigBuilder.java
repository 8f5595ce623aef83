package io.plumbline.salesforce;

import io.plumbline.config.SalesforceConfig;
import io.plumbline.config.SalesforceFieldsConfig;
import io.plumbline.config.SalesforceJwtConfig;
import java.util.List;

/** Builds {@code salesforce:} sections for tests, one setter per YAML key. */
final class SalesforceConfigBuilder {
    private String targetOrg;
    private String instanceUrl;
    private String instanceUrlEnv;
    private String accessTokenEnv;
    private String clientIdEnv;
    private String clientSecretEnv;
    private SalesforceJwtConfig jwt;
    private String apiVersion;
    private SalesforceFieldsConfig fields =
            new SalesforceFieldsConfig(List.of("Domain__c"), "Website", null, "ParentId", null);
    private String accountFilter;
    private Boolean contacts;

    static SalesforceConfigBuilder api() {
        return new SalesforceConfigBuilder();
    }

    SalesforceConfigBuilder targetOrg(String v) {
        targetOrg = v;
        return this;
    }

    SalesforceConfigBuilder instanceUrl(String v) {
        instanceUrl = v;
        return this;
    }

    SalesforceConfigBuilder instanceUrlEnv(String v) {
        instanceUrlEnv = v;
        return this;
    }

    SalesforceConfigBuilder accessTokenEnv(String v) {
        accessTokenEnv = v;
        return this;
    }

    SalesforceConfigBuilder clientCredentials(String idEnv, String secretEnv) {
        clientIdEnv = idEnv;
        clientSecretEnv = secretEnv;
        return this;
    }

    SalesforceConfigBuilder jwt(SalesforceJwtConfig v) {
        jwt = v;
        return this;
    }

    SalesforceConfigBuilder apiVersion(String v) {
        apiVersion = v;
        return this;
    }

    SalesforceConfigBuilder fields(SalesforceFieldsConfig v) {
        fields = v;
        return this;
    }

    SalesforceConfigBuilder accountFilter(String v) {
        accountFilter = v;
        return this;
    }

    SalesforceConfigBuilder contacts(boolean v) {
        contacts = v;
        return this;
    }

    SalesforceConfig build() {
        return new SalesforceConfig(
                SalesforceConfig.API,
                null,
                null,
                targetOrg,
                instanceUrl,
                instanceUrlEnv,
                accessTokenEnv,
                clientIdEnv,
                clientSecretEnv,
                jwt,
                apiVersion,
                fields,
                accountFilter,
                contacts);
    }
}
