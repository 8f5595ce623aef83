package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.EXPECTED_WRITES;
import static io.plumbline.cli.LiveApplyFixture.json;
import static io.plumbline.cli.LiveApplyFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live apply of the demo-equivalent plan against the emulator, proven by a live re-audit. */
class LiveApplyTest {
    @TempDir
    static Path dir;

    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @Test
    void apply_demoEquivalentPlanLive_fixesThePreparedIssuesWithExactlyTheExpectedWrites() throws IOException {
        // a clock slow enough that apply and re-audit together end well inside Zendesk's one-minute export lag
        try (ZendeskEmulator z = fx.emulator(40)) {
            Path plan = fx.plan("live");
            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Mode: apply").contains("applied 8").contains("blocked 6");
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES);
            assertThat(z.log().all()).allMatch(LiveApplyTest::readOrAllowedWrite);
            // re-checks: 3 reads per org action (the org, its search, the org again after it; one more search
            // for the 15-character form of the one 18-character Account Id set), 3 per assign and move (user,
            // memberships, org); plus 8 writes, and first the question of when the access token expires
            assertThat(z.log().all()).hasSize(1 + 5 * 3 + 1 + 2 * 3 + 3 + 8);
            assertThat(z.log().all().get(0).path()).isEqualTo("/api/v2/oauth/tokens/current");
            z.dumpSnapshot(dir.resolve("applied"));
            assertThat(SnapshotDiff.between(fx.fixture, dir.resolve("applied")))
                    .containsExactly(
                            "zendesk/organizations.jsonl 9001",
                            "zendesk/organizations.jsonl 9005",
                            "zendesk/organizations.jsonl 9008",
                            "zendesk/organizations.jsonl 9009",
                            "zendesk/users.jsonl 7006",
                            "zendesk/users.jsonl 7010",
                            "zendesk/users.jsonl 7015",
                            "zendesk/organization_memberships.jsonl 5050",
                            "zendesk/organization_memberships.jsonl 5051",
                            "zendesk/organization_memberships.jsonl +90000000001",
                            "zendesk/organization_memberships.jsonl +90000000002");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(receipt.path("complete").asBoolean()).isTrue();
            assertThat(receipt.path("counts").path("applied").asInt()).isEqualTo(8);
            assertThat(receipt.path("results"))
                    .filteredOn(n -> n.path("status").asText().equals("applied"))
                    .allMatch(n -> n.path("zendesk_request_id").asText().startsWith("emu-"));
            assertThat(plan.resolveSibling("applies")
                            .resolve(receipt.path("run_id").asText() + ".json"))
                    .exists();

            z.log().clear();
            // right after the apply: the orgs it changed are too recent for Zendesk's exports, which the
            // pull waits out rather than leave them out
            LiveApplyFixture.Run again = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    "audit",
                    "--config",
                    fx.config(z).toString(),
                    "--as-of",
                    fx.capturedAt.toString(),
                    "--run-id",
                    "after",
                    "--no-history",
                    "--quiet");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(z.log().writes()).isEmpty();
            List<String> fixed = new ArrayList<>(issues(fx.auditRun));
            fixed.removeAll(issues(fx.dir.resolve("out/after")));
            assertThat(fixed)
                    .hasSize(8)
                    .allMatch(k -> k.startsWith("org_missing_external_id")
                            || k.startsWith("org_missing_expected_domain")
                            || k.startsWith("user_missing_expected_membership")
                            || k.startsWith("user_default_org_not_expected"));
            List<String> appeared = new ArrayList<>(issues(fx.dir.resolve("out/after")));
            appeared.removeAll(issues(fx.auditRun));
            assertThat(appeared).isEmpty();

            LiveApplyFixture.Run dry = fx.apply(z, plan);
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.out())
                    .contains("would_apply 0")
                    .contains("Nothing would be written: no action of this run is ready")
                    .doesNotContain("--confirm-plan-hash");
        }
    }

    @Test
    void apply_dryRunOfALivePlan_reReadsZendeskAndWritesNothing() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("dry");
            LiveApplyFixture.Run r = fx.apply(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("Mode: dry_run (nothing was written to Zendesk)")
                    .contains("would_apply 8")
                    .contains("--apply --confirm-plan-hash " + fx.planHash);
            assertThat(z.log().all())
                    .hasSize(5 * 3 + 1 + 2 * 3 + 3)
                    .allMatch(q -> q.method().equals("GET"));
        }
    }

    /** Any GET; otherwise only the four repairs and the membership delete that undoes one. */
    static boolean readOrAllowedWrite(LoggedRequest r) {
        return r.method().equals("GET")
                || (r.method().equals("PUT") && r.path().matches("/api/v2/organizations/\\d+"))
                || (r.method().equals("POST") && r.path().equals("/api/v2/organization_memberships"))
                || (r.method().equals("PUT")
                        && r.path().matches("/api/v2/users/\\d+/organization_memberships/\\d+/make_default"))
                || (r.method().equals("DELETE") && r.path().matches("/api/v2/organization_memberships/\\d+"));
    }

    /** Each issue as {@code code sf_account org user ticket status}, in file order. */
    private static List<String> issues(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(run.resolve("all_exceptions.csv"))) {
            for (NamedCsvRecord row : csv) {
                out.add(String.join(
                        " ",
                        row.getField("issue_code"),
                        row.getField("sf_account_id"),
                        row.getField("zendesk_org_id"),
                        row.getField("zendesk_user_id"),
                        row.getField("zendesk_ticket_id"),
                        row.getField("status")));
            }
        }
        return out;
    }
}
