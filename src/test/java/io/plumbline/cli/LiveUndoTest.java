package io.plumbline.cli;

import static io.plumbline.cli.LiveApplyFixture.json;
import static io.plumbline.cli.LiveApplyFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.apply.Undoer;
import io.plumbline.model.ZendeskInstance;
import io.plumbline.zendesk.emulator.Fault;
import io.plumbline.zendesk.emulator.LoggedRequest;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Undo of a live apply against the emulator: gated like apply, and exact down to the record. */
class LiveUndoTest {

    @TempDir
    static Path dir;

    static LiveApplyFixture fx;

    @BeforeAll
    static void audit() {
        fx = LiveApplyFixture.shared();
    }

    @Test
    void undo_whileAnApplyStillWritesTheReceipt_isRefusedWithoutAWrite() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "still-applying");
            String hash = LiveApplyFixture.confirmHash(fx.undo(z, receipt).out());
            String dryRunReceipt = Files.readString(receipt.resolveSibling("undo_receipt.json"));
            z.log().clear();
            LiveApplyFixture.Run r;
            try (ReceiptArchive.Held applying = ReceiptArchive.hold(receipt)) {
                r = fx.undo(z, receipt, "--apply", "--confirm-receipt-hash", hash);
            }

            assertThat(r.code()).isEqualTo(5);
            assertThat(r.err())
                    .contains(receipt + " is held by another run (an apply still writing it, or another undo of it); "
                            + "run this once that run has finished");
            assertThat(z.log().writes()).isEmpty();
            assertThat(receipt.resolveSibling("undo_receipt.json")).hasContent(dryRunReceipt);
        }
    }

    @Test
    void undo_receiptOfALiveApplyWithoutAConfigFile_saysTheConfigIsMissing() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "no-config");

            LiveApplyFixture.Run r =
                    LiveApplyFixture.run(z.time(), LiveApplyFixture.ENV, "undo", "--receipt", receipt.toString());

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .contains(
                            "plumbline.yaml: config file not found; create one with `plumbline init` or pass --config "
                                    + "FILE")
                    .doesNotContain("is not set");
        }
    }

    @Test
    void undo_ofARerunThatFoundEverythingInEffect_pointsAtTheKeptReceiptThatWrote() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "rerun-then-undo");
            String firstRun = json(receipt).path("run_id").asText();
            LiveApplyFixture.Run again = fx.applyLive(z, receipt.resolveSibling("fix_plan.json"));
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(json(receipt).path("counts").path("applied").asInt()).isZero();

            LiveApplyFixture.Run r = fx.undo(z, receipt);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("Nothing to undo: " + receipt + " holds no applied action.")
                    .contains("These receipts of live applies beside it did write; undo one of them:\n")
                    .contains(" undo --receipt "
                            + receipt.resolveSibling("applies").resolve(firstRun + ".json"));
            assertThat(z.log().writes()).isEmpty();

            // once that receipt is undone, it is named no more
            Path kept = receipt.resolveSibling("applies").resolve(firstRun + ".json");
            assertThat(fx.undoLive(z, kept).code()).isZero();
            assertThat(fx.undo(z, receipt).out())
                    .contains("Nothing to undo: " + receipt + " holds no applied action.")
                    .doesNotContain("did write");
        }
    }

    @Test
    void undo_outTheReceiptItUndoes_isAUsageError() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "out-same");

            LiveApplyFixture.Run r = fx.undo(z, receipt, "--out", receipt.toString());

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("is the receipt being undone");
        }
    }

    @Test
    void undo_afterLiveApply_restoresTheEmulatorStateRecordForRecord() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.dumpSnapshot(dir.resolve("before"));
            Path receipt = applied(z, "exact");

            LiveApplyFixture.Run dry = fx.undo(z, receipt);
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.out())
                    .contains("Mode: undo_dry_run")
                    .contains("would_apply 8")
                    .contains("001ACME004  user 7006 - member of org 9005\n")
                    .contains("001ACME001  org 9001 external_id 001ACME001 -> blank\n");
            assertThat(z.log().writes()).isEmpty();
            String hash = LiveApplyFixture.confirmHash(dry.out());
            assertThat(fx.undo(z, receipt, "--apply").code()).isEqualTo(5);
            assertThat(fx.undo(z, receipt, "--apply", "--confirm-receipt-hash", "0".repeat(64))
                            .code())
                    .isEqualTo(5);
            assertThat(z.log().writes()).isEmpty();

            LiveApplyFixture.Run live = fx.undo(z, receipt, "--apply", "--confirm-receipt-hash", hash);
            assertThat(live.code()).as(live.err()).isZero();
            assertThat(live.out()).contains("Mode: undo").contains("applied 8");
            assertThat(writes(z))
                    .containsExactly(
                            "PUT /api/v2/users/7010/organization_memberships/5050/make_default ",
                            "DELETE /api/v2/organization_memberships/90000000002 ",
                            "DELETE /api/v2/organization_memberships/90000000001 ",
                            "PUT /api/v2/organizations/9008 {\"organization\":{\"domain_names\":"
                                    + "[\"northshoremed.health.example\"]}}",
                            "PUT /api/v2/organizations/9009 {\"organization\":{\"domain_names\":"
                                    + "[\"bvhs.bayvalley.example\"]}}",
                            "PUT /api/v2/organizations/9005 {\"organization\":{\"domain_names\":"
                                    + "[\"acmeretail.example\"]}}",
                            "PUT /api/v2/organizations/9008 {\"organization\":{\"external_id\":null}}",
                            "PUT /api/v2/organizations/9001 {\"organization\":{\"external_id\":null}}");
            assertThat(z.log().all()).allMatch(LiveApplyTest::readOrAllowedWrite);
            z.dumpSnapshot(dir.resolve("restored"));
            assertThat(SnapshotDiff.between(dir.resolve("before"), dir.resolve("restored")))
                    .isEmpty();
            assertThat(json(receipt.resolveSibling("undo_receipt.json"))
                            .path("complete")
                            .asBoolean())
                    .isTrue();
            assertThat(dry.out())
                    .doesNotContain("receipt_hash: ") // a dry run's own receipt gates nothing
                    .contains("--confirm-receipt-hash " + hash);

            // a later dry run replaces undo_receipt.json, but the live undo's receipt stays in applies/
            String liveRunId = json(receipt.resolveSibling("undo_receipt.json"))
                    .path("run_id")
                    .asText();
            assertThat(fx.undo(z, receipt).code()).isZero();
            Path kept = receipt.resolveSibling("applies").resolve(liveRunId + ".json");
            assertThat(json(kept).path("mode").asText()).isEqualTo("undo");
            assertThat(json(kept).path("counts").path("applied").asInt()).isEqualTo(8);
            assertThat(json(receipt.resolveSibling("undo_receipt.json"))
                            .path("mode")
                            .asText())
                    .isEqualTo("undo_dry_run");
        }
    }

    @Test
    void undo_ofAReceiptUndoneBeforeAndAppliedAgainSince_leavesTheLaterRunsWritesAlone() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.dumpSnapshot(dir.resolve("before-again"));
            Path receipt = applied(z, "again");
            Path first = receipt.resolveSibling("applies")
                    .resolve(json(receipt).path("run_id").asText() + ".json");
            assertThat(fx.undoLive(z, first).code()).isZero();
            LiveApplyFixture.Run reapplied = fx.applyLive(z, receipt.resolveSibling("fix_plan.json"));
            assertThat(reapplied.out()).as(reapplied.err()).contains("applied 8");
            z.log().clear();

            LiveApplyFixture.Run again = fx.undo(z, first);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("Nothing to undo");
            assertThat(z.log().writes()).isEmpty();
            assertThat(again.err())
                    .contains("A001 is listed as applied by the later run")
                    .contains("(skipped, applied_by_later_run)");
            assertThat(json(first.resolveSibling("undo_receipt.json")).path("results"))
                    .hasSize(8)
                    .allMatch(r -> r.path("reason").asText().equals(Undoer.APPLIED_BY_LATER_RUN));

            // the later run's own receipt still undoes its writes, back to the start
            assertThat(fx.undoLive(z, receipt).code()).isZero();
            z.dumpSnapshot(dir.resolve("restored-again"));
            assertThat(SnapshotDiff.between(dir.resolve("before-again"), dir.resolve("restored-again")))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "undoing the archived copy: {0}")
    @ValueSource(booleans = {false, true})
    void undo_ofAReceiptUndoneBeforeWhoseValueWasWrittenAgainSince_leavesItAlone(boolean archivedCopy) {
        try (ZendeskEmulator z = fx.emulator()) {
            Path applied = applied(z, "undone-then-rewritten-" + archivedCopy);
            Path receipt = archivedCopy
                    ? applied.resolveSibling("applies")
                            .resolve(json(applied).path("run_id").asText() + ".json")
                    : applied;
            assertThat(fx.undoLive(z, receipt).code()).isZero();
            // someone links org 9001 to its account again, by hand (or another plan's apply)
            z.edits().updateOrganization(9001, "{\"external_id\": \"001ACME001\"}");
            assertThat(fx.undo(z, receipt).out()).contains("Nothing to undo"); // a dry run first, as users do
            z.log().clear();

            LiveApplyFixture.Run again = fx.undoConfirmed(z, receipt);

            assertThat(again.code()).as(again.err()).isZero();
            JsonNode a001 = result(json(receipt.resolveSibling("undo_receipt.json")), "A001");
            assertThat(a001.path("status").asText()).isEqualTo("skipped");
            assertThat(a001.path("reason").asText()).isEqualTo(Undoer.ALREADY_UNDONE);
            assertThat(z.log().writes()).isEmpty();
            assertThat(z.organization(9001).orElseThrow().path("external_id").asText())
                    .isEqualTo("001ACME001");
        }
    }

    @ParameterizedTest(name = "org changed after the stopped undo began: {0}")
    @ValueSource(booleans = {true, false})
    void undo_afterAnEarlierUndoStoppedWhileWritingAnInverse_reversesItOnlyWhenTheOrgIsUnchangedSince(
            boolean changedSince) throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-killed-in-flight-" + changedSince);
            assertThat(fx.undoLive(z, receipt).code()).isZero();
            // as a kill leaves it: A001's inverse (external_id cleared) sent, its answer never recorded
            Path undoReceipt = receipt.resolveSibling("undo_receipt.json");
            ObjectNode killed = stoppedWhileWriting(json(undoReceipt), "A001");
            Files.delete(receipt.resolveSibling("applies")
                    .resolve(killed.path("run_id").asText() + ".json"));
            // org 9001 holds the applied external_id again: someone linked it anew after that undo began, or
            // (an undo that began later than the org's last change) the inverse never landed
            z.edits().updateOrganization(9001, "{\"external_id\": \"001ACME001\"}");
            if (!changedSince) {
                killed.put(
                        "started_at",
                        z.time().instant().plus(Duration.ofHours(1)).toString());
            }
            Files.writeString(undoReceipt, killed.toString());
            z.log().clear();

            LiveApplyFixture.Run again = fx.undoConfirmed(z, receipt);

            assertThat(again.code()).as(again.err()).isZero();
            JsonNode now = result(json(undoReceipt), "A001");
            assertThat(now.path("status").asText()).isEqualTo(changedSince ? "skipped" : "applied");
            assertThat(now.path("reason").asText()).isEqualTo(changedSince ? Undoer.EARLIER_UNDO_UNCONFIRMED : "");
            assertThat(z.organization(9001).orElseThrow().path("external_id").asText(""))
                    .isEqualTo(changedSince ? "001ACME001" : "");
        }
    }

    @Test
    void undo_afterAnUndoWrittenElsewhere_knowsWhatThatOneReversed() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-written-elsewhere");
            Path elsewhere = dir.resolve("undo-elsewhere").resolve("undo1.json");
            Files.createDirectories(elsewhere.getParent());
            assertThat(fx.undoConfirmed(z, receipt, "--out", elsewhere.toString())
                            .code())
                    .isZero();
            relinkThenUndoAgain(z, receipt, Undoer.ALREADY_UNDONE);
        }
    }

    @Test
    void undo_writtenElsewhere_isNamedBesideTheReceiptWhileItRunsAndKeptThereOnceDone() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-elsewhere-named");
            Path elsewhere = dir.resolve("undo-elsewhere-named").resolve("undo1.json");
            Files.createDirectories(elsewhere.getParent());
            List<JsonNode> whileWriting = new ArrayList<>();
            z.interventions()
                    .beforeRequest("PUT", "/api/v2/organizations/9001", () -> whileWriting.addAll(undosIn(receipt)));

            assertThat(fx.undo(
                                    z,
                                    receipt,
                                    "--apply",
                                    "--confirm-receipt-hash",
                                    json(receipt).path("receipt_hash").asText(),
                                    "--out",
                                    elsewhere.toString())
                            .code())
                    .isZero();

            assertThat(whileWriting)
                    .singleElement()
                    .satisfies(e -> assertThat(e.path("written_to").asText())
                            .isEqualTo(elsewhere.toAbsolutePath().normalize().toString()));
            assertThat(undosIn(receipt))
                    .singleElement()
                    .satisfies(e -> assertThat(e).isEqualTo(json(elsewhere)));
        }
    }

    @Test
    void undo_afterAnUndoWrittenElsewhereWasStopped_leavesWhatItWasWritingToTheOrgsState() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-elsewhere-stopped");
            Path elsewhere = dir.resolve("undo-elsewhere-stopped").resolve("undo1.json");
            Files.createDirectories(elsewhere.getParent());
            String hash = json(receipt).path("receipt_hash").asText();
            assertThat(fx.undoConfirmed(z, receipt, "--out", elsewhere.toString())
                            .code())
                    .isZero();
            // as a kill leaves it: A001's inverse in flight at elsewhere, and beside the receipt the entry that
            // points there (its finished copy never replaced it)
            ObjectNode killed = stoppedWhileWriting(json(elsewhere), "A001");
            Files.writeString(elsewhere, killed.toString());
            Path entry = receipt.resolveSibling("applies")
                    .resolve(killed.path("run_id").asText() + ".json");
            ObjectNode pointer = killed.objectNode()
                    .put("run_id", killed.path("run_id").asText())
                    .put("mode", "undo")
                    .put("source_receipt_hash", hash)
                    .put("started_at", killed.path("started_at").asText())
                    .put("complete", false)
                    .put("written_to", elsewhere.toAbsolutePath().normalize().toString());
            Files.writeString(entry, pointer.toString());
            relinkThenUndoAgain(z, receipt, Undoer.EARLIER_UNDO_UNCONFIRMED);
        }
    }

    @Test
    void undo_whileAnotherLiveUndoOfTheReceiptRuns_isRefusedBeforeAnyWrite() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undone-twice-at-once");
            String hash = json(receipt).path("receipt_hash").asText();
            try (ReceiptArchive.Held other = ReceiptArchive.holdWrites(
                    "undo", ZendeskInstance.name(z.baseUri()), hash, "undone elsewhere", w -> {})) {
                // the kept copy of the receipt: another path, the same writes
                Path copy = receipt.resolveSibling("applies")
                        .resolve(json(receipt).path("run_id").asText() + ".json");
                LiveApplyFixture.Run r = fx.undo(z, copy, "--apply", "--confirm-receipt-hash", hash);

                assertThat(r.code()).isEqualTo(5);
                assertThat(r.err()).contains("another plumbline run is undoing this apply right now");
            }
            assertThat(z.log().writes()).isEmpty();
        }
    }

    /**
     * Someone links org 9001 to its account again by hand; a live undo of {@code receipt} then skips A001
     * for {@code reason} and leaves that value alone.
     */
    private static void relinkThenUndoAgain(ZendeskEmulator z, Path receipt, String reason) {
        z.edits().updateOrganization(9001, "{\"external_id\": \"001ACME001\"}");

        LiveApplyFixture.Run again = fx.undoConfirmed(z, receipt);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(result(json(receipt.resolveSibling("undo_receipt.json")), "A001")
                        .path("reason")
                        .asText())
                .isEqualTo(reason);
        assertThat(z.organization(9001).orElseThrow().path("external_id").asText())
                .isEqualTo("001ACME001");
    }

    /** The undo receipts (or entries naming one) kept beside {@code receipt}, in its applies/. */
    private static List<JsonNode> undosIn(Path receipt) {
        List<JsonNode> out = new ArrayList<>();
        try (var files = Files.list(receipt.resolveSibling("applies"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(LiveApplyFixture::json)
                    .filter(n -> n.path("mode").asText().equals("undo"))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * {@code receipt} as a kill leaves it while {@code actionId}'s write is in flight: that result moved to
     * {@code in_flight}, the receipt unfinished and without its hash.
     */
    private static ObjectNode stoppedWhileWriting(JsonNode receipt, String actionId) {
        ObjectNode killed = (ObjectNode) receipt;
        ArrayNode results = (ArrayNode) killed.get("results");
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).path("action_id").asText().equals(actionId)) {
                killed.set("in_flight", results.remove(i));
                killed.put("complete", false);
                killed.remove("receipt_hash");
                return killed;
            }
        }
        throw new AssertionError(actionId + " is not among the results of " + receipt);
    }

    @Test
    void undo_createdMembershipMadeTheDefaultSince_isSkippedAndKept() {
        try (ZendeskEmulator z = fx.emulator()) {
            z.edits().addMembership(7015, 9001); // Morgan's default org before the repair
            Path receipt = applied(z, "made-default");
            JsonNode assign = StreamSupport.stream(json(receipt).path("results").spliterator(), false)
                    .filter(n -> n.path("action_code").asText().equals("assign_user_to_org"))
                    .filter(n -> n.path("after").path("membership_id").isNumber())
                    .filter(n -> n.path("status").asText().equals("applied"))
                    .filter(n -> n.path("sf_account_id").asText().equals("001Dn00000BvHsAIAV"))
                    .findFirst()
                    .orElseThrow();
            long created = assign.path("after").path("membership_id").asLong();
            z.edits().makeDefault(7015, 9009); // an admin makes the new membership the default

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            JsonNode undone = result(
                    json(receipt.resolveSibling("undo_receipt.json")),
                    assign.path("action_id").asText());
            assertThat(undone.path("status").asText()).isEqualTo("skipped");
            assertThat(undone.path("reason").asText()).isEqualTo("precondition_changed_default_org");
            assertThat(z.membership(created)).isPresent();
        }
    }

    @Test
    void undo_membershipDeletedBetweenItsReCheckAndTheDelete_isSkippedAsInEffectNotFailed() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "deleted-meanwhile");
            JsonNode assign = firstCreatedMembership(receipt);
            long created = assign.path("after").path("membership_id").asLong();
            long user = assign.path("zendesk_user_id").asLong();
            long org = assign.path("zendesk_org_id").asLong();
            // an admin removes it just as undo's DELETE goes out: Zendesk answers 404
            z.interventions()
                    .beforeRequest(
                            "DELETE",
                            "/api/v2/organization_memberships/" + created,
                            () -> z.edits().removeMembership(user, org));

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            JsonNode undone = result(
                    json(receipt.resolveSibling("undo_receipt.json")),
                    assign.path("action_id").asText());
            assertThat(undone.path("status").asText()).isEqualTo("skipped");
            assertThat(undone.path("reason").asText()).isEqualTo("already_in_effect");
        }
    }

    @Test
    void undo_deleteWhoseAnswerWasLostAndWhoseResendIsRefused_isAppliedWhenTheFirstLandedLate() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "lost-then-refused");
            JsonNode assign = firstCreatedMembership(receipt);
            long created = assign.path("after").path("membership_id").asLong();
            String path = "/api/v2/organization_memberships/" + created;
            // the first DELETE is answered 503 and the re-check still sees the membership; it lands just
            // before the DELETE sent again, which Zendesk answers 404
            z.failRequest(path, 1, Fault.UNAVAILABLE);
            z.interventions()
                    .beforeRequest(
                            "DELETE",
                            path,
                            2,
                            () -> z.edits()
                                    .removeMembership(
                                            assign.path("zendesk_user_id").asLong(),
                                            assign.path("zendesk_org_id").asLong()));

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            JsonNode undone = result(
                    json(receipt.resolveSibling("undo_receipt.json")),
                    assign.path("action_id").asText());
            assertThat(undone.path("status").asText()).as(undone.toString()).isEqualTo("applied");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.path().equals(path))
                    .extracting(w -> w.status())
                    .containsExactly(503, 404);
        }
    }

    @Test
    void undo_valueChangedSinceApply_skipsThatInverseAndUndoesTheRest() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "changed");
            z.edits().updateOrganization(9001, "{\"external_id\": \"SOMEONE-ELSE\"}");
            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            JsonNode a001 = result(json(receipt.resolveSibling("undo_receipt.json")), "A001");
            assertThat(a001.path("status").asText()).isEqualTo("skipped");
            assertThat(a001.path("reason").asText()).isEqualTo("precondition_changed_org_external_id");
            assertThat(writes(z)).hasSize(7).noneMatch(w -> w.startsWith("PUT /api/v2/organizations/9001 "));
            assertThat(z.organization(9001).orElseThrow().path("external_id").asText())
                    .isEqualTo("SOMEONE-ELSE");
        }
    }

    @Test
    void undo_receiptEditedAfterApply_isRefusedEvenWithItsNewHash() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "edited");
            JsonNode written = json(receipt);
            assertThat(written.path("receipt_hash").asText()).isEqualTo(ReceiptFile.hash(written));
            String edited = Files.readString(receipt).replace("\"northshoremed.health.example\"", "\"other.example\"");
            assertThat(edited).isNotEqualTo(Files.readString(receipt));
            Files.writeString(receipt, edited);
            String newHash = ReceiptFile.hash(json(receipt));

            LiveApplyFixture.Run dry = fx.undo(z, receipt);
            LiveApplyFixture.Run live = fx.undo(z, receipt, "--apply", "--confirm-receipt-hash", newHash);

            assertThat(dry.code()).isEqualTo(5);
            assertThat(live.code()).isEqualTo(5);
            assertThat(live.err())
                    .contains("does not match its receipt_hash")
                    .contains(written.path("receipt_hash").asText())
                    .contains(newHash);
            assertThat(z.log().all()).isEmpty();
        }
    }

    @Test
    void undo_deleteLandedButItsAnswerLost_isSettledAsAppliedNotSentAgain() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "lost-delete");
            z.failRequest("/api/v2/organization_memberships/*", 1, Fault.LOST_ANSWER);
            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            assertThat(live.out()).contains("applied 8");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.method().equals("DELETE"))
                    .extracting(w -> w.status())
                    .as("the lost DELETE is found done in Zendesk; then the other one")
                    .containsExactly(204, 204);
        }
    }

    @Test
    void undo_deleteAnswered5xxThatDidNotLand_isReCheckedAndSentAgain() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "5xx-delete");
            z.failRequest("/api/v2/organization_memberships/*", 1, Fault.SERVER_ERROR);
            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            assertThat(live.out()).contains("applied 8");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.method().equals("DELETE"))
                    .extracting(w -> w.status() >= 500 ? "5xx" : String.valueOf(w.status()))
                    .as("the membership still there after the 5xx: the DELETE is re-checked and sent again")
                    .containsExactly("5xx", "204", "204");
        }
    }

    @Test
    void undo_deleteAnswerLostAndZendeskUnreadable_isWriteUnconfirmedNotSentAgain() {
        try (ZendeskEmulator z = fx.emulator(LiveApplyFixture.tenMinuteRateLimit(), Duration.ofMinutes(2), 1000)) {
            Path receipt = applied(z, "lost-delete-unread");
            // A007's DELETE (the first undone) lands unanswered; the read that would settle it meets the limit
            z.failRequest("/api/v2/organization_memberships/*", 1, Fault.LOST_ANSWER);
            z.failRequest(
                    "/api/v2/users/7015/organization_memberships",
                    3,
                    Fault.TOO_MANY); // after the dry run's and the re-check's

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).isEqualTo(4);
            JsonNode a007 = result(json(receipt.resolveSibling("undo_receipt.json")), "A007");
            assertThat(a007.path("status").asText())
                    .as(a007 + "\n" + z.log().all())
                    .isEqualTo("failed");
            assertThat(a007.path("reason").asText())
                    .startsWith("write_unconfirmed: ")
                    .contains("reading Zendesk to confirm it failed too");
            assertThat(z.log().writes())
                    .filteredOn(w -> w.method().equals("DELETE"))
                    .as("not sent again")
                    .hasSize(1);
        }
    }

    @Test
    void undo_rateLimitLongerThanPlumblineWaits_sendsNothingMoreAndTheRerunTakesUpTheRest() {
        try (ZendeskEmulator z = fx.emulator(LiveApplyFixture.tenMinuteRateLimit(), Duration.ofMinutes(2), 1000)) {
            z.dumpSnapshot(dir.resolve("before-limited"));
            Path receipt = applied(z, "undo-rate-limited");
            z.failEvery("PUT", "/api/v2/organizations/9009", Fault.TOO_MANY);

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).isEqualTo(4);
            assertThat(live.err()).contains("Zendesk's rate limit stopped the run: 4 actions were not written");
            JsonNode undone = json(receipt.resolveSibling("undo_receipt.json"));
            assertThat(result(undone, "A004").path("reason").asText()).startsWith("rate_limited: Zendesk at ");
            for (String id : new String[] {"A003", "A002", "A001"}) {
                assertThat(result(undone, id).path("reason").asText())
                        .as(id)
                        .isEqualTo("rate_limited: not tried; Zendesk's rate limit stopped the run at A004");
            }
            List<LoggedRequest> log = z.log().all();
            assertThat(log.get(log.size() - 1).status())
                    .as("nothing is sent after the 429")
                    .isEqualTo(429);
            assertThat(z.log().writes()).hasSize(5);

            z.stopFailingEvery("PUT", "/api/v2/organizations/9009");
            LiveApplyFixture.Run rerun = fx.undoLive(z, receipt);

            assertThat(rerun.code()).as(rerun.err()).isZero();
            z.dumpSnapshot(dir.resolve("restored-limited"));
            assertThat(SnapshotDiff.between(dir.resolve("before-limited"), dir.resolve("restored-limited")))
                    .isEmpty();
        }
    }

    @Test
    void undo_withAConfigPointingAtAnotherZendesk_isRefusedBeforeAnyRequest() {
        try (ZendeskEmulator z = fx.emulator();
                ZendeskEmulator other = fx.emulator()) {
            Path receipt = applied(z, "undo-other-zendesk");
            String wrote = ZendeskInstance.name(z.baseUri());
            assertThat(json(receipt).path("zendesk").asText()).isEqualTo(wrote);

            LiveApplyFixture.Run dry = fx.undo(other, receipt);

            assertThat(dry.code()).isEqualTo(5);
            assertThat(dry.err())
                    .contains("this apply wrote to the Zendesk at " + wrote + ", but the config points at "
                            + ZendeskInstance.name(other.baseUri()));
            assertThat(other.log().all()).isEmpty();
            assertThat(z.log().all()).isEmpty();
        }
    }

    @Test
    void undo_receiptWithAStatusOrActionApplyNeverWrites_isAnInputErrorNamingTheResult() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "edited-status");
            String[][] edits = {
                {"status", "Applied ", "status 'Applied ' is none of applied"},
                {"action_code", "delete_org", "'delete_org'"},
                {"zendesk_org_id", "9005", "zendesk_org_id \"9005\" is not a whole number"},
                {"before", "oops", "before is not an object"}
            };
            for (String[] edit : edits) {
                ObjectNode edited = (ObjectNode) json(receipt);
                ((ObjectNode) edited.path("results").get(1)).put(edit[0], edit[1]);
                edited.remove("receipt_hash");
                edited.put("receipt_hash", ReceiptFile.hash(edited));
                Path copy = receipt.resolveSibling("edited-" + edit[0] + ".json");
                Files.writeString(copy, edited.toPrettyString());

                LiveApplyFixture.Run dry = fx.undo(z, copy);

                assertThat(dry.code()).as(dry.err()).isEqualTo(3);
                assertThat(dry.err())
                        .startsWith(copy + ": error: result A002: ")
                        .contains(edit[2])
                        .contains("edited by hand")
                        .doesNotContain("Exception");
            }
            assertThat(z.log().all()).isEmpty();
        }
    }

    @Test
    void undo_receiptEditedAndReHashed_derivesNoInverseFromWhatApplyNeverWrites() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "edited-rehashed");
            ObjectNode edited = (ObjectNode) json(receipt);
            for (JsonNode r : edited.path("results")) {
                ObjectNode n = (ObjectNode) r;
                switch (n.path("action_id").asText()) {
                    // a linked org's "previous" external_id, and a domain the org held before the apply
                    case "A001" -> ((ObjectNode) n.path("before")).put("external_id", "HIJACKED");
                    case "A003" -> n.put("value", "acmeretail.example");
                    // a membership that is not the user's
                    case "A006" -> ((ObjectNode) n.path("after")).put("membership_id", 5051);
                    // a "move" to the default the user already had
                    case "A008" -> ((ObjectNode) n.path("after")).put("default_membership_id", 5050);
                    default -> {}
                }
            }
            edited.remove("receipt_hash");
            edited.put("receipt_hash", ReceiptFile.hash(edited));
            Files.writeString(receipt, edited.toPrettyString());

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            JsonNode undone = json(receipt.resolveSibling("undo_receipt.json"));
            assertThat(result(undone, "A001").path("reason").asText()).isEqualTo("receipt_not_as_applied");
            assertThat(result(undone, "A003").path("reason").asText()).isEqualTo("receipt_not_as_applied");
            assertThat(result(undone, "A006").path("reason").asText()).isEqualTo("already_in_effect");
            assertThat(result(undone, "A008").path("reason").asText()).isEqualTo("receipt_not_as_applied");
            assertThat(writes(z))
                    .noneMatch(w -> w.contains("HIJACKED"))
                    .noneMatch(w -> w.startsWith("PUT /api/v2/organizations/9005 "))
                    .noneMatch(w -> w.contains("organization_memberships/5051"))
                    .noneMatch(w -> w.contains("make_default"))
                    .contains("PUT /api/v2/organizations/9008 {\"organization\":{\"external_id\":null}}")
                    .hasSize(4);
        }
    }

    @Test
    void undo_olderReceiptThatDoesNotNameItsZendesk_goesAheadWithANoteNamingWhereTheInversesGo() throws Exception {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-unnamed-zendesk");
            // as an older version wrote it: no zendesk, and the receipt_hash of that content
            ObjectNode older = (ObjectNode) json(receipt);
            older.remove("zendesk");
            older.remove("receipt_hash");
            older.put("receipt_hash", ReceiptFile.hash(older));
            Files.writeString(receipt, older.toPrettyString());

            LiveApplyFixture.Run live = fx.undoLive(z, receipt);

            assertThat(live.code()).as(live.err()).isZero();
            assertThat(live.out()).contains("applied 8");
            assertThat(live.err())
                    .contains("does not say which Zendesk its apply wrote to (an older receipt); the inverses go to "
                            + ZendeskInstance.name(z.baseUri()));
        }
    }

    @Test
    void undo_ofAnUndoReceipt_isRefusedWithoutAnyWrite() {
        try (ZendeskEmulator z = fx.emulator()) {
            Path receipt = applied(z, "undo-of-undo");
            assertThat(fx.undoLive(z, receipt).code()).isZero();
            Path undoReceipt = receipt.resolveSibling("undo_receipt.json");
            String undoHash = ReceiptFile.hash(json(undoReceipt));
            z.log().clear();

            LiveApplyFixture.Run again = LiveApplyFixture.run(
                    z.time(),
                    LiveApplyFixture.ENV,
                    "undo",
                    "--receipt",
                    undoReceipt.toString(),
                    "--out",
                    dir.resolve("undo-of-undo.json").toString(),
                    "--config",
                    fx.config(z).toString(),
                    "--apply",
                    "--confirm-receipt-hash",
                    undoHash);

            assertThat(again.code()).as(again.out()).isEqualTo(3);
            assertThat(again.err()).contains("an undo receipt, not an apply receipt");
            assertThat(z.log().all()).isEmpty();
        }
    }

    /** Applies the whole plan live from its own folder; returns the receipt, with the log cleared. */
    private static Path applied(ZendeskEmulator z, String name) {
        Path plan = fx.plan(name);
        LiveApplyFixture.Run r = fx.applyLive(z, plan);
        assertThat(r.code()).as(r.err()).isZero();
        z.log().clear();
        return plan.resolveSibling("apply_receipt.json");
    }

    /** The receipt line of the first assign_user_to_org that created a membership. */
    private static JsonNode firstCreatedMembership(Path receipt) {
        return StreamSupport.stream(json(receipt).path("results").spliterator(), false)
                .filter(n -> n.path("action_code").asText().equals("assign_user_to_org"))
                .filter(n -> n.path("after").path("membership_id").isNumber())
                .findFirst()
                .orElseThrow();
    }

    static JsonNode result(JsonNode receipt, String actionId) {
        for (JsonNode n : receipt.path("results")) {
            if (n.path("action_id").asText().equals(actionId)) {
                return n;
            }
        }
        throw new AssertionError("no result for " + actionId + " in " + receipt);
    }
}
