package dev.augment.oversample.filter;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

import java.util.Arrays;
import java.util.List;

/**
 * The classifier behind the generation-time filter ({@link GenerationFilter}): a multinomial logistic regression
 * (Tribuo's {@link LinearSGDTrainer} with {@link LogMulticlass}, AdaGrad(1.0), 5 epochs, seeded: the evaluation's
 * {@code logistic} family) trained on real rows only, and asked for the softmax probability of the requested
 * class. Rows become Tribuo examples through the caller's {@link Examples} (the image evaluation's scaled pixels,
 * the table evaluation's standardised dense vectors, the Tribuo plugin's {@code FilterRows}), the same conversion
 * for the training rows and the candidates.
 */
public final class FilterClassifier implements ClassProbability {

    /** The classifier family of the filter, as the evaluation's {@code ClassifierSpec} names it. */
    public static final String TRAINER = "logistic";

    /** The trainer in words. */
    public static final String MODEL = "multinomial logistic regression, Tribuo LinearSGDTrainer with "
            + "LogMulticlass, AdaGrad(1.0), 5 epochs";

    /** The filter classifier of the evaluation in words, for its reports. */
    public static final String DESCRIPTION = description("the run's seed", "the seed's real training split");

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
     * @param seededWith where the trainer's seed comes from, e.g. "the run's seed"
     * @param trainedOn the real rows it learns, e.g. "the seed's real training split"
     * @return the classifier in words: {@link #MODEL}, its seed, its data and its score
     */
    public static String description(String seededWith, String trainedOn) {
        return MODEL + ", seeded with " + seededWith + ", on " + trainedOn
                + "; scored by its softmax probability of the requested class";
    }

    /**
     * @param seed the seed
     * @return the filter's trainer: {@link LinearSGDTrainer}, {@link LogMulticlass}, AdaGrad(1.0, epsilon 0.1),
     *     5 epochs, minibatch 1, no progress logging, seeded
     */
    public static Trainer<Label> trainer(long seed) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, Integer.MAX_VALUE, 1, seed);
    }

    /**
     * @param description what the rows are, for the training dataset's provenance
     * @param rows real rows only (never test rows, never generated ones), in feature scale
     * @param classes their class indices
     * @param labels the Tribuo label of each class index
     * @param examples how rows become Tribuo examples
     * @param seed the seed of the trainer
     * @return the trained filter classifier
     * @throws IllegalArgumentException when there are no rows, or rows and classes differ in length
     */
    public static FilterClassifier train(String description, float[][] rows, int[] classes, List<Label> labels,
                                         Examples examples, long seed) {
        if (rows.length == 0 || rows.length != classes.length) {
            throw new IllegalArgumentException("the filter classifier needs training rows with a class each, had "
                    + rows.length + " rows and " + classes.length + " classes");
        }
        Dataset<Label> training = examples.of(description, rows, classes);
        Model<Label> model = trainer(seed).train(training);
        return new FilterClassifier(model, examples, labels, rows.length);
    }

    /** @return the trained model; its dataset provenance counts the real rows it learned */
    public Model<Label> model() {
        return model;
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
