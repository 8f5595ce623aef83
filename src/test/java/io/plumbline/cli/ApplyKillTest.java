package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.EXPECTED_WRITES;
import static io.plumbline.cli.LiveApplyFixture.json;
import static io.plumbline.cli.LiveApplyFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live apply run as its own JVM and killed outright (SIGKILL: no shutdown hook, no flush) at chosen
 * points, while the emulator holds the next request: what the receipt on disk says then, and that a
 * re-run of the same plan completes the rest with no write sent twice.
 */
class ApplyKillTest {
    @TempDir
    static Path dir;

    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {1, 4})
    void apply_killedAfterKthWrite_receiptListsEveryWriteAndRerunHasNoDuplicateWrite(int k) throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("after-" + k);
            killAt(z, plan, z.interventions().holdAfterWrites(k), "after-" + k);

            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(receipt.path("complete").asBoolean()).isFalse();
            assertThat(receipt.has("in_flight")).isFalse();
            assertThat(appliedIds(receipt)).containsExactlyElementsOf(firstActions(k));
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES.subList(0, k));

            rerunCompletes(z, plan, receipt, k);
        }
    }

    @Test
    void apply_killedWhileKthWriteIsInFlight_receiptNamesItAndRerunDoesNotRepeatIt() throws Exception {
        int k = 6;
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("during-" + k);
            killAt(z, plan, z.interventions().holdAnswerOfWrite(k), "during-" + k);

            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(appliedIds(receipt)).containsExactlyElementsOf(firstActions(k - 1));
            assertThat(receipt.path("in_flight").path("action_id").asText()).isEqualTo("A006");
            assertThat(receipt.path("in_flight").path("action_code").asText()).isEqualTo("assign_user_to_org");
            assertThat(writes(z))
                    .as("the write reached Zendesk")
                    .containsExactlyElementsOf(EXPECTED_WRITES.subList(0, k));

            rerunCompletes(z, plan, receipt, k - 1);

            // the kept receipt's undo reads Zendesk for the write in flight and reverses it with the rest
            Path kept = plan.resolveSibling("applies")
                    .resolve(receipt.path("run_id").asText() + ".json");
            // unless a later apply of the plan lists that action as its own write: left to its receipt then
            Path later = kept.resolveSibling("zz_later.json");
            Files.writeString(
                    later,
                    "{\"run_id\":\"later_apply\",\"mode\":\"apply\",\"source_plan_hash\":\""
                            + receipt.path("source_plan_hash").asText() + "\",\"started_at\":\""
                            + Instant.parse(receipt.path("started_at").asText()).plusSeconds(60)
                            + "\",\"results\":[{\"action_id\":\"A006\",\"status\":\"applied\"}]}");
            LiveApplyFixture.Run leftAlone = fx.undo(z, kept);
            assertThat(leftAlone.err())
                    .contains("A006 is listed as applied by the later run later_apply; this undo leaves it to that "
                            + "run's receipt (skipped, in_flight_applied_by_later_run)");
            assertThat(byId(json(kept.resolveSibling("undo_receipt.json")).path("results"), "A006")
                            .path("reason")
                            .asText())
                    .isEqualTo("in_flight_applied_by_later_run");
            Files.delete(later);

            LiveApplyFixture.Run dry = fx.undo(z, kept);
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.err()).contains("A006 was being written").contains("reverses it if it did");
            JsonNode undoDry = json(kept.resolveSibling("undo_receipt.json"));
            JsonNode a006 = byId(undoDry.path("results"), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("would_apply");
            long membership = a006.path("before").path("membership_id").asLong();
            assertThat(membership).isPositive();
            assertThat(undoDry.path("results").get(0).path("action_id").asText())
                    .as("the write in flight is the newest")
                    .isEqualTo("A006");
            assertThat(undoDry.path("counts").path("would_apply").asInt()).isEqualTo(k);

            LiveApplyFixture.Run live = fx.undoLive(z, kept);
            assertThat(live.code()).as(live.err()).isZero();
            assertThat(z.log().writes())
                    .anyMatch(w -> w.method().equals("DELETE")
                            && w.path().equals("/api/v2/organization_memberships/" + membership));
        }
    }

    @Test
    void apply_killedWhileABulkJobIsInFlight_receiptNamesEveryActionOfItAndRerunDoesNotRepeatThem() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("bulk-during-3");
            // with bulk from 2 actions: update_many (A001-A002), update_many (A003-A005), create_many (A006-A007)
            killAt(
                    z,
                    plan,
                    z.interventions().holdAnswerOfWrite(3),
                    "bulk-during-3",
                    "--bulk-threshold",
                    "2",
                    "--bulk-org-updates");

            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(appliedIds(receipt)).containsExactlyElementsOf(firstActions(5));
            assertThat(receipt.path("in_flight_batch").findValuesAsText("action_id"))
                    .containsExactly("A006", "A007");
            assertThat(z.log().writes().get(2).path()).isEqualTo("/api/v2/organization_memberships/create_many");

            LiveApplyFixture.Run again = fx.applyLive(z, plan, "--bulk-threshold", "2", "--bulk-org-updates");

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.err()).contains("(A006, A007 were being written)");
            assertThat(writes(z))
                    .hasSize(4)
                    .filteredOn(w -> w.contains("create_many"))
                    .hasSize(1);
            JsonNode rerun = json(plan.resolveSibling("apply_receipt.json"));
            for (String id : List.of("A006", "A007")) {
                JsonNode planned = byId(json(plan).path("actions"), id);
                JsonNode inFlight = byId(receipt.path("in_flight_batch"), id);
                assertThat(inFlight.path("zendesk_user_id").asLong())
                        .isEqualTo(planned.path("zendesk_user_id").asLong());
                assertThat(inFlight.path("zendesk_org_id").asLong())
                        .isEqualTo(planned.path("zendesk_org_id").asLong());
                assertThat(byId(rerun.path("results"), id).path("reason").asText())
                        .as(id + " was written by the killed run's job")
                        .isEqualTo("already_in_effect");
            }
            assertThat(appliedIds(rerun)).containsExactly("A008");
        }
    }

    /** Starts the apply as a separate JVM, waits until the emulator holds it, and kills it. */
    private static void killAt(ZendeskEmulator z, Path plan, CountDownLatch held, String name, String... more)
            throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command(z, plan, more))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(LiveApplyFixture.ENV);
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean reached = false;
            while (!reached && p.isAlive() && System.nanoTime() < deadline) {
                reached = held.await(20, TimeUnit.MILLISECONDS);
            }
            assertThat(reached)
                    .as("the apply reached the hold; its output:%n%s", read(log))
                    .isTrue();
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            z.interventions().release();
        }
    }

    /** Re-runs the same plan in-process: the rest is written once, and nothing written before again. */
    private static void rerunCompletes(ZendeskEmulator z, Path plan, JsonNode killed, int recorded) {
        LiveApplyFixture.Run again = fx.applyLive(z, plan);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("did not finish");
        assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES);
        assertThat(z.log().writes()).noneMatch(w -> w.status() >= 400);
        JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
        assertThat(receipt.path("counts").path("skipped").asInt())
                .isEqualTo(8 - appliedIds(receipt).size());
        Path kept = plan.resolveSibling("applies").resolve(killed.path("run_id").asText() + ".json");
        assertThat(appliedIds(json(kept))).hasSize(recorded);
    }

    private static List<String> command(ZendeskEmulator z, Path plan, String... more) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dplumbline.lock_dir=" + ReceiptArchive.lockFolder(),
                "-cp",
                cp,
                "io.plumbline.cli.Main"));
        cmd.addAll(List.of(
                "apply",
                "--plan",
                plan.toString(),
                "--config",
                fx.config(z).toString(),
                "--apply",
                "--confirm-plan-hash",
                fx.planHash,
                // this JVM runs on the real clock, not the emulator's: the fixture's plan is months old by it
                "--max-plan-age-days",
                "36500"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    private static JsonNode byId(JsonNode rows, String actionId) {
        for (JsonNode r : rows) {
            if (r.path("action_id").asText().equals(actionId)) {
                return r;
            }
        }
        throw new AssertionError("no row " + actionId + " in " + rows);
    }

    private static List<String> appliedIds(JsonNode receipt) {
        List<String> out = new ArrayList<>();
        receipt.path("results").forEach(r -> {
            if (r.path("status").asText().equals("applied")) {
                out.add(r.path("action_id").asText());
            }
        });
        return out;
    }

    private static List<String> firstActions(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.format("A%03d", i));
        }
        return out;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
