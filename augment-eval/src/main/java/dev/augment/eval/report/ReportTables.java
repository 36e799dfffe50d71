package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.stats.PairedDifference;
import dev.augment.eval.stats.MeanInterval;

import java.util.List;
import java.util.Locale;

import static dev.augment.eval.report.Html.esc;

/**
 * The report's tables: gains per arm of each classifier family (against real only and against the
 * family's best cheap baseline), recall per class (minority classes marked), and the generator
 * diagnostics per class. Each table sits in its own horizontally scrolling box, so a wide table never
 * widens the page.
 */
final class ReportTables {

    private ReportTables() {
    }

    static void gains(StringBuilder h, FamilyArms family, FamilyVerdict verdict) {
        h.append("<div class=\"scroll\"><table><tr><th class=\"l\">arm</th><th>macro-F1</th><th>Δ macro-F1</th>")
                .append("<th>p (Δ macro-F1,<br>paired t)</th><th>Δ macro-F1 vs<br>best cheap baseline</th>")
                .append("<th>accuracy</th><th>Δ accuracy</th>")
                .append("<th>balanced accuracy</th><th>Δ balanced accuracy</th></tr>\n");
        for (ArmSummary a : family.arms()) {
            boolean best = a.arm() == verdict.bestPolicy();
            PairedDifference vsBaseline = verdict.comparison(a.arm()).vsBaseline();
            h.append(best ? "<tr class=\"best\">" : "<tr>").append("<td class=\"l\">").append(esc(a.arm().title()))
                    .append(best ? " <span class=\"badge best\">best</span>" : "").append("</td><td>")
                    .append(Html.mean(a.macroF1())).append("</td><td>").append(Html.gain(a.macroF1Gain()))
                    .append("</td><td>").append(a.macroF1Gain() == null ? ""
                            : esc(Headline.pValue(a.macroF1Gain().pValue()).replace("p = ", "")))
                    .append("</td><td>").append(vsBaseline == null
                            ? "<span class=\"muted\">best cheap<br>baseline</span>" : Html.gain(vsBaseline))
                    .append("</td><td>").append(Html.mean(a.accuracy())).append("</td><td>")
                    .append(Html.gain(a.accuracyGain())).append("</td><td>").append(Html.mean(a.balancedAccuracy()))
                    .append("</td><td>").append(Html.gain(a.balancedAccuracyGain())).append("</td></tr>\n");
        }
        // one seed has no interval, and the caption described them (a fresh user, 7 Dec)
        boolean oneSeed = family.arms().get(0).runs().size() == 1;
        h.append("</table></div>\n<p class=\"note\">" + (oneSeed ? "One seed: its figures, without intervals (2 or "
                + "more seeds give them); Δ is the difference from real only (same split)"
                : "Mean over seeds with its 95% Student t interval below it; "
                + "Δ is the paired difference from real only (same seed, same split), in bold when its interval "
                + "excludes 0") + "; Δ vs best cheap baseline is the paired macro-F1 difference from the best of class "
                + "weights, random oversampling and SMOTE under this trainer.</p>\n");
    }

    static void recall(StringBuilder h, EvaluationReport report, FamilyArms family) {
        h.append("<div class=\"scroll\"><table class=\"recall\"><tr><th class=\"l\">arm</th>");
        for (int c = 0; c < report.classNames().size(); c++) {
            boolean minority = report.isMinority(c);
            h.append(minority ? "<th class=\"minority\">" : "<th>")
                    .append(Html.className(report.classNames().get(c), minority)).append("</th>");
        }
        h.append("</tr>\n");
        for (ArmSummary a : family.arms()) {
            h.append("<tr><td class=\"l\">").append(esc(a.arm().title())).append("</td>");
            List<MeanInterval> recall = a.recall();
            for (int c = 0; c < recall.size(); c++) {
                h.append(report.isMinority(c) ? "<td class=\"minority\">" : "<td>")
                        .append(String.format(Locale.ROOT, "%.3f", recall.get(c).mean())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    static void diagnostics(StringBuilder h, EvaluationReport report) {
        h.append("<div class=\"scroll\"><table><tr><th class=\"l\">class</th><th class=\"l\">verdict</th>")
                .append("<th>n</th><th>precision</th><th>recall</th><th>density</th><th>coverage</th>")
                .append("<th>NDB/K</th><th>diversity<br>ratio</th><th>label<br>consistency</th>")
                .append("<th>(real<br>hold-out)</th><th>closer to<br>training</th><th>DCR<br>ratio</th>")
                .append("<th>near<br>duplicates</th><th>noise<br>ratio</th></tr>\n");
        for (ClassReport c : report.diagnostics()) {
            boolean minority = report.isMinority(c.classIndex());
            h.append(minority ? "<tr class=\"minority\">" : "<tr>").append("<td class=\"l\">")
                    .append(Html.className(c.className(), minority)).append("</td>");
            ClassDiagnostics d = c.diagnostics();
            if (d == null) {
                h.append("<td class=\"l note\" colspan=\"14\">").append(esc(c.note())).append("</td></tr>\n");
                continue;
            }
            String verdict = Headline.verdictName(c.verdict());
            h.append("<td class=\"l ").append(verdict.equals("healthy") ? "healthy" : "bad").append("\">")
                    .append(verdict).append(c.note().isEmpty() ? "" : "<br><span class=\"note\">" + esc(c.note())
                            + "</span>").append("</td><td>").append(c.samples()).append("</td>");
            for (double v : new double[] {d.precision(), d.recall(), d.density(), d.coverage(), d.ndbOverK(),
                    d.diversityRatio(), d.labelConsistency(), c.realLabelConsistency(), d.shareCloserToTraining(),
                    d.medianDcrRatio(), d.nearDuplicateShare()}) {
                h.append(String.format(Locale.ROOT, "<td>%.3f</td>", v));
            }
            h.append(d.noiseRatio() == null ? "<td>–</td>" : String.format(Locale.ROOT, "<td>%.3f</td>", d.noiseRatio()));
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }
}
