package dev.augment.eval.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.eval.embedding.EmbeddingNetwork;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.embedding.EmbeddingTrainer;
import dev.augment.eval.metrics.ClassDiagnoser;
import dev.augment.eval.metrics.ClassVerdict;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.sampler.ConditionalSampler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Planted generators run through the whole diagnostics pipeline (DJL embedding network trained on
 * the checked-in Fashion-MNIST sample, every metric, the default verdict rules) must each get
 * their verdict in every class. Per class, half of the sample's training examples are the
 * generator's training data and the other half are unseen real data; the test split is the
 * hold-out. The pixel noise ratio is measured in the sample's 28×28 image shape.
 */
class PlantedGeneratorsTest {

    private static final Path SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample");
    private static final long SEED = 3;

    private float[][][] training;
    private float[][][] unseen;
    private float[][][] holdout;
    private List<String> names;
    private GeneratorDiagnostics diagnostics;

    @BeforeEach
    void setUp() {
        SchemaDataSource trainSource = DataSources.open(SAMPLE, Split.TRAIN, null);
        DenseSamples train = DenseSamples.from(trainSource, trainSource.schema());
        SchemaDataSource testSource = DataSources.open(SAMPLE, Split.TEST, null);
        DenseSamples test = DenseSamples.from(testSource, testSource.schema());
        int classes = trainSource.schema().classCount();
        names = trainSource.schema().classNames();
        training = new float[classes][][];
        unseen = new float[classes][][];
        holdout = new float[classes][][];
        for (int c = 0; c < classes; c++) {
            float[][] members = train.ofClass(c).features();
            int half = members.length / 2;
            training[c] = Arrays.copyOfRange(members, 0, half);
            unseen[c] = Arrays.copyOfRange(members, half, members.length);
            holdout[c] = test.ofClass(c).features();
        }
        EmbeddingNetwork network = EmbeddingTrainer.train(train.features(), train.classIndices(), classes, 255f,
                EmbeddingSettings.defaults(SEED).withEpochs(15));
        diagnostics = new GeneratorDiagnostics(network, ClassDiagnoser.withDefaults(SEED), VerdictRules.defaults(),
                GeneratorDiagnostics.DEFAULT_CAP).withPixelNoiseOf(trainSource.schema());
    }

    private void assertEveryClass(ClassVerdict expected, ConditionalSampler generator) {
        for (ClassReport r : diagnostics.run(names, training, holdout, generator, SEED)) {
            assertEquals(expected, r.verdict(), r.className() + ": " + r.diagnostics() + " " + r.note());
        }
    }

    /** Rows of {@code sampler} plus N(0, sd²) noise on every pixel, clipped to [0, 255]. */
    private static ConditionalSampler withPixelNoise(ConditionalSampler sampler, double sd) {
        return (c, n, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed * 17 + c);
            float[][] out = new float[n][];
            float[][] rows = sampler.sample(c, n, seed);
            for (int i = 0; i < rows.length; i++) {
                out[i] = new float[rows[i].length];
                for (int d = 0; d < out[i].length; d++) {
                    out[i][d] = (float) Math.min(255, Math.max(0, rows[i][d] + sd * rng.nextGaussian()));
                }
            }
            return out;
        };
    }

    /**
     * A class whose real training images are all one blank image made the diversity ratio throw after every arm had
     * trained, and evaluate wrote nothing (a re-check, 6 Dec): it is not diagnosed, with a note, and the rest are.
     */
    @Test
    void aClassOfOneBlankImageIsNotDiagnosedAndTheOthersAre() {
        float[][][] blankFirst = training.clone();
        blankFirst[0] = new float[training[0].length][training[0][0].length];
        List<ClassReport> reports = diagnostics.run(names, blankFirst, holdout, new PoolSampler(unseen), SEED);
        assertEquals(null, reports.get(0).diagnostics(), reports.get(0).note());
        assertEquals(GeneratorDiagnostics.ONE_IMAGE, reports.get(0).note());
        assertEquals(ClassVerdict.HEALTHY, reports.get(1).verdict(), reports.get(1).note());
    }

    @Test
    void realHeldOutDataIsHealthy() {
        assertEveryClass(ClassVerdict.HEALTHY, new PoolSampler(unseen));
    }

    @Test
    void aFewSamplesPlusSmallNoiseIsModeCollapse() {
        assertEveryClass(ClassVerdict.MODE_COLLAPSE, (c, n, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            float[][] out = new float[n][];
            for (int i = 0; i < n; i++) {
                float[] mode = training[c][i % 3];
                out[i] = new float[mode.length];
                for (int d = 0; d < mode.length; d++) {
                    out[i][d] = (float) Math.min(255, Math.max(0, mode[d] + 2 * rng.nextGaussian()));
                }
            }
            return out;
        });
    }

    @Test
    void unseenRealImagesWithVisiblePixelNoiseAreNoisySamples() {
        // N(0, 20²) grain, clipped to [0, 255]: plainly visible on a 0-255 image, yet the embedding
        // still places the images in their class
        assertEveryClass(ClassVerdict.NOISY_SAMPLES, withPixelNoise(new PoolSampler(unseen), 20));
    }

    @Test
    void returningTrainingExamplesIsMemorisation() {
        assertEveryClass(ClassVerdict.MEMORISATION, new PoolSampler(training));
    }

    /**
     * A generator that copied every one of its training images was flagged in 3 classes of 10 when the training side
     * outnumbered the hold-out: only copies of the subsample compared with the hold-out were seen (a fresh user,
     * 7 Dec). Here 100 training images a class against 20 hold-out ones.
     */
    @Test
    void copyingEveryTrainingImageIsMemorisationWhenTrainingOutnumbersTheHoldOut() {
        float[][][] all = new float[training.length][][];
        float[][][] few = new float[training.length][][];
        for (int c = 0; c < training.length; c++) {
            all[c] = java.util.stream.Stream.concat(Arrays.stream(training[c]), Arrays.stream(unseen[c]))
                    .toArray(float[][]::new);
            few[c] = Arrays.copyOf(holdout[c], GeneratorDiagnostics.MIN_SAMPLES);
        }
        for (ClassReport r : diagnostics.run(names, all, few, new PoolSampler(all), SEED)) {
            assertEquals(ClassVerdict.MEMORISATION, r.verdict(), r.className() + ": " + r.diagnostics());
            assertEquals(1.0, r.diagnostics().nearDuplicateShare(), r.className() + ": every sample is a copy");
        }
    }

    /**
     * The same search beyond the compared subsample raises no false alarm of memorisation on unseen real images (with
     * 20 samples a class the pixel noise ratio alone is too unsteady to ask for healthy everywhere).
     */
    @Test
    void unseenRealImagesAreNoMemorisationWhenTrainingOutnumbersTheHoldOut() {
        float[][][] few = new float[training.length][][];
        for (int c = 0; c < training.length; c++) {
            few[c] = Arrays.copyOf(holdout[c], GeneratorDiagnostics.MIN_SAMPLES);
        }
        for (ClassReport r : diagnostics.run(names, training, few, new PoolSampler(unseen), SEED)) {
            assertTrue(r.verdict() != ClassVerdict.MEMORISATION, r.className() + ": " + r.diagnostics());
        }
    }

    @Test
    void samplesOfTheNextClassAreLabelDrift() {
        PoolSampler real = new PoolSampler(unseen);
        assertEveryClass(ClassVerdict.LABEL_DRIFT, (c, n, seed) -> real.sample((c + 1) % unseen.length, n, seed));
    }
}
