package dev.augment.eval.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SMOTE interpolates between an example and one of its same-class neighbours (Chawla et al. 2002); a class with one
 * training example has none, so SMOTE copies it ({@code dev.augment.oversample.Smote}) and its arms are random
 * oversampling for that class. A fresh user's evaluation with one Dress image left gave "real + SMOTE" exactly the ROS
 * arm's figures, and "hybrid − SMOTE" was really hybrid − ROS, without a word: this names such classes.
 */
public final class SmoteCopies {

    /** The arms with SMOTE's rows in them. */
    private static final Set<Arm> WITH_SMOTE = EnumSet.of(Arm.SMOTE, Arm.HYBRID, Arm.MIX);

    private SmoteCopies() {
    }

    /**
     * @param trainCounts per seed, the training split's examples per class
     * @param fillEmpty as {@link TopUp#of}: whether the evaluation's arms top up a class without examples
     * @param classNames the class names, by index
     * @param arms the run's arms
     * @return a caveat naming the classes that have exactly one training example in some seed's split, when an
     *     arm uses SMOTE and SMOTE adds to them ({@link TopUp}: the class is smaller than the largest, or the split
     *     is balanced, as {@code --scenario low-data --per-class 1}); empty otherwise
     */
    public static Optional<String> caveat(List<int[]> trainCounts, boolean fillEmpty, List<String> classNames,
                                          Collection<Arm> arms) {
        if (arms.stream().noneMatch(WITH_SMOTE::contains)) {
            return Optional.empty();
        }
        List<String> single = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            final int cls = c;
            boolean one = trainCounts.stream().anyMatch(counts -> counts[cls] == 1
                    && TopUp.of(counts, fillEmpty)[cls] > 0);
            if (one) {
                single.add("'" + classNames.get(c) + "'");
            }
        }
        if (single.isEmpty()) {
            return Optional.empty();
        }
        // at most ten named, as the other caveats do: 100 classes of two rows were one line of 100 names (7 Dec)
        return Optional.of(dev.augment.eval.Evaluation.firstOf(single) + (single.size() == 1 ? " has" : " have")
                + " one training "
                + "example in a seed's split; SMOTE has no neighbour to interpolate with and copies it, so for "
                + (single.size() == 1 ? "that class" : "those classes") + " the SMOTE arm (and SMOTE's part of hybrid "
                + "and mix) is random oversampling");
    }

    /**
     * SMOTE's k is clamped to a class's size − 1 ({@code dev.augment.oversample.Smote}); {@code oversample} says so per
     * class, while an evaluation's report said "k = 5" of classes of two to five training examples (a fresh user, 6
     * Dec).
     *
     * @param trainCounts per seed, the training split's examples per class
     * @param fillEmpty as {@link TopUp#of}
     * @param classNames the class names, by index
     * @param arms the run's arms
     * @param method the method's name as the report names it ("SMOTE", or "SMOTE-NC" on a table with categories)
     * @return a caveat naming the classes SMOTE adds to with fewer than {@value
     *     dev.augment.oversample.Smote#DEFAULT_K} neighbours in some seed's split (two to five examples), with the
     *     k used; empty when no arm uses SMOTE or no class is that small
     */
    public static Optional<String> clampedK(List<int[]> trainCounts, boolean fillEmpty, List<String> classNames,
                                            Collection<Arm> arms, String method) {
        if (arms.stream().noneMatch(WITH_SMOTE::contains)) {
            return Optional.empty();
        }
        int k = dev.augment.oversample.Smote.DEFAULT_K;
        List<String> small = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            final int cls = c;
            java.util.IntSummaryStatistics used = trainCounts.stream()
                    .filter(counts -> counts[cls] >= 2 && counts[cls] <= k && TopUp.of(counts, fillEmpty)[cls] > 0)
                    .mapToInt(counts -> counts[cls] - 1).summaryStatistics();
            if (used.getCount() > 0) {
                small.add("'" + classNames.get(c) + "' (k = " + (used.getMin() == used.getMax() ? used.getMin()
                        : used.getMin() + "–" + used.getMax()) + ")");
            }
        }
        if (small.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dev.augment.eval.Evaluation.firstOf(small) + (small.size() == 1 ? " has" : " have")
                + " at most " + k
                + " training examples in a seed's split, so " + method + " interpolates there with k = the class "
                + "size − 1 "
                + "neighbours instead of " + k);
    }
}
