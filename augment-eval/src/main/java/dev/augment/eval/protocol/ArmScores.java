package dev.augment.eval.protocol;

import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;

import java.util.ArrayList;
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

    /**
     * The scores of one trained model on a test set, shared by the image and the table evaluations.
     *
     * @param evaluation Tribuo's evaluation of the model on the test set
     * @param labels every class's label, in class-index order (recall is listed in this order)
     * @param seed the run's seed
     * @param trainingSize examples the model trained on
     * @param startNanos {@link System#nanoTime()} when training started
     * @return accuracy, macro-F1 and per-class recall (a NaN, from a class absent from the test set or never
     *     predicted, counted as 0), balanced accuracy and the wall time since {@code startNanos}
     */
    public static ArmScores of(LabelEvaluation evaluation, List<Label> labels, long seed, int trainingSize,
                               long startNanos) {
        List<Double> recall = new ArrayList<>();
        double sum = 0;
        for (Label label : labels) {
            double r = evaluation.recall(label);
            r = Double.isNaN(r) ? 0 : r;
            recall.add(r);
            sum += r;
        }
        double macroF1 = evaluation.macroAveragedF1();
        return new ArmScores(seed, trainingSize, evaluation.accuracy(), Double.isNaN(macroF1) ? 0 : macroF1,
                sum / recall.size(), recall, (System.nanoTime() - startNanos) / 1e9);
    }
}
