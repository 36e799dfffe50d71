package dev.augment.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditioningAndAverageTest {

    private final TinyData data = new TinyData(4, 8, 64, 9);

    @Test
    void samplesLandInTheRequestedClass(@TempDir Path dir) throws IOException {
        GanSettings settings = GanSettings.defaults(Architecture.MLP, 25, 16, 1);
        float[][] means = classMeans();
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir, false)) {
            int hits = 0;
            int total = 0;
            for (int c = 0; c < 4; c++) {
                float[] samples = gan.sample(c, 50, 3);
                for (int i = 0; i < 50; i++) {
                    float[] x = Arrays.copyOfRange(samples, i * 64, (i + 1) * 64);
                    hits += nearest(means, x) == c ? 1 : 0;
                    total++;
                }
            }
            // Chance is 0.25; the class is a bright square at its own place, so a working
            // conditional generator puts nearly every sample nearest its own class mean.
            assertTrue(hits >= 0.9 * total, "label consistency " + hits + "/" + total);
        }
    }

    @Test
    void exportedGeneratorIsTheMovingAverageNotTheLiveWeights(@TempDir Path dir) throws IOException {
        float[] z = noise(8);
        int[] labels = {0, 1, 2, 3, 0, 1, 2, 3};
        try (TrainedGan averaged = new GanTrainer(data.schema, GanSettings.defaults(Architecture.MLP, 2, 16, 4),
                TrainingListener.NONE).train(data.features, data.labels, dir.resolve("a"), false)) {
            assertFalse(Arrays.equals(averaged.generate(z, labels), averaged.generateLive(z, labels)));
        }
        try (TrainedGan raw = new GanTrainer(data.schema, GanSettings.defaults(Architecture.MLP, 2, 16, 4)
                .withEmaDecay(0f), TrainingListener.NONE).train(data.features, data.labels, dir.resolve("b"), false)) {
            assertArrayEquals(raw.generateLive(z, labels), raw.generate(z, labels), 1e-6f);
        }
    }

    @Test
    void bestScoringEpochIsExportedNotTheLast(@TempDir Path dir) throws IOException {
        GanSettings three = GanSettings.defaults(Architecture.MLP, 3, 16, 6);
        AtomicInteger calls = new AtomicInteger();
        QualityCheck prefersSecond = sampler -> {
            int epoch = calls.incrementAndGet();
            return new QualityCheck.Score(epoch == 2 ? 1.0 : 0.0,
                    JsonNodeFactory.instance.objectNode().put("calls", epoch));
        };
        float[] z = noise(4);
        int[] labels = {0, 1, 2, 3};
        float[] fromBest;
        try (TrainedGan gan = new GanTrainer(data.schema, three, TrainingListener.NONE, prefersSecond, 1)
                .train(data.features, data.labels, dir.resolve("a"), false)) {
            assertEquals(3, calls.get());
            assertEquals(2, gan.exportedEpoch());
            assertEquals(2, gan.scores().orElseThrow().path("epoch").asInt());
            fromBest = gan.generate(z, labels);
        }
        try (TrainedGan two = new GanTrainer(data.schema, three.withEpochs(2), TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("b"), false)) {
            assertArrayEquals(two.generate(z, labels), fromBest);
        }
    }

    private float[][] classMeans() {
        float[][] means = new float[4][64];
        int[] counts = new int[4];
        for (int i = 0; i < data.labels.length; i++) {
            counts[data.labels[i]]++;
            for (int j = 0; j < 64; j++) {
                means[data.labels[i]][j] += data.features[i][j];
            }
        }
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < 64; j++) {
                means[c][j] /= counts[c];
            }
        }
        return means;
    }

    private static int nearest(float[][] means, float[] x) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < means.length; c++) {
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                d += (x[j] - means[c][j]) * (x[j] - means[c][j]);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static float[] noise(int n) {
        SplittableRandom random = new SplittableRandom(2);
        float[] z = new float[n * 64];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
