package dev.augment.eval.protocol;

import dev.augment.eval.sampler.ClassProbability;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.Arrays;
import java.util.List;

/**
 * The classifier behind the generation-time filter ({@link dev.augment.eval.sampler.FilteredSampler}): the
 * evaluation's {@code logistic} family ({@link ClassifierSpec}: multinomial logistic regression by Tribuo's
 * {@code LinearSGDTrainer}, seeded with the run's seed) trained on one run's real training split only, and
 * asked for the softmax probability of the requested class. Rows become Tribuo examples through the caller's
 * {@link Examples} (the image evaluation's {@link TribuoData}, the table evaluation's standardised dense
 * vectors), the same conversion the arms' classifiers see.
 */
public final class FilterClassifier implements ClassProbability {

    /** The classifier family of the filter, as {@link ClassifierSpec#parse} names it. */
    public static final String TRAINER = "logistic";

    /** The filter classifier in words, for reports. */
    public static final String DESCRIPTION = "multinomial logistic regression, Tribuo LinearSGDTrainer with "
            + "LogMulticlass, AdaGrad(1.0), 5 epochs, seeded with the run's seed, on the seed's real training split; "
            + "scored by its softmax probability of the requested class";

    /** Turns rows in feature scale into a labelled Tribuo dataset. */
    @FunctionalInterface
    public interface Examples {

        /**
         * @param description what the rows are, for provenance
         * @param rows rows in feature scale
         * @param classes the class index of each row
         * @return the dataset, one example per row in order
         */
        Dataset<Label> of(String description, float[][] rows, int[] classes);
    }

    private final Model<Label> model;
    private final Examples examples;
    private final List<Label> labels;
    private final int trainingRows;

    private FilterClassifier(Model<Label> model, Examples examples, List<Label> labels, int trainingRows) {
        this.model = model;
        this.examples = examples;
        this.labels = List.copyOf(labels);
        this.trainingRows = trainingRows;
    }

    /**
     * @param rows the run's real training rows only (never test rows), in feature scale
     * @param classes their class indices
     * @param labels the Tribuo label of each class index
     * @param examples how rows become Tribuo examples
     * @param seed the run's seed, for the trainer
     * @return the trained filter classifier
     * @throws IllegalArgumentException when there are no rows, or rows and classes differ in length
     */
    public static FilterClassifier train(float[][] rows, int[] classes, List<Label> labels, Examples examples,
                                         long seed) {
        if (rows.length == 0 || rows.length != classes.length) {
            throw new IllegalArgumentException("the filter classifier needs training rows with a class each, had "
                    + rows.length + " rows and " + classes.length + " classes");
        }
        Dataset<Label> training = examples.of("real training split of seed " + seed + " (generation filter)", rows,
                classes);
        Model<Label> model = ClassifierSpec.parse(TRAINER).create(seed).train(training);
        return new FilterClassifier(model, examples, labels, rows.length);
    }

    /** @return how many real rows the classifier learned */
    public int trainingRows() {
        return trainingRows;
    }

    /**
     * @return the probability of {@code classIndex} for each row; 0 for a class the training split lacked
     */
    @Override
    public double[] of(int classIndex, float[][] rows) {
        if (rows.length == 0) {
            return new double[0];
        }
        int[] classes = new int[rows.length];
        Arrays.fill(classes, classIndex);
        List<Prediction<Label>> predictions = model.predict(examples.of("generated candidates", rows, classes));
        String name = labels.get(classIndex).getLabel();
        double[] p = new double[rows.length];
        for (int i = 0; i < p.length; i++) {
            Label scored = predictions.get(i).getOutputScores().get(name);
            p[i] = scored == null ? 0 : scored.getScore();
        }
        return p;
    }
}
