package dev.augment.eval.protocol;

import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.eval.sampler.FilteredSampler;
import dev.augment.eval.sampler.SeedFilter;
import dev.augment.oversample.filter.FilterClassifier;
import dev.augment.oversample.filter.FilterCounts;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generation-time filter with its real classifier (Tribuo's logistic regression on {@link TribuoData}'s
 * examples): planted bad samples are dropped, results repeat, and the classifier learns the training split only.
 */
class FilterClassifierTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("x", "y"), List.of(2), 0, 255,
            List.of("0", "1"), List.of("left", "right"));
    private static final TribuoData DATA = new TribuoData(SCHEMA);

    /** Class 0 is bright in x and dark in y, class 1 the opposite, each with noise of ±20. */
    private static float[] row(int classIndex, SplittableRandom random) {
        float bright = 200 + (float) random.nextDouble(-20, 20);
        float dark = 30 + (float) random.nextDouble(-20, 20);
        return classIndex == 0 ? new float[] {bright, dark} : new float[] {dark, bright};
    }

    private static float[][] rows(int[] classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[classes.length][];
        for (int i = 0; i < classes.length; i++) {
            out[i] = row(classes[i], random);
        }
        return out;
    }

    private static int[] alternating(int n) {
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 2;
        }
        return classes;
    }

    /**
     * Sample i of every class's stream is a good row of that class when i is even, and a clear row of the
     * other class when i is odd: half of every stream is mislabelled.
     */
    private static float[][] plantedStream(int classIndex, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + classIndex);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = row(i % 2 == 0 ? classIndex : 1 - classIndex, random);
        }
        return out;
    }

    private static FilterClassifier classifier(long seed) {
        int[] classes = alternating(60);
        return FilterClassifier.train("training rows", rows(classes, 1L), classes, DATA.labels(), DATA::dataset, seed);
    }

    @Test
    void keepsOnlyTheGoodSamplesOfAStreamThatAlternatesWithTheOtherClassAndCountsTheDrops() {
        FilteredSampler sampler = new FilteredSampler(FilterClassifierTest::plantedStream, classifier(7L), 2);
        float[][] kept = sampler.sample(0, 10, 5L);
        float[][] candidates = plantedStream(0, 20, 5L);
        float[][] good = new float[10][];
        for (int k = 0; k < 10; k++) {
            good[k] = candidates[2 * k];
        }
        assertArrayEquals(good, kept, "exactly the even (class 0) candidates, in stream order");
        List<FilterCounts> counts = sampler.counts();
        assertEquals(1, counts.size());
        FilterCounts c = counts.get(0);
        assertEquals(0, c.classIndex());
        assertEquals(20, c.drawn());
        assertEquals(10, c.kept());
        assertEquals(10, c.dropped());
        assertTrue(c.meanKeptProbability() > 0.8, "kept look like class 0: " + c.meanKeptProbability());
        assertTrue(c.meanDroppedProbability() < 0.2, "dropped look like class 1: " + c.meanDroppedProbability());
    }

    @Test
    void theFilterTrainerIsTheLogisticFamilyOfTheArms() {
        // augment-core builds the filter's trainer itself; it must stay the evaluation's logistic family
        assertEquals(ClassifierSpec.parse(FilterClassifier.TRAINER).create(7L).getProvenance(),
                FilterClassifier.trainer(7L).getProvenance());
        assertEquals(FilteredSamplers.describe(2).get("classifier"), "logistic (multinomial logistic regression, "
                + "Tribuo LinearSGDTrainer with LogMulticlass, AdaGrad(1.0), 5 epochs, seeded with the run's seed, on "
                + "the seed's real training split; scored by its softmax probability of the requested class)");
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        float[][] first = new FilteredSampler(FilterClassifierTest::plantedStream, classifier(7L), 1.5)
                .sample(1, 40, 11L);
        float[][] second = new FilteredSampler(FilterClassifierTest::plantedStream, classifier(7L), 1.5)
                .sample(1, 40, 11L);
        assertArrayEquals(first, second);
        assertEquals(40, first.length);
    }

    @Test
    void theFilterClassifierLearnsEachSeedsTrainingSplitAndNeverTheTestRows() {
        int[] trainClasses = alternating(40);
        float[][] train = rows(trainClasses, 2L);
        int[] testClasses = alternating(20);
        float[][] test = rows(testClasses, 3L);
        Set<float[]> trainRows = Collections.newSetFromMap(new IdentityHashMap<>());
        trainRows.addAll(List.of(train));
        Set<float[]> testRows = Collections.newSetFromMap(new IdentityHashMap<>());
        testRows.addAll(List.of(test));
        List<float[][]> seen = new ArrayList<>();
        SamplerProvider planted = (seed, x, y) -> (ConditionalSampler) FilterClassifierTest::plantedStream;
        FilteredSamplers filtered = new FilteredSamplers(planted, 2, (seed, x, y) -> {
            seen.add(x);
            return FilterClassifier.train(FilteredSamplers.trainingDescription(seed), x, y, DATA.labels(),
                    DATA::dataset, seed);
        });
        Scenario imbalanced = new Scenario(Scenario.Kind.IMBALANCED, List.of("1"), 0.5, 0);
        MutableDataset<Label> testSet = DATA.dataset("test", test, testClasses);
        new ClassifierExperiment(DATA, List.of(ClassifierSpec.parse("logistic")), imbalanced, List.of(Arm.values()))
                .run(train, trainClasses, testSet, List.of(1L, 2L), filtered, line -> { });
        assertEquals(2, seen.size(), "one filter classifier per seed");
        for (float[][] x : seen) {
            assertEquals(30, x.length, "20 of class 0 and half of the 20 of class 1: the seed's training split");
            for (float[] row : x) {
                assertTrue(trainRows.contains(row), "a filter row is a training row");
                assertFalse(testRows.contains(row), "a filter row is never a test row");
            }
        }
        List<SeedFilter> report = filtered.seeds();
        assertEquals(List.of(1L, 2L), report.stream().map(SeedFilter::seed).toList());
        for (SeedFilter f : report) {
            assertEquals(30, f.trainingRows());
            assertEquals(f.drawn(), 2 * f.kept(), "a factor of 2 drops half");
            assertTrue(f.text(SCHEMA.classNames()).startsWith("seed " + f.seed() + ": kept "), f.text(SCHEMA.classNames()));
        }
    }
}
