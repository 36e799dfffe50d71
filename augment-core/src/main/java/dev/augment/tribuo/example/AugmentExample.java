package dev.augment.tribuo.example;

import dev.augment.data.DataSources;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import org.tribuo.DataSource;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trains a logistic regression on an imbalanced Fashion-MNIST sample (only 10 pullovers, coats and
 * shirts), once on the real examples and once with synthetic ones from the shipped generator that
 * balance every class, and prints both accuracies on the test split.
 *
 * <p>Arguments, both optional: the data folder (default {@code datasets/fashion-mnist-sample}) and the
 * generator (default {@code models/fashion-mnist.onnx}), found from the repository or a module folder.
 */
public final class AugmentExample {

    /**
     * What the example measured.
     *
     * @param realAccuracy test accuracy of the model trained on the real examples only
     * @param augmentedAccuracy test accuracy of the model trained on real plus synthetic examples
     * @param syntheticCounts synthetic examples added to each label
     * @param augmentedData the augmented training data
     * @param augmentedModel the model trained on it
     */
    public record Result(double realAccuracy, double augmentedAccuracy, Map<String, Integer> syntheticCounts,
                         Dataset<Label> augmentedData, Model<Label> augmentedModel) {
    }

    private AugmentExample() {
    }

    /** @param args optional data folder and generator file */
    public static void main(String[] args) {
        // Tribuo's trainers log their progress at INFO; the example prints its results only.
        Logger tribuo = Logger.getLogger("org.tribuo");
        tribuo.setLevel(Level.WARNING);
        runExample(args);
    }

    /**
     * @param args optional data folder and generator file
     * @return both accuracies, the synthetic counts, the augmented data and model
     */
    public static Result runExample(String... args) {
        Path data = locate(args, 0, "datasets/fashion-mnist-sample");
        Path generatorFile = locate(args, 1, "models/fashion-mnist.onnx");
        if (!Files.exists(data)) { // it was "has no test split of its own" (a fresh user, 6 Dec)
            throw new IllegalArgumentException(data + ": data not found; give a data folder that has a test split");
        }
        if (!DataSources.hasTestSplit(data)) {
            // Split.TEST of a layout without a test part reads the training examples again
            throw new IllegalArgumentException(data + " has no test split of its own (t10k-* IDX files, train/ and "
                    + "test/ folders, or CIFAR's test_batch), so a test accuracy would be measured on training "
                    + "examples; "
                    + "give a data set with one");
        }
        SchemaDataSource train = DataSources.open(data, Split.TRAIN, null);
        MutableDataset<Label> test = new MutableDataset<>(DataSources.open(data, Split.TEST, null));

        // An imbalanced training set: only the first 10 examples of Pullover (2), Coat (4) and Shirt (6).
        Set<String> rare = Set.of("2", "4", "6");
        Map<String, Integer> seen = new HashMap<>();
        List<Example<Label>> kept = new ArrayList<>();
        for (Example<Label> example : train) {
            String label = example.getOutput().getLabel();
            if (!rare.contains(label) || seen.merge(label, 1, Integer::sum) <= 10) {
                kept.add(example);
            }
        }
        if (!seen.keySet().containsAll(rare)) {
            // CIFAR-10's labels are names: nothing was cut or added, and the two accuracies were one model's (6 Dec)
            throw new IllegalArgumentException(data + " has no examples labelled " + rare.stream().filter(l ->
                    !seen.containsKey(l)).sorted().toList() + " (its labels: " + train.schema().labels() + "); the "
                    + "example cuts labels 2, 4 and 6 to 10 examples each, so give data labelled 0-9 as "
                    + "Fashion-MNIST is, with its generator");
        }
        DataSource<Label> imbalanced = new ListDataSource<>(kept, train.getOutputFactory(),
                new SimpleDataSourceProvenance("Fashion-MNIST sample, 10 examples of labels 2, 4 and 6",
                        train.getOutputFactory()));

        LabelEvaluator evaluator = new LabelEvaluator();
        Model<Label> realModel = new LogisticRegressionTrainer().train(new MutableDataset<>(imbalanced));
        double realAccuracy = evaluator.evaluate(realModel, test).accuracy();

        try (OnnxGenerator generator = OnnxGenerator.load(generatorFile, ExecutionDevice.CPU)) {
            // Grow every class to the largest; synthetic examples weigh half as much as real ones.
            AugmentingDataSource augmented = new AugmentingDataSource(imbalanced, generator,
                    AugmentationPolicy.balance(), 7L, 0.5f);
            MutableDataset<Label> augmentedData = new MutableDataset<>(augmented);
            Model<Label> augmentedModel = new LogisticRegressionTrainer().train(augmentedData);
            double augmentedAccuracy = evaluator.evaluate(augmentedModel, test).accuracy();

            System.out.println("synthetic examples per label: " + augmented.syntheticCounts());
            System.out.printf("test accuracy on %d examples: real %.3f, real + synthetic %.3f%n",
                    test.size(), realAccuracy, augmentedAccuracy);
            return new Result(realAccuracy, augmentedAccuracy, augmented.syntheticCounts(), augmentedData,
                    augmentedModel);
        }
    }

    /** The argument if given, else the path from the repository root or, failing that, from a module folder. */
    private static Path locate(String[] args, int index, String fromRoot) {
        if (args.length > index) {
            return Path.of(args[index]);
        }
        Path path = Path.of(fromRoot);
        return Files.exists(path) ? path : Path.of("..").resolve(fromRoot);
    }
}
