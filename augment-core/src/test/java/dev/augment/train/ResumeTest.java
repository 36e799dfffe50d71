package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTest {

    private final TinyData data = new TinyData(4, 8, 24, 5);

    @Test
    void resumingReachesTheSameWeightsAsAnUninterruptedRun(@TempDir Path dir) throws IOException {
        GanSettings two = GanSettings.defaults(Architecture.MLP, 2, 16, 3);
        float[] straight;
        try (TrainedGan gan = new GanTrainer(data.schema, two, TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("a"), false)) {
            straight = weights(gan.exportGraph());
        }
        try (TrainedGan first = new GanTrainer(data.schema, two.withEpochs(1), TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("b"), false)) {
            assertEquals(1, first.history().size());
            assertFalse(Arrays.equals(straight, weights(first.exportGraph())), "one epoch must differ from two");
        }
        try (TrainedGan resumed = new GanTrainer(data.schema, two, TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("b"), true)) {
            assertEquals(2, resumed.history().size());
            assertArrayEquals(straight, weights(resumed.exportGraph()));
        }
        assertTrue(Files.exists(dir.resolve("b/samples-epoch-002.png")));
    }

    @Test
    void resumingWithOtherSettingsIsRefused(@TempDir Path dir) throws IOException {
        GanSettings settings = GanSettings.defaults(Architecture.MLP, 1, 16, 3);
        new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir, false).close();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new GanTrainer(data.schema,
                GanSettings.defaults(Architecture.MLP, 2, 32, 3), TrainingListener.NONE)
                .train(data.features, data.labels, dir, true));
        assertEquals("resume", e.setting());
        assertTrue(e.getMessage().contains("batchSize 16 in the checkpoint, 32 now"), e.getMessage());
    }

    /** An epochs checkpoint resumed with --steps was "steps 0 in the checkpoint, 1 now" (a fresh user, 5 Dec). */
    @Test
    void resumingAnEpochsCheckpointInStepsSaysSoInWords(@TempDir Path dir) throws IOException {
        GanSettings settings = GanSettings.defaults(Architecture.MLP, 1, 16, 3);
        new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir, false).close();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new GanTrainer(data.schema,
                settings.toBuilder().steps(50).build(), TrainingListener.NONE)
                .train(data.features, data.labels, dir, true));
        assertTrue(e.getMessage().contains("the checkpoint counts training in epochs and this run in steps; resume "
                + "with --epochs (more than the checkpoint's) instead of --steps"), e.getMessage());
        assertTrue(!e.getMessage().contains("steps 0"), e.getMessage());
    }

    @Test
    void resumingWithAnotherConvWidthIsRefusedNamingBothWidths(@TempDir Path dir) throws IOException {
        // widths 16 and 32: width 8 sometimes diverges to NaN (README, "train", --arch), which is not what this checks
        GanSettings narrow = GanSettings.builder(Architecture.CONV).epochs(1).batchSize(16).seed(3).convWidth(16)
                .build();
        new GanTrainer(data.schema, narrow, TrainingListener.NONE).train(data.features, data.labels, dir, false).close();
        GanSettings wider = narrow.toBuilder().epochs(2).convWidth(32).build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new GanTrainer(data.schema,
                wider, TrainingListener.NONE).train(data.features, data.labels, dir, true));

        assertEquals("resume", e.setting());
        assertTrue(e.getMessage().contains("convWidth 16 in the checkpoint, 32 now"), e.getMessage());
        try (TrainedGan resumed = new GanTrainer(data.schema, narrow.withEpochs(2), TrainingListener.NONE)
                .train(data.features, data.labels, dir, true)) {
            assertEquals(2, resumed.history().size(), "the checkpoint's own width still resumes");
        }
    }

    @Test
    void nonFiniteLossStopsTrainingAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        GanSettings settings = GanSettings.defaults(Architecture.MLP, 1, 16, 3);
        new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir, false).close();
        Path checkpoint = dir.resolve("checkpoint.bin");
        byte[] good = Files.readAllBytes(checkpoint);
        float[][] poisoned = new float[data.features.length][];
        for (int i = 0; i < poisoned.length; i++) {
            poisoned[i] = data.features[i].clone();
            poisoned[i][0] = Float.NaN;
        }
        // a fresh run on other data (a resume on it is refused: the checkpoint records its data) that diverges
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> new GanTrainer(data.schema,
                settings.withEpochs(2), TrainingListener.NONE).train(poisoned, data.labels, dir, false));
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(checkpoint));
    }

    private static float[] weights(GeneratorGraph graph) {
        float[] all = graph.embedding().clone();
        for (GeneratorLayer layer : graph.layers()) {
            if (layer instanceof GeneratorLayer.Dense d) {
                all = concat(concat(all, d.weight()), d.bias());
            } else if (layer instanceof GeneratorLayer.BatchNorm n) {
                all = concat(concat(all, n.gamma()), n.runningMean());
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
