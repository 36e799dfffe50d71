package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.diagnostics.GeneratorDiagnostics;
import dev.augment.eval.metrics.ClassVerdict;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.stats.PairedDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's answer in one paragraph, computed from its numbers: the GAN arm's paired macro-F1
 * difference from real only with its 95% interval and p-value, whether that interval excludes 0
 * and with how many seeds, the best arm by mean macro-F1, and how many classes the generator
 * diagnostics call healthy. For example: "real + GAN samples: +0.036 macro-F1 [-0.082, +0.155]
 * against real only, p = 0.16: not significant with 2 seeds. Best arm: real, class weights
 * (macro-F1 0.782). Generator of the first seed: 9 of 10 classes healthy; label drift: Shirt."
 *
 * @param text the paragraph (ASCII, so every console prints it)
 * @param seeds how many seeds each arm ran with, ≥ 1
 * @param bestArm the arm with the highest mean macro-F1 (the first in report order on a tie)
 * @param bestMacroF1 its mean macro-F1
 * @param ganGain the GAN arm's paired macro-F1 difference from real only, or null without a GAN arm
 * @param ganSignificant whether that difference's 95% interval excludes 0 (false with one seed)
 * @param healthyClasses classes whose verdict is healthy
 * @param diagnosedClasses classes that have a verdict (the others had too few real examples)
 */
public record Headline(String text, int seeds, Arm bestArm, double bestMacroF1, PairedDifference ganGain,
                       boolean ganSignificant, int healthyClasses, int diagnosedClasses) {

    /** Requires the text and the best arm. */
    public Headline {
        if (text == null || text.isBlank() || bestArm == null || seeds < 1) {
            throw new IllegalArgumentException("a headline needs its text, the best arm and at least one seed");
        }
    }

    /**
     * @param arms the arm summaries, real only first
     * @param diagnostics the generator diagnostics per class
     * @return the headline of a report with these numbers
     */
    public static Headline of(List<ArmSummary> arms, List<ClassReport> diagnostics) {
        if (arms == null || arms.isEmpty()) {
            throw new IllegalArgumentException("a headline needs at least one arm");
        }
        int seeds = arms.get(0).runs().size();
        ArmSummary best = arms.get(0);
        for (ArmSummary a : arms) {
            if (a.macroF1().mean() > best.macroF1().mean()) {
                best = a;
            }
        }
        ArmSummary gan = arms.stream().filter(a -> a.arm() == Arm.GAN).findFirst().orElse(null);
        PairedDifference ganGain = gan == null ? null : gan.macroF1Gain();
        StringBuilder text = new StringBuilder();
        if (ganGain != null) {
            text.append(gan.arm().title()).append(": ").append(gainSentence(ganGain, seeds)).append(' ');
        }
        text.append(bestSentence(best, gan));
        int healthy = (int) diagnostics.stream().filter(c -> c.verdict() == ClassVerdict.HEALTHY).count();
        int diagnosed = (int) diagnostics.stream().filter(c -> c.verdict() != null).count();
        String generator = generatorSentence(diagnostics, healthy, diagnosed);
        text.append(generator.isEmpty() ? "" : " " + generator);
        return new Headline(text.toString(), seeds, best.arm(), best.macroF1().mean(), ganGain,
                ganGain != null && ganGain.significant(), healthy, diagnosed);
    }

    /**
     * @param prefix text put before the paragraph, e.g. which classifier family it is about
     * @return this headline with the prefix before its text
     */
    public Headline prefixed(String prefix) {
        return new Headline(prefix + text, seeds, bestArm, bestMacroF1, ganGain, ganSignificant, healthyClasses,
                diagnosedClasses);
    }

    private static String gainSentence(PairedDifference gain, int seeds) {
        if (!gain.difference().hasInterval()) {
            return String.format(Locale.ROOT, "%+.3f macro-F1 against real only, from one seed: no interval or "
                    + "test (2 or more seeds are needed to tell a gain from noise).", gain.mean());
        }
        String verdict;
        if (gain.significant()) {
            verdict = (gain.mean() > 0 ? "better" : "worse") + " than real only, significant with " + seeds
                    + " seeds (the paired 95% interval excludes 0)";
        } else {
            verdict = "not significant with " + seeds + " seeds (the paired 95% interval includes 0)";
        }
        return String.format(Locale.ROOT, "%s macro-F1 %s against real only, %s: %s.", gain.meanText(3),
                gain.intervalText(3), pValue(gain.pValue()), verdict);
    }

    private static String bestSentence(ArmSummary best, ArmSummary gan) {
        if (best.arm() == Arm.REAL) {
            return String.format(Locale.ROOT, "Best arm: real only (macro-F1 %.3f); no method beat it on average.",
                    best.macroF1().mean());
        }
        String gain = best.macroF1Gain().text(3);
        return String.format(Locale.ROOT, "Best arm%s: %s (macro-F1 %.3f, %s against real only%s).",
                best == gan ? ", the GAN arm itself" : "", best.arm().title(), best.macroF1().mean(), gain,
                !best.macroF1Gain().difference().hasInterval() ? ""
                        : best.macroF1Gain().significant() ? ", significant" : ", not significant");
    }

    private static String generatorSentence(List<ClassReport> diagnostics, int healthy, int diagnosed) {
        if (diagnostics.isEmpty()) {
            return "";
        }
        if (diagnosed == 0) {
            return "Generator diagnostics: no verdicts, every class had too few real examples (they need at least "
                    + GeneratorDiagnostics.MIN_SAMPLES + " training and " + GeneratorDiagnostics.MIN_SAMPLES
                    + " test examples of a class; each class's note gives its counts).";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Generator of the first seed: %d of %d classes healthy", healthy, diagnostics.size()));
        List<String> problems = new ArrayList<>();
        for (ClassVerdict v : ClassVerdict.values()) {
            if (v == ClassVerdict.HEALTHY) {
                continue;
            }
            List<String> names = diagnostics.stream().filter(c -> c.verdict() == v).map(ClassReport::className)
                    .toList();
            if (!names.isEmpty()) {
                problems.add(verdictName(v) + ": " + String.join(", ", names));
            }
        }
        if (!problems.isEmpty()) {
            s.append("; ").append(String.join("; ", problems));
        }
        if (diagnosed < diagnostics.size()) {
            // a class of one blank image has none either, for another reason (a re-check, 6 Dec)
            boolean oneImage = diagnostics.stream().anyMatch(c -> c.verdict() == null
                    && dev.augment.eval.diagnostics.GeneratorDiagnostics.ONE_IMAGE.equals(c.note()));
            boolean tooFew = diagnostics.stream().anyMatch(c -> c.verdict() == null
                    && !dev.augment.eval.diagnostics.GeneratorDiagnostics.ONE_IMAGE.equals(c.note()));
            s.append("; ").append(diagnostics.size() - diagnosed).append(" without a verdict (").append(tooFew
                    && oneImage ? "too few examples, or one image" : oneImage ? "one image" : "too few examples")
                    .append(')');
        }
        return s.append('.').toString();
    }

    /**
     * @param v a verdict
     * @return its readable name, e.g. "mode collapse"
     */
    static String verdictName(ClassVerdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * @param p a p-value
     * @return "p = 0.16", "p = 0.0081" or "p < 0.001"
     */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "no p-value";
        }
        return p < 0.001 ? "p < 0.001" : "p = " + String.format(Locale.ROOT, "%.2g", p);
    }
}
