package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.EXPECTED_WRITES;
import static io.plumbline.cli.LiveApplyFixture.json;
import static io.plumbline.cli.LiveApplyFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.apply.PlanFile;
import io.plumbline.errors.ApplyRefusedException;
import io.plumbline.model.ZendeskInstance;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gates of a live apply against the emulator: hash, tampering, stale preconditions and caps. */
class LiveApplyGatesTest {
    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @Test
    void apply_whileAnotherLiveApplyOfThePlanRunsWithItsReceiptElsewhere_isRefusedBeforeAnyWrite() throws IOException {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("applied-twice-at-once");
            Path elsewhere = plan.resolveSibling("elsewhere");
            Files.createDirectories(elsewhere);
            try (ReceiptArchive.Held other = ReceiptArchive.holdWrites(
                    "apply", ZendeskInstance.name(z.baseUri()), fx.planHash, "held by the other run", w -> {})) {
                LiveApplyFixture.Run r = fx.applyLive(z, plan, "--receipt", elsewhere.toString());

                assertThat(r.code()).isEqualTo(5);
                assertThat(r.err()).contains("another plumbline run is applying this plan to");
            }
            assertThat(z.log().writes()).isEmpty();
            // a dry run of it meanwhile is no write: never held up
            try (ReceiptArchive.Held other = ReceiptArchive.holdWrites(
                    "apply", ZendeskInstance.name(z.baseUri()), fx.planHash, "held by the other run", w -> {})) {
                assertThat(fx.apply(z, plan).code()).isZero();
            }
        }
    }

    @Test
    void dryRunWithASelection_printsTheLiveCommandWithTheSameSelection_whichWritesOnlyWhatWasReviewed() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("next-command-selection");
            LiveApplyFixture.Run dry = fx.apply(
                    z, plan, "--only-action", "add_org_domain", "--only-action", "move_user_to_org", "--max-actions=1");
            assertThat(dry.code()).as(dry.err()).isZero();
            List<String> words = nextCommand(dry.out(), "Next, to write these changes:");
            assertThat(String.join(" ", words))
                    .contains(" --only-action add_org_domain move_user_to_org --max-actions 1 --apply ");
            assertThat(words).containsOnlyOnce("--only-action");
            assertThat(words).contains("--config");

            LiveApplyFixture.Run live = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    words.subList(1, words.size()).toArray(String[]::new));

            assertThat(live.code()).as(live.err()).isZero();
            assertThat(json(plan.resolveSibling("apply_receipt.json"))
                            .path("counts")
                            .path("applied")
                            .asInt())
                    .isEqualTo(1);
            assertThat(writes(z)).hasSize(1).allMatch(w -> w.startsWith("PUT /api/v2/organizations/"));
            // the undo it prints checks against the same Zendesk (the config), not the current folder's
            assertThat(nextCommand(live.out(), "To reverse the applied actions (dry run first):"))
                    .contains("--config");
        }
    }

    /** The words of the command printed on the line after {@code heading}; the paths need no quoting. */
    private static List<String> nextCommand(String out, String heading) {
        List<String> lines = out.lines().toList();
        int at = lines.indexOf(heading);
        assertThat(at).as(out).isNotNegative();
        return List.of(lines.get(at + 1).trim().split(" +"));
    }

    @Test
    void apply_afterALiveRunWhoseReceiptWasNotKept_keepsItBeforeWritingItsOwn() throws IOException {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("finished-not-kept");
            assertThat(fx.applyLive(z, plan).code()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            String runId = json(receipt).path("run_id").asText();
            // as a run that stopped (or could not write applies/) between finishing its receipt and keeping it
            Path kept = plan.resolveSibling("applies").resolve(runId + ".json");
            Files.delete(kept);

            LiveApplyFixture.Run again = fx.apply(z, plan);

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.err()).contains("the previous run " + runId + " finished but its receipt was not kept");
            assertThat(json(kept).path("mode").asText()).isEqualTo("apply");
            assertThat(json(kept).path("counts").path("applied").asInt()).isEqualTo(8);
        }
    }

    @Test
    void apply_tamperedPlan_anyByteOfAnActionChanged_refusedWithExit5BeforeAnyRequest() throws IOException {
        Path plan = fx.plan("tampered");
        String original = Files.readString(plan);
        List<Integer> positions = editablePositions(original);
        assertThat(positions).hasSizeGreaterThan(1000);
        // the first byte of every key and value of every action, and every 29th byte besides
        List<Integer> swept = IntStream.range(0, positions.size())
                .filter(i -> i % 29 == 0 || positions.get(i) - 1 != positions.get(Math.max(0, i - 1)))
                .mapToObj(positions::get)
                .toList();
        for (int at : swept) {
            Files.writeString(plan, changeByteAt(original, at));
            assertThatThrownBy(() -> PlanFile.read(plan))
                    .as("byte %d changed", at)
                    .isInstanceOf(ApplyRefusedException.class)
                    .hasMessageContaining("does not match its plan_hash");
        }
        try (ZendeskEmulator z = fx.emulator()) {
            for (int at : IntStream.range(0, 8)
                    .map(i -> positions.get(i * positions.size() / 8))
                    .toArray()) {
                Files.writeString(plan, changeByteAt(original, at));
                LiveApplyFixture.Run r = fx.applyLive(z, plan);
                assertThat(r.code()).as("byte %d changed", at).isEqualTo(5);
                assertThat(r.err()).contains("edited after the audit");
            }
            assertThat(z.log().all()).isEmpty();
            assertThat(plan.resolveSibling("apply_receipt.json")).doesNotExist();
        }
    }

    @Test
    void apply_planAuditedAgainstAnotherZendesk_refusedLiveAndDryBeforeAnyRequest() throws IOException {
        Path plan = fx.planAuditedAgainst("acme-sandbox.zendesk.com", "sandbox-plan");
        JsonNode source = json(plan).path("source");
        assertThat(source.path("zendesk").asText()).isEqualTo("acme-sandbox.zendesk.com");
        try (ZendeskEmulator z = fx.emulator()) {
            String here = ZendeskInstance.name(z.baseUri());
            LiveApplyFixture.Run dry = fx.apply(z, plan);
            LiveApplyFixture.Run live = fx.apply(
                    z,
                    plan,
                    "--apply",
                    "--confirm-plan-hash",
                    json(plan).path("plan_hash").asText());

            for (LiveApplyFixture.Run r : List.of(dry, live)) {
                assertThat(r.code()).isEqualTo(5);
                assertThat(r.err())
                        .contains("this plan was audited against the Zendesk at acme-sandbox.zendesk.com, but the "
                                + "config points at " + here);
            }
            assertThat(z.log().all()).isEmpty();
            assertThat(json(plan.resolveSibling("apply_receipt.json"))
                            .path("mode")
                            .asText())
                    .as("the audit's receipt, untouched")
                    .isEqualTo("not_run");
        }
    }

    @Test
    void apply_planAuditedAgainstThisZendesk_isAppliedAndItsReceiptNamesIt() throws IOException {
        try (ZendeskEmulator z = fx.emulator()) {
            String here = ZendeskInstance.name(z.baseUri());
            Path plan =
                    fx.planAuditedAgainst(here, "same-zendesk-" + z.baseUri().getPort());
            String hash = json(plan).path("plan_hash").asText();
            assertThat(hash).as("the Zendesk is part of the plan's content").isNotEqualTo(fx.planHash);

            LiveApplyFixture.Run r = fx.apply(z, plan, "--apply", "--confirm-plan-hash", hash);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).doesNotContain("does not say which Zendesk");
            assertThat(json(plan.resolveSibling("apply_receipt.json"))
                            .path("zendesk")
                            .asText())
                    .isEqualTo(here);
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES);
        }
    }

    @Test
    void apply_planThatDoesNotNameItsZendesk_isAppliedWithANote() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("unnamed-zendesk");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err())
                    .contains("does not say which Zendesk it was audited against")
                    .contains("it is applied to " + ZendeskInstance.name(z.baseUri()));
        }
    }

    @Test
    void apply_wrongOrMissingHash_refusedWithExit5BeforeAnyRequest() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("wrong-hash");
            LiveApplyFixture.Run wrong = fx.apply(z, plan, "--apply", "--confirm-plan-hash", "ab".repeat(32));
            LiveApplyFixture.Run missing = fx.apply(z, plan, "--apply");

            assertThat(wrong.code()).isEqualTo(5);
            assertThat(wrong.err())
                    .contains("does not match the plan's plan_hash: ")
                    .contains("review the plan with a dry run (apply --plan " + plan + " without --apply)")
                    .as("the refusal does not hand out the hash to confirm")
                    .doesNotContain(fx.planHash);
            assertThat(missing.code()).isEqualTo(5);
            assertThat(missing.err())
                    .contains("--apply needs --confirm-plan-hash with the plan_hash of the plan you reviewed")
                    .doesNotContain(fx.planHash);
            assertThat(z.log().all()).isEmpty();
        }
    }

    @Test
    void apply_stalePlan_liveRefusedWithExit5BeforeAnyWrite_dryRunWarns_olderLimitAccepts() {
        try (ZendeskEmulator z = fx.emulator(Duration.ofDays(8), 1000)) {
            Path plan = fx.plan("stale-plan");
            LiveApplyFixture.Run live = fx.applyLive(z, plan);
            assertThat(live.code()).as(live.err()).isEqualTo(5);
            assertThat(live.err())
                    .contains(plan + ": stale plan: it was made from Zendesk as it was at " + fx.capturedAt
                            + ", 8 days ago, over the limit of 7 days. Re-run the audit and review the new plan,"
                            + " or pass --max-plan-age-days to accept an older one.");
            assertThat(z.log().all()).isEmpty();
            assertThat(plan.resolveSibling("apply_receipt.json")).doesNotExist();

            LiveApplyFixture.Run dry = fx.apply(z, plan);
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.err())
                    .contains("warning: stale plan: it was made from Zendesk as it was at " + fx.capturedAt
                            + ", 8 days ago, over the limit of 7 days; a live apply of it is refused");
            assertThat(dry.out())
                    .contains("This plan is too old to apply (see the warning above). Audit again")
                    .doesNotContain("--confirm-plan-hash");
            assertThat(writes(z)).isEmpty();

            LiveApplyFixture.Run accepted = fx.applyLive(z, plan, "--max-plan-age-days", "9");
            assertThat(accepted.code()).as(accepted.err()).isZero();
            assertThat(writes(z)).isNotEmpty();
        }
    }

    @Test
    void apply_maxPlanAgeBelowOneDay_isAUsageError() {
        try (ZendeskEmulator z = fx.emulator()) {
            LiveApplyFixture.Run r = fx.apply(z, fx.plan("age-zero"), "--max-plan-age-days", "0");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--max-plan-age-days must be at least 1: 0");
        }
    }

    @Test
    void apply_receiptHeldByAnotherRun_isRefusedWithoutTouchingIt() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("held");
            Path receipt = plan.resolveSibling("apply_receipt.json");
            LiveApplyFixture.Run first;
            try (ReceiptArchive.Held held = ReceiptArchive.hold(receipt)) {
                first = fx.applyLive(z, plan);
            }

            assertThat(first.code()).isEqualTo(5);
            assertThat(first.err()).contains("is being written by another plumbline run");
            assertThat(receipt).doesNotExist();
            assertThat(z.log().writes()).isEmpty();
            LiveApplyFixture.Run after = fx.applyLive(z, plan);
            assertThat(after.code())
                    .as("once the other run is over, the receipt is free")
                    .as(after.err())
                    .isZero();
        }
    }

    @Test
    void apply_orgFoundByADomainItNoLongerHolds_isNotLinkedToTheAccount() {
        try (ZendeskEmulator z = fx.emulator()) {
            // org 9001 was 001ACME001's by acmehealth.example; an admin has taken that domain off since
            z.edits().updateOrganization(9001, "{\"domain_names\": [\"elsewhere.example\"]}");
            Path plan = fx.plan("evidence-gone");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(reason(receipt, "A001")).isEqualTo("skipped precondition_changed_org_domain_names");
            assertThat(z.organization(9001).orElseThrow().path("external_id").isNull()
                            || z.organization(9001)
                                    .orElseThrow()
                                    .path("external_id")
                                    .asText()
                                    .isEmpty())
                    .as("not linked")
                    .isTrue();
            assertThat(writes(z)).containsExactlyElementsOf(except(0));
        }
    }

    @Test
    void apply_stateChangedSinceAudit_skipsThoseActionsWithTheChangeAndWritesTheRest() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.edits().updateOrganization(9001, "{\"external_id\": \"SOMEONE-ELSE\"}");
            z.edits().updateOrganization(9011, "{\"domain_names\": [\"acmeshop.example\"]}");
            z.edits().addMembership(7006, 9005);
            Path plan = fx.plan("stale");

            LiveApplyFixture.Run r = fx.applyLive(z, plan);

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            assertThat(reason(receipt, "A001")).isEqualTo("skipped precondition_changed_org_external_id");
            assertThat(reason(receipt, "A003")).isEqualTo("skipped precondition_changed_domain_attached_elsewhere");
            assertThat(reason(receipt, "A006"))
                    .as("added by hand since the audit: what the repair would do is done")
                    .isEqualTo("skipped already_in_effect");
            assertThat(writes(z)).containsExactlyElementsOf(except(0, 2, 5));
        }
    }

    @Test
    void apply_overTheCaps_skipsInPlanOrderWithTheCapAndNeverWritesThose() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("cap-actions");
            LiveApplyFixture.Run run = fx.applyLive(z, plan, "--max-actions", "3");
            assertThat(run.code()).isZero();
            assertThat(run.out())
                    .contains("5 actions were left by the caps")
                    .contains("audit again and apply the new plan");
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            for (String id : List.of("A004", "A005", "A006", "A007", "A008")) {
                assertThat(reason(receipt, id)).isEqualTo("skipped cap_max_actions");
            }
            assertThat(writes(z)).containsExactlyElementsOf(EXPECTED_WRITES.subList(0, 3));
        }
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("cap-account");
            assertThat(fx.applyLive(z, plan, "--max-per-account", "1").code()).isZero();
            JsonNode receipt = json(plan.resolveSibling("apply_receipt.json"));
            for (String id : List.of("A005", "A006", "A007")) {
                assertThat(reason(receipt, id)).isEqualTo("skipped cap_max_per_account");
            }
            assertThat(writes(z)).containsExactlyElementsOf(except(4, 5, 6));
        }
    }

    static String reason(JsonNode receipt, String actionId) {
        JsonNode r = LiveUndoTest.result(receipt, actionId);
        return (r.path("status").asText() + " " + r.path("reason").asText()).strip();
    }

    /** The expected writes without those at the given plan positions (0-based). */
    static List<String> except(int... skipped) {
        List<String> out = new ArrayList<>(EXPECTED_WRITES);
        for (int i = skipped.length - 1; i >= 0; i--) {
            out.remove(skipped[i]);
        }
        return out;
    }

    /** Every byte of the actions array that can change and leave valid JSON: inside strings, and digits. */
    private static List<Integer> editablePositions(String plan) {
        int start = plan.indexOf("\"actions\"") + "\"actions\"".length();
        List<Integer> out = new ArrayList<>();
        boolean inString = false;
        for (int i = start; i < plan.length(); i++) {
            char c = plan.charAt(i);
            if (c == '"' && plan.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if ((inString && c != '\\' && plan.charAt(i - 1) != '\\') || (!inString && Character.isDigit(c))) {
                out.add(i);
            }
        }
        return out;
    }

    private static String changeByteAt(String text, int at) {
        char c = text.charAt(at);
        char changed = Character.isDigit(c) ? (char) ('1' + (c - '0') % 9) : c == 'x' ? 'y' : 'x';
        return text.substring(0, at) + changed + text.substring(at + 1);
    }
}
