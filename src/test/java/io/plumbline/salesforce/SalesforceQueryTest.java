package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.salesforce.emulator.RecordedRequest;
import io.plumbline.salesforce.emulator.RequestKind;
import io.plumbline.salesforce.emulator.SalesforceEmulator;
import io.plumbline.snapshot.SnapshotLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging, version choice, the account filter, retries, and read-only traffic. */
class SalesforceQueryTest {
    private final SalesforceEmulator sf = StandardOrg.seed(SalesforceEmulator.start());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sf.close();
    }

    private static String names(int n) {
        return "Name NOT IN ("
                + java.util.stream.IntStream.range(0, n)
                        .mapToObj(i -> String.format("'n%05d'", i))
                        .collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }

    private SalesforcePullStats pull(SalesforceConfigBuilder config, Path out) {
        return new SalesforcePuller(
                        config.accessTokenEnv("SF_ACCESS_TOKEN")
                                .instanceUrl(sf.baseUrl().toString())
                                .build(),
                        dir,
                        Runtimes.with(Map.of("SF_ACCESS_TOKEN", sf.issueToken())))
                .pull(out);
    }

    @Test
    void query_threeBatches_followsNextRecordsUrl() {
        sf.batchSize(2);

        SalesforcePullStats stats = pull(SalesforceConfigBuilder.api(), dir);

        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(sf.requests(RequestKind.QUERY)).hasSize(1); // the first batch, with no COUNT() before it
        assertThat(sf.requests(RequestKind.QUERY_MORE))
                .extracting(RecordedRequest::path)
                .allMatch(p -> p.startsWith("/services/data/v67.0/query/01gEMU"))
                .hasSize(2);
        assertThat(stats.requests()).isEqualTo(4); // versions + 3 batches
    }

    @Test
    void query_batchesHoldingFewerRowsThanTotalSize_failsInsteadOfAShorterAccountList() {
        sf.batchSize(2).claimMoreRows(3);

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage())
                .startsWith("Salesforce announced 8 rows for the query (totalSize) but its batches held 5");
        assertThat(dir.resolve(SnapshotLayout.ACCOUNTS)).doesNotExist();
    }

    @Test
    void query_cursorDroppedMidway_isRunAgainFromItsStartOnce() {
        sf.batchSize(2).dropCursors(1);

        SalesforcePullStats stats = pull(SalesforceConfigBuilder.api(), dir);

        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(sf.requests(RequestKind.QUERY)).hasSize(2);
    }

    @Test
    void query_cursorDroppedTwice_failsSayingWhy() {
        sf.batchSize(2).dropCursors(2);

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage()).startsWith("Salesforce dropped the query's cursor twice before its last batch");
    }

    @Test
    void query_answerThatIsNotAQueryResult_exits4NamingThePath() {
        for (String body : List.of(
                "{}",
                "{\"totalSize\":5,\"records\":[]}",
                "{\"done\":true,\"records\":{}}",
                "{\"done\":true,\"records\":[]}")) { // a COUNT() read without totalSize would count 0
            sf.answerNext(body);

            SalesforceApiException e =
                    catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

            assertThat(e).as(body).isNotNull();
            assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
            assertThat(e.getMessage())
                    .isEqualTo("Salesforce answered /services/data/v67.0/query with JSON that is not a query result"
                            + " (no records array, boolean done or whole-number totalSize); a proxy or gateway between"
                            + " Plumbline and the"
                            + " org may have answered in its place");
        }
        assertThat(dir.resolve(SnapshotLayout.ACCOUNTS)).doesNotExist();
    }

    @Test
    void query_laterBatchThatIsNotAQueryResult_failsInsteadOfEndingThePull() {
        sf.batchSize(2);
        sf.answerNext(
                "{\"totalSize\":5,\"done\":false,\"nextRecordsUrl\":\"/services/data/v67.0/query/01gX-2\",\"records\":[]}");
        sf.answerNext("{\"totalSize\":5}");

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage())
                .startsWith("Salesforce answered /services/data/v67.0/query/01gX-2 with JSON that is not a query"
                        + " result");
    }

    @Test
    void query_batchNotDoneWithoutNextRecordsUrl_failsInsteadOfEndingThePull() {
        sf.answerNext("{\"totalSize\":5,\"done\":false,\"records\":[]}");

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage()).contains("a batch that is not done but names no nextRecordsUrl");
        assertThat(dir.resolve(SnapshotLayout.ACCOUNTS)).doesNotExist();
    }

    @Test
    void versions_severalListed_picksTheHighestNumerically() {
        sf.versions("9.0", "67.0", "100.0");

        SalesforcePullStats stats = pull(SalesforceConfigBuilder.api(), dir);

        assertThat(stats.apiVersion()).isEqualTo("100.0");
        assertThat(sf.requests(RequestKind.QUERY)).allMatch(r -> r.path().startsWith("/services/data/v100.0/"));
        assertThat(sf.requests(RequestKind.VERSIONS)).singleElement().matches(r -> !r.bearer());
    }

    @Test
    void versions_pinnedInConfig_skipsDiscovery() {
        SalesforcePullStats stats = pull(SalesforceConfigBuilder.api().apiVersion("v66.0"), dir);

        assertThat(stats.apiVersion()).isEqualTo("66.0");
        assertThat(sf.requests(RequestKind.VERSIONS)).isEmpty();
    }

    @Test
    void filter_customerType_readsOnlyMatchingAccounts() throws IOException {
        SalesforcePullStats stats = pull(
                SalesforceConfigBuilder.api().accountFilter("Type = 'Customer'").contacts(true), dir);

        assertThat(stats.accounts()).isEqualTo(3);
        assertThat(sf.requests(RequestKind.QUERY).get(0).query())
                .isEqualTo("q=SELECT Id, Name, Domain__c, Website, ParentId FROM Account WHERE (Type = 'Customer')");
        assertThat(Files.readString(dir.resolve(SnapshotLayout.ACCOUNTS)))
                .contains(StandardOrg.ACME, StandardOrg.GLOBEX, StandardOrg.UMBRELLA)
                .doesNotContain(StandardOrg.INITECH, StandardOrg.HOOLI);
        assertThat(Files.readString(dir.resolve(SnapshotLayout.CONTACTS))).doesNotContain("initech");
    }

    @Test
    void filter_holdingASemiJoin_readsTheSameContactsWithoutNestingItInTheContactsQuery() throws IOException {
        String ids = "'" + StandardOrg.ACME + "', '" + StandardOrg.GLOBEX + "', '" + StandardOrg.INITECH + "'";
        pull(SalesforceConfigBuilder.api().accountFilter("Id IN (" + ids + ")").contacts(true), dir.resolve("list"));

        SalesforcePullStats stats = pull(
                SalesforceConfigBuilder.api()
                        .accountFilter("Id IN (SELECT AccountId FROM Contact WHERE LastName = 'Doe')")
                        .contacts(true),
                dir.resolve("semi"));

        assertThat(stats.accounts()).isEqualTo(3);
        assertThat(stats.contacts()).isEqualTo(5);
        assertThat(sf.requests()).allMatch(r -> r.status() == 200);
        assertThat(sf.requests(RequestKind.QUERY))
                .extracting(RecordedRequest::query)
                .containsExactly(
                        "q=SELECT Id, Name, Domain__c, Website, ParentId FROM Account WHERE (Id IN (" + ids + "))",
                        "q=SELECT AccountId, IsDirect, Contact.Email FROM AccountContactRelation WHERE IsActive = true"
                                + " AND Contact.Email != null AND AccountId IN (SELECT Id FROM Account WHERE (Id IN ("
                                + ids + ")))",
                        "q=SELECT Id, Name, Domain__c, Website, ParentId FROM Account WHERE (Id IN (SELECT AccountId"
                                + " FROM Contact WHERE LastName = 'Doe'))",
                        "q=SELECT AccountId, IsDirect, Contact.Email FROM AccountContactRelation WHERE IsActive = true"
                                + " AND Contact.Email != null");
        assertThat(Files.readString(dir.resolve("semi").resolve(SnapshotLayout.ACCOUNTS)))
                .isEqualTo(Files.readString(dir.resolve("list").resolve(SnapshotLayout.ACCOUNTS)));
        assertThat(Files.readString(dir.resolve("semi").resolve(SnapshotLayout.CONTACTS)))
                .isEqualTo(Files.readString(dir.resolve("list").resolve(SnapshotLayout.CONTACTS)))
                .doesNotContain(StandardOrg.UMBRELLA);
    }

    @Test
    void filter_unbalancedParenthesis_isRefusedBeforeAnyRequest() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().accountFilter("Type = 'Customer') OR (Id != null"), dir));

        assertThat(e.getMessage()).contains("salesforce.account_filter", "closes a parenthesis that was never opened");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void filter_unterminatedString_isRefused() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().accountFilter("Type = 'Customer"), dir));

        assertThat(e.getMessage()).contains("string literal is not closed");
    }

    @Test
    void fields_nameCarryingSoql_isRefusedBeforeAnyRequest() {
        var fields = new io.plumbline.config.SalesforceFieldsConfig(
                List.of("Domain__c", "Id FROM User --"), "Website", null, "ParentId", null);

        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> pull(SalesforceConfigBuilder.api().fields(fields), dir));

        assertThat(e.getMessage())
                .contains("salesforce.fields.domains[1]", "'Id FROM User --'", "not a Salesforce field name");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void http_transientServerErrors_areRetriedAndCounted() {
        sf.failNext(5); // an instance unavailable for half a minute

        SalesforcePullStats stats = pull(SalesforceConfigBuilder.api(), dir);

        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(stats.requests()).isEqualTo(7); // versions + 5 failed + query
    }

    @Test
    void http_serverErrorsBeyondTheSixthAttempt_endThePullWithSalesforcesAnswer() {
        sf.failNext(6);

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage()).contains("503");
        assertThat(sf.requests()).hasSize(7); // versions + 6 attempts
    }

    @Test
    void session_expiredMidPull_signsInAgainAndGoesOnWhereItWasForEveryRenewableMethod() throws IOException {
        sf.clientCredentials("id", "secret").batchSize(2);
        sf.jwtBearer("app", "u@acme.example", KeyFixtures.APP.getPublic());
        KeyFixtures.pkcs8(KeyFixtures.APP, dir.resolve("k.pem"));
        String url = sf.baseUrl().toString();
        Map<String, String> env = Map.of("ID", "id", "SECRET", "secret", "JWT_ID", "app");
        List<SalesforceConfigBuilder> configs = List.of(
                SalesforceConfigBuilder.api().clientCredentials("ID", "SECRET").instanceUrl(url),
                SalesforceConfigBuilder.api()
                        .jwt(new io.plumbline.config.SalesforceJwtConfig("u@acme.example", "k.pem", url, "JWT_ID")));
        for (int i = 0; i < configs.size(); i++) {
            int before = sf.requests().size();
            sf.expireTokensAt(3); // the accounts' third batch
            Path out = Files.createDirectories(dir.resolve("out-" + i));

            SalesforcePullStats stats =
                    new SalesforcePuller(configs.get(i).contacts(true).build(), dir, Runtimes.with(env)).pull(out);

            List<RecordedRequest> sent =
                    sf.requests().subList(before, sf.requests().size());
            assertThat(stats.accounts()).as("config %d", i).isEqualTo(5);
            assertThat(stats.contacts()).isPositive();
            assertThat(sent)
                    .filteredOn(r -> r.kind() == RequestKind.TOKEN)
                    .as("signed in, then once more")
                    .hasSize(2);
            assertThat(sent)
                    .filteredOn(r -> r.kind() == RequestKind.QUERY_MORE)
                    .extracting(RecordedRequest::status)
                    .as("the batch refused for the expired session is asked for again, not the query from the start")
                    .startsWith(200, 401, 200)
                    .containsOnlyOnce(401);
            assertThat(sent)
                    .filteredOn(r -> r.kind() == RequestKind.QUERY)
                    .extracting(RecordedRequest::status)
                    .containsOnly(200);
        }
    }

    @Test
    void session_expiredMidPullWithTargetOrg_asksTheSfCliAgainForItsRefreshedToken() {
        sf.batchSize(2).expireTokensAt(3);
        String url = sf.baseUrl().toString();
        FakeCommandRunner cli = FakeCommandRunner.answering(command -> new CommandRunner.Result(
                0,
                "{\"status\":0,\"result\":{\"accessToken\":\"" + sf.issueToken() + "\",\"instanceUrl\":\"" + url
                        + "\"}}",
                ""));

        SalesforcePullStats stats = new SalesforcePuller(
                        SalesforceConfigBuilder.api().targetOrg("prod").build(), dir, Runtimes.with(Map.of(), cli))
                .pull(dir);

        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(cli.commands).as("sf org display, then again after the 401").hasSize(2);
        assertThat(sf.requests(RequestKind.QUERY_MORE))
                .extracting(RecordedRequest::status)
                .containsExactly(200, 401, 200);
    }

    @Test
    void session_expiredMidPullWithAnAccessTokenFromTheEnvironment_exits4SayingHowToGetAFreshOne() {
        sf.batchSize(2).expireTokensAt(2);

        SalesforceApiException e =
                catchThrowableOfType(SalesforceApiException.class, () -> pull(SalesforceConfigBuilder.api(), dir));

        assertThat(e.exitCode()).isEqualTo(ExitCodes.REMOTE);
        assertThat(e.getMessage())
                .contains("INVALID_SESSION_ID")
                .contains("the token in $SF_ACCESS_TOKEN expired or was revoked");
        assertThat(sf.requests(RequestKind.TOKEN)).isEmpty();
    }

    @Test
    void accountFilter_tooLongForAQueryUrl_isAConfigErrorBeforeAnyRequest() {
        String ids = java.util.stream.IntStream.range(0, 1200)
                .mapToObj(i -> String.format("'001A%014d'", i))
                .collect(java.util.stream.Collectors.joining(", "));

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> pull(SalesforceConfigBuilder.api().accountFilter("Id IN (" + ids + ")"), dir));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .startsWith("salesforce.account_filter: the account query would be ")
                .contains("select the accounts by a field");
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void contactsScope_filterThatFitsOnlyWithoutTheSemiJoin_isLeftToTheInMemoryFilter() {
        assertThat(ContactReader.usable("Type = 'Customer'")).isEqualTo("Type = 'Customer'");
        // the longest list of names whose filter alone still fits in a query URL
        String filter = "";
        for (int n = 1; SalesforceApi.fitsInUrl("SELECT Id FROM Account WHERE (" + names(n) + ")"); n++) {
            filter = names(n);
        }

        assertThat(ContactReader.usable(filter)).isEmpty();
    }

    @Test
    void readOnly_fullPullWithContactsAndClientCredentials_sendsOnlyGetsApartFromTheTokenRequest() throws Exception {
        sf.clientCredentials("id", "secret").batchSize(2);
        SalesforcePullStats stats = new SalesforcePuller(
                        SalesforceConfigBuilder.api()
                                .clientCredentials("ID", "SECRET")
                                .instanceUrl(sf.baseUrl().toString())
                                .contacts(true)
                                .build(),
                        dir,
                        Runtimes.with(Map.of("ID", "id", "SECRET", "secret")))
                .pull(dir);
        // positive control: a write does reach the emulator and is logged as such
        SalesforceEmulator control = SalesforceEmulator.start();
        HttpRequest write = HttpRequest.newBuilder(
                        URI.create(control.baseUrl() + "/services/data/v67.0/sobjects/Account"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"x\"}"))
                .build();
        int status =
                Runtimes.HTTP.send(write, HttpResponse.BodyHandlers.ofString()).statusCode();
        control.close();

        assertThat(status).isEqualTo(405);
        assertThat(control.requests()).extracting(RecordedRequest::kind).containsExactly(RequestKind.REJECTED);
        assertThat(stats.accounts()).isEqualTo(5);
        assertThat(stats.contactsRead()).isTrue();
        assertThat(stats.contacts()).isPositive();
        assertThat(sf.requests())
                .hasSize(stats.requests())
                .allMatch(r -> r.kind().isRead());
        assertThat(sf.requests())
                .filteredOn(r -> !r.method().equals("GET"))
                .singleElement()
                .matches(r -> r.method().equals("POST") && r.kind() == RequestKind.TOKEN)
                .matches(r -> r.path().equals("/services/oauth2/token"));
        assertThat(sf.requests(RequestKind.QUERY)).hasSize(2); // accounts, then contacts
        assertThat(sf.requests(RequestKind.QUERY_MORE)).isNotEmpty();
        assertThat(sf.requests())
                .noneMatch(r -> r.path().contains("/jobs/")
                        || r.path().contains("/sobjects")
                        || r.path().contains("/composite"));
    }
}
