package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.config.SalesforceFieldsConfig;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.SnapshotLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulled CSVs: exact header, domain fields joined, RFC 4180 quoting, LF, sorted, read back unchanged. */
class SalesforcePullerTest {
    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    private SalesforcePuller puller(SalesforceConfigBuilder config) {
        String token = sf.issueToken();
        return new SalesforcePuller(
                config.accessTokenEnv("SF_ACCESS_TOKEN")
                        .instanceUrl(sf.baseUrl().toString())
                        .build(),
                dir,
                Runtimes.with(Map.of("SF_ACCESS_TOKEN", token)));
    }

    @Test
    void pull_twoDomainFields_writesAccountsCsvTheReaderReadsBack() throws IOException {
        SalesforceFieldsConfig fields = new SalesforceFieldsConfig(
                List.of("Domain__c", "Secondary_Domain__c"),
                "Website",
                "Zendesk__Zendesk_Organization_Id__c",
                "ParentId",
                null);

        SalesforcePullStats stats =
                puller(SalesforceConfigBuilder.api().fields(fields)).pull(dir);

        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(Files.readString(dir.resolve(SnapshotLayout.ACCOUNTS)))
                .startsWith("sf_account_id,account_name,account_domains,website,zendesk_domain_override,"
                        + "zendesk_org_id,parent_account_id\n")
                .contains(StandardOrg.ACME + ",Acme,acme.com acme.io,https://www.acme.com,,360001,\n")
                .contains("\"Hooli, \"\"the\"\" Company\"")
                .doesNotContain("\r");
        List<Account> accounts = readAccounts();
        assertThat(accounts).extracting(a -> a.id().value()).isSorted().hasSize(5);
        assertThat(accounts.get(3).parentAccountId()).isEqualTo(StandardOrg.ACME);
        assertThat(accounts.get(4).name()).isEqualTo("Hooli, \"the\" Company");
    }

    @Test
    void pull_contacts_writesActiveRelationsWithPrimaryFlag() throws IOException {
        SalesforcePullStats stats =
                puller(SalesforceConfigBuilder.api().contacts(true)).pull(dir);

        assertThat(stats.contactRelations()).isTrue();
        assertThat(readContacts())
                .extracting(c -> c.email() + " " + c.accountId() + " " + c.primary())
                .containsExactly(
                        "Consultant@Independent.dev " + StandardOrg.ACME + " true",
                        "Consultant@Independent.dev " + StandardOrg.GLOBEX + " false",
                        "pat@globex.com " + StandardOrg.GLOBEX + " true",
                        "wile.e@gmail.com " + StandardOrg.ACME + " true",
                        "x@initech.com " + StandardOrg.INITECH + " true");
    }

    private List<Account> readAccounts() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(SnapshotLayout.ACCOUNTS))) {
            return AccountsCsvReader.read(in, "accounts");
        }
    }

    private List<Contact> readContacts() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(SnapshotLayout.CONTACTS))) {
            return ContactsCsvReader.read(in, "contacts");
        }
    }
}
