package io.plumbline.artifacts;

import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Issue;
import io.plumbline.detect.IssueCode;
import io.plumbline.detect.Scope;
import io.plumbline.model.Texts;
import io.plumbline.resolve.AccountOutcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** summary.md: the 30-second readout of one run, for a person. */
public final class SummaryMarkdown {
    private static final int QUEUE_ROWS = 15;
    /** Input warnings listed in the summary; receipt.json holds them all. */
    static final int WARNINGS_SHOWN = 10;

    private SummaryMarkdown() {}

    public static String render(AuditResult result, SummaryFacts f, RunInfo run, Path runDir) {
        StringBuilder md = new StringBuilder();
        md.append("# Plumbline audit ").append(run.runId()).append("\n\n");
        md.append(
                run.demo()
                        ? "Demo run on the bundled fixtures: the plan is dry-run only.\n"
                        : "Input: " + run.inputKind() + " " + code(run.inputPath())
                                + (result.plan().demo() ? ", the demo fixtures: the plan is dry-run only" : "") + "\n");
        md.append("As of ")
                .append(result.resolution().snapshot().asOf())
                .append(", ticket lookback ")
                .append(result.resolution().settings().ticketLookbackDays())
                .append(" days.\n\n");
        cards(md, Cards.of(f));
        inputs(md, f, result.resolution().warnings());
        orphans(md, result.issues());
        domains(md, result.issues());
        corrupted(md, result.issues());
        queue(md, f);
        actions(md, f);
        md.append("## plan_hash\n\n`").append(result.plan().planHash()).append("`\n\n## Next\n\n");
        List<String[]> nextCommands = NextCommands.of(
                "plumbline",
                runDir,
                f.rollups().isEmpty() ? null : f.rollups().get(0).accountId().value(),
                f.prepared() > 0,
                run.config());
        for (String[] next : nextCommands) {
            md.append("- ").append(next[0]).append(": ").append(code(next[1])).append('\n');
        }
        if (nextCommands.isEmpty()) {
            md.append(NextCommands.NOTHING).append('\n');
        }
        return md.toString();
    }

    private static void cards(StringBuilder md, Cards c) {
        md.append(
                        "| Total issues | Orphan orgs | Domain mismatches | Corrupted fields | Prepared actions | Blocked actions |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %d | %d |\n\n",
                        c.totalIssues(),
                        c.orphanOrgs(),
                        c.domainMismatches(),
                        c.corruptedFields(),
                        c.prepared(),
                        c.blocked()));
    }

    private static void inputs(StringBuilder md, SummaryFacts f, List<String> warnings) {
        var in = f.inputs();
        md.append("## Inputs and resolution\n\n");
        md.append(String.format(
                Locale.ROOT,
                "- Salesforce: %s, %s\n",
                plural(in.get("accounts"), "account"),
                plural(in.get("contacts"), "contact")));
        md.append(String.format(
                Locale.ROOT,
                "- Zendesk: %s, %s, %s, %s (%d in the window)\n",
                plural(in.get("organizations"), "org"),
                plural(in.get("users"), "user"),
                plural(in.get("memberships"), "membership"),
                plural(in.get("tickets"), "ticket"),
                in.get("tickets_in_window")));
        md.append(String.format(
                Locale.ROOT,
                "- Accounts: %d resolved, %d blocked by a duplicate external_id, %d blocked by conflicting org links, %d without a Zendesk org\n",
                f.outcomes().get(AccountOutcome.RESOLVED),
                f.outcomes().get(AccountOutcome.BLOCKED_DUPLICATE),
                f.outcomes().get(AccountOutcome.CONFLICT),
                f.outcomes().get(AccountOutcome.NO_ORG)));
        for (Scope s : Scope.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "- %s issues: %d%s\n",
                    capital(s.code()),
                    f.issuesByScope().get(s),
                    f.issuesByScope().get(s) == 0 ? "" : " (" + f.breakdown(s) + ")"));
        }
        if (!warnings.isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "- Input warnings: %d (all in receipt.json)%s\n",
                    warnings.size(),
                    warnings.size() > WARNINGS_SHOWN ? ", the first " + WARNINGS_SHOWN + ":" : ":"));
            warnings.stream()
                    .limit(WARNINGS_SHOWN)
                    .forEach(w -> md.append("  - ").append(escape(w)).append('\n'));
        }
        md.append('\n');
    }

    private static void orphans(StringBuilder md, List<Issue> issues) {
        md.append("## Orphan orgs\n\n");
        md.append(
                "Orgs whose external_id links no Salesforce account: those an account resolves to all the same "
                        + "(org_missing_external_id; the plan sets the id) and those no account resolves to (org_orphaned).\n\n");
        table(
                md,
                issues,
                Set.of(IssueCode.ORG_ORPHANED, IssueCode.ORG_MISSING_EXTERNAL_ID),
                "| org | account | issue | evidence |\n|---|---|---|---|\n",
                i -> row(
                        i.orgId(),
                        i.accountId() == null ? "" : i.accountId() + " " + i.accountName(),
                        i.code().code(),
                        i.evidence()));
    }

    private static void domains(StringBuilder md, List<Issue> issues) {
        md.append("## Domain mismatches\n\n");
        table(
                md,
                issues,
                Set.of(IssueCode.ORG_MISSING_EXPECTED_DOMAIN, IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE),
                "| account | org | have | missing | status |\n|---|---|---|---|---|\n",
                i -> row(
                        i.accountId() + " " + i.accountName(),
                        i.orgId(),
                        i.currentValue(),
                        i.expectedValue(),
                        i.code().status().code()
                                + (i.code().blockedReason().isEmpty()
                                        ? ""
                                        : ": " + i.code().blockedReason())));
    }

    private static void corrupted(StringBuilder md, List<Issue> issues) {
        md.append("## Corrupted Salesforce fields\n\n");
        table(
                md,
                issues,
                Set.of(IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED),
                "| account | value | problem |\n|---|---|---|\n",
                i -> row(i.accountId() + " " + i.accountName(), i.currentValue(), i.evidence()));
    }

    private static void queue(StringBuilder md, SummaryFacts f) {
        md.append("## Review queue (exceptions_by_account.csv, worst first)\n\n");
        if (f.rollups().isEmpty()) {
            md.append("No account has an issue.\n\n");
            return;
        }
        md.append("Worst first: by the highest risk among an account's issues (critical, high, medium, low), then "
                + "by blocked actions, then by issues. The org column counts the account's own issues and its orgs' "
                + "issues; orgs that no account resolves to are listed under Orphan orgs.\n\n");
        md.append("| account | name | org | user | ticket | total | prepared | blocked | top issue codes |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        f.rollups().stream().limit(QUEUE_ROWS).forEach(r -> md.append(row(Arrays.copyOf(r.cells(), 9))));
        if (f.rollups().size() > QUEUE_ROWS) {
            md.append("\n")
                    .append(f.rollups().size() - QUEUE_ROWS)
                    .append(" more accounts in exceptions_by_account.csv.\n");
        }
        md.append('\n');
    }

    private static void actions(StringBuilder md, SummaryFacts f) {
        md.append("## Fix plan\n\n- Prepared (safe to apply): ")
                .append(f.prepared())
                .append('\n');
        f.preparedByCode()
                .forEach((code, n) -> md.append("  - ")
                        .append(code.code())
                        .append(": ")
                        .append(n)
                        .append('\n'));
        md.append("- Blocked (review-only): ").append(f.blocked()).append('\n');
        f.blockedByReason()
                .forEach((reason, n) ->
                        md.append("  - ").append(reason).append(": ").append(n).append('\n'));
        md.append('\n');
    }

    private static void table(
            StringBuilder md, List<Issue> issues, Set<IssueCode> codes, String header, Function<Issue, String> row) {
        List<Issue> rows = issues.stream().filter(i -> codes.contains(i.code())).toList();
        if (rows.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append(header);
        rows.stream().limit(TABLE_ROWS).forEach(i -> md.append(row.apply(i)));
        if (rows.size() > TABLE_ROWS) {
            // a summary stays one to read: a tenant's hundred thousand orphan orgs are in the CSVs
            md.append("\n").append(rows.size() - TABLE_ROWS).append(" more in org_issues.csv.\n");
        }
        md.append('\n');
    }

    /** The most rows a table of issues shows; the CSVs hold them all. */
    static final int TABLE_ROWS = 50;

    /** The most characters of one cell a table shows; the CSVs hold the whole value. */
    static final int MAX_CELL = 300;

    private static String row(Object... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (Object c : cells) {
            sb.append(' ')
                    .append(escape(shortened(c == null ? "" : c.toString())))
                    .append(" |");
        }
        return sb.append('\n').toString();
    }

    /** {@code s}, cut after {@link #MAX_CELL} characters (never inside a character) with an ellipsis. */
    static String shortened(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_CELL) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_CELL - 1)) + "\u2026";
    }

    static String escape(String s) {
        // a line break keeps the table row whole as a space; any other control character is shown as an
        // escape, so reading the file in a terminal cannot drive it; brackets are escaped so a name cannot
        // turn into a link with text of its choosing or an image a viewer fetches
        return Texts.shown(s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '))
                .replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace("`", "\\`")
                .replace("[", "\\[")
                .replace("]", "\\]");
    }

    /**
     * {@code s} as a Markdown code span, which shows every character but a backtick as it is: fenced by
     * one backtick more than its longest run of them, with its control characters shown as escapes.
     */
    static String code(String s) {
        String text = Texts.shown(s);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
