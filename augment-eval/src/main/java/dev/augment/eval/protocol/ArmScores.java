package dev.augment.eval.protocol;

import java.util.List;

/**
 * One arm's test scores for one seed.
 *
 * @param seed the run's seed
 * @param trainingSize examples the classifier was trained on
 * @param accuracy share of test examples classified correctly, in [0, 1]
 * @param macroF1 unweighted mean of the per-class F1 scores, in [0, 1]
 * @param balancedAccuracy unweighted mean of the per-class recalls, in [0, 1]
 * @param recall recall of each class, by class index, each in [0, 1]
 * @param seconds wall time of training and testing
 */
public record ArmScores(long seed, int trainingSize, double accuracy, double macroF1, double balancedAccuracy,
                        List<Double> recall, double seconds) {

    /** Validates the ranges. */
    public ArmScores {
        check("accuracy", accuracy);
        check("macroF1", macroF1);
        check("balancedAccuracy", balancedAccuracy);
        recall = List.copyOf(recall);
        for (int c = 0; c < recall.size(); c++) {
            check("recall[" + c + "]", recall.get(c));
        }
        if (trainingSize < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("trainingSize and seconds must be >= 0, were " + trainingSize
                    + " and " + seconds);
        }
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
