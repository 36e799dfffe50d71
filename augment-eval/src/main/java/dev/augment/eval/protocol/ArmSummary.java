package dev.augment.eval.protocol;

import dev.augment.eval.stats.MeanInterval;
import dev.augment.eval.stats.PairedDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One arm over all seeds: the per-seed scores, each metric's mean with its 95% t interval, and the
 * paired difference (arm − real only, paired by seed) with its interval. The differences are null
 * for the real-only arm itself.
 *
 * @param arm the arm
 * @param runs scores per seed, in seed order
 * @param accuracy mean accuracy and interval
 * @param macroF1 mean macro-F1 and interval
 * @param balancedAccuracy mean balanced accuracy and interval
 * @param recall mean recall and interval per class
 * @param accuracyGain accuracy minus real-only's, or null for real only
 * @param macroF1Gain macro-F1 minus real-only's, or null for real only
 * @param balancedAccuracyGain balanced accuracy minus real-only's, or null for real only
 * @param recallGain per-class recall minus real-only's, or null for real only
 */
public record ArmSummary(Arm arm, List<ArmScores> runs, MeanInterval accuracy, MeanInterval macroF1,
                         MeanInterval balancedAccuracy, List<MeanInterval> recall, PairedDifference accuracyGain,
                         PairedDifference macroF1Gain, PairedDifference balancedAccuracyGain,
                         List<PairedDifference> recallGain) {

    /** Requires the arm, at least one run, and gains exactly when the arm is not real only. */
    public ArmSummary {
        if (arm == null || runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("an arm and at least one run are required");
        }
        runs = List.copyOf(runs);
        recall = List.copyOf(recall);
        boolean hasGains = accuracyGain != null && macroF1Gain != null && balancedAccuracyGain != null
                && recallGain != null;
        if (hasGains == (arm == Arm.REAL)) {
            throw new IllegalArgumentException("gains are required for every arm but real only (" + arm + ")");
        }
        recallGain = recallGain == null ? null : List.copyOf(recallGain);
    }

    /**
     * @param arm the arm
     * @param runs its scores per seed
     * @param reference real-only's scores for the same seeds, or null when {@code arm} is real only
     * @return the summary
     */
    public static ArmSummary of(Arm arm, List<ArmScores> runs, List<ArmScores> reference) {
        int classes = runs.get(0).recall().size();
        List<MeanInterval> recall = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int k = c;
            recall.add(score(values(runs, s -> s.recall().get(k))));
        }
        if (reference == null) {
            return new ArmSummary(arm, runs, score(values(runs, ArmScores::accuracy)),
                    score(values(runs, ArmScores::macroF1)),
                    score(values(runs, ArmScores::balancedAccuracy)), recall, null, null, null, null);
        }
        if (reference.size() != runs.size()) {
            throw new IllegalArgumentException("need real-only scores for the same " + runs.size() + " seeds, had "
                    + reference.size());
        }
        List<PairedDifference> recallGain = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int k = c;
            recallGain.add(gain(values(runs, s -> s.recall().get(k)), values(reference, s -> s.recall().get(k))));
        }
        return new ArmSummary(arm, runs, score(values(runs, ArmScores::accuracy)),
                score(values(runs, ArmScores::macroF1)),
                score(values(runs, ArmScores::balancedAccuracy)), recall,
                gain(values(runs, ArmScores::accuracy), values(reference, ArmScores::accuracy)),
                gain(values(runs, ArmScores::macroF1), values(reference, ArmScores::macroF1)),
                gain(values(runs, ArmScores::balancedAccuracy), values(reference, ArmScores::balancedAccuracy)),
                recallGain);
    }

    /** The paired difference of two scores in [0, 1], its t interval clipped to [-1, 1], the range it can take. */
    private static PairedDifference gain(double[] arm, double[] reference) {
        return PairedDifference.of(arm, reference).clippedTo(-1, 1);
    }

    /** The mean of a score in [0, 1] over seeds, its t interval clipped to that range. */
    private static MeanInterval score(double[] values) {
        return MeanInterval.of(values).clippedTo(0, 1);
    }

    private static double[] values(List<ArmScores> runs, ToDoubleFunction<ArmScores> metric) {
        return runs.stream().mapToDouble(metric).toArray();
    }
}
