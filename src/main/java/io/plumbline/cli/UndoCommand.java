package io.plumbline.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.ActionResult;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.apply.ResultStatus;
import io.plumbline.apply.Undoer;
import io.plumbline.apply.ZendeskWrites;
import io.plumbline.artifacts.NextCommands;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ApplyRefusedException;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plumbline undo}: reverse the applied results of a receipt, behind the same dry run and hash gate. */
@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        description = {
            "Reverse every applied action of an apply receipt from its recorded before value (clear a set "
                    + "external_id, remove an added domain, delete a created membership, restore the previous default "
                    + "org), newest first. Each inverse re-checks that nothing changed since; a changed value is skipped.",
            "The receipt of an apply that did not finish also names the writes it had in flight: undo reads Zendesk "
                    + "and reverses each one that landed, unless a later apply of the plan lists it as its own.",
            "Dry run by default; live only with --apply and --confirm-receipt-hash equal to the receipt's hash "
                    + "(printed by apply and by an undo dry run).",
            "",
            "Examples:",
            "  plumbline undo --receipt artifacts/plumbline/RUN/apply_receipt.json",
            "  plumbline undo --receipt artifacts/plumbline/RUN/apply_receipt.json \\",
            "      --apply --confirm-receipt-hash <hash>"
        })
final class UndoCommand implements Callable<Integer> {
    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--receipt",
            required = true,
            paramLabel = "FILE",
            description = "An apply_receipt.json from a live apply (or the folder that holds it).")
    Path receipt;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config naming the Zendesk to use (default: plumbline.yaml in the current folder).")
    Path config;

    @Option(names = "--apply", description = "Write the inverses to Zendesk (needs --confirm-receipt-hash).")
    boolean live;

    @Option(
            names = "--confirm-receipt-hash",
            paramLabel = "HASH",
            description = "The receipt_hash of the receipt you reviewed.")
    String confirmHash;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the undo receipt (default: undo_receipt.json beside the receipt).")
    Path out;

    @Mixin
    CommonOptions common = new CommonOptions();

    UndoCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (Files.isDirectory(receipt)) {
            receipt = receipt.resolve("apply_receipt.json");
        }
        requireFile(receipt);
        if (out != null
                && out.toAbsolutePath()
                        .normalize()
                        .equals(receipt.toAbsolutePath().normalize())) {
            throw new ConfigException(
                    "--out " + out + " is the receipt being undone; write the undo's receipt elsewhere");
        }
        if (out != null) {
            out = ReceiptArchive.target(out, "undo_receipt.json", Set.of("undo", "undo_dry_run"), "--out");
        }
        Path folder = receipt.toAbsolutePath().getParent();
        if (out == null && !Files.isWritable(folder)) {
            throw new ConfigException(folder + " cannot be written, and the undo's receipt goes beside " + receipt
                    + " unless --out FILE names another place");
        }
        // an apply still writing this receipt has writes in flight that undo would take for stopped ones
        ReceiptArchive.Held held;
        try {
            held = ReceiptArchive.holdToRead(receipt);
        } catch (IOException e) {
            throw new InputException(receipt.toString(), 0, 0, "cannot lock the receipt: " + e.getMessage(), e);
        } catch (ApplyRefusedException e) {
            throw new ApplyRefusedException(receipt + " is held by another run (an apply still writing it, or another "
                    + "undo of it); run this once that run has finished");
        }
        try (held) {
            return undo();
        }
    }

    private int undo() {
        JsonNode source = read(receipt);
        String hash = ReceiptFile.hash(source);
        String recorded = ReceiptFile.recordedHash(source);
        if (!recorded.isEmpty() && !recorded.equalsIgnoreCase(hash)) {
            throw new ApplyRefusedException(receipt + ": the receipt's content does not match its receipt_hash "
                    + "(recorded " + recorded + ", content hashes to " + hash + "); it was edited after the apply "
                    + "wrote it. Undo reverses only a receipt as apply wrote it.");
        }
        if (live && (confirmHash == null || !confirmHash.strip().equalsIgnoreCase(hash))) {
            // as for a plan, the refusal does not print the hash: it is taken from the dry run that shows what is
            // undone
            throw new ApplyRefusedException("--apply needs --confirm-receipt-hash with the hash of " + receipt + " ("
                    + (confirmHash == null ? "none was given" : confirmHash.strip() + " does not match it")
                    + "): review the inverses with a dry run (undo --receipt " + receipt + " without --apply) and "
                    + "confirm the hash its readout names");
        }
        if (!live && confirmHash != null) {
            ctx.err()
                    .println("note: --confirm-receipt-hash only takes effect with --apply; this is a dry run and "
                            + "nothing is written to Zendesk");
        }
        if (live && source.path("demo").asBoolean(false)) {
            throw new ApplyRefusedException(receipt + ": this receipt is from a demo plan, which is dry-run only; "
                    + "there is nothing in Zendesk to undo");
        }
        // writes that may have landed unrecorded: those in flight when the apply stopped, and those it left
        // unconfirmed; each is settled from Zendesk's records, and reversed when it is there
        List<ActionResult> unconfirmed;
        List<ActionResult> inFlight;
        List<ActionResult> results;
        try {
            unconfirmed = ReceiptFile.unconfirmed(source);
            inFlight = new ArrayList<>(unconfirmed);
            inFlight.addAll(ReceiptFile.inFlight(source));
            results = ReceiptFile.results(source);
        } catch (ReceiptFile.UnreadableResult e) {
            throw new InputException(
                    receipt.toString(),
                    0,
                    0,
                    e.getMessage() + "; apply never writes that, so the receipt was edited by hand. Undo reverses "
                            + "only a receipt as apply wrote it.",
                    e);
        }
        // a write of this receipt that a later apply of the plan made again (after an undo) is that run's now
        Set<String> inFlightIds = new HashSet<>();
        inFlight.forEach(r -> inFlightIds.add(r.actionId()));
        Set<String> ours = new HashSet<>(inFlightIds);
        results.stream().filter(r -> r.status() == ResultStatus.APPLIED).forEach(r -> ours.add(r.actionId()));
        Map<String, String> appliedLater =
                ours.isEmpty() ? new TreeMap<>() : new TreeMap<>(ReceiptArchive.appliedByLaterRuns(receipt, source));
        appliedLater.keySet().retainAll(ours);
        warnIfUnfinished(source, appliedLater, inFlightIds);
        warnIfUnconfirmed(unconfirmed);
        if (ours.isEmpty()) {
            // nothing was written, so there is nothing to read, check or reverse: no credentials needed
            ctx.out()
                    .println("Nothing to undo: " + receipt + " holds no applied action"
                            + (source.path("mode").asText().equals("dry_run")
                                    ? " (it is the receipt of a dry run, which wrote nothing; the receipt of every "
                                            + "live apply is kept in " + ReceiptArchive.keptBeside(receipt) + ")"
                                    : "")
                            + ".");
            List<Path> wrote = ReceiptArchive.wroteElsewhere(receipt, source);
            if (!wrote.isEmpty()) {
                ctx.out().println("These receipts of live applies beside it did write; undo one of them:");
                wrote.forEach(
                        p -> ctx.out().println("  " + ProgramName.get() + " undo --receipt " + NextCommands.word(p)));
            }
            ctx.out().flush();
            return 0;
        }
        boolean demo = source.path("demo").asBoolean(false);
        // only a demo receipt is undone without a config; any other needs the Zendesk a config names
        PlumblineConfig cfg = ConfigLoader.loadGiven(config, !demo);
        String instance = demo ? "" : cfg.zendesk().instance();
        String wrote = source.path("zendesk").asText("");
        if (!demo && !wrote.isEmpty() && !wrote.equalsIgnoreCase(instance)) {
            throw new ApplyRefusedException(receipt + ": this apply wrote to the Zendesk at " + wrote
                    + ", but the config points at " + instance + ". Undo it with the config of " + wrote + ".");
        }
        if (!demo && wrote.isEmpty() && live) {
            ctx.err()
                    .println("note: " + receipt + " does not say which Zendesk its apply wrote to (an older receipt); "
                            + "the inverses go to " + instance);
        }
        ZendeskWrites zendesk = ZendeskConnections.open(demo, live, cfg, ctx, common.quiet);
        Instant started = ctx.clock().instant();
        Path target = out != null ? out : receipt.toAbsolutePath().getParent().resolve("undo_receipt.json");
        ReceiptFile undoReceipt;
        String undoHash;
        try (ReceiptArchive.Held writes = live
                        ? holdInverses(
                                hash, instance, source.path("source_plan_hash").asText(""))
                        : () -> {};
                ReceiptArchive.Held held = hold(target)) {
            EarlierJobs.check(zendesk, receipt, live, ctx.err());
            keepUnfinished(target);
            // read before this run's receipt replaces the one at the target
            Set<String> undoneBefore = ReceiptArchive.undoneBefore(receipt, target, hash);
            Map<String, Instant> undoneMaybe = ReceiptArchive.undoneMaybe(receipt, target, hash);
            String runId = freshRunId(target, started, live ? "undo" : "undo_dry_run");
            String kept = live ? pointBesideTheReceipt(target, runId, hash, started) : null;
            try {
                undoReceipt = new ReceiptFile(target, header(source, hash, runId, started, instance));
                Undoer undoer = new Undoer(zendesk).undoneBefore(undoneBefore).undoneMaybe(undoneMaybe);
                ReceiptFile.finishedAt(source)
                        .ifPresent(finished -> undoer.applyFinished(finished, ReceiptFile.sentAlone(source)));
                undoer.run(results, inFlight, appliedLater.keySet(), live, undoReceipt);
                undoHash = undoReceipt.finish(ctx.clock().instant().toString());
                ReceiptArchive.archiveOrSay(target, runId, "undo", ctx.err());
                if (kept != null) {
                    keepBesideTheReceipt(target, runId, kept);
                }
            } finally {
                ReceiptArchive.release(target, runId);
                if (kept != null) {
                    ReceiptArchive.release(receipt, kept);
                }
            }
        }
        ApplyReadout.print(
                ctx.out(),
                undoReceipt.json(),
                undoReceipt.results(),
                undoHash,
                target,
                null,
                false,
                common.quiet,
                ApplyReadout.NextWords.NONE);
        if (!live && !common.quiet) {
            ctx.out().println();
            if (undoReceipt.results().stream().anyMatch(ActionResult::stopped)) {
                ctx.out()
                        .println("The run stopped before every inverse was checked (the error below says why): run "
                                + "the same dry run again once Zendesk answers.");
            } else if (undoReceipt.json().path("counts").path("would_apply").asInt() == 0) {
                ctx.out()
                        .println("Nothing to undo: " + receipt + " holds no applied action that can be reversed "
                                + "now.");
            } else {
                ctx.out().println("Next, to write these inverses (confirm with the hash of " + receipt + "):");
                ctx.out()
                        .println("  " + ProgramName.get() + " undo --receipt " + NextCommands.word(receipt)
                                + NextOptions.repeated(spec, Set.of("--receipt", "--apply", "--confirm-receipt-hash"))
                                + " --apply --confirm-receipt-hash " + hash);
            }
        }
        ctx.out().flush();
        return ApplyReadout.exitCode(undoReceipt.json(), ctx.err());
    }

    /**
     * An unfinished apply's receipt is undone as far as it goes, and a write it had in flight is undone
     * too when Zendesk holds it (read first, as an applied result's state is).
     */
    private void warnIfUnfinished(JsonNode source, Map<String, String> appliedLater, Set<String> inFlightIds) {
        if (!source.path("complete").asBoolean(true)) {
            ctx.err()
                    .println("warning: " + receipt
                            + " is from an apply that did not finish; its applied results are undone");
        }
        String writing = ReceiptArchive.inFlight(source);
        if (!writing.isEmpty()) {
            boolean many = writing.contains(",");
            ctx.err()
                    .println("warning: " + writing + (many ? " were" : " was")
                            + " being written when that apply stopped and may have reached Zendesk; this undo "
                            + "reads Zendesk and reverses " + (many ? "each one that did" : "it if it did")
                            + " (" + Undoer.IN_FLIGHT_NOT_IN_EFFECT + " otherwise)");
        }
        appliedLater.forEach((action, run) -> ctx.err()
                .println("note: " + action + " is listed as applied by the later run " + run
                        + "; this undo leaves it to that run's receipt (skipped, "
                        + (inFlightIds.contains(action)
                                ? Undoer.IN_FLIGHT_APPLIED_BY_LATER_RUN
                                : Undoer.APPLIED_BY_LATER_RUN)
                        + ")"));
    }

    /** A write the apply left unconfirmed may have landed too, and is settled as one in flight is. */
    private void warnIfUnconfirmed(List<ActionResult> unconfirmed) {
        if (unconfirmed.isEmpty()) {
            return;
        }
        boolean many = unconfirmed.size() > 1;
        ctx.err()
                .println("warning: "
                        + String.join(
                                ", ",
                                unconfirmed.stream().map(ActionResult::actionId).toList())
                        + (many ? " were" : " was") + " left unconfirmed by that apply and may have reached Zendesk; "
                        + "this undo reads Zendesk and reverses " + (many ? "each one that did" : "it if it did")
                        + " (" + Undoer.IN_FLIGHT_NOT_IN_EFFECT + " otherwise; " + Undoer.IN_FLIGHT_FOUND_MADE_LATER
                        + " for a membership written on its own, not in a bulk job, that Zendesk made after that "
                        + "apply finished)");
    }

    /**
     * A live undo written elsewhere ({@code --out}) is named in the undone receipt's {@code applies/} too,
     * under a name reserved there, before it writes anything: a later undo of that receipt from its own
     * folder looks there for what earlier undos reversed or were writing when stopped, and would otherwise
     * write an inverse again over a value set since. While it runs (or when it was stopped) the entry
     * points at the receipt it writes ({@code written_to}); once finished it is a copy of it. Null when
     * the undo is written in that folder anyway; said, not fatal, when it cannot be kept.
     */
    private String pointBesideTheReceipt(Path target, String runId, String hash, Instant started) {
        Path home = ReceiptArchive.dir(receipt);
        if (home.equals(ReceiptArchive.dir(target))) {
            return null;
        }
        try {
            String kept = ReceiptArchive.freshRunId(receipt, started, "undo");
            ObjectNode pointer = ReceiptFile.MAPPER.createObjectNode();
            pointer.put("run_id", runId);
            pointer.put("mode", "undo");
            pointer.put("source_receipt_hash", hash);
            pointer.put("started_at", started.toString());
            pointer.put("complete", false);
            pointer.put("written_to", target.toAbsolutePath().normalize().toString());
            AtomicFiles.replaceDurably(
                    home.resolve(kept + ".json"), p -> Files.writeString(p, pointer.toPrettyString() + "\n"));
            return kept;
        } catch (IOException e) {
            cannotKeep(home, target, e);
            return null;
        }
    }

    /** The finished undo receipt in place of its entry beside the undone receipt ({@link #pointBesideTheReceipt}). */
    private void keepBesideTheReceipt(Path target, String runId, String kept) {
        Path home = ReceiptArchive.dir(receipt);
        Path finished = ReceiptArchive.dir(target).resolve(runId + ".json");
        try {
            // whole or not at all: another undo of the receipt may read the folder meanwhile
            AtomicFiles.replaceDurably(
                    home.resolve(kept + ".json"), p -> Files.copy(finished, p, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            cannotKeep(home, target, e);
        }
    }

    private void cannotKeep(Path home, Path target, IOException e) {
        ctx.err()
                .println("warning: cannot keep this undo's receipt in " + home + " (" + e.getMessage() + "); a later"
                        + " undo of " + receipt + " from there will not know what this one reversed: undo it with"
                        + " --out " + target);
    }

    private static String freshRunId(Path target, Instant started, String kind) {
        try {
            return ReceiptArchive.freshRunId(target, started, kind);
        } catch (IOException e) {
            throw new InputException(
                    target.toString(), 0, 0, "cannot reserve a run id beside the receipt: " + e.getMessage(), e);
        }
    }

    /**
     * Holds the receipt's live inverses against another live undo of it (or of a copy), and its plan against
     * a live apply of that plan, on this machine: a re-apply writing meanwhile would look like the
     * receipt's own writes.
     */
    private ReceiptArchive.Held holdInverses(String hash, String instance, String planHash) {
        ReceiptArchive.Held inverses = ReceiptArchive.holdWrites(
                "undo",
                instance,
                hash,
                "another plumbline run is undoing this apply right now (of " + receipt + " or of a copy of it);"
                        + " wait for it to finish, then dry-run the undo again",
                w -> ctx.err().println("warning: " + w));
        if (planHash.isEmpty()) {
            return inverses;
        }
        try {
            ReceiptArchive.Held plan = ReceiptArchive.holdWrites(
                    "apply",
                    instance,
                    planHash,
                    "a plumbline run is applying the plan of " + receipt + " right now; wait for it to finish,"
                            + " then dry-run the undo again",
                    w -> {}); // said once already, for the undo's own lock
            return () -> {
                plan.close();
                inverses.close();
            };
        } catch (RuntimeException e) {
            inverses.close();
            throw e;
        }
    }

    private static ReceiptArchive.Held hold(Path target) {
        try {
            return ReceiptArchive.hold(target);
        } catch (IOException e) {
            throw new InputException(target.toString(), 0, 0, "cannot lock the receipt: " + e.getMessage(), e);
        }
    }

    private void keepUnfinished(Path target) {
        try {
            ReceiptArchive.keepUnfinished(target, ctx.err());
        } catch (IOException e) {
            throw new InputException(
                    target.toString(), 0, 0, "cannot keep the unfinished receipt: " + e.getMessage(), e);
        }
    }

    private ObjectNode header(JsonNode source, String hash, String runId, Instant started, String instance) {
        ObjectNode h = ReceiptFile.MAPPER.createObjectNode();
        h.put("run_id", runId);
        h.put("source_receipt_path", receipt.toString());
        h.put("source_receipt_hash", hash);
        h.put("source_plan_hash", source.path("source_plan_hash").asText());
        h.put("mode", live ? "undo" : "undo_dry_run");
        h.put("demo", source.path("demo").asBoolean(false));
        if (!instance.isEmpty()) {
            h.put("zendesk", instance);
        }
        h.put("started_at", started.toString());
        h.put("complete", false);
        return h;
    }

    /** A receipt path that names no file is a usage error (exit 2), as a missing --plan is. */
    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": file not found; pass the apply_receipt.json of a live apply");
        }
    }

    private static JsonNode read(Path file) {
        requireFile(file);
        try {
            JsonNode n = ReceiptFile.MAPPER.readTree(Files.readString(file));
            if (n == null || !n.isObject() || !n.has("results")) {
                throw new InputException(file.toString(), 0, 0, "not an apply receipt (no results)");
            }
            String mode = n.path("mode").asText();
            if (mode.startsWith("undo")) {
                throw new InputException(
                        file.toString(),
                        0,
                        0,
                        "an undo receipt, not an apply receipt: undo reverses an apply; to redo what an undo "
                                + "reversed, audit again and apply the new plan");
            }
            if (!mode.equals("apply") && !mode.equals("dry_run")) {
                throw new InputException(
                        file.toString(),
                        0,
                        0,
                        "not an apply receipt (mode '" + mode + "'; an apply writes apply or dry_run)");
            }
            return n;
        } catch (JacksonException e) {
            throw JsonErrors.malformed(file.toString(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read the receipt: " + e.getMessage(), e);
        }
    }
}
