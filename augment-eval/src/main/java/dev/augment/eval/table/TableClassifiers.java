package dev.augment.eval.table;

import dev.augment.data.Standardisation;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.FilteredSamplers;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.oversample.filter.FilterClassifier;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * Tribuo datasets and scores for table rows. Rows are the table's Tribuo-scale feature vectors (numeric
 * values in their own units, categories one-hot), every feature present (dense, so a 0 is a value). Before
 * training, every feature is standardised with the mean and standard deviation of the arm's own training
 * set (a feature constant there becomes 0), and the test rows with the same statistics: logistic
 * regression's SGD needs features on one scale (credit amounts in thousands beside one-hot zeros and ones),
 * and a tree is indifferent to it. (Tribuo's {@code MeanStdDevTransformation} would do the same but divides
 * by a zero deviation when a one-hot feature is constant in a split.) The statistics never see test rows.
 */
public final class TableClassifiers {

    private final String[] featureNames;
    private final List<Label> labels;

    /**
     * @param featureNames the feature names, in vector order
     * @param labels the class labels, by class index
     */
    public TableClassifiers(List<String> featureNames, List<String> labels) {
        this.featureNames = featureNames.toArray(String[]::new);
        this.labels = labels.stream().map(Label::new).toList();
    }

    /**
     * @param description what the data is, for provenance (rows already standardised)
     * @param rows feature vectors
     * @param classes class index per row
     * @param weights weight per row, or null for 1
     * @return the dataset
     */
    MutableDataset<Label> dataset(String description, List<float[]> rows, List<Integer> classes, float[] weights) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, new LabelFactory()), new LabelFactory());
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            float[] row = rows.get(i);
            if (row.length != featureNames.length) {
                throw new IllegalArgumentException("row has " + row.length + " values, the table "
                        + featureNames.length + " features");
            }
            double[] values = new double[row.length];
            for (int d = 0; d < row.length; d++) {
                values[d] = row[d];
            }
            Example<Label> example = new ArrayExample<>(labels.get(classes.get(i)), featureNames, values);
            example.setWeight(weights == null ? 1f : weights[i]);
            examples.add(example);
        }
        dataset.addAll(examples);
        return dataset;
    }

    /**
     * Standardises the arm's rows and the test rows with the arm's statistics, trains one model of the family on
     * the arm and tests it on the test rows.
     *
     * @param spec the classifier family
     * @param arm the arm's training rows, classes and weights
     * @param test the real test rows
     * @param seed the run's seed
     * @return macro-F1, accuracy, recall per class (NaN counted as 0) and the wall time
     */
    public ArmScores score(ClassifierSpec spec, ArmRows arm, LabelledRows test, long seed) {
        long start = System.nanoTime();
        Standardisation standardisation = Standardisation.fit(arm.rows());
        MutableDataset<Label> training = dataset(arm.description(), standardisation.apply(arm.rows()), arm.classes(),
                arm.weights());
        MutableDataset<Label> testSet = dataset("test split of seed " + seed,
                standardisation.apply(java.util.Arrays.asList(test.rows())),
                java.util.Arrays.stream(test.classes()).boxed().toList(), null);
        Model<Label> model = spec.create(seed).train(training);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, testSet);
        return ArmScores.of(evaluation, labels, seed, training.size(), start);
    }

    /**
     * The generation-time filter's classifier for one seed ({@link FilterClassifier}): learned on the seed's real
     * training rows, standardised with their own statistics as an arm's rows are; candidates are standardised
     * with the same statistics.
     *
     * @param train the seed's real training rows only
     * @param seed the run's seed
     * @return the trained filter classifier
     */
    public FilterClassifier filterClassifier(LabelledRows train, long seed) {
        Standardisation standardisation = Standardisation.fit(java.util.Arrays.asList(train.rows()));
        return FilterClassifier.train(FilteredSamplers.trainingDescription(seed), train.rows(), train.classes(), labels,
                (description, rows, classes) ->
                dataset(description, standardisation.apply(java.util.Arrays.asList(rows)),
                        java.util.Arrays.stream(classes).boxed().toList(), null), seed);
    }
}
