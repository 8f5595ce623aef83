package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5,000 missing memberships applied live against the emulator in bulk jobs: the request count, every
 * receipt line, and a re-audit of the state that results. Prints the measured requests and time.
 */
class BulkApplyLargeTest {
    @TempDir
    Path dir;

    @Test
    void apply_5000MissingMemberships_takes50JobsAndAReauditFindsNothingLeft() throws Exception {
        BulkTenant t = new BulkTenant(dir, 50, 100, false);
        assertThat(LiveApplyFixture.json(t.plan).path("actions")).hasSize(5000);
        try (ZendeskEmulator z = t.emulator()) {
            Path plan = t.planCopy("large");
            long start = System.nanoTime();
            LiveApplyFixture.Run r = t.applyLive(z, plan);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.code()).as(r.err()).isZero();
            List<LoggedRequest> writes = z.log().writes();
            List<LoggedRequest> reads = z.log().matching(q -> q.method().equals("GET"));
            System.out.printf(
                    "bulk apply of 5,000 assign_user_to_org: %d write requests, %d read requests "
                            + "(%d job status polls), %d ms%n",
                    writes.size(),
                    reads.size(),
                    reads.stream()
                            .filter(q -> q.path().startsWith("/api/v2/job_statuses/"))
                            .count(),
                    millis);
            assertThat(writes)
                    .hasSizeLessThanOrEqualTo(60)
                    .allMatch(w -> w.method().equals("POST")
                            && w.path().equals("/api/v2/organization_memberships/create_many")
                            && w.status() == 200);
            List<JsonNode> results = BulkTenant.results(plan);
            assertThat(results)
                    .hasSize(5000)
                    .allMatch(n -> n.path("status").asText().equals("applied"));
            assertThat(results)
                    .allMatch(n -> n.path("after").path("membership_id").asLong() > 0)
                    .allMatch(n -> n.path("zendesk_request_id").asText().matches("emu-\\d+ job [0-9a-f]{32}"));
            for (JsonNode n : results) {
                JsonNode m = z.membership(n.path("after").path("membership_id").asLong())
                        .orElseThrow();
                assertThat(m.path("user_id").asLong())
                        .as(n.toString())
                        .isEqualTo(n.path("zendesk_user_id").asLong());
                assertThat(m.path("organization_id").asLong())
                        .as(n.toString())
                        .isEqualTo(n.path("zendesk_org_id").asLong());
            }
            assertThat(LiveApplyFixture.json(plan.resolveSibling("apply_receipt.json"))
                            .path("counts")
                            .path("applied")
                            .asInt())
                    .isEqualTo(5000);

            assertThat(t.reaudit(z, "after")).isEmpty();
        }
    }
}
