package dev.augment.eval.protocol;

import dev.augment.eval.quality.PixelClassifier;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An all-zero row (a black image) is valid data for the evaluation and the training quality check: the
 * {@link TribuoData} conversion keeps its features as explicit zeros, so Tribuo accepts it for training and
 * every trainer's model predicts it, even a model that never saw one. Before, Tribuo refused it with "Example had
 * duplicate features, invalid features or no features".
 */
class AllZeroExamplesEvaluationTest {

    private static final int SIDE = 4;
    private static final SampleSchema SCHEMA = new SampleSchema(names(), List.of(1, SIDE, SIDE), 0, 255,
            List.of("0", "1"), List.of("left", "right"));

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SIDE * SIDE; i++) {
            names.add(String.format("%02d", i));
        }
        return names;
    }

    /** Class 0 lights the left half, class 1 the right half; no row is all zero. */
    private static float[][] rows(int count) {
        float[][] rows = new float[count][SIDE * SIDE];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < SIDE * SIDE; i++) {
                boolean left = i % SIDE < SIDE / 2;
                rows[r][i] = (left == (r % 2 == 0)) ? 100 + r : 0;
            }
        }
        return rows;
    }

    private static int[] classes(int count) {
        int[] classes = new int[count];
        for (int r = 0; r < count; r++) {
            classes[r] = r % 2;
        }
        return classes;
    }

    @Test
    void anAllZeroRowBecomesAnExampleWithEveryFeatureAtZero() {
        MutableDataset<Label> dataset = new TribuoData(SCHEMA).dataset("black", new float[][] {new float[SIDE * SIDE]},
                new int[] {1});
        Example<Label> black = dataset.getExample(0);
        assertEquals(SIDE * SIDE, black.size());
        for (Feature feature : black) {
            assertEquals(0.0, feature.getValue());
        }
        assertEquals("1", black.getOutput().getLabel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "cart", "forest"})
    void everyTrainerTrainsOnAndPredictsAllZeroRows(String trainer) {
        TribuoData data = new TribuoData(SCHEMA);
        float[][] train = rows(20);
        train[3] = new float[SIDE * SIDE];
        Model<Label> withBlack = ClassifierSpec.parse(trainer).create(1L)
                .train(data.dataset("train", train, classes(20)));
        Model<Label> withoutBlack = ClassifierSpec.parse(trainer).create(1L)
                .train(data.dataset("train", rows(20), classes(20)));

        MutableDataset<Label> test = data.dataset("test", new float[][] {new float[SIDE * SIDE], rows(2)[0]},
                new int[] {0, 0});
        for (Model<Label> model : List.of(withBlack, withoutBlack)) {
            List<Prediction<Label>> predictions = model.predict(test);
            assertEquals(2, predictions.size());
            assertEquals("0", predictions.get(1).getOutput().getLabel(), "a left-lit row is class 0");
        }
    }

    @Test
    void qualityCheckClassifierPredictsAllZeroSamples() {
        float[][] train = rows(20);
        train[0] = new float[SIDE * SIDE];
        PixelClassifier classifier = PixelClassifier.train(SCHEMA, train, classes(20));
        int[] predicted = classifier.predict(new float[][] {new float[SIDE * SIDE], rows(2)[1]});
        assertTrue(predicted[0] == 0 || predicted[0] == 1);
        assertEquals(1, predicted[1]);
    }
}
