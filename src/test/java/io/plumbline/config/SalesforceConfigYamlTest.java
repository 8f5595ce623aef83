package io.plumbline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snake_case YAML keys of the Salesforce API settings, their defaults, and typo detection. */
class SalesforceConfigYamlTest {
    @TempDir
    Path dir;

    private PlumblineConfig load(String yaml) throws IOException {
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void load_everyApiKey_mapsToTheSalesforceSection() throws IOException {
        SalesforceConfig sf = load("""
                salesforce:
                  source: api
                  target_org: acme-prod
                  instance_url: https://acme.my.salesforce.com
                  instance_url_env: SF_URL
                  access_token_env: SF_ACCESS_TOKEN
                  client_id_env: SF_CLIENT_ID
                  client_secret_env: SF_CLIENT_SECRET
                  jwt: {username: integration@acme.com, key_file: keys/server.key, login_url: https://test.salesforce.com, client_id_env: SF_JWT_CLIENT_ID}
                  api_version: "67.0"
                  fields:
                    domains: [Domain__c, Zendesk__Domain_Mapping__c]
                    website: Website
                    zendesk_org_id: Zendesk__Zendesk_Organization_Id__c
                    parent: ParentId
                    domain_override: Zendesk_Domain_Override__c
                  account_filter: "Type = 'Customer'"
                  contacts: true
                """).salesforce();

        assertThat(sf.isApi()).isTrue();
        assertThat(sf.targetOrg()).isEqualTo("acme-prod");
        assertThat(sf.instanceUrlEnv()).isEqualTo("SF_URL");
        assertThat(sf.clientSecretEnv()).isEqualTo("SF_CLIENT_SECRET");
        assertThat(sf.jwt())
                .isEqualTo(new SalesforceJwtConfig(
                        "integration@acme.com", "keys/server.key", "https://test.salesforce.com", "SF_JWT_CLIENT_ID"));
        assertThat(sf.apiVersion()).isEqualTo("67.0");
        assertThat(sf.fields().domains()).containsExactly("Domain__c", "Zendesk__Domain_Mapping__c");
        assertThat(sf.fields().zendeskOrgId()).isEqualTo("Zendesk__Zendesk_Organization_Id__c");
        assertThat(sf.fields().domainOverride()).isEqualTo("Zendesk_Domain_Override__c");
        assertThat(sf.accountFilter()).isEqualTo("Type = 'Customer'");
        assertThat(sf.contacts()).isTrue();
    }

    @Test
    void load_apiSourceWithoutOptionalKeys_usesDefaults() throws IOException {
        SalesforceConfig sf =
                load("salesforce:\n  source: api\n  target_org: prod\n").salesforce();

        assertThat(sf.fields()).isEqualTo(new SalesforceFieldsConfig(List.of(), "Website", null, "ParentId", null));
        assertThat(sf.contacts()).isFalse();
        assertThat(sf.jwt()).isNull();
    }

    @Test
    void load_misspelledFieldsKey_namesTheKey() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> load("salesforce:\n  fields:\n    domain: [Domain__c]\n"));

        assertThat(e.getMessage()).contains("unknown key 'domain'", "domains");
    }

    @Test
    void load_apiSettingsThatWouldFailOnlyWhenRead_areRefusedOnTheirLine() throws IOException {
        assertThat(load("salesforce:\n  source: api\n  api_version: 67\n")
                        .salesforce()
                        .apiVersion())
                .isEqualTo("67.0");
        assertThat(refused("salesforce:\n  source: api\n  api_version: sixty\n"))
                .contains(":3:")
                .contains("salesforce.api_version: 'sixty' is not an API version like 67.0");
        assertThat(refused("salesforce:\n  source: api\n  instance_url: https://me:pa55w0rd@acme.my.salesforce.com\n"))
                .contains(":3:")
                .contains("salesforce.instance_url: it must not hold a user name or password")
                .doesNotContain("pa55w0rd");
        assertThat(refused("salesforce:\n  source: api\n  jwt: {username: u@acme.com, key_file: k.pem,"
                        + " login_url: \"http://login.example.com\", client_id_env: ID}\n"))
                .contains("salesforce.jwt.login_url: it must use https");
    }

    private String refused(String yaml) throws IOException {
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e).as(yaml).isNotNull();
        return e.getMessage();
    }
}
