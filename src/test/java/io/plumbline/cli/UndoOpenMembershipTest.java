package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.Undoer;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Undo of a membership write an apply left open (unconfirmed, or in flight when it stopped): reversed
 * when Zendesk made the membership while that apply ran, left alone when Zendesk made it after the apply
 * ended, as someone else's (an admin fixing it by hand, a later run).
 */
class UndoOpenMembershipTest {
    /** The reads that settle A006's POST. */
    private static final List<String> SETTLING_READS = List.of(
            "/api/v2/organizations/show_many",
            "/api/v2/users/show_many",
            "/api/v2/users/7006",
            "/api/v2/users/7006/organization_memberships");

    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @Test
    void undo_unconfirmedMembershipAddedByHandAfterTheApply_isSkippedAndKept() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("unconfirmed-then-by-hand");
            Path receipt = unconfirmedA006(z, plan, Fault.UNAVAILABLE);
            assertThat(memberships(z)).as("A006's POST did not land").isEmpty();
            z.time().advance(Duration.ofHours(3));
            z.edits().addMembership(7006, 9005); // an admin fixes A006 by hand
            long byHand = memberships(z).get(0);

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(undo.err())
                    .contains("warning: A006 was left unconfirmed by that apply and may have reached Zendesk");
            assertThat(z.membership(byHand)).as("the admin's membership").isPresent();
            assertThat(z.log().writes()).noneMatch(w -> w.method().equals("DELETE"));
            JsonNode a006 = LiveUndoTest.result(json(receipt.resolveSibling("undo_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("skipped");
            assertThat(a006.path("reason").asText())
                    .startsWith(Undoer.IN_FLIGHT_FOUND_MADE_LATER + ": what Zendesk holds was made at ")
                    .contains("after the apply had ended")
                    .endsWith("someone made it since, by hand or in a later run, so it is left alone");
            assertThat(a006.path("before").path("membership_id").asLong()).isEqualTo(byHand);
            assertThat(undo.out()).contains("A006", Undoer.IN_FLIGHT_FOUND_MADE_LATER);
            assertThat(LiveUndoTest.result(json(receipt.resolveSibling("undo_receipt.json")), "A003")
                            .path("status")
                            .asText())
                    .as("the rest is undone")
                    .isEqualTo("applied");
        }
    }

    @Test
    void undo_unconfirmedMembershipThatLandedDuringTheApply_isReversedHoweverLongAfter() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path plan = fx.plan("unconfirmed-landed");
            Path receipt = unconfirmedA006(z, plan, Fault.LANDED_THEN_503);
            List<Long> landed = memberships(z);
            assertThat(landed).as("A006's POST landed, answered 503").hasSize(1);
            z.time().advance(Duration.ofDays(2));

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(z.membership(landed.get(0))).isEmpty();
            JsonNode a006 = LiveUndoTest.result(json(receipt.resolveSibling("undo_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).isEqualTo("applied");
            assertThat(a006.path("before").path("membership_id").asLong()).isEqualTo(landed.get(0));
        }
    }

    /**
     * A finished run that left A006's POST unconfirmed is dated by its finished_at: a membership made within
     * the margin after it is taken for the POST's own, one made later is not. A run killed while the POST
     * was in flight records no end its hash covers, so its membership is taken for the POST's however late
     * (the dry run and the live undo it confirms must decide alike, and a copy changes a file's time).
     */
    @ParameterizedTest(name = "finished={0}, made {1} min after")
    @CsvSource({"false, 1, applied", "false, 40, applied", "true, 1, applied", "true, 8, skipped"})
    void undo_membershipInFlightFoundAfterTheRunEnded_isReversedOnlyWhenItCanBeThatWrite(
            boolean finished, int minutesAfter, String status) throws IOException {
        // on real time, so that no more than the minutes asked pass between the run's end and the membership
        try (ZendeskEmulator z = fx.emulator(1)) {
            Path plan = fx.plan("open-" + finished + "-" + minutesAfter);
            LiveApplyFixture.Run apply = fx.applyLive(z, plan, "--only-account", "001ACME004");
            assertThat(apply.code()).as(apply.err()).isZero();
            Path receipt = plan.resolveSibling("apply_receipt.json");
            z.edits().removeMembership(7006, 9005); // the POST never landed
            Instant ended = z.time().instant();
            leftOpen(receipt, "A006", finished, ended);
            z.time().advance(Duration.ofMinutes(minutesAfter));
            z.edits().addMembership(7006, 9005);
            long made = memberships(z).get(0);

            LiveApplyFixture.Run undo = fx.undoLive(z, receipt);

            assertThat(undo.code()).as(undo.err()).isZero();
            JsonNode a006 = LiveUndoTest.result(json(receipt.resolveSibling("undo_receipt.json")), "A006");
            assertThat(a006.path("status").asText()).as(a006.toString()).isEqualTo(status);
            assertThat(z.membership(made).isPresent()).isEqualTo(status.equals("skipped"));
        }
    }

    /**
     * Applies the plan's 001ACME004 actions with A006's POST answered {@code fault}, and the reads that would
     * settle it failing: A006 is failed as write_unconfirmed. Returns the receipt.
     */
    private static Path unconfirmedA006(ZendeskEmulator z, Path plan, Fault fault) {
        z.failRequest("/api/v2/organization_memberships", 1, fault);
        z.interventions()
                .afterRequest(
                        "POST",
                        "/api/v2/organization_memberships",
                        1,
                        () -> SETTLING_READS.forEach(read -> z.failEvery("GET", read, Fault.UNAVAILABLE)));
        LiveApplyFixture.Run apply = fx.applyLive(z, plan, "--only-account", "001ACME004");
        SETTLING_READS.forEach(read -> z.stopFailingEvery("GET", read));
        assertThat(apply.code()).as(apply.err()).isEqualTo(4);
        Path receipt = plan.resolveSibling("apply_receipt.json");
        assertThat(LiveUndoTest.result(json(receipt), "A006").path("reason").asText())
                .startsWith("write_unconfirmed: ");
        z.log().clear();
        return receipt;
    }

    /**
     * Rewrites {@code receipt} as a run that left {@code actionId}'s write open leaves it, without its hash:
     * when {@code finished}, that result failed as write_unconfirmed and the run finished at {@code ended};
     * else that result named {@code in_flight}, the run unfinished and its receipt last written at {@code
     * ended}.
     */
    private static void leftOpen(Path receipt, String actionId, boolean finished, Instant ended) throws IOException {
        ObjectNode r = (ObjectNode) json(receipt);
        ArrayNode results = (ArrayNode) r.get("results");
        for (int i = 0; i < results.size(); i++) {
            ObjectNode result = (ObjectNode) results.get(i);
            if (!result.path("action_id").asText().equals(actionId)) {
                continue;
            }
            if (finished) {
                result.put("status", "failed");
                result.put("reason", "write_unconfirmed: POST /api/v2/organization_memberships was answered HTTP 503");
                result.set("after", result.get("before"));
            } else {
                r.set("in_flight", results.remove(i));
            }
            break;
        }
        r.remove("receipt_hash");
        if (finished) {
            r.put("finished_at", ended.toString());
        } else {
            r.remove("finished_at");
            r.put("complete", false);
        }
        Files.writeString(receipt, r.toPrettyString());
        Files.setLastModifiedTime(receipt, FileTime.from(ended));
    }

    /** The ids of user 7006's memberships in org 9005. */
    private static List<Long> memberships(ZendeskEmulator z) {
        List<Long> out = new ArrayList<>();
        z.change(e -> e.membershipsOfUser(7006).stream()
                .filter(m -> m.path("organization_id").asLong() == 9005)
                .forEach(m -> out.add(m.path("id").asLong())));
        return out;
    }
}
