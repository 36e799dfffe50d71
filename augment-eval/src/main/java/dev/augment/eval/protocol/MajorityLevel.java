package dev.augment.eval.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a classifier family learned anything from the real examples: its real-only arm against always predicting
 * the test split's largest class (Tribuo's {@code DummyClassifierTrainer.createMostFrequentTrainer()}). At that level
 * every gain over real only, and the synthetic-only ratio, says nothing about the added examples (a fresh user's
 * table whose real-only logistic regression scored 0.496, the majority level, and a Tribuo configuration of -4 epochs
 * whose every image arm predicted one class).
 */
public final class MajorityLevel {

    /** How far above the majority level real only must score to count as having learned. */
    public static final double ABOVE_MAJORITY = 0.01;

    private MajorityLevel() {
    }

    /**
     * @param testCounts test examples per class
     * @return the macro-F1 of always predicting the largest class: its F1, {@code 2p / (1 + p)} with {@code p} its
     *     share of the test examples, over the number of classes present (every other class's F1 is 0); in [0, 1]
     */
    public static double macroF1(int[] testCounts) {
        int total = Arrays.stream(testCounts).sum();
        if (total == 0) {
            return 0;
        }
        double share = (double) Arrays.stream(testCounts).max().orElse(0) / total;
        long classes = Arrays.stream(testCounts).filter(n -> n > 0).count();
        return 2 * share / (1 + share) / classes;
    }

    /**
     * @param family a classifier family's arms
     * @param testCounts test examples per class
     * @param examples what the data's examples are called in the message ("rows" for a table, "examples")
     * @return a caveat when the family's real-only mean macro-F1 is within {@value #ABOVE_MAJORITY} of the majority
     *     level (or below it); empty otherwise, or when the family has no real-only arm
     */
    public static Optional<String> caveat(FamilyArms family, int[] testCounts, String examples) {
        ArmSummary real = family.arms().stream().filter(a -> a.arm() == Arm.REAL).findFirst().orElse(null);
        if (real == null) {
            return Optional.empty();
        }
        double majority = macroF1(testCounts);
        double mean = real.macroF1().mean();
        if (mean > majority + ABOVE_MAJORITY) {
            return Optional.empty();
        }
        boolean syntheticOnly = family.arms().stream().anyMatch(a -> a.arm() == Arm.SYNTHETIC_ONLY);
        return Optional.of(String.format(Locale.ROOT, "%s (macro-F1 %.3f) is no better than always predicting the "
                + "majority class (%.3f on the test split): the classifier learned nothing of the other classes from "
                + "the real %s, so gains over real only%s say nothing about the added %s; compare the arms with each "
                + "other", prefix(family.trainer()), mean, majority, examples,
                syntheticOnly ? " and the synthetic-only ratio" : "", examples));
    }

    /**
     * @param trainer a classifier family's name
     * @return how {@link #caveat}'s text for that family begins
     */
    public static String prefix(String trainer) {
        return "under " + trainer + ", real only";
    }
}
