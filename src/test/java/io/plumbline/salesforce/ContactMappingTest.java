package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.resolve.IdentityResolver;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.resolve.UserResolution;
import io.plumbline.resolve.UserRule;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.snapshot.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulled contacts feed resolution: a user matches by email before any domain rule. */
class ContactMappingTest {
    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    private Resolution pullAndResolve(SalesforceConfigBuilder config) throws IOException {
        new SalesforcePuller(
                        config.accessTokenEnv("T")
                                .instanceUrl(sf.baseUrl().toString())
                                .build(),
                        dir,
                        Runtimes.with(Map.of("T", sf.issueToken())))
                .pull(dir);
        Files.createDirectories(dir.resolve("zendesk"));
        Files.writeString(
                dir.resolve(SnapshotLayout.ORGANIZATIONS),
                "{\"id\":11,\"name\":\"Acme\",\"external_id\":\"" + StandardOrg.ACME
                        + "\",\"domain_names\":[\"acme.com\"]}\n" + "{\"id\":12,\"name\":\"Globex\",\"external_id\":\""
                        + StandardOrg.GLOBEX + "\"}\n");
        Files.writeString(
                dir.resolve(SnapshotLayout.USERS),
                "{\"id\":21,\"email\":\"wile.e@gmail.com\",\"role\":\"end-user\",\"active\":true}\n"
                        + "{\"id\":22,\"email\":\"consultant@independent.dev\",\"role\":\"end-user\"}\n");
        Files.writeString(dir.resolve(SnapshotLayout.MEMBERSHIPS), "");
        Files.writeString(dir.resolve(SnapshotLayout.TICKETS), "");
        return new IdentityResolver(ResolutionSettings.defaults())
                .resolve(SnapshotReader.read(new FolderSource(dir), Instant.parse("2026-05-01T00:00:00Z")));
    }

    @Test
    void contacts_userOnPersonalDomain_mapsToTheContactsAccount() throws IOException {
        Resolution resolution = pullAndResolve(SalesforceConfigBuilder.api().contacts(true));

        UserResolution wile = resolution.users().get(new ZendeskUserId(21));
        assertThat(wile.rule()).isEqualTo(UserRule.CONTACT);
        assertThat(wile.accounts()).containsExactly(new SalesforceAccountId(StandardOrg.ACME));
        assertThat(resolution.warnings()).isEmpty();
    }

    @Test
    void contacts_consultantRelatedToTwoAccounts_keepsTheDirectOneAsPrimary() throws IOException {
        Resolution resolution = pullAndResolve(SalesforceConfigBuilder.api().contacts(true));

        UserResolution consultant = resolution.users().get(new ZendeskUserId(22));
        assertThat(consultant.rule()).isEqualTo(UserRule.CONTACT);
        assertThat(consultant.accounts())
                .containsExactlyInAnyOrder(
                        new SalesforceAccountId(StandardOrg.ACME), new SalesforceAccountId(StandardOrg.GLOBEX));
        assertThat(consultant.primary()).isEqualTo(new SalesforceAccountId(StandardOrg.ACME));
    }

    @Test
    void contacts_orgWithoutContactRelations_fallsBackToEachContactsAccount() throws IOException {
        sf.data().withoutContactRelations();

        Resolution resolution = pullAndResolve(SalesforceConfigBuilder.api().contacts(true));

        assertThat(resolution.users().get(new ZendeskUserId(22)).accounts())
                .containsExactly(new SalesforceAccountId(StandardOrg.ACME));
        assertThat(Files.readString(dir.resolve(SnapshotLayout.CONTACTS)))
                .isEqualTo("email,sf_account_id,is_primary\n"
                        + "Consultant@Independent.dev," + StandardOrg.ACME + ",true\n"
                        + "pat@globex.com," + StandardOrg.GLOBEX + ",true\n"
                        + "wile.e@gmail.com," + StandardOrg.ACME + ",true\n"
                        + "x@initech.com," + StandardOrg.INITECH + ",true\n");
    }

    @Test
    void contacts_off_userOnPersonalDomainHasNoExpectation() throws IOException {
        Resolution resolution = pullAndResolve(SalesforceConfigBuilder.api());

        assertThat(resolution.users().get(new ZendeskUserId(21)).mapped()).isFalse();
        assertThat(dir.resolve(SnapshotLayout.CONTACTS)).doesNotExist();
    }
}
