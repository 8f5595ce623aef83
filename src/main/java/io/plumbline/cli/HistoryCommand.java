package io.plumbline.cli;

import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.detect.IssueCode;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Texts;
import io.plumbline.store.HistoryDiff;
import io.plumbline.store.IssueKey;
import io.plumbline.store.RunRecord;
import io.plumbline.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline history}: the runs recorded in the local store, the trend, and what changed last time. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Show the audit runs recorded in the local store (oldest first) with their totals and the change from "
                    + "the run before of the same series (the same Zendesk, ticket window and output root, or the "
                    + "demo; the run that audited the latest instant no later than its own), then for the latest "
                    + "run on real inputs the issues that are new, resolved and still open.",
            "",
            "Examples:",
            "  plumbline history",
            "  plumbline history --out ./artifacts/plumbline --limit 10"
        })
final class HistoryCommand implements Callable<Integer> {
    private static final int LIST_KEYS = 20;
    /** The prefix of the codes of ticket-scoped issues, which exist only while their ticket is in the window. */
    private static final String TICKET_CODES = "ticket_";
    /** The codes of the org an account is linked to, checked only while it has one. */
    private static final Set<String> LINKED_ORG_CODES = Set.of(
            IssueCode.ORG_MISSING_EXTERNAL_ID.code(),
            IssueCode.ORG_MISSING_EXPECTED_DOMAIN.code(),
            IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE.code(),
            IssueCode.ORG_EXTERNAL_ID_NOT_CANONICAL.code());
    /** The codes of an account left without one linked org: its other checks wait until it has one. */
    private static final Set<String> UNLINKED_CODES = Set.of(
            IssueCode.ORG_DUPLICATE_EXTERNAL_ID.code(),
            IssueCode.ORG_EXTERNAL_ID_CONFLICT.code(),
            IssueCode.ORG_CLAIM_CONTESTED.code(),
            IssueCode.ACCOUNT_MISSING_ZENDESK_ORG.code());

    private final Context ctx;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output root whose store to read (default: config output.root).")
    Path out;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (default: plumbline.yaml in the current folder).")
    Path config;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "Show the last N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CommonOptions common = new CommonOptions();

    HistoryCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ConfigException("--limit must be 1 or more: " + limit);
        }
        PlumblineConfig cfg = ConfigLoader.loadGiven(config, false);
        Path root = out != null ? out : cfg.resolve(cfg.output().root());
        Path db = cfg.storePath(root);
        if (db.startsWith(root)) {
            RunIds.checkRoot(root); // the store is in the output root (no store.path): a file there is a mistake
        }
        if (!Files.exists(db)) {
            throw new ConfigException(db + ": no history yet; every audit records itself here (unless --no-history)");
        }
        try (RunStore store = RunStore.open(db)) {
            // every run is read, so the first run shown has its change against the run before it too
            List<RunRecord> all = new ArrayList<>(store.runs(Integer.MAX_VALUE));
            Collections.reverse(all);
            List<RunRecord> runs = all.subList(Math.max(0, all.size() - limit), all.size());
            PrintWriter w = ctx.out();
            if (runs.isEmpty()) {
                table(w, all, all.size(), null);
            } else {
                RunRecord newest = runs.get(runs.size() - 1);
                // a demo tried in the production folder does not hide what last night's real run found
                RunRecord real = newest.demo()
                        ? all.stream()
                                .filter(r -> !r.demo())
                                .reduce((a, b) -> b)
                                .orElse(newest)
                        : newest;
                table(w, all, all.size() - runs.size(), real);
                latest(w, store, real);
                if (real != newest) {
                    w.println("(The latest run, " + newest.runId() + ", was on the demo fixtures; `plumbline history`"
                            + " compares the runs on real inputs, and never a demo run with one.)");
                }
            }
            w.flush();
        }
        return 0;
    }

    /**
     * One row per run shown ({@code all} from {@code firstShown}), oldest first. The change is against
     * the previous run history compares it with ({@link RunRecord#comparableWith}: the same Zendesk and
     * ticket window, never the demo with real inputs), shown or not, and the trend is over the shown
     * runs comparable with {@code latest} (the latest on real inputs, when there is one).
     */
    private static void table(PrintWriter w, List<RunRecord> all, int firstShown, RunRecord latest) {
        List<RunRecord> runs = all.subList(firstShown, all.size());
        // runs of several series (another Zendesk, another window, another output root) are compared only
        // within their own: said
        boolean roots = runs.stream()
                        .map(RunRecord::outputRoot)
                        .filter(Objects::nonNull)
                        .distinct()
                        .count()
                > 1;
        Function<RunRecord, String> label =
                r -> seriesLabel(r) + (roots && r.outputRoot() != null ? ", into " + r.outputRoot() : "");
        boolean series = runs.stream().map(label).distinct().count() > 1;
        w.printf(
                Locale.ROOT,
                "%-28s %-20s %-9s %8s %7s %8s %7s %7s%s%n",
                "run",
                "started",
                "input",
                "requests",
                "issues",
                "prepared",
                "blocked",
                "change",
                series ? "  series (compared within)" : "");
        for (int i = firstShown; i < all.size(); i++) {
            RunRecord r = all.get(i);
            RunRecord previous = previous(all, r);
            String change =
                    previous == null ? "" : String.format(Locale.ROOT, "%+d", r.totalIssues() - previous.totalIssues());
            w.printf(
                    Locale.ROOT,
                    "%-28s %-20s %-9s %8d %7d %8d %7d %7s%s%n",
                    r.runId(),
                    r.startedAt().replaceAll("\\.\\d+Z$", "Z"),
                    r.inputKind(),
                    r.requestsUsed(),
                    r.totalIssues(),
                    r.prepared(),
                    r.blocked(),
                    change,
                    series ? "  " + label.apply(r) : "");
        }
        if (latest == null) {
            return;
        }
        List<RunRecord> same =
                runs.stream().filter(r -> r.comparableWith(latest)).toList();
        boolean kindOnly = runs.stream().filter(r -> r.demo() == latest.demo()).allMatch(latest::comparableWith);
        if (same.size() >= 2) {
            int first = same.get(0).totalIssues();
            int last = same.get(same.size() - 1).totalIssues();
            w.printf(
                    Locale.ROOT,
                    "Trend over %d %sruns: %d -> %d issues (%s)%n",
                    same.size(),
                    same.size() == runs.size()
                            ? ""
                            : !kindOnly
                                    ? "comparable (same Zendesk, ticket window and output root) "
                                    : latest.demo() ? "demo " : "non-demo ",
                    first,
                    last,
                    last < first ? "shrinking" : last > first ? "growing" : "flat");
        }
    }

    /** A series as {@code AuditHistory.series} names it. */
    private static final Pattern SERIES =
            Pattern.compile("^zendesk=(\\S*) ticket_lookback_days=(\\S*)(?: as_of=(\\S+))?$");

    /**
     * A run's series in short: {@code acme.zendesk.com, 30-day window}, {@code demo}, or {@code (before
     * series)} for a run recorded before series were.
     */
    static String seriesLabel(RunRecord r) {
        if (r.demo()) {
            return "demo";
        }
        if (r.series() == null) {
            return "(before series)";
        }
        Matcher m = SERIES.matcher(r.series());
        if (!m.matches()) {
            return r.series();
        }
        return (m.group(1).isEmpty() ? "(Zendesk not named)" : m.group(1))
                + (m.group(2).isEmpty() ? "" : ", " + m.group(2) + "-day window")
                + (m.group(3) == null ? "" : ", as of " + m.group(3));
    }

    /**
     * The run {@code run} is compared with ({@link RunStore#previous}, from the runs listed): of those
     * comparable with it, the one just before it in {@link RunRecord#AUDITED_ORDER}; null when none is.
     */
    private static RunRecord previous(List<RunRecord> all, RunRecord run) {
        RunRecord previous = null;
        for (RunRecord r : all) {
            if (r != run
                    && r.comparableWith(run)
                    && RunRecord.AUDITED_ORDER.compare(r, run) < 0
                    && (previous == null || RunRecord.AUDITED_ORDER.compare(r, previous) > 0)) {
                previous = r;
            }
        }
        return previous;
    }

    private static void latest(PrintWriter w, RunStore store, RunRecord run) {
        var previous = store.previous(run.runId());
        w.println();
        if (previous.isEmpty()) {
            w.println("Latest " + (run.demo() ? "demo " : "") + "run " + run.runId() + " is the first recorded of its "
                    + "series (" + seriesLabel(run) + "): all " + run.totalIssues() + " issues are new.");
            return;
        }
        Map<String, IssueKey> before = store.issues(previous.get().runId());
        Map<String, IssueKey> current = store.issues(run.runId());
        HistoryDiff diff = HistoryDiff.of(before, current);
        // an account whose org link became blocked, contested or missing since has its org, user and ticket
        // checks suspended: its issues leave the audit unfixed, and are not called resolved
        Map<String, Set<String>> linkBefore = unlinked(before);
        Set<String> unlinked = new HashSet<>();
        unlinked(current).forEach((account, codes) -> {
            if (!codes.equals(linkBefore.get(account))) {
                unlinked.add(account);
            }
        });
        List<IssueKey> suspended = diff.resolved().stream()
                .filter(k -> unlinked.contains(k.accountId()) && checkedThroughTheLink(k.code()))
                .toList();
        Set<String> suspendedKeys = new HashSet<>();
        suspended.forEach(k -> suspendedKeys.add(k.key()));
        // a ticket issue also leaves the audit when its ticket leaves the lookback window unfixed: those
        // gone are not called resolved either
        List<IssueKey> tickets = diff.resolved().stream()
                .filter(k -> !suspendedKeys.contains(k.key()) && k.code().startsWith(TICKET_CODES))
                .toList();
        List<IssueKey> resolved = diff.resolved().stream()
                .filter(k -> !suspendedKeys.contains(k.key()) && !k.code().startsWith(TICKET_CODES))
                .toList();
        w.printf(
                Locale.ROOT,
                "Latest run %s against %s: %d new, %d resolved, %d still open%s%s%n",
                run.runId(),
                previous.get().runId(),
                diff.added().size(),
                resolved.size(),
                diff.stillOpen().size(),
                suspended.isEmpty() ? "" : ", " + suspended.size() + " no longer checked",
                tickets.isEmpty() ? "" : ", " + tickets.size() + " ticket issue(s) gone");
        keys(w, "New", diff.added());
        keys(w, "Resolved", resolved);
        keys(
                w,
                "No longer checked (not fixed: their account's org link is now blocked, contested or missing; see "
                        + "its new issue)",
                suspended);
        keys(w, "Ticket issues gone (fixed, or the ticket not updated within the ticket window any more)", tickets);
    }

    /**
     * Whether an issue of {@code code} is checked only while its account has one linked org: those of the
     * linked org and of the account's users and tickets, not the account's own fields nor its link itself.
     */
    private static boolean checkedThroughTheLink(String code) {
        return code.startsWith("user_") || code.startsWith(TICKET_CODES) || LINKED_ORG_CODES.contains(code);
    }

    /** The accounts of {@code issues} left without one linked org, with the codes that say so. */
    private static Map<String, Set<String>> unlinked(Map<String, IssueKey> issues) {
        Map<String, Set<String>> out = new HashMap<>();
        issues.values().stream()
                .filter(k -> UNLINKED_CODES.contains(k.code()) && !k.accountId().isEmpty())
                .forEach(k ->
                        out.computeIfAbsent(k.accountId(), a -> new HashSet<>()).add(k.code()));
        return out;
    }

    /**
     * The records an issue's stable key names besides its code and account, in words: {@code "  org 9005
     * user 7006 expected 9005"}; "" when it names none.
     */
    static String worded(String key) {
        String[] parts = key.split("\\|", 7); // a value may hold a | of its own: the last part keeps it
        String[] labels = {null, null, "org", "user", "ticket", "expected", "current"};
        StringBuilder out = new StringBuilder();
        for (int i = 2; i < Math.min(parts.length, labels.length); i++) {
            if (!parts[i].isEmpty()) {
                out.append(out.length() == 0 ? "  " : " ")
                        .append(labels[i])
                        .append(' ')
                        .append(Texts.shown(parts[i]));
            }
        }
        return out.toString();
    }

    private static void keys(PrintWriter w, String title, List<IssueKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        w.println(title + ":");
        keys.stream()
                .limit(LIST_KEYS)
                .forEach(k -> w.println(
                        "  " + k.code() + "  " + (k.accountId().isEmpty() ? "-" : k.accountId()) + worded(k.key())));
        if (keys.size() > LIST_KEYS) {
            w.println("  ... and " + (keys.size() - LIST_KEYS) + " more");
        }
    }
}
