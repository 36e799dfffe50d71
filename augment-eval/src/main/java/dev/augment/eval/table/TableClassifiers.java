package dev.augment.eval.table;

import dev.augment.eval.protocol.ClassifierSpec;
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
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdStandardizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Tribuo datasets and trainers for table rows. Rows are the table's Tribuo-scale feature vectors (numeric
 * values in their own units, categories one-hot), every feature present (dense, so a 0 is a value). Every
 * trainer is wrapped in Tribuo's {@link TransformTrainer} with a {@link MeanStdStandardizer} per feature,
 * fitted on the arm's own training set (densified): logistic regression's SGD needs features on one scale
 * (credit amounts in thousands beside one-hot zeros and ones), and a tree is indifferent to it. This is the
 * pipeline a Tribuo user would build on a CSV; the classifier never sees the test rows before testing.
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
     * @param description what the data is, for provenance
     * @param rows feature vectors
     * @param classes class index per row
     * @param weights weight per row, or null for 1
     * @return the dataset
     */
    public MutableDataset<Label> dataset(String description, List<float[]> rows, List<Integer> classes,
                                         float[] weights) {
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
     * @param spec the classifier family
     * @param seed the run's seed
     * @return the family's trainer behind a per-feature standardisation
     */
    public static Trainer<Label> trainer(ClassifierSpec spec, long seed) {
        return new TransformTrainer<>(spec.create(seed),
                new TransformationMap(List.of(new MeanStdStandardizer())), true);
    }

    /**
     * Trains on one arm's set and tests on the real test rows.
     *
     * @param spec the classifier family
     * @param training the arm's training set
     * @param test the real test set
     * @param seed the run's seed
     * @return macro-F1, accuracy, recall per class (NaN counted as 0) and the wall time
     */
    public dev.augment.eval.protocol.ArmScores score(ClassifierSpec spec, MutableDataset<Label> training,
                                                     MutableDataset<Label> test, long seed) {
        long start = System.nanoTime();
        Model<Label> model = trainer(spec, seed).train(training);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        List<Double> recall = new ArrayList<>();
        double sum = 0;
        for (Label label : labels) {
            double r = evaluation.recall(label);
            r = Double.isNaN(r) ? 0 : r;
            recall.add(r);
            sum += r;
        }
        double macroF1 = evaluation.macroAveragedF1();
        return new dev.augment.eval.protocol.ArmScores(seed, training.size(), evaluation.accuracy(),
                Double.isNaN(macroF1) ? 0 : macroF1, sum / recall.size(), recall, (System.nanoTime() - start) / 1e9);
    }
}
