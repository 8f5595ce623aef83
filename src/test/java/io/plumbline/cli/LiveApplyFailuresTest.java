package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.EXPECTED_WRITES;
import static io.plumbline.cli.LiveApplyFixture.json;
import static io.plumbline.cli.LiveApplyFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zendesk refusing or failing single writes during a live apply: data in the receipt, never a stop, except
 * a rate limit that outlasts what Plumbline waits out, after which nothing more is sent.
 */
class LiveApplyFailuresTest {
    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @Test
    void apply_membershipCreatedBetweenCheckAndWrite_422IsSkippedWithReasonNotFailed() {
        try (ZendeskEmulator z = fx.emulator()) {
            // another admin adds the user between apply's re-check and its POST
            z.interventions()
                    .beforeRequest(
                            "POST",
                            "/api/v2/organization_memberships",
                            () -> z.edits().addMembership(7006, 9005));
            Path plan = fx.plan("race");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            JsonNode a006 = LiveUndoTest.result(receipt, "A006");
            assertThat(a006.path("status").asText()).isEqualTo("skipped");
            assertThat(a006.path("reason").asText()).isEqualTo("precondition_changed_user_already_member");
            assertThat(a006.path("zendesk_request_id").asText()).startsWith("emu-");
            assertThat(receipt.path("counts").path("failed").asInt()).isZero();
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(7);
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organization_memberships"))
                    .extracting(w -> w.status())
                    .containsExactly(422, 201);
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES);
        }
    }

    @Test
    void apply_externalIdTakenBetweenCheckAndWrite_422IsSkippedWithTheRechecksReasonNotFailed() {
        try (ZendeskEmulator z = fx.emulator()) {
            // another admin gives Northshore's account id to another org between the re-check and the PUT
            z.interventions()
                    .beforeRequest(
                            "PUT",
                            "/api/v2/organizations/9008",
                            () -> z.edits().updateOrganization(9011, "{\"external_id\": \"001Dn00000NsMdQIAV\"}"));
            Path plan = fx.plan("race-external-id");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            JsonNode a002 = LiveUndoTest.result(receipt, "A002");
            assertThat(a002.path("status").asText()).isEqualTo("skipped");
            assertThat(a002.path("reason").asText()).isEqualTo("precondition_changed_external_id_in_use");
            assertThat(a002.path("zendesk_request_id").asText()).startsWith("emu-");
            assertThat(receipt.path("counts").path("failed").asInt()).isZero();
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9008"))
                    .extracting(w -> w.status())
                    .first()
                    .isEqualTo(422);
            assertThat(z.organization(9008).orElseThrow().path("external_id").isNull())
                    .isTrue();
        }
    }

    @Test
    void apply_refusedWhileItsPreconditionStillHolds_isAFailureWithZendesksWords() {
        try (ZendeskEmulator z = fx.emulator()) {
            // Zendesk refuses the PUT for a reason of its own: nothing changed, so the re-check is ready again
            z.failEvery("PUT", "/api/v2/organizations/9008", Fault.UNPROCESSABLE);
            Path plan = fx.plan("refused");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isEqualTo(4);
            JsonNode a002 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A002");
            assertThat(a002.path("status").asText()).isEqualTo("failed");
            assertThat(a002.path("reason").asText()).startsWith("Zendesk answered 422");
        }
    }

    @Test
    void apply_userNoLongerAnActiveEndUserWithTheMappedEmail_skipsEachUserActionWithWhatChanged() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.change(e -> {
                e.updateUser(7006, u -> u.put("suspended", true));
                e.updateUser(7015, u -> u.put("role", "agent"));
                e.updateUser(7010, u -> u.put("email", "riley@gmail.com"));
            });
            Path plan = fx.plan("user-changed");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(LiveUndoTest.result(receipt, "A006").path("reason").asText())
                    .isEqualTo("precondition_changed_user_suspended");
            assertThat(LiveUndoTest.result(receipt, "A007").path("reason").asText())
                    .isEqualTo("precondition_changed_user_role");
            JsonNode a008 = LiveUndoTest.result(receipt, "A008");
            assertThat(a008.path("reason").asText()).isEqualTo("precondition_changed_user_email");
            assertThat(a008.path("status").asText()).isEqualTo("skipped");
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(5);
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES.subList(0, 5));
        }
    }

    /** The first POST lands, but its answer is lost, or is a 503 with Retry-After (as a proxy may give). */
    @ParameterizedTest
    @CsvSource({"LOST_ANSWER, 201", "LANDED_THEN_503, 503"})
    void apply_membershipCreatedButNotAnsweredSo_isAppliedWithTheCreatedIdAndUndoRemovesIt(
            Fault fault, int firstStatus) {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failRequest("/api/v2/organization_memberships", 1, fault);
            Path plan = fx.plan("landed-" + fault);

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            JsonNode a006 = LiveUndoTest.result(json(receipt), "A006");
            assertThat(a006.path("status").asText()).as(a006.toString()).isEqualTo("applied");
            long created = a006.path("after").path("membership_id").asLong();
            assertThat(z.membership(created).orElseThrow().path("user_id").asLong())
                    .isEqualTo(7006);
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organization_memberships"))
                    .extracting(w -> w.status())
                    .as("the first POST landed without a usable answer: it is settled from Zendesk's records, "
                            + "not sent again; then A007's POST")
                    .containsExactly(firstStatus, 201);

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.membership(created)).isEmpty();
        }
    }

    @Test
    void apply_writeAnswered503WithRetryAfterThatDidNotLand_isReCheckedAndSentAgainAfterTheWait() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failRequest("/api/v2/organization_memberships", 1, Fault.UNAVAILABLE_RETRY_AFTER);
            Path plan = fx.plan("503-not-landed");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode a006 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("applied");
            assertThat(z.membership(a006.path("after").path("membership_id").asLong()))
                    .isPresent();
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organization_memberships"))
                    .extracting(LoggedRequest::status)
                    .as("A006's POST, not found in Zendesk after the 503, is re-checked and sent again; then A007's")
                    .containsExactly(503, 201, 201);
        }
    }

    @Test
    void apply_orgUpdateLandedButItsAnswerLost_isSettledAsAppliedNotSentAgainAndUndone() {
        try (ZendeskEmulator z = fx.emulator()) {
            // the re-check's reads of org 9005 (before and after its search) come first; then the PUT lands
            // unanswered
            z.failRequest("/api/v2/organizations/9005", 3, Fault.LOST_ANSWER);
            Path plan = fx.plan("lost-update");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            JsonNode a003 = LiveUndoTest.result(json(receipt), "A003");
            assertThat(a003.path("status").asText()).as(a003.toString()).isEqualTo("applied");
            assertThat(a003.path("before").path("domain_names").toString()).isEqualTo("[\"acmeretail.example\"]");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .extracting(LoggedRequest::status)
                    .containsExactly(200);

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\"]");
        }
    }

    /**
     * The PUT of org 9005's domain list meets a 5xx that did not land, and another admin adds a domain to
     * the org while apply waits to retry: the write is re-checked and built again, so the list sent keeps
     * that domain (the same body sent again would have removed it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"SERVER_ERROR", "UNAVAILABLE_RETRY_AFTER"})
    void apply_orgUpdateAnswered5xxWhileADomainIsAdded_isReCheckedAndKeepsTheDomain(Fault fault) {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failRequest("/api/v2/organizations/9005", 3, fault);
            domainsOf9005After(z, "PUT", "/api/v2/organizations/9005", "acmeretail.example", "retail-eu.example");
            Path plan = fx.plan("5xx-while-added-" + fault);

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\",\"retail-eu.example\",\"acmeshop.example\"]");
            JsonNode a003 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A003");
            assertThat(a003.path("status").asText()).isEqualTo("applied");
            assertThat(a003.path("before").path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\",\"retail-eu.example\"]");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .extracting(w -> w.status() >= 500 ? "5xx" : String.valueOf(w.status()))
                    .containsExactly("5xx", "200");
        }
    }

    @Test
    void apply_answersLostToEarlierActions_doNotUseUpTheRetriesOfTheNext() {
        try (ZendeskEmulator z = fx.emulator()) {
            // each PUT comes after its re-check's two reads of the org; the fixture retries twice
            z.failRequest("/api/v2/organizations/9001", 3, Fault.LOST_ANSWER);
            z.failRequest("/api/v2/organizations/9008", 3, Fault.LOST_ANSWER);
            z.failRequest("/api/v2/organizations/9005", 3, Fault.SERVER_ERROR);
            Path plan = fx.plan("lost-in-a-row");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            for (String id : List.of("A001", "A002", "A003")) {
                assertThat(LiveUndoTest.result(receipt, id).path("status").asText())
                        .as(id)
                        .isEqualTo("applied");
            }
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .extracting(w -> w.status() >= 500 ? "5xx" : String.valueOf(w.status()))
                    .as("A003's one lost answer is its first, not the third of the run")
                    .containsExactly("5xx", "200");
        }
    }

    @Test
    void apply_writeNotFoundAfterA5xxThatLandsBeforeItsReCheck_isAppliedNotSkipped() {
        try (ZendeskEmulator z = fx.emulator()) {
            // A003's PUT is answered 503 unhandled; the domain lands only after the read that settles it
            z.failRequest("/api/v2/organizations/9005", 3, Fault.UNAVAILABLE);
            domainsOf9005After(z, "GET", "/api/v2/organizations/show_many", "acmeretail.example", "acmeshop.example");
            Path plan = fx.plan("landed-late");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode a003 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A003");
            assertThat(a003.path("status").asText()).as(a003.toString()).isEqualTo("applied");
            assertThat(a003.path("before").path("domain_names").toString()).isEqualTo("[\"acmeretail.example\"]");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .hasSize(1);
        }
    }

    @Test
    void apply_orgUpdateTurnedAwayWhileADomainIsAdded_isReCheckedAndKeepsTheDomain() {
        try (ZendeskEmulator z = fx.emulator()) {
            // the PUT of org 9005's domain list (after the re-check's two reads) meets a 429; while apply
            // waits, another admin adds a domain to the org
            z.failRequest("/api/v2/organizations/9005", 3, Fault.TOO_MANY);
            domainsOf9005After(z, "PUT", "/api/v2/organizations/9005", "acmeretail.example", "retail-eu.example");
            Path plan = fx.plan("turned-away");
            // the receipt as it stands when the re-check after the wait reads the org again
            AtomicReference<JsonNode> duringWait = new AtomicReference<>();
            z.interventions()
                    .beforeRequest(
                            "GET",
                            "/api/v2/organizations/9005",
                            3,
                            () -> duringWait.set(json(plan.resolveSibling("apply_receipt.json"))));

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(duringWait.get().has("in_flight"))
                    .as("a write turned away is not named in flight while apply waits: it was not sent")
                    .isFalse();
            assertThat(duringWait.get().path("results")).hasSize(2);
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\",\"retail-eu.example\",\"acmeshop.example\"]");
            JsonNode a003 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A003");
            assertThat(a003.path("status").asText()).isEqualTo("applied");
            assertThat(a003.path("before").path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\",\"retail-eu.example\"]");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .extracting(LoggedRequest::status)
                    .containsExactly(429, 200);
        }
    }

    @Test
    void apply_domainAddedToTheOrgWhileItsReCheckSearches_keepsItInTheListSent() {
        try (ZendeskEmulator z = fx.emulator()) {
            // another admin adds a domain to org 9005 while A003's re-check searches for acmeshop.example
            z.interventions()
                    .beforeRequest(
                            "GET",
                            "/api/v2/search",
                            () -> z.edits()
                                    .updateOrganization(
                                            9005,
                                            "{\"domain_names\": [\"acmeretail.example\", \"retail-eu.example\"]}"));
            Path plan = fx.plan("search-race");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\",\"retail-eu.example\",\"acmeshop.example\"]");
        }
    }

    @Test
    void apply_membershipAnsweredWithoutItsIdAndNotFoundInZendesk_isWriteUnconfirmedForARerun() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failRequest("/api/v2/organization_memberships", 1, Fault.EMPTY_ANSWER);
            // Zendesk's records do not show it when apply reads them (as a lagging read would not)
            z.interventions()
                    .afterRequest(
                            "POST",
                            "/api/v2/organization_memberships",
                            1,
                            () -> z.edits().removeMembership(7006, 9005));
            Path plan = fx.plan("no-membership-id-not-found");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            JsonNode a006 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("failed");
            assertThat(a006.path("reason").asText())
                    .startsWith("write_unconfirmed: Zendesk answered 201 without the membership's id")
                    .contains("a re-run re-checks it");

            // it shows up after all, as made when the POST landed: undo, which reverses what the apply may have
            // written, removes it
            Instant posted = z.log().writes().stream()
                    .filter(w -> w.path().equals("/api/v2/organization_memberships"))
                    .findFirst()
                    .orElseThrow()
                    .at();
            z.edits().addMembership(7006, 9005);
            z.change(e -> e.membershipsOfUser(7006).stream()
                    .filter(m -> m.path("organization_id").asLong() == 9005)
                    .forEach(m -> e.updateMembership(
                            m.path("id").asLong(),
                            made -> made.put(
                                    "created_at",
                                    posted.truncatedTo(ChronoUnit.SECONDS).toString()))));
            LiveApplyFixture.Run undo = fx.undoLive(z, plan.resolveSibling("apply_receipt.json"));

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.log().writes())
                    .filteredOn(w -> w.method().equals("DELETE"))
                    .as("A006's membership is among those undo deletes")
                    .isNotEmpty();
            List<JsonNode> left = new ArrayList<>();
            z.change(e -> left.addAll(e.membershipsOfUser(7006)));
            assertThat(left).noneMatch(m -> m.path("organization_id").asLong() == 9005);
        }
    }

    @Test
    void apply_lostMembershipCreateThatLandsBeforeItIsSentAgain_isAppliedNotSkippedAsAlreadyMember() {
        try (ZendeskEmulator z = fx.emulator()) {
            // A006's POST is answered 503 unhandled; the membership appears just before the POST sent again
            z.failRequest("/api/v2/organization_memberships", 1, Fault.UNAVAILABLE);
            z.interventions()
                    .beforeRequest(
                            "POST",
                            "/api/v2/organization_memberships",
                            2,
                            () -> z.edits().addMembership(7006, 9005));
            Path plan = fx.plan("lost-then-landed-create");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode a006 = LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).as(a006.toString()).isEqualTo("applied");
            assertThat(a006.path("after").path("membership_id").asLong())
                    .as("its id, so that undo can delete it")
                    .isPositive();
        }
    }

    @Test
    void apply_lostWriteWhoseRetryIsTurnedAway_staysNamedInFlightWhileApplyWaits() {
        try (ZendeskEmulator z = fx.emulator()) {
            // org 9005: two reads, the PUT (503 unhandled), two reads of the re-check, the PUT again (429)
            z.failRequest("/api/v2/organizations/9005", 3, Fault.UNAVAILABLE);
            z.failRequest("/api/v2/organizations/9005", 5, Fault.TOO_MANY);
            Path plan = fx.plan("lost-then-turned-away");
            AtomicReference<JsonNode> duringWait = new AtomicReference<>();
            z.interventions()
                    .beforeRequest(
                            "GET",
                            "/api/v2/organizations/9005",
                            5,
                            () -> duringWait.set(json(plan.resolveSibling("apply_receipt.json"))));

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals("/api/v2/organizations/9005"))
                    .extracting(w -> w.status() >= 500 ? "5xx" : String.valueOf(w.status()))
                    .containsExactly("5xx", "429", "200");
            assertThat(duringWait.get().path("in_flight").path("action_id").asText())
                    .as("the first attempt may still land: a crash during the wait must not hide it")
                    .isEqualTo("A003");
        }
    }

    @Test
    void apply_errorAfterALostWrite_leavesTheActionWriteUnconfirmedNotMerelySkipped() {
        try (ZendeskEmulator z = fx.emulator(LiveApplyFixture.tenMinuteRateLimit(), Duration.ofMinutes(2), 1000)) {
            // A003's PUT (after two reads of org 9005) is answered 503 unhandled; its re-check's read of the org
            // then meets a rate limit longer than Plumbline waits
            z.failRequest("/api/v2/organizations/9005", 3, Fault.UNAVAILABLE);
            z.failRequest("/api/v2/organizations/9005", 3, Fault.TOO_MANY);
            Path plan = fx.plan("lost-then-limited");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertA003UnconfirmedAndTheRunStopped(
                    plan, "write_unconfirmed: an attempt whose answer was lost may have landed");
        }
    }

    @Test
    void apply_membershipCreatedButAnsweredWithoutItsId_takesTheIdFromZendeskSoUndoCanDeleteIt() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failRequest("/api/v2/organization_memberships", 1, Fault.EMPTY_ANSWER);
            Path plan = fx.plan("no-membership-id");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            JsonNode a006 = LiveUndoTest.result(json(receipt), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("applied");
            long id = a006.path("after").path("membership_id").asLong();
            assertThat(z.membership(id)).as(a006.toString()).isPresent();

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.membership(id)).isEmpty();
        }
    }

    @ParameterizedTest(name = "live: {0}")
    @ValueSource(booleans = {true, false})
    void apply_zendeskOutOfReach_stopsAtTheFirstActionAndTriesNoOther(boolean live) {
        ZendeskEmulator z = fx.emulator();
        z.close(); // its port now refuses every connection
        Path plan = fx.plan("unreachable-" + live);

        LiveApplyFixture.Run r = live ? fx.applyLive(z, plan) : fx.apply(z, plan);

        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err())
                .contains("error: Zendesk could not be reached, so the run stopped: 8 actions were not "
                        + (live ? "written" : "checked"))
                .doesNotContain("went ahead")
                // each wait before another attempt is said, so a long silent wait is not taken for a hang
                .containsPattern(
                        "zendesk: GET \\S+ failed \\(ConnectException\\); trying again in \\d+ s \\(attempt 2 of "
                                + "3\\)");
        assertThat(r.out())
                .doesNotContain("--confirm-plan-hash " + fx.planHash + "\n")
                .doesNotContain("Nothing would be written");
        if (!live) {
            assertThat(r.out()).contains("The run stopped before every action was checked");
        } else {
            assertThat(r.out())
                    .contains("Nothing was written to Zendesk, so there is nothing to undo.")
                    .doesNotContain("undo --receipt");
        }
        JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
        assertThat(LiveUndoTest.result(receipt, "A001").path("reason").asText())
                .startsWith("zendesk_unreachable: Zendesk at " + z.baseUri() + " could not be reached for GET ")
                .contains("after 3 attempts (last: ConnectException)");
        for (String id : List.of("A002", "A003", "A004", "A005", "A006", "A007", "A008")) {
            assertThat(LiveUndoTest.result(receipt, id).path("reason").asText())
                    .as(id)
                    .isEqualTo("zendesk_unreachable: not tried; Zendesk could not be reached at A001");
        }
        assertThat(receipt.path("counts").path("failed").asInt()).isZero();
        assertThat(receipt.path("counts").path("applied").asInt()).isZero();
        assertThat(receipt.path("complete").asBoolean()).isTrue();

        // --quiet keeps the waits back, not the error
        LiveApplyFixture.Run quiet = live ? fx.applyLive(z, plan, "--quiet") : fx.apply(z, plan, "--quiet");
        assertThat(quiet.code()).isEqualTo(4);
        assertThat(quiet.err()).doesNotContain("trying again").contains("error: Zendesk could not be reached");
    }

    @Test
    void apply_tokenExpiresMidRun_stopsWhereZendeskRefusedItAndSendsNothingMore() {
        try (ZendeskEmulator z = fx.emulator()) {
            // the access token lapses just before A003's write: every call after it would be refused too
            z.interventions()
                    .beforeRequest(
                            "PUT",
                            "/api/v2/organizations/9005",
                            () -> z.configure(EmulatorConfig.withToken("a-later-token-0001")));
            Path plan = fx.plan("token-expired");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err())
                    .contains("error: Zendesk refused the credentials, so the run stopped: 6 actions were not "
                            + "written (skipped, credentials_refused")
                    .contains("Renew the token")
                    .doesNotContain("failed");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            JsonNode a003 = LiveUndoTest.result(receipt, "A003");
            assertThat(a003.path("status").asText()).isEqualTo("skipped");
            assertThat(a003.path("reason").asText())
                    .startsWith("credentials_refused: Zendesk at " + z.baseUri() + " answered 401 (could not "
                            + "authenticate) to PUT /api/v2/organizations/9005")
                    .doesNotContain(LiveApplyFixture.TOKEN);
            for (String id : List.of("A004", "A005", "A006", "A007", "A008")) {
                assertThat(LiveUndoTest.result(receipt, id).path("reason").asText())
                        .as(id)
                        .isEqualTo("credentials_refused: not tried; Zendesk refused the credentials at A003");
            }
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(2);
            assertThat(receipt.path("counts").path("failed").asInt()).isZero();
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the refusal")
                    .isEqualTo(401);
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES.subList(0, 3));
        }
    }

    @Test
    void apply_tokenOfReadScopeOnly_stopsAtTheFirstWrite() {
        EmulatorConfig readOnly =
                EmulatorConfig.withToken(LiveApplyFixture.TOKEN).withBearer(LiveApplyFixture.TOKEN, Set.of("read"));
        try (ZendeskEmulator z = fx.emulator(readOnly, Duration.ofMinutes(2), 1000)) {
            Path plan = fx.plan("read-scope");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err())
                    .contains("Zendesk refused the credentials, so the run stopped: 8 actions were not " + "written");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(LiveUndoTest.result(receipt, "A001").path("reason").asText())
                    .startsWith("credentials_refused: ")
                    .contains("missing the following required scopes: write")
                    .contains("the OAuth token lacks a scope");
            assertThat(LiveUndoTest.result(receipt, "A008").path("reason").asText())
                    .isEqualTo("credentials_refused: not tried; Zendesk refused the credentials at A001");
            assertThat(writes(z)).hasSize(1);
        }
    }

    @Test
    void apply_dryRunWithClientCredentials_asksForReadScopesOnly_aLiveRunOfAReadOnlyClientIsRefused() throws Exception {
        try (ZendeskEmulator z = fx.emulator(ClientCredentials.readOnlyClient(), Duration.ofMinutes(2), 1000)) {
            Path cfg = ClientCredentials.use(fx.config(z));
            Map<String, String> env = ClientCredentials.ENV;
            Path plan = fx.plan("client-credentials");
            String[] dry = {"apply", "--plan", plan.toString(), "--config", cfg.toString()};

            LiveApplyFixture.Run checked = LiveApplyFixture.run(z.time(), env, dry);

            assertThat(checked.code()).as(checked.err()).isZero();
            assertThat(LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A001")
                            .path("status")
                            .asText())
                    .isEqualTo("would_apply");

            String[] live = {
                "apply",
                "--plan",
                plan.toString(),
                "--config",
                cfg.toString(),
                "--apply",
                "--confirm-plan-hash",
                fx.planHash
            };
            LiveApplyFixture.Run refused = LiveApplyFixture.run(z.time(), env, live);

            assertThat(refused.code()).isEqualTo(4);
            assertThat(refused.err()).contains("Zendesk refused the credentials, so the run stopped");
            assertThat(LiveUndoTest.result(json(plan.resolveSibling("apply_receipt.json")), "A001")
                            .path("reason")
                            .asText())
                    .startsWith("credentials_refused: Zendesk at " + z.baseUri() + " refused to issue an OAuth token")
                    .contains("invalid_scope")
                    .doesNotContain("s3cret-client");
            assertThat(writes(z)).isEmpty();
        }
    }

    @Test
    void apply_5xxThatPersistsAfterRetries_failsThatActionAndTheBatchGoesOn() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.failEvery("PUT", "/api/v2/organizations/9005", Fault.SERVER_ERROR);
            Path plan = fx.plan("5xx");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("1 action failed");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            JsonNode a003 = LiveUndoTest.result(receipt, "A003");
            assertThat(a003.path("status").asText()).isEqualTo("failed");
            assertThat(a003.path("reason").asText())
                    .contains("did not answer PUT /api/v2/organizations/9005 after 3 attempts")
                    .as("a 5xx may have landed: Zendesk was read again before the action was failed")
                    .contains("the write's outcome was unconfirmed and nothing of this action was found in Zendesk")
                    .doesNotContain(LiveApplyFixture.TOKEN);
            assertThat(a003.path("before").path("domain_names").toString()).isEqualTo("[\"acmeretail.example\"]");
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(7);
            assertThat(receipt.path("complete").asBoolean()).isTrue();
            List<String> expected = new ArrayList<>(EXPECTED_WRITES);
            expected.addAll(3, Collections.nCopies(2, EXPECTED_WRITES.get(2)));
            assertThat(writes(z)).as("three attempts at A003, then the rest").containsExactlyElementsOf(expected);
            assertThat(z.organization(9005).orElseThrow().path("domain_names").toString())
                    .isEqualTo("[\"acmeretail.example\"]");
        }
    }

    /** A 429 asking to wait 10 minutes, longer than Plumbline waits; or a 429 to every one of 31 attempts. */
    @ParameterizedTest
    @CsvSource({
        "600, 1, 'asking to wait 600 s (Retry-After)'",
        "1, 31, 'turned away 31 writes in a row for its rate limit (the last, PUT /api/v2/organizations/9005: 429 "
                + "Too Many Requests)'"
    })
    void apply_rateLimitLongerThanPlumblineWaits_sendsNothingMoreAndTheRerunTakesUpTheRest(
            long retryAfterSeconds, int attempts, String answered) {
        EmulatorConfig limited = EmulatorConfig.withToken(LiveApplyFixture.TOKEN)
                .withFault429RetryAfter(Duration.ofSeconds(retryAfterSeconds));
        try (ZendeskEmulator z = fx.emulator(limited, Duration.ofMinutes(2), 1000)) {
            z.failEvery("PUT", "/api/v2/organizations/9005", Fault.TOO_MANY);
            Path plan = fx.plan("rate-limited-" + retryAfterSeconds);

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err())
                    .contains("Zendesk's rate limit stopped the run: 6 actions were not written")
                    .doesNotContain("failed");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            JsonNode a003 = LiveUndoTest.result(receipt, "A003");
            assertThat(a003.path("status").asText()).isEqualTo("skipped");
            assertThat(a003.path("reason").asText())
                    .startsWith("rate_limited: ")
                    .contains(answered)
                    .doesNotContain(LiveApplyFixture.TOKEN);
            for (String id : List.of("A004", "A005", "A006", "A007", "A008")) {
                JsonNode later = LiveUndoTest.result(receipt, id);
                assertThat(later.path("status").asText()).as(id).isEqualTo("skipped");
                assertThat(later.path("reason").asText())
                        .as(id)
                        .isEqualTo("rate_limited: not tried; Zendesk's rate limit stopped the run at A003");
            }
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(2);
            assertThat(receipt.path("counts").path("attempted").asInt())
                    .as("A001 to A003; the five after the stop were not tried")
                    .isEqualTo(3);
            assertThat(receipt.path("counts").path("failed").asInt()).isZero();
            assertThat(receipt.path("complete").asBoolean()).isTrue();
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing at all is sent after the 429 that asked for a longer wait")
                    .isEqualTo(429);
            List<String> sent = new ArrayList<>(EXPECTED_WRITES.subList(0, 2));
            sent.addAll(Collections.nCopies(attempts, EXPECTED_WRITES.get(2)));
            assertThat(writes(z)).containsExactlyElementsOf(sent);

            z.stopFailingEvery("PUT", "/api/v2/organizations/9005");
            LiveApplyFixture.Run rerun = fx.applyLive(z, plan);

            assertThat(rerun.code()).as(rerun.err()).isZero();
            JsonNode second = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(second.path("counts").path("applied").asInt()).isEqualTo(6);
            assertThat(LiveUndoTest.result(second, "A001").path("reason").asText())
                    .isEqualTo("already_in_effect");
            List<String> expected = new ArrayList<>(EXPECTED_WRITES);
            expected.addAll(2, Collections.nCopies(attempts, EXPECTED_WRITES.get(2)));
            assertThat(writes(z))
                    .as("the refused PUTs, then every write left, each once")
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void apply_rateLimitMetWhileSettlingAWriteWhoseAnswerWasLost_keepsItUnconfirmedAndStopsTheRun() {
        try (ZendeskEmulator z = fx.emulator(LiveApplyFixture.tenMinuteRateLimit(), Duration.ofMinutes(2), 1000)) {
            // the re-check's reads come first; the PUT lands unanswered, and the read that would settle it
            // meets the limit
            z.failRequest("/api/v2/organizations/9005", 3, Fault.LOST_ANSWER);
            z.failRequest("/api/v2/organizations/show_many", 1, Fault.TOO_MANY);
            Path plan = fx.plan("rate-limited-settle");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertA003UnconfirmedAndTheRunStopped(plan, "write_unconfirmed: ");
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the 429")
                    .isEqualTo(429);
        }
    }

    /** Another admin sets org 9005's domain list just after the first {@code method} request to {@code path}. */
    private static void domainsOf9005After(ZendeskEmulator z, String method, String path, String... domains) {
        String list = String.join("\", \"", domains);
        z.interventions()
                .afterRequest(
                        method,
                        path,
                        1,
                        () -> z.edits().updateOrganization(9005, "{\"domain_names\": [\"" + list + "\"]}"));
    }

    /** A003 failed unconfirmed ({@code reasonStart}) by a 10-minute rate limit, which stopped the run there. */
    private static void assertA003UnconfirmedAndTheRunStopped(Path plan, String reasonStart) {
        JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
        JsonNode a003 = LiveUndoTest.result(receipt, "A003");
        assertThat(a003.path("status").asText()).isEqualTo("failed");
        assertThat(a003.path("reason").asText()).startsWith(reasonStart).contains("asking to wait 600 s");
        assertThat(LiveUndoTest.result(receipt, "A004").path("reason").asText())
                .isEqualTo("rate_limited: not tried; Zendesk's rate limit stopped the run at A003");
    }
}
