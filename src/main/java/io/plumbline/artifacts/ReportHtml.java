package io.plumbline.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.audit.AuditResult;
import io.plumbline.detect.Issue;
import io.plumbline.detect.IssueCode;
import io.plumbline.plan.PlannedAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS, script and SVG; no external fonts, scripts or
 * CDNs) with the readout cards, a chart of issues by code, the trend across runs, and the exceptions
 * table, sortable and filterable by account, code and status, each account expanding to its issues
 * and actions.
 */
public final class ReportHtml {
    private static final String NO_ACCOUNT = "(no account)";
    private static final ObjectWriter SCRIPT_SAFE_JSON =
            Json.MAPPER.writer().with(new ScriptSafeEscapes()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportHtml() {}

    /** Writes the page to {@code out}, which stays open. */
    public static void write(Writer out, AuditResult result, SummaryFacts f, RunInfo run, List<TrendPoint> trend)
            throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Plumbline audit ")
                .append(esc(run.runId()))
                .append("</title>\n<style>")
                .append(resource("report.css"))
                .append("</style></head><body>\n");
        h.append("<header><h1>Plumbline audit ")
                .append(esc(run.runId()))
                .append("</h1><p>")
                .append(
                        run.demo()
                                ? "Demo fixtures (dry-run only)"
                                : esc(run.inputKind() + " " + run.inputPath())
                                        + (result.plan().demo() ? " (the demo fixtures: dry-run only)" : ""))
                .append(" &middot; as of ")
                .append(esc(result.resolution().snapshot().asOf().toString()))
                .append(" &middot; plan_hash <code id=\"plan-hash\">")
                .append(esc(result.plan().planHash()))
                .append("</code></p></header>\n<main>\n");
        cards(h, Cards.of(f));
        h.append("<div class=\"panels\"><section class=\"panel\"><h2>Issues by code</h2>")
                .append(SvgCharts.byCode(f))
                .append("</section><section class=\"panel\"><h2>Trend across runs</h2>")
                .append(SvgCharts.trend(trend))
                .append("</section></div>\n");
        table(h, f);
        h.append("<script type=\"application/json\" id=\"report-data\">");
        out.append(h);
        writeData(out, result, f);
        out.append("</script>\n<script>").append(resource("report.js")).append("</script>\n</main></body></html>\n");
    }

    private static void cards(StringBuilder h, Cards c) {
        h.append("<section class=\"cards\">");
        card(h, "total-issues", c.totalIssues(), "Total issues");
        card(h, "orphan-orgs", c.orphanOrgs(), "Orphan orgs");
        card(h, "domain-mismatches", c.domainMismatches(), "Domain mismatches");
        card(h, "corrupted-fields", c.corruptedFields(), "Corrupted fields");
        card(h, "prepared-actions", c.prepared(), "Prepared actions");
        card(h, "blocked-actions", c.blocked(), "Blocked actions");
        h.append("</section>\n");
    }

    private static void card(StringBuilder h, String id, int n, String label) {
        h.append("<div class=\"card\" id=\"card-")
                .append(id)
                .append("\"><b>")
                .append(n)
                .append("</b><span>")
                .append(label)
                .append("</span></div>");
    }

    private static void table(StringBuilder h, SummaryFacts f) {
        h.append("<section class=\"panel\"><h2>Exceptions by account</h2><div class=\"filters\">")
                .append("<input id=\"filter-account\" type=\"search\" placeholder=\"Filter by account id or name\">")
                .append("<select id=\"filter-code\"><option value=\"\">All issue codes</option>");
        for (IssueCode code : f.issuesByCode().keySet()) {
            h.append("<option>").append(code.code()).append("</option>");
        }
        h.append("</select><select id=\"filter-status\"><option value=\"\">All statuses</option>")
                .append("<option>prepared</option><option>blocked</option><option>detected</option></select>")
                .append("<span id=\"shown-count\"></span></div>\n<table id=\"exceptions\"><thead><tr>");
        String[][] cols = {
            {"id", "account", ""},
            {"name", "name", ""},
            {"org", "org", "num"},
            {"user", "user", "num"},
            {"ticket", "ticket", "num"},
            {"total", "total", "num"},
            {"prepared", "prepared", "num"},
            {"blocked", "blocked", "num"},
            {"codes", "top issue codes", ""}
        };
        for (String[] c : cols) {
            h.append("<th data-key=\"")
                    .append(c[0])
                    .append("\" class=\"")
                    .append(c[2])
                    .append("\">")
                    .append(c[1])
                    .append("</th>");
        }
        h.append("</tr></thead><tbody id=\"rows\"></tbody></table>")
                .append("<noscript><p class=\"empty\">This table is drawn by a script, which does not run here: "
                        + "exceptions_by_account.csv and summary.md in this run folder hold the same queue.</p>"
                        + "</noscript></section>\n");
    }

    /**
     * Writes the table's data as JSON that is safe inside a script element: {@code <}, {@code >} and
     * {@code &} are written as unicode escapes, so no text from the inputs can close the element.
     */
    static void writeData(Writer out, AuditResult result, SummaryFacts f) throws IOException {
        Map<String, ObjectNode> accounts = new LinkedHashMap<>();
        for (AccountRollup r : f.rollups()) {
            ObjectNode a = Json.MAPPER.createObjectNode();
            a.put("id", r.accountId().value())
                    .put("name", r.accountName())
                    .put("org", r.orgIssues())
                    .put("user", r.userIssues())
                    .put("ticket", r.ticketIssues())
                    .put("total", r.total())
                    .put("prepared", r.prepared())
                    .put("blocked", r.blocked());
            ArrayNode codes = a.putArray("codes");
            r.topIssueCodes().forEach(codes::add);
            a.putArray("issues");
            a.putArray("actions");
            accounts.put(r.accountId().value(), a);
        }
        for (Issue i : result.issues()) {
            ObjectNode a = accounts.computeIfAbsent(
                    i.accountId() == null ? NO_ACCOUNT : i.accountId().value(), ReportHtml::noAccount);
            if (i.accountId() == null) {
                a.put("org", a.path("org").asInt() + 1)
                        .put("total", a.path("total").asInt() + 1);
            }
            ObjectNode n = a.withArray("issues").addObject();
            n.put("id", i.issueId())
                    .put("code", i.code().code())
                    .put("status", i.code().status().code())
                    .put("risk", i.code().risk().code())
                    .put("evidence", i.evidence())
                    .put("reason", i.code().blockedReason());
        }
        for (PlannedAction p : result.plan().actions()) {
            ObjectNode a = accounts.get(
                    p.accountId() == null ? NO_ACCOUNT : p.accountId().value());
            if (a != null) {
                a.withArray("actions")
                        .addObject()
                        .put("id", p.actionId())
                        .put("code", p.code().code())
                        .put("status", p.status().code())
                        .put("value", p.value())
                        .put("reason", p.blockedReason());
            }
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("accounts").addAll(new ArrayList<>(accounts.values()));
        SCRIPT_SAFE_JSON.writeValue(out, root);
    }

    /** JSON's own escapes, plus {@code < > &} as {@code \\u003c}, {@code \\u003e}, {@code \\u0026}. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private static final Map<Integer, SerializableString> SEQUENCES = Map.of(
                (int) '<', new SerializedString("\\u003c"),
                (int) '>', new SerializedString("\\u003e"),
                (int) '&', new SerializedString("\\u0026"));
        private final int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            SEQUENCES.keySet().forEach(c -> codes[c] = CharacterEscapes.ESCAPE_CUSTOM);
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return SEQUENCES.get(ch);
        }
    }

    private static ObjectNode noAccount(String key) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("id", key)
                .put("no_account", true) // the row of orgs no account resolves to, not an account's
                .put("name", "orgs without an account")
                .put("org", 0)
                .put("user", 0)
                .put("ticket", 0)
                .put("total", 0)
                .put("prepared", 0)
                .put("blocked", 0);
        a.putArray("codes").add("org_orphaned");
        a.putArray("issues");
        a.putArray("actions");
        return a;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
