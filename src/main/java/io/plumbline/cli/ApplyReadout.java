package io.plumbline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.apply.ActionResult;
import io.plumbline.apply.Applier;
import io.plumbline.apply.PlanFile;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.apply.ResultStatus;
import io.plumbline.artifacts.NextCommands;
import io.plumbline.errors.ExitCodes;
import io.plumbline.model.Texts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/** The terminal readout of an apply or undo: mode, counts, one line per action, the receipt and what next. */
final class ApplyReadout {
    private ApplyReadout() {}

    static void print(
            PrintWriter out,
            JsonNode receipt,
            List<ActionResult> results,
            String receiptHash,
            Path receiptPath,
            PlanFile plan,
            boolean stale,
            boolean quiet,
            NextWords nextWords) {
        String mode = receipt.path("mode").asText();
        out.println("Mode: " + mode + (mode.contains("dry_run") ? " (nothing was written to Zendesk)" : ""));
        if (!quiet) {
            boolean undo = mode.startsWith("undo");
            for (ActionResult r : results) {
                String change = undo ? undone(r) : change(r);
                out.printf(
                        Locale.ROOT,
                        "  %s %-20s %-11s %s%s%s%n",
                        Texts.shown(r.actionId()),
                        r.code().code(),
                        r.status().code(),
                        Texts.shown(r.accountId()),
                        change.isEmpty() ? "" : "  " + change,
                        r.reason().isEmpty() ? "" : "  (" + Texts.shown(r.reason()) + ")");
            }
        }
        JsonNode c = receipt.path("counts");
        out.printf(
                Locale.ROOT,
                "Counts: attempted %d, applied %d, would_apply %d, blocked %d, skipped %d, failed %d%n",
                c.path("attempted").asInt(),
                c.path("applied").asInt(),
                c.path("would_apply").asInt(),
                c.path("blocked").asInt(),
                c.path("skipped").asInt(),
                c.path("failed").asInt());
        out.println("Receipt: " + receiptPath);
        // a dry run's receipt has nothing to undo, so its hash is not shown as if it gated something; an undo
        // receipt's own hash gates nothing either (undo never reverses an undo), so it is named apart from
        // the receipt_hash that --confirm-receipt-hash takes
        if (!mode.contains("dry_run")) {
            out.println((mode.startsWith("undo") ? "undo_receipt_hash: " : "receipt_hash: ") + receiptHash);
        }
        if (!quiet && plan != null) {
            next(out, mode, plan, stale, receiptPath, receiptHash, receipt, results, nextWords);
        }
        out.flush();
    }

    /**
     * What an action writes, in a few words, so the hash is confirmed knowing it: {@code org 9001
     * external_id = 001ACME001}, {@code org 9009 + domain bvhs.example}, {@code user 7006 + member of org
     * 9005}, {@code user 7004 default org = 9006}; empty for a row that writes nothing.
     */
    static String change(ActionResult r) {
        if (!writes(r)) {
            return "";
        }
        String value = Texts.shown(r.value());
        return switch (r.code()) {
            case SET_ORG_EXTERNAL_ID -> "org " + r.orgId() + " external_id = " + value;
            case ADD_ORG_DOMAIN -> "org " + r.orgId() + " + domain " + value;
            case ASSIGN_USER_TO_ORG -> "user " + r.userId() + " + member of org " + value;
            case MOVE_USER_TO_ORG -> "user " + r.userId() + " default org = " + value;
        };
    }

    /**
     * What an undo's inverse writes, in as few words: {@code org 9001 external_id 001ACME001 -> blank},
     * {@code org 9009 - domain bvhs.example}, {@code user 7006 - member of org 9005}, {@code user 7004
     * default org back from 9006}; empty for a row that writes nothing.
     */
    static String undone(ActionResult r) {
        if (!writes(r)) {
            return "";
        }
        String value = Texts.shown(r.value());
        return switch (r.code()) {
            case SET_ORG_EXTERNAL_ID -> "org " + r.orgId() + " external_id " + value + " -> blank";
            case ADD_ORG_DOMAIN -> "org " + r.orgId() + " - domain " + value;
            case ASSIGN_USER_TO_ORG -> "user " + r.userId() + " - member of org " + value;
            case MOVE_USER_TO_ORG -> "user " + r.userId() + " default org back from " + value;
        };
    }

    /** Whether the row writes (or would): a blocked, capped or skipped one does not, and its value would read as a write. */
    private static boolean writes(ActionResult r) {
        return (r.status() == ResultStatus.WOULD_APPLY
                        || r.status() == ResultStatus.APPLIED
                        || r.status() == ResultStatus.FAILED)
                && !r.value().isEmpty();
    }

    /**
     * 0, or 4 when any action failed (Zendesk refused it, or did not answer after retries) or the run
     * stopped, for Zendesk's rate limit, Zendesk out of reach or credentials Zendesk refused (the actions
     * left are skipped, {@value ActionResult#RATE_LIMITED}, {@value ActionResult#UNREACHABLE} or {@value
     * ActionResult#CREDENTIALS_REFUSED}): the receipt is complete, but
     * a script must not take it for a clean run.
     */
    static int exitCode(JsonNode receipt, PrintWriter err) {
        int failed = receipt.path("counts").path("failed").asInt();
        int attempted = receipt.path("counts").path("attempted").asInt();
        long limited = skipped(receipt, ActionResult.RATE_LIMITED);
        long unreachable = skipped(receipt, ActionResult.UNREACHABLE);
        long refused = skipped(receipt, ActionResult.CREDENTIALS_REFUSED);
        if (failed == 0 && limited == 0 && unreachable == 0 && refused == 0) {
            return ExitCodes.OK;
        }
        boolean dry = receipt.path("mode").asText().contains("dry_run");
        if (failed > 0) {
            boolean othersWent = limited + unreachable + refused == 0 && failed < attempted;
            err.println("error: " + failed + (failed == 1 ? " action" : " actions")
                    + " failed (the reasons are in the receipt)" + (othersWent ? "; the others went ahead" : "")
                    + ". Fix the cause, then run the same command again: what is already in effect is skipped.");
        }
        if (unreachable > 0) {
            err.println(stopped(
                    "Zendesk could not be reached, so the run stopped",
                    unreachable,
                    dry,
                    ActionResult.UNREACHABLE + "; the first one's reason says what failed",
                    "Check the network and zendesk.subdomain (or zendesk.base_url)"));
        }
        if (refused > 0) {
            err.println(stopped(
                    "Zendesk refused the credentials, so the run stopped",
                    refused,
                    dry,
                    ActionResult.CREDENTIALS_REFUSED + "; the first one's reason says what Zendesk answered",
                    "Renew the token, or give it the scope named (plumbline doctor checks it)"));
        }
        if (limited > 0) {
            err.println(stopped(
                    "Zendesk's rate limit stopped the run",
                    limited,
                    dry,
                    ActionResult.RATE_LIMITED + "; the first one's reason says what Zendesk answered",
                    "Wait for the limit to lift"));
        }
        err.flush();
        return ExitCodes.REMOTE;
    }

    /** The error line of a run that stopped: what stopped it, the actions left, and what to do. */
    private static String stopped(String what, long left, boolean dry, String skipped, String fix) {
        return "error: " + what + ": " + left + (left == 1 ? " action was" : " actions were")
                + (dry ? " not checked" : " not written") + " (skipped, " + skipped + "). " + fix
                + ", then run the same command again" + (dry ? "." : ": what is already in effect is skipped.");
    }

    /** How many of the receipt's results were skipped for {@code cause} (a reason {@code cause: ...}). */
    private static long skipped(JsonNode receipt, String cause) {
        return StreamSupport.stream(receipt.path("results").spliterator(), false)
                .filter(r -> r.path("status").asText().equals("skipped")
                        && r.path("reason").asText().startsWith(cause + ":"))
                .count();
    }

    private static void next(
            PrintWriter out,
            String mode,
            PlanFile plan,
            boolean stale,
            Path receiptPath,
            String receiptHash,
            JsonNode receipt,
            List<ActionResult> results,
            NextWords nextWords) {
        out.println();
        if (mode.equals("dry_run") && plan.plan().demo()) {
            out.println("Demo plans are dry-run only. Audit your own Zendesk to get a plan you can apply.");
        } else if (mode.equals("dry_run") && results.stream().anyMatch(ActionResult::stopped)) {
            out.println("The run stopped before every action was checked (the error below says why): run the same "
                    + "dry run again once Zendesk answers.");
        } else if (mode.equals("dry_run") && stale) {
            out.println("This plan is too old to apply (see the warning above). Audit again, then dry-run the new "
                    + "plan.");
        } else if (mode.equals("dry_run") && results.stream().noneMatch(r -> r.status() == ResultStatus.WOULD_APPLY)) {
            out.println("Nothing would be written: no action of this run is ready (the reasons are above and in "
                    + "the receipt).");
        } else if (mode.equals("dry_run")) {
            out.println("Next, to write these changes:");
            out.println("  " + ProgramName.get() + " apply --plan " + NextCommands.word(plan.path()) + nextWords.apply()
                    + " --apply --confirm-plan-hash " + plan.plan().planHash());
        } else if (mode.equals("apply")) {
            capped(out, plan, results);
            if (!undoable(receipt, results)) {
                out.println("Nothing was written to Zendesk, so there is nothing to undo.");
                return;
            }
            out.println("To reverse the applied actions (dry run first):");
            out.println(
                    "  " + ProgramName.get() + " undo --receipt " + NextCommands.word(receiptPath) + nextWords.undo());
            out.println("  " + ProgramName.get() + " undo --receipt " + NextCommands.word(receiptPath)
                    + nextWords.undo() + " --apply --confirm-receipt-hash " + receiptHash);
        }
    }

    /**
     * The options the next commands repeat, as shell words with a leading space: {@code apply} those of the
     * dry run for its live apply (its selection, caps and config), {@code undo} those an undo of the apply
     * needs (its config).
     */
    record NextWords(String apply, String undo) {
        static final NextWords NONE = new NextWords("", "");
    }

    /** Whether undo has anything to take back: a write applied, or one whose result was left unconfirmed. */
    private static boolean undoable(JsonNode receipt, List<ActionResult> results) {
        return results.stream().anyMatch(r -> r.status() == ResultStatus.APPLIED)
                || !ReceiptFile.unconfirmed(receipt).isEmpty();
    }

    /**
     * The way on when caps left actions unwritten: a re-run of this plan counts its first actions against
     * the caps again (those written now are then skipped as already in effect), so it never gets further;
     * a new audit's plan holds only what is still to do.
     */
    private static void capped(PrintWriter out, PlanFile plan, List<ActionResult> results) {
        long left = results.stream()
                .filter(r ->
                        r.reason().equals(Applier.CAP_MAX_ACTIONS) || r.reason().equals(Applier.CAP_MAX_PER_ACCOUNT))
                .count();
        if (left == 0) {
            return;
        }
        out.println(left + (left == 1 ? " action was" : " actions were") + " left by the caps (--max-actions, "
                + "--max-per-account). To go on, audit again and apply the new plan, which holds only what is "
                + "still to do, or re-run this plan with higher caps: a re-run with the same caps takes the same "
                + "first actions again (now already in effect) and gets no further.");
        out.println();
    }
}
