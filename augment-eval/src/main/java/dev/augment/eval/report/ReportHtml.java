package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.protocol.ArmSummary;

import java.util.Base64;

/**
 * Renders the self-contained HTML report: no scripts, no external files; the pictures are base64
 * PNG data URIs, so the file opens offline and can be mailed on its own.
 */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(EvaluationReport report, ReportImages images) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>augment evaluation</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;")
                .append("margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;font-size:13px}")
                .append("th{background:#eee}td.l{text-align:left}.warn{background:#fdd;border:2px solid #c00;")
                .append("padding:1em;font-weight:bold}.healthy{color:#080}.bad{color:#c00;font-weight:bold}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n");
        if (!report.leakageWarning().isEmpty()) {
            h.append("<p class=\"warn\">Leaky generator forced in: ").append(esc(report.leakageWarning()))
                    .append(". The GAN arms' numbers are not a fair estimate.</p>\n");
        }
        h.append("<h1>augment evaluation</h1>\n<p>").append(esc(report.settings().path("scenario").asText()))
                .append("; trainer ").append(esc(report.settings().path("trainer").asText())).append("; ")
                .append(report.arms().get(0).runs().size()).append(" seeds; ")
                .append(String.format("%.0f s", report.seconds())).append(".</p>\n");
        gains(h, report);
        h.append("<img alt=\"gains per arm\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(images.gainsChart())).append("\">\n");
        recall(h, report);
        diagnostics(h, report, images);
        h.append("<h2>Settings and provenance</h2>\n<pre>").append(esc(report.settings().toPrettyString()))
                .append("\n").append(esc(report.provenance().toPrettyString())).append("</pre>\n</body></html>\n");
        return h.toString();
    }

    private static void gains(StringBuilder h, EvaluationReport report) {
        h.append("<h2>Classifier gains (test set, mean and 95% CI over seeds)</h2>\n<table><tr><th>arm</th>")
                .append("<th>accuracy</th><th>macro-F1</th><th>balanced accuracy</th><th>Δ accuracy</th>")
                .append("<th>Δ macro-F1</th><th>Δ balanced accuracy</th><th>p (macro-F1, paired t)</th></tr>\n");
        for (ArmSummary a : report.arms()) {
            h.append("<tr><td class=\"l\">").append(esc(a.arm().title())).append("</td><td>")
                    .append(ConsoleSummary.interval(a.accuracy())).append("</td><td>")
                    .append(ConsoleSummary.interval(a.macroF1())).append("</td><td>")
                    .append(ConsoleSummary.interval(a.balancedAccuracy())).append("</td><td>")
                    .append(ConsoleSummary.gain(a.accuracyGain())).append("</td><td>")
                    .append(ConsoleSummary.gain(a.macroF1Gain())).append("</td><td>")
                    .append(ConsoleSummary.gain(a.balancedAccuracyGain())).append("</td><td>")
                    .append(a.macroF1Gain() == null ? "" : String.format("%.3g", a.macroF1Gain().pValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void recall(StringBuilder h, EvaluationReport report) {
        h.append("<h2>Recall per class (mean over seeds)</h2>\n<table><tr><th>arm</th>");
        report.classNames().forEach(n -> h.append("<th>").append(esc(n)).append("</th>"));
        h.append("</tr>\n");
        for (ArmSummary a : report.arms()) {
            h.append("<tr><td class=\"l\">").append(esc(a.arm().title())).append("</td>");
            a.recall().forEach(r -> h.append(String.format("<td>%.3f</td>", r.mean())));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void diagnostics(StringBuilder h, EvaluationReport report, ReportImages images) {
        h.append("<h2>Generator diagnostics per class</h2>\n<p>Embedding: ")
                .append(esc(report.provenance().path("embedding").path("description").asText()))
                .append(". Real on the left, synthetic on the right.</p>\n<table><tr><th>class</th><th>verdict</th>")
                .append("<th>n</th><th>precision</th><th>recall</th><th>density</th><th>coverage</th>")
                .append("<th>NDB/K</th><th>diversity ratio</th><th>label consistency</th><th>(real hold-out)</th>")
                .append("<th>closer to training</th><th>DCR ratio</th><th>near duplicates</th><th>noise ratio</th>")
                .append("<th>real | synthetic</th></tr>\n");
        for (ClassReport c : report.diagnostics()) {
            h.append("<tr><td class=\"l\">").append(esc(c.className())).append("</td>");
            ClassDiagnostics d = c.diagnostics();
            if (d == null) {
                h.append("<td class=\"l\" colspan=\"14\">").append(esc(c.note())).append("</td>");
            } else {
                String verdict = c.verdict().name().toLowerCase().replace('_', ' ');
                h.append("<td class=\"l ").append(verdict.equals("healthy") ? "healthy" : "bad").append("\">")
                        .append(verdict).append("</td><td>").append(c.samples()).append("</td>");
                for (double v : new double[] {d.precision(), d.recall(), d.density(), d.coverage(), d.ndbOverK(),
                        d.diversityRatio(), d.labelConsistency(), c.realLabelConsistency(),
                        d.shareCloserToTraining(), d.medianDcrRatio(), d.nearDuplicateShare()}) {
                    h.append(String.format("<td>%.3f</td>", v));
                }
                h.append(d.noiseRatio() == null ? "<td>–</td>" : String.format("<td>%.3f</td>", d.noiseRatio()));
            }
            h.append("<td>");
            if (c.classIndex() < images.classGrids().size()) {
                h.append("<img alt=\"samples of ").append(esc(c.className())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(images.classGrids().get(c.classIndex())))
                        .append("\">");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<p>Thresholds: ").append(esc(report.settings().path("verdictRules").toString()))
                .append("</p>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
