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
        return Optional.of(String.join(", ", single) + (single.size() == 1 ? " has" : " have") + " one training "
                + "example in a seed's split; SMOTE has no neighbour to interpolate with and copies it, so for "
                + (single.size() == 1 ? "that class" : "those classes") + " the SMOTE arm (and SMOTE's part of hybrid "
                + "and mix) is random oversampling");
    }
}
