package io.plumbline.artifacts;

import io.plumbline.detect.IssueCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts for report.html: horizontal bars of issues by code, and the trend of total issues. */
final class SvgCharts {
    private static final int ROW = 18;

    private SvgCharts() {}

    static String byCode(SummaryFacts f) {
        Map<IssueCode, Integer> counts = f.issuesByCode();
        if (counts.isEmpty()) {
            return "<p class=\"empty\">No issues.</p>";
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        StringBuilder s = new StringBuilder("<svg id=\"chart-by-code\" width=\"100%\" viewBox=\"0 0 640 ")
                .append(counts.size() * ROW + 4)
                .append("\" role=\"img\" aria-label=\"Issues by code\">");
        int y = 0;
        for (var e : counts.entrySet()) {
            int w = Math.max(2, (int) Math.round(300.0 * e.getValue() / max));
            s.append("<text x=\"0\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(e.getKey().code())
                    .append("</text>")
                    .append("<rect x=\"300\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"12\" fill=\"")
                    .append(color(e.getKey()))
                    .append("\"/><text x=\"")
                    .append(305 + w)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(e.getValue())
                    .append("</text>");
            y += ROW;
        }
        return s.append("</svg>").toString();
    }

    static String trend(List<TrendPoint> points) {
        if (points.size() < 2) {
            return "<p class=\"empty\" id=\"trend\">"
                    + (points.isEmpty()
                            ? ""
                            : "This run: " + points.get(0).totalIssues()
                                    + (points.get(0).totalIssues() == 1 ? " issue. " : " issues. "))
                    + "The trend appears from the second recorded run of this series (the same Zendesk and ticket"
                    + " window).</p>";
        }
        int max = Math.max(
                1, points.stream().mapToInt(TrendPoint::totalIssues).max().orElse(1));
        double step = 280.0 / (points.size() - 1);
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = 10 + i * step;
            double y = 110 - 100.0 * points.get(i).totalIssues() / max;
            line.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            dots.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: %d issues</title></circle>",
                    x,
                    y,
                    ReportHtml.esc(points.get(i).runId()),
                    points.get(i).totalIssues()));
        }
        return "<svg id=\"trend\" width=\"100%\" viewBox=\"0 0 300 130\" role=\"img\" aria-label=\"Total issues per run\">"
                + "<path d=\"" + line + "\" fill=\"none\" stroke=\"#3b5bdb\" stroke-width=\"2\"/>" + dots
                + "<text x=\"10\" y=\"126\">" + ReportHtml.esc(points.get(0).runId()) + "</text>"
                + "<text x=\"290\" y=\"126\" text-anchor=\"end\">"
                + points.get(points.size() - 1).totalIssues() + " issues now</text></svg>";
    }

    private static String color(IssueCode code) {
        return switch (code.status()) {
            case PREPARED -> "#2f9e44";
            case BLOCKED -> "#e03131";
            case DETECTED -> "#868e96";
        };
    }
}
