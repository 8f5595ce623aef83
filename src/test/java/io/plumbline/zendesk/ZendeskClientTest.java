package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Snapshot;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskClientTest {
    private static final ZendeskOrgId ORG_1 = new ZendeskOrgId(1001);
    private static final ZendeskOrgId ORG_2 = new ZendeskOrgId(1002);
    private static final ZendeskOrgId ORG_3 = new ZendeskOrgId(1003);

    @TempDir
    Path dir;

    EmulatorHarness h;
    ZendeskClient client;

    @BeforeEach
    void start() {
        h = new EmulatorHarness(
                SeedSnapshots.write(dir.resolve("seed"), 10, 12, 5), EmulatorConfig.withToken(EmulatorHarness.TOKEN));
        client = new ZendeskClient(h.http());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void setOrganizationDomains_replacesTheWholeArray() {
        ZendeskWriteResult r = client.setOrganizationDomains(ORG_1, List.of("org1.example.com", "new.example.com"));

        assertThat(r.applied()).isTrue();
        assertThat(r.requestId()).startsWith("emu-");
        assertThat(r.data().path("organization").path("domain_names")).hasSize(2);
        client.setOrganizationDomains(ORG_1, List.of("only.example.com"));
        assertThat(client.organization(ORG_1).orElseThrow().path("domain_names").toString())
                .isEqualTo("[\"only.example.com\"]");
        assertThat(h.emulator.log().writes())
                .extracting(LoggedRequest::body)
                .containsExactly(
                        "{\"organization\":{\"domain_names\":[\"org1.example.com\",\"new.example.com\"]}}",
                        "{\"organization\":{\"domain_names\":[\"only.example.com\"]}}");
    }

    @Test
    void write_turnedAwayWith429_isThrownForARecheckNotSentAgainAsBuilt() {
        h.emulator.failRequest("/api/v2/organizations/1001", 1, Fault.TOO_MANY);

        assertThatThrownBy(() -> client.setOrganizationDomains(ORG_1, List.of("stale.example.com")))
                .isInstanceOf(TurnedAwayException.class)
                .hasMessageContaining("PUT /api/v2/organizations/1001");
        assertThat(h.emulator.log().writes()).extracting(LoggedRequest::status).containsExactly(429);
        assertThat(client.setOrganizationDomains(ORG_1, List.of("fresh.example.com"))
                        .applied())
                .isTrue();
    }

    @Test
    void updateOrganizations_answerLost_isNotSentAgainAndIsLeftOpenForZendesksRecords() {
        h.emulator.failRequest("/api/v2/organizations/update_many", 1, Fault.LOST_ANSWER);

        JobResult r = client.updateOrganizations(List.of(OrganizationUpdate.externalId(ORG_1, "001ACME77777")));

        assertThat(h.emulator.log().writes())
                .as("its body carries state read before it: never sent again as built")
                .hasSize(1);
        assertThat(r.fate()).isEqualTo(JobResult.Fate.OPEN);
        assertThat(r.problem()).contains("not sent again as built").contains("may have reached Zendesk");
    }

    @Test
    void write_answered5xx_isNotSentAgainButHandedBackForZendesksRecordsUntilTheRetriesAreUsedUp() {
        h.emulator.failEvery("PUT", "/api/v2/organizations/1001", Fault.SERVER_ERROR);

        // the harness's policy retries six times
        List<ZendeskWriteResult> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(client.setOrganizationDomains(ORG_1, List.of("built-" + i + ".example.com")));
        }

        assertThat(h.emulator.log().writes())
                .extracting(LoggedRequest::body)
                .as("one attempt per write: each retry is a write built again by its caller")
                .hasSize(7)
                .startsWith(
                        "{\"organization\":{\"domain_names\":[\"built-0.example.com\"]}}",
                        "{\"organization\":{\"domain_names\":[\"built-1.example.com\"]}}");
        assertThat(results).allMatch(ZendeskWriteResult::unanswered);
        assertThat(results)
                .extracting(ZendeskWriteResult::recheck)
                .as("the policy's six retries, then it gives up")
                .containsExactly(true, true, true, true, true, true, false);
        assertThat(results.get(6).error()).contains("did not answer PUT /api/v2/organizations/1001 after 7 attempts");

        for (int i = 0; i < 3; i++) {
            client.setOrganizationDomains(ORG_1, List.of("lost.example.com"));
        }
        h.emulator.stopFailingEvery("PUT", "/api/v2/organizations/1001");
        assertThat(client.setOrganizationDomains(ORG_1, List.of("x.example.com"))
                        .applied())
                .isTrue();
        h.emulator.failEvery("PUT", "/api/v2/organizations/1001", Fault.SERVER_ERROR);
        assertThat(lostInARow(6)).as("an answered write starts the count again").containsOnly(true);
        client.beginAction();
        assertThat(lostInARow(6))
                .as("so does another action: the answers lost before are not its own")
                .containsOnly(true);
    }

    private List<Boolean> lostInARow(int writes) {
        List<Boolean> recheck = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            recheck.add(client.setOrganizationDomains(ORG_1, List.of("again.example.com"))
                    .recheck());
        }
        return recheck;
    }

    @Test
    void read_noConnectionOnAnyAttempt_isOutOfReachAndRecordedSo() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort(); // free once closed: a connection there is refused
        }
        ZendeskConfig config = new ZendeskConfig(
                null, "http://127.0.0.1:" + closed, EmulatorHarness.bearer("ZENDESK_OAUTH_TOKEN"), 1, 2);
        ZendeskClient away =
                new ZendeskClient(h.http(config, java.util.Map.of("ZENDESK_OAUTH_TOKEN", EmulatorHarness.TOKEN)));

        assertThatThrownBy(() -> away.organization(ORG_1))
                .isInstanceOf(ZendeskUnreachableException.class)
                .hasMessageContaining("could not be reached for GET /api/v2/organizations/1001 after 3 attempts")
                .hasMessageNotContaining(EmulatorHarness.TOKEN);
        assertThat(away.stats().stopReason()).isEqualTo(ZendeskUnreachableException.REASON);
        assertThat(client.stats().stopReason()).isNull();
    }

    @Test
    void setOrganizationExternalId_takenCaseInsensitively_is422DuplicateValue() {
        ZendeskWriteResult r = client.setOrganizationExternalId(ORG_1, "001acme00003");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).contains("RecordInvalid").contains("DuplicateValue");
        assertThat(r.alreadyMember()).isFalse();
        assertThat(client.organization(ORG_1).orElseThrow().path("external_id").isNull())
                .isTrue();
    }

    @Test
    void setOrganizationExternalId_thenClear_roundTrips() {
        assertThat(client.setOrganizationExternalId(ORG_1, "001ACME99999").applied())
                .isTrue();
        assertThat(client.organizationsByExternalId("001acme99999"))
                .extracting(o -> o.path("id").asLong())
                .containsExactly(1001L);
        assertThat(client.setOrganizationExternalId(ORG_1, null).applied()).isTrue();
        assertThat(client.organizationsByExternalId("001ACME99999")).isEmpty();
    }

    @Test
    void createMembership_alreadyMember_isDistinguishable() {
        JsonNode existing =
                client.userMemberships(new ZendeskUserId(20_001)).orElseThrow().get(0);
        ZendeskOrgId org = new ZendeskOrgId(existing.path("organization_id").asLong());

        ZendeskWriteResult r = client.createMembership(new ZendeskUserId(20_001), org);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.alreadyMember()).isTrue();
    }

    @Test
    void createMakeDefaultThenDelete_restoresTheFormerDefault() {
        ZendeskUserId user = new ZendeskUserId(20_001);
        long formerDefault = client.userMemberships(user)
                .orElseThrow()
                .get(0)
                .path("organization_id")
                .asLong();
        ZendeskOrgId target = formerDefault == ORG_3.value() ? ORG_2 : ORG_3;

        ZendeskWriteResult created = client.createMembership(user, target);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data()
                        .path("organization_membership")
                        .path("default")
                        .isNull())
                .isTrue();
        MembershipId id = new MembershipId(
                created.data().path("organization_membership").path("id").asLong());

        ZendeskWriteResult madeDefault = client.makeDefaultMembership(user, id);
        assertThat(madeDefault
                        .data()
                        .path("organization_memberships")
                        .get(0)
                        .path("organization_id")
                        .asLong())
                .isEqualTo(target.value());

        assertThat(client.deleteMembership(id).status()).isEqualTo(204);
        List<JsonNode> after = client.userMemberships(user).orElseThrow();
        assertThat(after).noneMatch(m -> m.path("organization_id").asLong() == target.value());
        assertThat(after.get(0).path("default").asBoolean()).isTrue();
        assertThat(client.deleteMembership(id).notFound()).isTrue();
    }

    @Test
    void reads_missingRecords_areEmptyNotErrors() {
        assertThat(client.organization(new ZendeskOrgId(999_999))).isEmpty();
        assertThat(client.userMemberships(new ZendeskUserId(999_999))).isEmpty();
        assertThat(client.organization(new ZendeskOrgId(1050))).isEmpty();
    }

    @Test
    void dumpSnapshot_afterWrites_readsBackWithTheChanges() {
        client.setOrganizationExternalId(ORG_1, "001ACME77777");
        client.createMembership(new ZendeskUserId(20_002), ORG_2);
        Path dump = dir.resolve("dump");

        h.emulator.dumpSnapshot(dump);
        Snapshot s = SnapshotReader.read(new FolderSource(dump), null);

        assertThat(s.organizations())
                .filteredOn(o -> o.id().equals(ORG_1))
                .first()
                .satisfies(o -> assertThat(o.externalId()).isEqualTo("001ACME77777"));
        assertThat(s.memberships())
                .anyMatch(
                        m -> m.userId().value() == 20_002 && m.organizationId().equals(ORG_2));
        assertThat(s.accounts()).hasSize(2);
    }

    @Test
    void everyCall_isOnlyOneOfTheAllowedWrites() {
        client.setOrganizationDomains(ORG_1, List.of("a.example.com"));
        client.createMembership(new ZendeskUserId(20_003), ORG_1);

        assertThat(h.emulator.log().writes())
                .allMatch(r -> r.path()
                        .matches("/api/v2/organizations/\\d+|/api/v2/organization_memberships(/\\d+)?"
                                + "|/api/v2/users/\\d+/organization_memberships/\\d+/make_default"))
                .noneMatch(r -> r.path().contains("tickets"));
    }

    @Test
    void user_existingAndMissing() {
        assertThat(client.user(new ZendeskUserId(20_001))
                        .orElseThrow()
                        .path("id")
                        .asLong())
                .isEqualTo(20_001);
        assertThat(client.user(new ZendeskUserId(999_999))).isEmpty();
    }

    @Test
    void organizationsWithDomain_searchIsFilteredToExactDomainMatches() {
        client.setOrganizationDomains(ORG_2, List.of("sub.org1.example.com"));
        client.setOrganizationDomains(ORG_3, List.of("ORG1.example.com"));

        assertThat(client.organizationsWithDomain("org1.example.com"))
                .extracting(o -> o.path("id").asLong())
                .containsExactlyInAnyOrder(1001L, 1003L);
        assertThat(client.organizationsWithDomain("nobody.example.com")).isEmpty();
        assertThat(h.emulator.log().matching(r -> r.path().equals("/api/v2/search")))
                .extracting(LoggedRequest::query)
                .first()
                .asString()
                .contains("query=type:organization \"org1.example.com\"");
    }

    @Test
    void writeResult_errorText_hasSecretsMasked() {
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("error", "RecordInvalid")
                .put("description", "token " + EmulatorHarness.TOKEN + " rejected");
        ZendeskWriteResult r = ZendeskWriteResult.of(
                new ZendeskResponse(422, body, body.toString(), "req-1"),
                new SecretRedactor(List.of(EmulatorHarness.TOKEN)));

        assertThat(r.error()).doesNotContain(EmulatorHarness.TOKEN).contains(SecretRedactor.MASK);
        assertThat(r.requestId()).isEqualTo("req-1");
    }
}
