package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.zendesk.JobResult;
import io.plumbline.zendesk.MembershipRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which item each result of a bulk job is about, and what it says of it; never a guess by position. */
class JobOutcomesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<MembershipRequest> THREE = List.of(
            new MembershipRequest(new ZendeskUserId(11), new ZendeskOrgId(1)),
            new MembershipRequest(new ZendeskUserId(12), new ZendeskOrgId(1)),
            new MembershipRequest(new ZendeskUserId(13), new ZendeskOrgId(2)));

    @Test
    void created_documentedShapeWithoutIndex_leavesEveryItemToBeConfirmed() {
        List<WriteOutcome> out = JobOutcomes.created(
                completed(
                        "{\"status\":\"Created\",\"id\":503}",
                        "{\"status\":\"Created\",\"id\":501}",
                        "{\"status\":\"Created\",\"id\":502}"),
                THREE);

        assertThat(out)
                .allMatch(o -> o.certainty() == WriteOutcome.Certainty.UNCONFIRMED)
                .allMatch(o -> o.createdMembership() == null);
    }

    @Test
    void created_resultsOutOfOrderWithIndex_mapByIndex() {
        List<WriteOutcome> out = JobOutcomes.created(
                completed(
                        "{\"index\":2,\"status\":\"Created\",\"id\":503}",
                        "{\"index\":0,\"status\":\"Created\",\"id\":501}",
                        "{\"index\":1,\"status\":\"Created\",\"id\":502}"),
                THREE);

        assertThat(out).extracting(o -> o.createdMembership().value()).containsExactly(501L, 502L, 503L);
    }

    @Test
    void created_resultsNamingUserAndOrgWithoutIndex_mapByThem() {
        List<WriteOutcome> out = JobOutcomes.created(
                completed(
                        "{\"status\":\"Created\",\"id\":503,\"user_id\":13,\"organization_id\":2}",
                        "{\"status\":\"Created\",\"id\":501,\"user_id\":11,\"organization_id\":1}"),
                THREE);

        assertThat(out.get(0).createdMembership().value()).isEqualTo(501L);
        assertThat(out.get(1).certainty()).isEqualTo(WriteOutcome.Certainty.UNCONFIRMED);
        assertThat(out.get(2).createdMembership().value()).isEqualTo(503L);
    }

    @Test
    void created_indexContradictedByTheUserItNames_isNotUsed() {
        List<WriteOutcome> out = JobOutcomes.created(
                completed("{\"index\":0,\"status\":\"Created\",\"id\":502,\"user_id\":12,\"organization_id\":1}"),
                THREE);

        assertThat(out.get(0).certainty()).isEqualTo(WriteOutcome.Certainty.UNCONFIRMED);
        assertThat(out).allMatch(o -> o.createdMembership() == null);
    }

    @Test
    void created_duplicateMembershipItemError_isAnExistingMembershipButOtherErrorsSayingAlreadyFail() {
        List<WriteOutcome> out = JobOutcomes.created(
                completed(
                        "{\"index\":0,\"error\":\"DuplicateValue\","
                                + "\"details\":\"User is already a member of this organization\"}",
                        "{\"index\":1,\"error\":\"InvalidValue\",\"details\":\"Name has already been used\"}",
                        "{\"index\":2,\"error\":\"DuplicateValue\",\"details\":\"External has already been taken\"}"),
                THREE);

        assertThat(out.get(0).alreadyMember()).isTrue();
        assertThat(out.get(1).alreadyMember()).isFalse();
        assertThat(out.get(1).error()).contains("refused it: InvalidValue");
        assertThat(out.get(2).alreadyMember()).isFalse();
    }

    @Test
    void updated_resultsWithOrgIdOnlyInAnyOrder_mapById() {
        List<ZendeskOrgId> orgs = List.of(new ZendeskOrgId(1), new ZendeskOrgId(2));
        List<WriteOutcome> out = JobOutcomes.updated(
                completed(
                        "{\"id\":2,\"action\":\"update\",\"status\":\"Updated\",\"success\":true}",
                        "{\"id\":1,\"error\":\"DuplicateValue\",\"details\":\"External has already been taken\"}"),
                orgs);

        assertThat(out.get(0).ok()).isFalse();
        assertThat(out.get(0).confirmed()).isTrue();
        assertThat(out.get(1).ok()).isTrue();
    }

    @Test
    void unfinishedJobs_leaveTheirItemsOpenAndARefusedRequestFailsThem() {
        assertThat(JobOutcomes.created(job(JobResult.Fate.OPEN, "still working"), THREE))
                .allMatch(o -> o.certainty() == WriteOutcome.Certainty.MAY_STILL_LAND);
        assertThat(JobOutcomes.created(job(JobResult.Fate.ENDED, "failed"), THREE))
                .allMatch(o -> o.certainty() == WriteOutcome.Certainty.UNCONFIRMED);
        assertThat(JobOutcomes.created(job(JobResult.Fate.REFUSED, "Zendesk answered 400"), THREE))
                .allMatch(o -> o.confirmed() && !o.ok() && o.error().equals("Zendesk answered 400"));
    }

    private static JobResult completed(String... results) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String r : results) {
            try {
                nodes.add(JSON.readTree(r));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(r, e);
            }
        }
        return new JobResult("j1", "r1", "completed", "", nodes, JobResult.Fate.COMPLETED, "");
    }

    private static JobResult job(JobResult.Fate fate, String problem) {
        return new JobResult("j1", "r1", "", "", List.of(), fate, problem);
    }
}
