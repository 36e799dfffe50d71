package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.stats.MeanInterval;
import dev.augment.eval.stats.PairedDifference;

/** The short text summary printed at the end of an evaluation. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /**
     * @param report the report
     * @return a few lines: leakage warning, caveats, gains table, verdict per class, then the headline
     */
    public static String render(EvaluationReport report) {
        StringBuilder s = new StringBuilder();
        if (!report.leakageWarning().isEmpty()) {
            s.append("WARNING: ").append(report.leakageWarning()).append('\n');
        }
        for (String caveat : report.caveats()) {
            s.append("CAVEAT: ").append(caveat).append('\n');
        }
        int n = report.arms().get(0).runs().size();
        s.append(String.format("%-28s %-24s %-24s %s%n", "arm (" + n + " seeds, 95% CI)", "macro-F1",
                "accuracy", "macro-F1 gain vs real only"));
        for (ArmSummary a : report.arms()) {
            s.append(String.format("%-28s %-24s %-24s %s%n", a.arm().title(), interval(a.macroF1()),
                    interval(a.accuracy()), gain(a.macroF1Gain())));
        }
        s.append("generator diagnostics:");
        for (ClassReport c : report.diagnostics()) {
            s.append(' ').append(c.className()).append(report.isMinority(c.classIndex()) ? "*" : "").append('=')
                    .append(c.verdict() == null ? "n/a" : c.verdict().name().toLowerCase().replace('_', '-'));
        }
        if (!report.minorityClasses().isEmpty()) {
            s.append(" (* minority)");
        }
        return s.append('\n').append("ANSWER: ").append(report.headline().text()).append('\n').toString();
    }

    static String interval(MeanInterval m) {
        return m.hasInterval() ? String.format("%.4f [%.4f, %.4f]", m.mean(), m.lower(), m.upper())
                : String.format("%.4f", m.mean());
    }

    static String gain(PairedDifference d) {
        if (d == null) {
            return "(reference)";
        }
        return d.difference().hasInterval() ? String.format("%+.4f [%+.4f, %+.4f]", d.mean(), d.lower(), d.upper())
                : String.format("%+.4f", d.mean());
    }
}
