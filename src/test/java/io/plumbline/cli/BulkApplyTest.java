package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live applies in Zendesk's bulk jobs against the emulator: per-item errors, failed and unfinished
 * jobs, a status that cannot be read and the re-run after it, org updates, preconditions changed
 * between plan and apply, the dry run, and undo of what a job wrote.
 */
class BulkApplyTest {
    private static final String CREATE_MANY = "/api/v2/organization_memberships/create_many";

    @TempDir
    Path dir;

    @Test
    void apply_jobWithItemErrors_skipsTheItemsWhosePreconditionChangedAndAppliesTheRest() throws Exception {
        BulkTenant t = new BulkTenant(dir, 4, 5, false);
        try (ZendeskEmulator z = t.emulator()) {
            long gone = BulkTenant.user(1, 2, 5);
            long joined = BulkTenant.user(2, 3, 5);
            z.interventions()
                    .beforeRequest(
                            "POST",
                            CREATE_MANY,
                            () -> z.change(e -> {
                                e.deleteUser(gone);
                                e.addMembership(joined, BulkTenant.org(2));
                            }));
            z.failRequest("/api/v2/job_statuses/*", 1, Fault.TOO_MANY);
            Path plan = t.planCopy("item-errors");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().writes()).hasSize(1);
            Map<Long, JsonNode> byUser = byUser(BulkTenant.results(plan));
            // the job refused the deleted user's item (RecordNotFound); read again, the user is gone
            assertThat(byUser.get(gone).path("status").asText()).isEqualTo("skipped");
            assertThat(byUser.get(gone).path("reason").asText()).isEqualTo("precondition_changed_user_missing");
            assertThat(byUser.get(gone).path("zendesk_request_id").asText()).contains(" job ");
            assertThat(byUser.get(joined).path("status").asText()).isEqualTo("skipped");
            assertThat(byUser.get(joined).path("reason").asText())
                    .isEqualTo("precondition_changed_user_already_member");
            assertThat(byUser.values().stream()
                            .filter(n -> n.path("status").asText().equals("applied")))
                    .hasSize(18);
            assertThat(z.log().matching(q -> q.status() == 429))
                    .as("the poll met a 429 and waited")
                    .hasSize(1);
        }
    }

    @Test
    void apply_jobRefusedWhileItsItemsPreconditionsStillHold_failsThemWithZendesksWordsAfterOneReadAhead()
            throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 50, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.failRequest(CREATE_MANY, 1, Fault.UNPROCESSABLE);
            Path plan = t.planCopy("refused-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 100))
                    .allMatch(n -> n.path("status").asText().equals("failed"))
                    .allMatch(n -> n.path("reason").asText().startsWith("Zendesk answered 422"));
            assertThat(results.subList(100, 150))
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            // the refused items are re-checked together: their users' memberships read in a few requests,
            // not one request (or three) per item
            List<LoggedRequest> between = z.log().all().stream()
                    .dropWhile(q -> !q.path().equals(CREATE_MANY))
                    .skip(1)
                    .takeWhile(q -> !q.path().equals(CREATE_MANY))
                    .toList();
            assertThat(between).hasSizeLessThan(20);
        }
    }

    @Test
    void apply_firstJobFails_failsItsActionsAndTheNextBatchGoesOn() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 50, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.jobs().failNext("Internal error while processing");
            Path plan = t.planCopy("failed-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(z.log().writes()).hasSize(2);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 100))
                    .allMatch(n -> n.path("status").asText().equals("failed"))
                    .allMatch(n -> n.path("reason").asText().matches("job [0-9a-f]{32} failed: Internal error.*"));
            assertThat(results.subList(100, 150))
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(t.reaudit(z, "after")).hasSize(100).containsOnly("assign_user_to_org");
        }
    }

    @Test
    void apply_rateLimitLongerThanPlumblineWaitsOnAJob_skipsItsBatchAndSendsNoOtherJob() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 80, false);
        try (ZendeskEmulator z = t.emulator(LiveApplyFixture.tenMinuteRateLimit())) {
            z.failRequest(CREATE_MANY, 2, Fault.TOO_MANY);
            Path plan = t.planCopy("rate-limited-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("Zendesk's rate limit stopped the run: 140 actions were not written");
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results).hasSize(240);
            assertThat(results.subList(0, 100))
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(results.subList(100, 200))
                    .allMatch(n -> n.path("status").asText().equals("skipped"))
                    .allMatch(n -> n.path("reason").asText().startsWith("rate_limited: Zendesk at "))
                    .allMatch(n -> n.path("reason").asText().contains("asking to wait 600 s"));
            String first = results.get(100).path("action_id").asText();
            assertThat(results.subList(200, 240))
                    .allMatch(n -> n.path("reason")
                            .asText()
                            .equals("rate_limited: not tried; Zendesk's rate limit stopped the run at " + first));
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the 429")
                    .isEqualTo(429);
            assertThat(z.log().writes()).hasSize(2);
            assertThat(t.reaudit(z, "after")).hasSize(140).containsOnly("assign_user_to_org");
        }
    }

    @Test
    void apply_tokenRefusedOnAJobsSubmit_skipsItsBatchAsNotWrittenAndSendsNoOtherJob() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 80, false);
        try (ZendeskEmulator z = t.emulator()) {
            // the token lapses just before the second job is submitted
            z.interventions()
                    .beforeRequest(
                            "POST", CREATE_MANY, 2, () -> z.configure(EmulatorConfig.withToken("a-later-token-0001")));
            Path plan = t.planCopy("token-refused-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err())
                    .contains("Zendesk refused the credentials, so the run stopped: 140 actions were not written")
                    .doesNotContain("failed");
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 100))
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(results.subList(100, 200))
                    .allMatch(n -> n.path("status").asText().equals("skipped"))
                    .allMatch(n -> n.path("reason").asText().startsWith("credentials_refused: Zendesk at "));
            String first = results.get(100).path("action_id").asText();
            assertThat(results.subList(200, 240))
                    .allMatch(n -> n.path("reason")
                            .asText()
                            .equals("credentials_refused: not tried; Zendesk refused the credentials at " + first));
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the 401")
                    .isEqualTo(401);
        }
    }

    @Test
    void apply_rateLimitMetByAnOrgBatchsSearch_sendsNoJobAndStopsTheRun() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator(LiveApplyFixture.tenMinuteRateLimit())) {
            z.failRequest("/api/v2/organizations/search", 3, Fault.TOO_MANY);
            Path plan = t.planCopy("rate-limited-search");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("Zendesk's rate limit stopped the run: 24 actions were not written");
            assertThat(z.log().writes()).as("no job is sent after the limit").isEmpty();
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the 429")
                    .isEqualTo(429);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 12))
                    .allMatch(n -> n.path("action_code").asText().equals("set_org_external_id"))
                    .allMatch(n -> n.path("status").asText().equals("skipped"))
                    .allMatch(n -> n.path("reason").asText().startsWith("rate_limited: Zendesk at "));
            assertThat(results.subList(12, 24))
                    .allMatch(n -> n.path("reason").asText().startsWith("rate_limited: not tried; "));
        }
    }

    @Test
    void apply_jobLandedThenAnswered503WithRetryAfter_isSettledFromZendeskNotSentAgain() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 80, false);
        try (ZendeskEmulator z = t.emulator()) {
            // the first job is queued, but its answer is a 503 with Retry-After (as a proxy may give)
            z.failRequest(CREATE_MANY, 1, Fault.LANDED_THEN_503);
            Path plan = t.planCopy("landed-then-503");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results)
                    .as("the first job landed: its items are read back from Zendesk, never taken as not sent")
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(z.log().writes())
                    .as("the 503's job is not sent again with a body built before the wait")
                    .extracting(LoggedRequest::status)
                    .containsExactly(503, 200, 200);
            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }

    @Test
    void apply_jobThatMayHaveLandedThenRateLimited_isSettledFromZendeskNotSkipped() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 80, false);
        try (ZendeskEmulator z = t.emulator(LiveApplyFixture.tenMinuteRateLimit())) {
            // the first job's answer is lost after it was queued; its resend is refused for the rate limit
            z.failRequest(CREATE_MANY, 1, Fault.LOST_ANSWER);
            z.failRequest(CREATE_MANY, 1, Fault.TOO_MANY);
            Path plan = t.planCopy("landed-then-limited");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 100))
                    .as("the first job landed: its items are read back from Zendesk, never taken as not sent")
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(results.subList(100, 240))
                    .allMatch(n -> n.path("reason").asText().startsWith("rate_limited: not tried; "));
            assertThat(z.log().writes()).extracting(LoggedRequest::status).containsExactly(200, 429);
        }
    }

    @Test
    void apply_jobStillWorkingAfterTheLastPoll_recordsTheItemsItVisiblyWroteAppliedWithTheirIds() throws Exception {
        BulkTenant t = new BulkTenant(dir, 2, 6, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.jobs().pollsBeforeDone(1000);
            Path plan = t.planCopy("slow-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().matching(q -> q.path().startsWith("/api/v2/job_statuses/")))
                    .hasSize(40);
            List<JsonNode> results = assertAllAppliedToTheirLines(z, plan, 12);
        }
    }

    @Test
    void apply_jobStillWorkingWithNothingVisible_marksItsItemsUnconfirmedAndKeepsLaterActionsOffThoseOrgs()
            throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            jobsKeepWorking(z);
            Path plan = t.planCopy("unconfirmed");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(z.log().writes()).as("no second job on the same orgs").hasSize(1);
            assertUnconfirmedAndKeptOff(plan, "still working after 40 polls");

            jobsFinish(z);
            LiveApplyFixture.Run again = t.applyLive(z, plan);

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(z.log().writes()).hasSize(2);
            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }

    @Test
    void apply_bulkRequestAcceptedWithoutNamingItsJob_marksItsItemsUnconfirmedAndUndoReversesWhatLanded()
            throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            jobsKeepWorking(z);
            z.failRequest("/api/v2/organizations/update_many", 1, Fault.EMPTY_ANSWER);
            Path plan = t.planCopy("no-job-named");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            assertThat(z.log().writes()).as("no second job on the same orgs").hasSize(1);
            assertUnconfirmedAndKeptOff(plan, "named no job");

            // the job Zendesk did not name runs after all: undo finds and reverses what it wrote
            jobsFinish(z);
            z.log().clear();
            LiveApplyFixture.Run undo = undo(z, t, plan, r);
            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.log().writes()).isNotEmpty();
            assertThat(t.reaudit(z, "undone")).hasSize(24);
        }
    }

    @Test
    void rerunAndUndo_whileAnEarlierRunsJobStillWorks_areRefusedUntilItHasFinished() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            jobsKeepWorking(z);
            Path plan = t.planCopy("earlier-job");
            LiveApplyFixture.Run first = t.applyLive(z, plan);
            assertThat(first.code()).isEqualTo(4);
            Path kept = dir.resolve("kept_receipt.json");
            Files.copy(plan.resolveSibling("apply_receipt.json"), kept);
            z.log().clear();

            // the job of the first run is still working: its domain lists may yet land over a re-run's
            LiveApplyFixture.Run again = t.applyLive(z, plan);
            assertThat(again.code()).isEqualTo(5);
            assertThat(again.err())
                    .containsPattern("job [0-9a-f]{32} of an earlier apply \\(.*apply_receipt.json\\) is still "
                            + "(queued|working) in Zendesk");
            assertThat(z.log().writes()).isEmpty();
            LiveApplyFixture.Run undo = undo(z, t, plan, first);
            assertThat(undo.code()).isEqualTo(5);
            assertThat(undo.err()).contains("of an earlier apply");
            assertThat(z.log().writes()).isEmpty();
            // a dry run is not refused, but says why a live run would be
            LiveApplyFixture.Run dry = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    "apply",
                    "--plan",
                    plan.toString(),
                    "--config",
                    t.config(z).toString());
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.err())
                    .contains("of an earlier apply")
                    .contains("a live run is refused until it has finished");

            jobsFinish(z);
            LiveApplyFixture.Run after = t.applyLive(z, plan);
            assertThat(after.code()).as(after.err()).isZero();
            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }

    @Test
    void apply_stoppedWhileItWaitsForAJob_leavesTheJobNamedForTheNextRunToAskAbout() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            jobsKeepWorking(z);
            Path plan = t.planCopy("stopped-polling");
            Path receipt = plan.resolveSibling("apply_receipt.json");
            CountDownLatch polling = z.interventions().holdAfterWrites(1);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            String asStopped;
            try {
                var run = thread.submit(() -> t.applyLive(z, plan));
                assertThat(polling.await(60, TimeUnit.SECONDS)).isTrue();
                // the receipt as a run stopped now (killed while it waits for its first job) leaves it
                asStopped = Files.readString(receipt);
                z.interventions().release();
                run.get(60, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
            JsonNode stopped = LiveApplyFixture.json(Files.writeString(dir.resolve("stopped.json"), asStopped));
            assertThat(stopped.path("complete").asBoolean()).isFalse();
            assertThat(stopped.path("in_flight_jobs")).hasSize(1);
            // only the stopped receipt is left to say that the job was sent
            Files.writeString(receipt, asStopped);
            try (var archived = Files.list(plan.resolveSibling("applies"))) {
                for (Path p : archived.toList()) {
                    Files.delete(p);
                }
            }
            z.log().clear();

            LiveApplyFixture.Run again = t.applyLive(z, plan);

            assertThat(again.code()).isEqualTo(5);
            assertThat(again.err())
                    .contains("job " + stopped.path("in_flight_jobs").get(0).asText() + " of an earlier apply");
            assertThat(z.log().writes()).isEmpty();
        }
    }

    @Test
    void apply_earlierJobZendeskNoLongerKnows_isTakenAsOver() throws Exception {
        BulkTenant t = new BulkTenant(dir, 2, 6, false);
        try (ZendeskEmulator z = t.emulator()) {
            Path plan = t.planCopy("expired-job");
            // a receipt of a run stopped while it waited for a job whose status has expired since (404)
            Files.writeString(
                    plan.resolveSibling("apply_receipt.json"),
                    "{\"mode\":\"apply\",\"complete\":false,\"results\":[],\"in_flight_jobs\":[\"0123abcd\"]}");

            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().matching(q -> q.path().equals("/api/v2/job_statuses/0123abcd")))
                    .hasSize(1);
        }
    }

    @Test
    void apply_jobFailsPartway_recordsWhatItWroteAppliedTheRestFailedAndUndoReversesIt() throws Exception {
        BulkTenant t = new BulkTenant(dir, 3, 50, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.jobs().failNext("Killed by the system", 40);
            Path plan = t.planCopy("partway");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).isEqualTo(4);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results.subList(0, 40))
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertMembershipsBelongToTheirLines(z, results.subList(0, 40));
            assertThat(results.subList(40, 100))
                    .allMatch(n -> n.path("status").asText().equals("failed"))
                    .allMatch(
                            n -> n.path("reason")
                                    .asText()
                                    .matches(
                                            "job [0-9a-f]{32} failed: Killed by the system; "
                                                    + "the job's outcome was unconfirmed and nothing of this action was found in Zendesk"));
            assertThat(results.subList(100, 150))
                    .allMatch(n -> n.path("status").asText().equals("applied"));

            z.log().clear();
            LiveApplyFixture.Run undo = undo(z, t, plan, r);
            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.log().writes()).hasSize(90).allMatch(w -> w.method().equals("DELETE") && w.status() == 204);
            assertThat(t.reaudit(z, "undone")).hasSize(150);
        }
    }

    @Test
    void apply_createManyResentAfterItsAnswerWasLost_recordsTheMembershipsTheFirstJobCreated() throws Exception {
        BulkTenant t = new BulkTenant(dir, 2, 6, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.failRequest(CREATE_MANY, 1, Fault.LOST_ANSWER);
            Path plan = t.planCopy("lost-answer");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().writes()).as("the POST was sent again").hasSize(2);
            List<JsonNode> results = assertAllAppliedToTheirLines(z, plan, 12);

            z.log().clear();
            LiveApplyFixture.Run undo = undo(z, t, plan, r);
            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.log().writes()).hasSize(12).allMatch(w -> w.method().equals("DELETE") && w.status() == 204);
        }
    }

    @ParameterizedTest(name = "results in the documented shape without index: {0}")
    @ValueSource(booleans = {true, false})
    void apply_resultsInReverseOrder_giveEachLineItsOwnMembership(boolean documentedShape) throws Exception {
        BulkTenant t = new BulkTenant(dir, 2, 6, false);
        try (ZendeskEmulator z = t.emulator()) {
            z.jobs().createResultsAsDocumented(documentedShape);
            z.jobs().reverseResults(true);
            Path plan = t.planCopy(documentedShape ? "documented" : "reversed");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            List<JsonNode> results = assertAllAppliedToTheirLines(z, plan, 12);
        }
    }

    @Test
    void apply_statusUnreadableAfterTheJobWasSent_confirmsTheWritesAndRerunWritesNothingTwice() throws Exception {
        BulkTenant t = new BulkTenant(dir, 2, 6, false);
        try (ZendeskEmulator z = t.emulator()) {
            for (int i = 1; i <= 3; i++) {
                // each scripted fault meets the next matching request: the first poll and both its retries
                z.failRequest("/api/v2/job_statuses/*", 1, Fault.SERVER_ERROR);
            }
            Path plan = t.planCopy("lost-status");
            LiveApplyFixture.Run first = t.applyLive(z, plan);

            assertThat(first.code()).as(first.err()).isZero();
            List<JsonNode> results = assertAllAppliedToTheirLines(z, plan, 12);

            LiveApplyFixture.Run again = t.applyLive(z, plan);

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(z.log().writes()).as("the job had written them all").hasSize(1);
            assertThat(BulkTenant.results(plan))
                    .hasSize(12)
                    .allMatch(n -> n.path("reason").asText().equals("already_in_effect"));
            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }

    @Test
    void apply_domainAddedElsewhereWhileTheBatchSearches_keepsItInTheListSent() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            z.interventions().beforeRequest("GET", "/api/v2/search", () -> addLateDomain(z));
            Path plan = t.planCopy("late-domain");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertLateDomainKept(z);
        }
    }

    @Test
    void apply_jobTurnedAwayWhileADomainIsAdded_reChecksTheBatchAndKeepsTheDomainInTheListSent() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            // the second job (the domains) meets a 429; while apply waits, another admin adds a domain
            z.failRequest("/api/v2/organizations/update_many", 2, Fault.TOO_MANY);
            z.interventions().afterRequest("PUT", "/api/v2/organizations/update_many", 2, () -> addLateDomain(z));
            Path plan = t.planCopy("turned-away-job");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertLateDomainKept(z);
            assertThat(z.log().writes()).extracting(LoggedRequest::status).containsExactly(200, 429, 200);
            JsonNode dom = BulkTenant.results(plan).stream()
                    .filter(n -> n.path("action_code").asText().equals("add_org_domain")
                            && n.path("zendesk_org_id").asLong() == BulkTenant.org(0))
                    .findFirst()
                    .orElseThrow();
            assertThat(dom.path("status").asText()).isEqualTo("applied");
            assertThat(dom.path("before").toString()).isEqualTo("{\"domain_names\":[\"d0.example\",\"late.example\"]}");
        }
    }

    @Test
    void apply_orgRepairsInBulk_sendsOneUpdateManyPerKindWithTheRightBeforeAndAfter() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 0, true);
        try (ZendeskEmulator z = t.emulator()) {
            Path plan = t.planCopy("orgs");
            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            List<LoggedRequest> writes = z.log().writes();
            assertThat(writes)
                    .hasSize(2)
                    .allMatch(w -> w.method().equals("PUT") && w.path().equals("/api/v2/organizations/update_many"));
            assertThat(writes.get(0).body())
                    .startsWith("{\"organizations\":[{\"id\":100000,\"external_id\":\"BULK-00000\"},");
            assertThat(writes.get(1).body())
                    .startsWith(
                            "{\"organizations\":[{\"id\":100000,\"domain_names\":[\"d0.example\",\"e0.example\"]},");
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results)
                    .hasSize(24)
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            JsonNode ext = results.stream()
                    .filter(n -> n.path("action_code").asText().equals("set_org_external_id")
                            && n.path("zendesk_org_id").asLong() == 100_003L)
                    .findFirst()
                    .orElseThrow();
            assertThat(ext.path("before").toString()).isEqualTo("{\"external_id\":\"\"}");
            assertThat(ext.path("after").toString()).isEqualTo("{\"external_id\":\"BULK-00003\"}");
            JsonNode dom = results.stream()
                    .filter(n -> n.path("action_code").asText().equals("add_org_domain")
                            && n.path("zendesk_org_id").asLong() == 100_003L)
                    .findFirst()
                    .orElseThrow();
            assertThat(dom.path("before").toString()).isEqualTo("{\"domain_names\":[\"d3.example\"]}");
            assertThat(dom.path("after").toString()).isEqualTo("{\"domain_names\":[\"d3.example\",\"e3.example\"]}");
            assertThat(z.organization(100_003L)
                            .orElseThrow()
                            .path("external_id")
                            .asText())
                    .isEqualTo("BULK-00003");
            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }

    @Test
    void apply_orgRepairsByDefault_goOneAtATimeWhileMembershipsGoInBulk() throws Exception {
        BulkTenant t = new BulkTenant(dir, 12, 12, true);
        try (ZendeskEmulator z = t.emulator()) {
            Path plan = t.planCopy("orgs-one-by-one");
            // a person adds a domain to an org while the run goes on: a queued update_many, writing the list
            // read before it, would drop it; one update at a time reads the list just before its own write
            z.interventions().afterRequest("PUT", "/api/v2/organizations/100000", 1, () -> addLateDomain(z));
            LiveApplyFixture.Run r = t.applyLiveOrgsOneByOne(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            List<LoggedRequest> writes = z.log().writes();
            assertThat(writes).noneMatch(w -> w.path().endsWith("/update_many"));
            assertThat(writes.stream()
                            .filter(w -> w.method().equals("PUT") && w.path().matches("/api/v2/organizations/\\d+")))
                    .hasSize(24);
            assertThat(writes.stream().filter(w -> w.path().equals(CREATE_MANY)))
                    .hasSize(2);
            assertThat(BulkTenant.results(plan))
                    .hasSize(24 + 144)
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertLateDomainKept(z);
            assertThat(LiveApplyFixture.json(plan.resolveSibling("apply_receipt.json"))
                            .path("bulk_org_updates")
                            .asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    void apply_preconditionsChangedForSomeItems_skipsThoseSendsTheRestInOneJobAndUndoReversesThem() throws Exception {
        BulkTenant t = new BulkTenant(dir, 4, 5, false);
        try (ZendeskEmulator z = t.emulator()) {
            long member = BulkTenant.user(0, 1, 5);
            long gone = BulkTenant.user(3, 4, 5);
            z.change(e -> {
                e.addMembership(member, BulkTenant.org(0));
                e.deleteUser(gone);
            });
            Path plan = t.planCopy("changed");
            LiveApplyFixture.Run dry = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    "apply",
                    "--plan",
                    plan.toString(),
                    "--config",
                    t.config(z).toString(),
                    "--max-actions",
                    "100",
                    "--max-per-account",
                    "100");
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(z.log().all())
                    .as("a dry run re-reads one action at a time, as before")
                    .hasSize(20 * 3 - 2)
                    .allMatch(q -> q.method().equals("GET") && !q.path().contains("show_many"));
            z.log().clear();

            LiveApplyFixture.Run r = t.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(z.log().writes()).hasSize(1);
            assertThat(z.log().writes().get(0).body().split("\"user_id\"", -1)).hasSize(18 + 1);
            Map<Long, JsonNode> byUser = byUser(BulkTenant.results(plan));
            assertThat(byUser.get(member).path("reason").asText()).isEqualTo("already_in_effect");
            assertThat(byUser.get(member).path("before").path("member").asBoolean())
                    .isTrue();
            assertThat(byUser.get(gone).path("reason").asText()).isEqualTo("precondition_changed_user_missing");
            assertThat(byUser.values().stream()
                            .filter(n -> n.path("status").asText().equals("applied")))
                    .hasSize(18);

            z.log().clear();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            LiveApplyFixture.Run undo = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    "undo",
                    "--receipt",
                    receipt.toString(),
                    "--config",
                    t.config(z).toString(),
                    "--apply",
                    "--confirm-receipt-hash",
                    receiptHash(r.out()));
            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.log().writes()).hasSize(18).allMatch(w -> w.method().equals("DELETE") && w.status() == 204);
            assertThat(t.reaudit(z, "undone")).hasSize(18).containsOnly("assign_user_to_org");
        }
    }

    /** Jobs queued from now on do their work only at completion, and are not done for 1000 polls. */
    private static void jobsKeepWorking(ZendeskEmulator z) {
        z.jobs().workAtCompletion(true);
        z.jobs().pollsBeforeDone(1000);
    }

    /** Every job queued runs to its end now, and those queued from now on complete at the first poll. */
    private static void jobsFinish(ZendeskEmulator z) {
        z.finishJobs();
        z.jobs().pollsBeforeDone(1);
        z.jobs().workAtCompletion(false);
    }

    /**
     * The 12 set_org_external_id actions of a job that may still land failed as bulk_job_unconfirmed
     * ({@code why} in the reason), and the 12 add_org_domain actions on their orgs were kept off them.
     */
    private static void assertUnconfirmedAndKeptOff(Path plan, String why) {
        List<JsonNode> results = BulkTenant.results(plan);
        assertThat(results.stream().filter(n -> n.path("action_code").asText().equals("set_org_external_id")))
                .hasSize(12)
                .allMatch(n -> n.path("status").asText().equals("failed"))
                .allMatch(n -> n.path("reason").asText().startsWith("bulk_job_unconfirmed: "))
                .allMatch(n -> n.path("reason").asText().contains(why));
        assertThat(results.stream().filter(n -> n.path("action_code").asText().equals("add_org_domain")))
                .hasSize(12)
                .allMatch(n -> n.path("status").asText().equals("skipped"))
                .allMatch(n -> n.path("reason").asText().equals("prior_job_unconfirmed"));
    }

    /** Another admin adds late.example to the first org, as the batch is on its way. */
    private static void addLateDomain(ZendeskEmulator z) {
        z.change(e -> e.updateOrganization(
                BulkTenant.org(0),
                o -> o.putArray("domain_names").add("d0.example").add("late.example")));
    }

    /** The first org ends with the late domain and the one apply added: the list sent kept it. */
    private static void assertLateDomainKept(ZendeskEmulator z) {
        assertThat(z.organization(BulkTenant.org(0))
                        .orElseThrow()
                        .path("domain_names")
                        .toString())
                .isEqualTo("[\"d0.example\",\"late.example\",\"e0.example\"]");
    }

    /** Every one of the plan's {@code n} receipt lines applied, with a membership of its own user and org. */
    private static List<JsonNode> assertAllAppliedToTheirLines(ZendeskEmulator z, Path plan, int n) {
        List<JsonNode> results = BulkTenant.results(plan);
        assertThat(results).hasSize(n).allMatch(r -> r.path("status").asText().equals("applied"));
        assertMembershipsBelongToTheirLines(z, results);
        return results;
    }

    /** Each line's membership id names a membership of that line's own user and org. */
    private static void assertMembershipsBelongToTheirLines(ZendeskEmulator z, List<JsonNode> results) {
        for (JsonNode n : results) {
            long id = n.path("after").path("membership_id").asLong();
            JsonNode m = z.membership(id).orElseThrow(() -> new AssertionError("no membership " + id + ": " + n));
            assertThat(m.path("user_id").asLong())
                    .as(n.toString())
                    .isEqualTo(n.path("zendesk_user_id").asLong());
            assertThat(m.path("organization_id").asLong())
                    .as(n.toString())
                    .isEqualTo(n.path("zendesk_org_id").asLong());
        }
    }

    private static LiveApplyFixture.Run undo(ZendeskEmulator z, BulkTenant t, Path plan, LiveApplyFixture.Run applied) {
        return LiveApplyFixture.run(
                z.time(),
                LiveApplyFixture.ENV,
                "undo",
                "--receipt",
                plan.resolveSibling("apply_receipt.json").toString(),
                "--config",
                t.config(z).toString(),
                "--apply",
                "--confirm-receipt-hash",
                receiptHash(applied.out()));
    }

    private static Map<Long, JsonNode> byUser(List<JsonNode> results) {
        return results.stream()
                .collect(Collectors.toMap(n -> n.path("zendesk_user_id").asLong(), n -> n));
    }

    private static String receiptHash(String out) {
        Matcher m = Pattern.compile("receipt_hash: ([0-9a-f]{64})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
