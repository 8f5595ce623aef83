package io.plumbline.cli;

import io.plumbline.artifacts.NextCommands;
import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.artifacts.SummaryFacts;
import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Scope;
import io.plumbline.model.Texts;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal readout of an audit: what was read, resolved, found and planned, and what to run next. */
final class AuditReadout {
    /** Input warnings printed; receipt.json holds them all. */
    private static final int WARNINGS_SHOWN = 3;

    private AuditReadout() {}

    static void print(PrintWriter out, AuditResult result, SummaryFacts f, RunInfo run, Path runDir, boolean quiet) {
        if (!quiet) {
            loading(out, f, result);
            resolving(out, f);
            detecting(out, f);
            planning(out, f);
            out.println("Artifacts written to:");
            out.println("  " + runDir + "/");
            out.println("    " + String.join(", ", RunFolderWriter.ARTIFACTS.subList(0, 4)) + ",");
            out.println("    " + String.join(", ", RunFolderWriter.ARTIFACTS.subList(4, 8)) + ",");
            out.println(
                    "    " + String.join(", ", RunFolderWriter.ARTIFACTS.subList(8, RunFolderWriter.ARTIFACTS.size())));
            out.println();
        } else {
            // what a script needs to go on: where the run is, and the hash that apply will ask for
            out.println("run_folder: " + runDir);
        }
        out.println("plan_hash: " + result.plan().planHash());
        if (!quiet) {
            out.println();
            out.println("Next:");
            String top = f.rollups().isEmpty()
                    ? null
                    : f.rollups().get(0).accountId().value();
            List<String[]> nextCommands =
                    NextCommands.of(ProgramName.get(), runDir, top, f.prepared() > 0, run.config());
            for (String[] next : nextCommands) {
                out.println("  " + next[0] + ":");
                out.println("    " + next[1]);
            }
            if (nextCommands.isEmpty()) {
                out.println("  " + NextCommands.NOTHING);
            }
            if (result.plan().demo()) {
                out.println();
                out.println("Demo plans are dry-run only: apply shows what would happen and never writes.");
            }
        }
        out.flush();
    }

    /**
     * The input warnings on the error stream, for the modes that print no readout ({@code --quiet},
     * {@code --json}): a failed export is said where a scheduled job's log keeps it.
     */
    static void warnings(PrintWriter err, AuditResult result, Path runDir) {
        warnings(err, result, "warning: ", runDir.resolve("receipt.json").toString(), "  ");
        err.flush();
    }

    /** The count of input warnings, where they all are, and the first few, each line after {@code lead}. */
    private static void warnings(PrintWriter w, AuditResult result, String lead, String allIn, String indent) {
        List<String> warnings = result.resolution().warnings();
        if (warnings.isEmpty()) {
            return;
        }
        w.printf(
                Locale.ROOT,
                "%s%s (all in %s)%s%n",
                lead,
                plural(warnings.size(), "input warning"),
                allIn,
                warnings.size() > WARNINGS_SHOWN ? ", the first " + WARNINGS_SHOWN + ":" : ":");
        warnings.stream().limit(WARNINGS_SHOWN).forEach(line -> w.println(indent + Texts.shown(line)));
    }

    private static void loading(PrintWriter out, SummaryFacts f, AuditResult result) {
        Map<String, Integer> in = f.inputs();
        out.println("Loading " + (result.plan().demo() ? "fixture data" : "input data") + "...");
        out.printf(
                Locale.ROOT,
                "  %s%s, %s, %s, %s, %s (%dd lookback: %d in window)%n",
                plural(in.get("accounts"), "Salesforce account"),
                in.get("contacts") > 0 ? " (" + plural(in.get("contacts"), "contact") + ")" : "",
                plural(in.get("organizations"), "Zendesk org"),
                plural(in.get("users"), "user"),
                plural(in.get("memberships"), "membership"),
                plural(in.get("tickets"), "ticket"),
                result.resolution().settings().ticketLookbackDays(),
                in.get("tickets_in_window"));
        warnings(out, result, "  ", "receipt.json", "    ");
        out.println();
    }

    private static void resolving(PrintWriter out, SummaryFacts f) {
        out.println("Resolving identities...");
        StringBuilder rules = new StringBuilder();
        f.resolvedByRule()
                .forEach((rule, n) -> rules.append(rules.length() == 0 ? "" : ", ")
                        .append(n)
                        .append(" by ")
                        .append(
                                rule == AccountRule.STORED_ORG_ID
                                        ? "stored org id"
                                        : rule.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        out.printf(
                Locale.ROOT,
                "  %d %s uniquely resolved to Zendesk orgs%s%n",
                f.outcomes().get(AccountOutcome.RESOLVED),
                f.outcomes().get(AccountOutcome.RESOLVED) == 1 ? "account" : "accounts",
                rules.length() == 0 ? "" : " (" + rules + ")");
        line(out, f.outcomes().get(AccountOutcome.BLOCKED_DUPLICATE), "blocked: duplicate external_id");
        line(
                out,
                f.outcomes().get(AccountOutcome.CONFLICT),
                "blocked: conflicting org links (its org carries another external_id, or its stored org id "
                        + "and external_id name different orgs)");
        line(out, f.outcomes().get(AccountOutcome.NO_ORG), "missing a Zendesk org entirely");
        out.println();
    }

    private static void line(PrintWriter out, int n, String what) {
        if (n > 0) {
            out.printf(Locale.ROOT, "  %d account%s %s%n", n, n == 1 ? "" : "s", what);
        }
    }

    private static void detecting(PrintWriter out, SummaryFacts f) {
        out.println("Detecting drift...");
        for (Scope s : new Scope[] {Scope.ACCOUNT, Scope.ORG, Scope.USER, Scope.TICKET}) {
            int n = f.issuesByScope().get(s);
            String label = Character.toUpperCase(s.code().charAt(0)) + s.code().substring(1) + " issues:";
            out.printf(Locale.ROOT, "  %-16s%d%s%n", label, n, n == 0 ? "" : "  (" + f.breakdown(s) + ")");
        }
        out.println();
    }

    private static void planning(PrintWriter out, SummaryFacts f) {
        out.println("Preparing fix plan...");
        out.printf(Locale.ROOT, "  Prepared (safe-to-apply):  %d actions%n", f.prepared());
        f.preparedByCode().forEach((code, n) -> out.printf(Locale.ROOT, "    %-24s %d%n", code.code() + ":", n));
        out.printf(Locale.ROOT, "  Blocked (review-only):     %d actions%n", f.blocked());
        if (!f.blockedByReason().isEmpty()) {
            StringBuilder reasons = new StringBuilder();
            f.blockedByReason()
                    .forEach((r, n) -> reasons.append(reasons.length() == 0 ? "" : ", ")
                            .append(r)
                            .append(" (")
                            .append(n)
                            .append(')'));
            out.println("    top reasons: " + reasons);
        }
        out.println();
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
