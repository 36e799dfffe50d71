package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small-data recipe: training counted in steps, balanced batches, DiffAugment, LeCam, mode seeking, recomputed
 * statistics.
 */
class SmallDataRecipeTest {

    private final TinyData data = new TinyData(4, 8, 24, 5);

    private static GanSettings.Builder fullRecipe(int steps) {
        return GanSettings.builder(Architecture.MLP).batchSize(16).seed(3).steps(steps).balancedBatches(true)
                .diffAugment("translation,cutout,brightness").lecamWeight(0.3f).recomputeBatchNorm(true);
    }

    @Test
    void stepsModeRunsExactlyTheAskedStepsAndChecksEveryInterval(@TempDir Path dir) throws IOException {
        AtomicInteger steps = new AtomicInteger();
        TrainingListener counting = new TrainingListener() {
            @Override
            public void stepFinished(int step, double lossD, double lossG) {
                steps.incrementAndGet();
            }
        };
        List<Integer> checks = new ArrayList<>();
        QualityCheck check = sampler -> {
            checks.add(steps.get());
            return new QualityCheck.Score(steps.get(), JsonNodeFactory.instance.objectNode());
        };
        try (TrainedGan gan = new GanTrainer(data.schema, fullRecipe(7).build(), counting, check, 3)
                .train(data.features, data.labels, dir, false)) {
            assertEquals(7, steps.get());
            assertEquals(List.of(3, 3, 1), gan.history().stream().map(EpochReport::steps).toList());
            assertEquals(List.of(3, 6, 7), checks);
            assertEquals(3, gan.exportedEpoch());
            assertEquals(7, gan.scores().orElseThrow().path("steps").asInt());
        }
        assertTrue(Files.exists(dir.resolve("samples-step-000006.png")));
        assertTrue(Files.exists(dir.resolve("samples-step-000007.png")));
    }

    @Test
    void resumingAStepsRunWithTheFullRecipeIsBitIdentical(@TempDir Path dir) throws IOException {
        float[] straight = trainedWeights(fullRecipe(8).build(), 4, dir.resolve("a"), false);
        new GanTrainer(data.schema, fullRecipe(4).build(), TrainingListener.NONE, null, 4)
                .train(data.features, data.labels, dir.resolve("b"), false).close();
        try (TrainedGan resumed = new GanTrainer(data.schema, fullRecipe(8).build(), TrainingListener.NONE, null, 4)
                .train(data.features, data.labels, dir.resolve("b"), true)) {
            assertEquals(8, resumed.history().stream().mapToInt(EpochReport::steps).sum());
            assertArrayEquals(straight, weights(resumed.exportGraph()));
        }
    }

    /**
     * The mode-seeking term (MSGAN) changes what G learns, repeats itself for a seed, and resumes bit-identically
     * (its second noise is keyed by the step, like the rest).
     */
    @Test
    void theModeSeekingTermChangesTrainingRepeatsAndResumes(@TempDir Path dir) throws IOException {
        float[] without = trainedWeights(fullRecipe(6).build(), 3, dir.resolve("off"), false);
        GanSettings.Builder seeking = fullRecipe(6).modeSeekingWeight(1f);
        float[] with = trainedWeights(seeking.build(), 3, dir.resolve("on"), false);
        assertTrue(!Arrays.equals(without, with), "the term changes the generator");
        new GanTrainer(data.schema, fullRecipe(3).modeSeekingWeight(1f).build(), TrainingListener.NONE, null, 3)
                .train(data.features, data.labels, dir.resolve("half"), false).close();
        dev.augment.errors.InvalidSettingException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> new GanTrainer(data.schema,
                        fullRecipe(6).build(), TrainingListener.NONE, null, 3)
                        .train(data.features, data.labels, dir.resolve("half"), true).close());
        assertTrue(refused.getMessage().contains("these differ: modeSeekingWeight 1.0 in the checkpoint, 0.0 now;"),
                "names the setting, not the whole record: " + refused.getMessage());
        assertArrayEquals(with, trainedWeights(seeking.build(), 3, dir.resolve("half"), true));
    }

    /** Checkpoints written before the setting existed trained without it, and resume as weight 0. */
    @Test
    void aZeroModeSeekingWeightKeepsTheCheckpointIdentityOfEarlierVersions() {
        String zero = CheckpointFormat.identity(fullRecipe(6).build());
        assertTrue(zero.endsWith(", convWidth=64]") && !zero.contains("modeSeeking"), zero);
        assertTrue(CheckpointFormat.identity(fullRecipe(6).modeSeekingWeight(1f).build())
                .endsWith(", convWidth=64, modeSeekingWeight=1.0]"));
        for (float bad : new float[] {-1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertEquals("modeSeekingWeight", org.junit.jupiter.api.Assertions.assertThrows(
                    dev.augment.errors.InvalidSettingException.class,
                    () -> fullRecipe(6).modeSeekingWeight(bad).build()).setting());
        }
        assertEquals("0.0", Float.toString(fullRecipe(6).modeSeekingWeight(-0f).build().modeSeekingWeight()));
    }

    @Test
    void samplingUsesRunningStatisticsSoABatchOfOneMatchesTheSameRowInABiggerBatch(@TempDir Path dir)
            throws IOException {
        float[] z = new float[8 * 64];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        int[] labels = {2, 0, 1, 3, 2, 2, 0, 1};
        try (TrainedGan gan = new GanTrainer(data.schema, fullRecipe(6).build(), TrainingListener.NONE)
                .train(data.features, data.labels, dir, false)) {
            float[] batch = gan.generate(z, labels);
            float[] alone = gan.generate(Arrays.copyOf(z, 64), new int[] {2});
            // Samples are in 0..255; batch statistics of a single sample would move them by tens.
            assertArrayEquals(Arrays.copyOf(batch, 64), alone, 1e-3f);
            float[] sampled = gan.sample(1, 5, 9);
            assertArrayEquals(Arrays.copyOfRange(sampled, 64 * 4, 64 * 5),
                    Arrays.copyOfRange(gan.sample(1, 5, 9), 64 * 4, 64 * 5));
        }
    }

    @Test
    void recomputedStatisticsMakeInferenceEqualTrainingModeOnTheirBatchAndAreNeverAveraged() {
        GanSettings settings = fullRecipe(6).build();
        try (GanNetworks nets = new GanNetworks(data.schema, settings);
             NDManager sub = nets.manager.newSubManager()) {
            int n = 200;
            float[] z = new float[n * 64];
            int[] labels = new int[n];
            SplittableRandom random = new SplittableRandom(8);
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                labels[i] = i % 4;
            }
            NDArray noise = sub.create(z, new Shape(n, 64));
            NDArray oneHot = sub.create(labels).toType(DataType.INT32, false).oneHot(4);
            nets.averagedGenerator.recomputeBatchNormStatistics(nets.store, noise, oneHot);
            float[] statistics = statistics(nets);
            float[] inference = nets.averagedGenerator.forward(nets.store, new NDList(noise, oneHot), false)
                    .singletonOrThrow().toFloatArray();
            nets.updateAverage();
            assertArrayEquals(statistics, statistics(nets), 0f, "the average must leave recomputed statistics alone");
            float[] training = nets.averagedGenerator.forward(nets.store, new NDList(noise, oneHot), true)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(training, inference, 1e-4f);
        }
    }

    private static float[] statistics(GanNetworks nets) {
        return GanNetworks.all(nets.averagedGenerator).stream()
                .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR)
                .map(p -> p.getArray().toFloatArray()).reduce(new float[0], SmallDataRecipeTest::concat);
    }

    /** @return the exported generator's weights after training (or resuming) in {@code out} */
    private float[] trainedWeights(GanSettings settings, int checkEvery, Path out, boolean resume) throws IOException {
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE, null, checkEvery)
                .train(data.features, data.labels, out, resume)) {
            return weights(gan.exportGraph());
        }
    }

    private static float[] weights(GeneratorGraph graph) {
        float[] all = graph.embedding().clone();
        for (GeneratorLayer layer : graph.layers()) {
            if (layer instanceof GeneratorLayer.Dense d) {
                all = concat(concat(all, d.weight()), d.bias());
            } else if (layer instanceof GeneratorLayer.BatchNorm n) {
                all = concat(concat(concat(all, n.gamma()), n.runningMean()), n.runningVar());
            }
        }
        return all;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
