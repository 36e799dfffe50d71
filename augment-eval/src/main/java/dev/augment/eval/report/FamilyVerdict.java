package dev.augment.eval.report;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.stats.PairedDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of one classifier family, computed from its arms' per-seed macro-F1 scores:
 *
 * <ul>
 *   <li>the <b>best cheap baseline</b>: the arm with the highest mean macro-F1 among class weights,
 *       random oversampling and SMOTE ({@link Arm#isCheapBaseline()}; the first in report order on a tie);</li>
 *   <li>every arm's paired macro-F1 difference from that baseline (same seed, same split), with its
 *       paired 95% Student t interval and p-value ({@link PairedDifference});</li>
 *   <li>the <b>best policy</b>: the arm with the highest mean macro-F1 (the first in report order on a
 *       tie), and its difference from the baseline;</li>
 *   <li>what the GAN adds on top of rebalancing: hybrid − SMOTE (the same SMOTE top-up, plus GAN samples
 *       on top), and what it adds as a replacement: mix − SMOTE (half of SMOTE's samples drawn from the GAN
 *       instead); the same against ROS for the ROS hybrid and mix arms when the evaluation ran them.</li>
 * </ul>
 *
 * With one seed the differences have no interval; the text says so. The text is ASCII, for every
 * console, and starts with the trainer's name, e.g. "logistic: best policy real + SMOTE + GAN on top
 * (macro-F1 0.777), +0.004 [-0.011, +0.018] against the best cheap baseline, real, class weights (0.774):
 * not significant with 5 seeds. …"
 *
 * @param trainer the family's trainer name
 * @param seeds seeds per arm, ≥ 1
 * @param bestPolicy the arm with the highest mean macro-F1
 * @param bestMacroF1 its mean macro-F1
 * @param bestCheapBaseline the cheap arm with the highest mean macro-F1
 * @param baselineMacroF1 its mean macro-F1
 * @param vsBaseline every arm against the baseline, in report order
 * @param bestGain the best policy minus the baseline, or null when the best policy is the baseline
 * @param ganOnTopOfSmote hybrid minus SMOTE, or null without both arms
 * @param ganForHalfOfSmote mix minus SMOTE, or null without both arms
 * @param ganOnTopOfRos the ROS hybrid minus ROS, or null without both arms
 * @param ganForHalfOfRos the ROS mix minus ROS, or null without both arms
 * @param text the verdict in a few sentences
 */
public record FamilyVerdict(String trainer, int seeds, Arm bestPolicy, double bestMacroF1, Arm bestCheapBaseline,
                            double baselineMacroF1, List<ArmComparison> vsBaseline, PairedDifference bestGain,
                            PairedDifference ganOnTopOfSmote, PairedDifference ganForHalfOfSmote,
                            PairedDifference ganOnTopOfRos, PairedDifference ganForHalfOfRos, String text) {

    /** Requires the trainer, the two chosen arms, the comparisons and the text. */
    public FamilyVerdict {
        if (trainer == null || bestPolicy == null || bestCheapBaseline == null || vsBaseline == null
                || text == null || text.isBlank() || seeds < 1) {
            throw new IllegalArgumentException("a verdict needs its trainer, best policy, baseline, comparisons, "
                    + "text and at least one seed");
        }
        if (!bestCheapBaseline.isCheapBaseline()) {
            throw new IllegalArgumentException(bestCheapBaseline + " is not a cheap baseline");
        }
        vsBaseline = List.copyOf(vsBaseline);
    }

    /**
     * @param trainer the family's trainer name
     * @param arms the family's arm summaries, with at least one cheap baseline arm, all over the same seeds
     * @return the verdict
     * @throws IllegalArgumentException without a cheap baseline arm, or when the arms' seeds differ
     */
    public static FamilyVerdict of(String trainer, List<ArmSummary> arms) {
        if (arms == null || arms.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs the family's arms");
        }
        ArmSummary baseline = null;
        ArmSummary best = null;
        for (ArmSummary a : arms) {
            if (a.arm().isCheapBaseline() && (baseline == null || a.macroF1().mean() > baseline.macroF1().mean())) {
                baseline = a;
            }
            if (best == null || a.macroF1().mean() > best.macroF1().mean()) {
                best = a;
            }
        }
        if (baseline == null) {
            throw new IllegalArgumentException("a verdict needs a cheap baseline arm (class weights, random "
                    + "oversampling or SMOTE); the arms were " + arms.stream().map(ArmSummary::arm).toList());
        }
        List<ArmComparison> comparisons = new ArrayList<>();
        PairedDifference bestGain = null;
        for (ArmSummary a : arms) {
            PairedDifference d = a == baseline ? null : macroF1Difference(a, baseline);
            comparisons.add(new ArmComparison(a.arm(), a.macroF1(), d));
            if (a == best) {
                bestGain = d;
            }
        }
        PairedDifference onTop = blendGain(arms, Arm.HYBRID);
        PairedDifference forHalf = blendGain(arms, Arm.MIX);
        PairedDifference onTopOfRos = blendGain(arms, Arm.HYBRID_ROS);
        PairedDifference forHalfOfRos = blendGain(arms, Arm.MIX_ROS);
        int seeds = arms.get(0).runs().size();
        String text = text(trainer, best, baseline, bestGain, comparisons, seeds)
                + blendText(onTop, forHalf, "SMOTE") + blendText(onTopOfRos, forHalfOfRos, "ROS")
                + (seeds == 1 ? " One seed: no intervals (2 or more seeds are needed to tell a gain from noise)." : "");
        return new FamilyVerdict(trainer, seeds, best.arm(), best.macroF1().mean(), baseline.arm(),
                baseline.macroF1().mean(), comparisons, bestGain, onTop, forHalf, onTopOfRos, forHalfOfRos, text);
    }

    /**
     * @param arm an arm
     * @return its comparison with the baseline
     * @throws IllegalArgumentException when the family has no such arm
     */
    public ArmComparison comparison(Arm arm) {
        return vsBaseline.stream().filter(c -> c.arm() == arm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the family has no arm " + arm));
    }

    /**
     * @param a an arm
     * @param b another arm over the same seeds
     * @return a's macro-F1 minus b's, paired by seed
     * @throws IllegalArgumentException when the seeds differ
     */
    static PairedDifference macroF1Difference(ArmSummary a, ArmSummary b) {
        List<Long> seedsA = a.runs().stream().map(ArmScores::seed).toList();
        List<Long> seedsB = b.runs().stream().map(ArmScores::seed).toList();
        if (!seedsA.equals(seedsB)) {
            throw new IllegalArgumentException("cannot pair " + a.arm() + " (seeds " + seedsA + ") with " + b.arm()
                    + " (seeds " + seedsB + ")");
        }
        // two macro-F1 values differ by at most 1 either way: the t interval is clipped there, as the gains' are
        return PairedDifference.of(a.runs().stream().mapToDouble(ArmScores::macroF1).toArray(),
                b.runs().stream().mapToDouble(ArmScores::macroF1).toArray()).clippedTo(-1, 1);
    }

    /** @return a hybrid or mix arm minus the cheap arm it rebalances with, or null without both */
    private static PairedDifference blendGain(List<ArmSummary> arms, Arm blend) {
        ArmSummary cheap = find(arms, blend.rebalancing());
        ArmSummary mixed = find(arms, blend);
        return cheap == null || mixed == null ? null : macroF1Difference(mixed, cheap);
    }

    private static ArmSummary find(List<ArmSummary> arms, Arm arm) {
        return arms.stream().filter(a -> a.arm() == arm).findFirst().orElse(null);
    }

    /** @return the verdict's first sentences: the best policy and its gain over the best cheap baseline */
    private static String text(String trainer, ArmSummary best, ArmSummary baseline, PairedDifference bestGain,
                               List<ArmComparison> comparisons, int seeds) {
        StringBuilder s = new StringBuilder(trainer).append(": best policy ").append(best.arm().title())
                .append(String.format(Locale.ROOT, " (macro-F1 %.3f)", best.macroF1().mean()));
        if (bestGain != null && sameOnEverySeed(best, baseline)) {
            // "+0.000 [+0.000, +0.000] against the best cheap baseline" of two arms that trained one model (a check,
            // 6 Dec): on balanced training data every class weight is 1; said as a condition, since imbalanced data
            // whose two models scored alike were told so too (a fresh user, 7 Dec)
            s.append(", the same macro-F1 on every seed as the best cheap baseline, ").append(baseline.arm().title())
                    .append(best.arm() == Arm.REAL && baseline.arm() == Arm.CLASS_WEIGHTS
                            ? " (they are one model where the training data are balanced, as every class weight is 1 "
                            + "there; on other data, two models that score alike)" : "").append('.');
        } else if (bestGain != null) {
            s.append(", ").append(difference(bestGain)).append(" against the best cheap baseline, ")
                    .append(baseline.arm().title()).append(String.format(Locale.ROOT, " (%.3f)",
                            baseline.macroF1().mean())).append(significance(bestGain, seeds)).append('.');
        } else {
            s.append(", itself the best cheap baseline");
            ArmComparison next = comparisons.stream().filter(c -> c.vsBaseline() != null)
                    .max((x, y) -> Double.compare(x.macroF1().mean(), y.macroF1().mean())).orElse(null);
            if (next != null) {
                s.append("; the next best, ").append(next.arm().title()).append(", is ")
                        .append(difference(next.vsBaseline())).append(" against it");
            }
            s.append('.');
        }
        return s.toString();
    }

    /** @return whether the two arms scored the same macro-F1 on each seed */
    private static boolean sameOnEverySeed(ArmSummary a, ArmSummary b) {
        return java.util.stream.IntStream.range(0, a.runs().size())
                .allMatch(i -> a.runs().get(i).macroF1() == b.runs().get(i).macroF1());
    }

    /** @return what the GAN adds on top of, and in place of half of, one rebalancing, or "" without either */
    private static String blendText(PairedDifference onTop, PairedDifference forHalf, String rebalancing) {
        String name = rebalancing.equals("SMOTE") ? "" : " " + rebalancing;
        StringBuilder s = new StringBuilder();
        if (onTop != null) {
            s.append(" What the GAN adds on top of rebalancing (hybrid").append(name).append(" - ").append(rebalancing)
                    .append("): ").append(difference(onTop));
            s.append(forHalf == null ? "." : "; the GAN for half of " + rebalancing + "'s samples (mix" + name + " - "
                    + rebalancing + "): " + difference(forHalf) + ".");
        } else if (forHalf != null) {
            s.append(" The GAN for half of ").append(rebalancing).append("'s samples (mix").append(name).append(" - ")
                    .append(rebalancing).append("): ").append(difference(forHalf)).append('.');
        }
        return s.toString();
    }

    private static String significance(PairedDifference d, int seeds) {
        if (!d.difference().hasInterval()) {
            return "";
        }
        return d.significant() ? ": significant with " + seeds + " seeds (the paired 95% interval excludes 0)"
                : ": not significant with " + seeds + " seeds (the paired 95% interval includes 0)";
    }

    /**
     * @param d a paired difference
     * @return "+0.004 [-0.011, +0.018]", or "+0.004" without an interval
     */
    static String difference(PairedDifference d) {
        return d.text(3);
    }
}
