package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.stats.MeanInterval;
import dev.augment.eval.stats.PairedDifference;

import java.util.List;
import java.util.Locale;

/** The short text summary printed at the end of an evaluation. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /**
     * @param report the report
     * @return a few lines: leakage warning, caveats, a gains table per classifier family (macro-F1 against
     *     real only and against the family's best cheap baseline), verdict per class, one {@code FAMILY} line
     *     per classifier family ({@link FamilyVerdict#text()}), one {@code FILTER} line per seed when the GAN
     *     arms were filtered, then the headline
     */
    public static String render(EvaluationReport report) {
        StringBuilder s = new StringBuilder();
        if (!report.leakageWarning().isEmpty()) {
            s.append("WARNING: ").append(report.leakageWarning()).append('\n');
        }
        for (String caveat : report.caveats()) {
            s.append("CAVEAT: ").append(caveat).append('\n');
        }
        List<FamilyVerdict> verdicts = report.verdicts();
        for (int f = 0; f < report.families().size(); f++) {
            FamilyArms family = report.families().get(f);
            FamilyVerdict verdict = verdicts.get(f);
            int n = family.arms().get(0).runs().size();
            String head = family.trainer() + " (" + (n == 1 ? "1 seed, no interval)" : n + " seeds, 95% CI)");
            // "logistic (1 seed, no interval)" is 30 characters: the header stood 2 columns right of its numbers
            // (a fresh user, 7 Dec)
            int width = Math.max(Math.max(28, head.length()), family.arms().stream()
                    .mapToInt(a -> a.arm().title().length()).max().orElse(0));
            String row = "%-" + width + "s %-24s %-24s %-27s %s%n";
            s.append(String.format(row, head, "macro-F1", "accuracy", "macro-F1 gain vs real only",
                    "vs best cheap baseline"));
            for (ArmSummary a : family.arms()) {
                PairedDifference vsBaseline = verdict.comparison(a.arm()).vsBaseline();
                s.append(String.format(row, a.arm().title(), interval(a.macroF1()),
                        interval(a.accuracy()), gain(a.macroF1Gain()),
                        vsBaseline == null ? "(best cheap baseline)" : gain(vsBaseline)));
            }
        }
        s.append("generator diagnostics:").append(report.diagnostics().isEmpty() ? " none (no arm uses a generator)"
                : "");
        for (ClassReport c : report.diagnostics()) {
            s.append(' ').append(c.className()).append(report.isMinority(c.classIndex()) ? "*" : "").append('=')
                    .append(c.verdict() == null ? "n/a" : c.verdict().name().toLowerCase().replace('_', '-'))
                    .append(c.verdict() != null && !c.note().isEmpty() ? "(labels not judged)" : "");
        }
        if (!report.minorityClasses().isEmpty() && !report.diagnostics().isEmpty()) {
            s.append(" (* minority)"); // not after "none": it explained a star that was nowhere (7 Dec)
        }
        s.append(whyNotDiagnosed(report.diagnostics())).append('\n');
        verdicts.forEach(v -> s.append("FAMILY ").append(v.text()).append('\n'));
        report.filter().forEach(f -> s.append("FILTER ").append(f.text(report.classNames())).append('\n'));
        return s.append("ANSWER: ").append(report.headline().text()).append('\n').toString();
    }

    /**
     * A line of "n/a" alone left a user asking why (a low-data run with 5 images a class had every class n/a).
     *
     * @return "; n/a: CLASS: NOTE" for the first class without diagnostics, with how many more have none, or ""
     */
    static String whyNotDiagnosed(List<ClassReport> diagnostics) {
        List<ClassReport> none = diagnostics.stream().filter(c -> c.verdict() == null).toList();
        if (none.isEmpty()) {
            return "";
        }
        int more = none.size() - 1;
        return "; n/a: " + none.get(0).className() + ": " + none.get(0).note() + (more == 0 ? ""
                : " (and " + more + " more " + (more == 1 ? "class" : "classes") + " for the same reason, each with "
                + "its own counts in report.json)");
    }

    /**
     * @param m a mean with its interval
     * @return "0.7512 [0.7301, 0.7723]", or "0.7512" without an interval (decimal points in every locale)
     */
    public static String interval(MeanInterval m) {
        return m.hasInterval() ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", m.mean(), m.lower(), m.upper())
                : String.format(Locale.ROOT, "%.4f", m.mean());
    }

    /**
     * @param d a paired difference, or null for the reference arm
     * @return "+0.0123 [-0.0040, +0.0286]", "+0.0123" without an interval, or "(reference)"; a difference that
     *     rounds to zero prints +0.0000
     */
    public static String gain(PairedDifference d) {
        if (d == null) {
            return "(reference)";
        }
        return d.text(4);
    }
}
