package dev.augment.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ExportChoiceTest {

    private static final int CHECK_EVERY = 2;

    private final TinyData data = new TinyData(4, 8, 24, 5);
    private final GanSettings sixSteps = GanSettings.builder(Architecture.MLP).steps(6).batchSize(16).seed(3)
            .emaDecay(0.5f).build();

    @Test
    void lastExportsTheFinalAveragedGeneratorEvenWhenAnEarlierCheckScoredHigher(@TempDir Path dir) throws Exception {
        float[] z = noise(12);
        int[] labels = labels(12);
        float[] unchecked;
        try (TrainedGan gan = train(sixSteps, null, ExportChoice.BEST, dir.resolve("unchecked"), false)) {
            unchecked = gan.generate(z, labels);
        }
        try (TrainedGan best = train(sixSteps, new DecreasingCheck(), ExportChoice.BEST, dir.resolve("best"), false)) {
            assertEquals(1, best.exportedEpoch(), "the first check scored highest");
            assertEquals(2, best.exportedSteps());
            assertFalse(Arrays.equals(unchecked, best.generate(z, labels)), "best must not be the final generator");
        }
        try (TrainedGan last = train(sixSteps, new DecreasingCheck(), ExportChoice.LAST, dir.resolve("last"), false)) {
            assertEquals(3, last.exportedEpoch());
            assertEquals(6, last.exportedSteps());
            ObjectNode scores = last.scores().orElseThrow();
            assertEquals(3, scores.path("call").asInt(), "the scores of the last check go with it");
            assertEquals(6, scores.path("steps").asInt());
            assertArrayEquals(unchecked, last.generate(z, labels), "checks must not change the training");
            float[] onnx = runOnnx(last, dir.resolve("last.onnx"), z, labels);
            for (int i = 0; i < onnx.length; i++) {
                assertEquals(unchecked[i], onnx[i], 255e-4, "value " + i);
            }
        }
    }

    @Test
    void resumingACompleteCheckpointExportsWithoutTrainingForBothChoices(@TempDir Path dir) throws IOException {
        float[] z = noise(8);
        int[] labels = labels(8);
        Path checkpoints = dir.resolve("run");
        float[] bestBefore;
        try (TrainedGan gan = train(sixSteps, new DecreasingCheck(), ExportChoice.BEST, checkpoints, false)) {
            bestBefore = gan.generate(z, labels);
        }
        float[] lastBefore;
        try (TrainedGan gan = train(sixSteps, new DecreasingCheck(), ExportChoice.LAST, dir.resolve("again"), false)) {
            lastBefore = gan.generate(z, labels);
        }
        byte[] checkpoint = Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST));
        List<String> messages = new ArrayList<>();
        try (TrainedGan best = train(sixSteps, NEVER, ExportChoice.BEST, checkpoints, true, messages)) {
            assertEquals(3, best.history().size());
            assertEquals(1, best.exportedEpoch());
            assertEquals(1, best.scores().orElseThrow().path("call").asInt());
            assertArrayEquals(bestBefore, best.generate(z, labels));
        }
        assertTrue(messages.contains("the checkpoint already holds all 6 steps; exporting its generator without "
                + "training"), messages.toString());
        try (TrainedGan last = train(sixSteps, NEVER, ExportChoice.LAST, checkpoints, true, messages)) {
            assertEquals(3, last.exportedEpoch());
            assertEquals(3, last.scores().orElseThrow().path("call").asInt(), "the last check's scores are kept");
            assertArrayEquals(lastBefore, last.generate(z, labels));
        }
        assertArrayEquals(checkpoint, Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST)),
                "nothing is trained, so the checkpoint is not rewritten");
    }

    @Test
    void aVersion3CheckpointStillResumes(@TempDir Path dir) throws IOException {
        GanSettings four = sixSteps.toBuilder().steps(4).build();
        train(four, null, ExportChoice.BEST, dir, false).close();
        Path file = dir.resolve(Checkpoints.LATEST);
        byte[] v6 = CheckpointVersions.asVersion6(Files.readAllBytes(file));
        // v3 is v6 without the checksum (8 bytes), the round in progress (an int and three doubles, 28 bytes) and
        // the last check (here: round 0 and an empty string, 6 bytes) under the old magic.
        byte[] v3 = Arrays.copyOf(v6, v6.length - 8 - 28 - 6);
        byte[] magic = "augment-checkpoint-v3".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(magic, 0, v3, 2, magic.length);
        Files.write(file, v3);
        try (TrainedGan resumed = train(sixSteps, null, ExportChoice.LAST, dir, true)) {
            assertEquals(6, resumed.exportedSteps());
        }
    }

    private TrainedGan train(GanSettings settings, QualityCheck check, ExportChoice export, Path dir, boolean resume)
            throws IOException {
        return train(settings, check, export, dir, resume, null);
    }

    private TrainedGan train(GanSettings settings, QualityCheck check, ExportChoice export, Path dir, boolean resume,
                             List<String> messages) throws IOException {
        // with messages given, the run must not train: it resumes a complete checkpoint
        TrainingListener listener = messages == null ? TrainingListener.NONE : new TrainingListener() {
            @Override
            public void stepFinished(int step, double lossD, double lossG) {
                fail("resuming a complete checkpoint must not train");
            }

            @Override
            public void info(String message) {
                messages.add(message);
            }
        };
        return new GanTrainer(data.schema, settings, listener, check, CHECK_EVERY, new CancellationToken(), export)
                .train(data.features, data.labels, dir, resume);
    }

    /** Scores 1, then 1/2, then 1/3…: every check is worse than the one before. */
    private static final class DecreasingCheck implements QualityCheck {
        private int calls;

        @Override
        public Score evaluate(ClassSampler sampler) {
            calls++;
            sampler.sample(0, 2, 1);
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("call", calls);
            return new Score(1.0 / calls, details);
        }
    }

    private static final QualityCheck NEVER = sampler -> {
        throw new AssertionError("no check runs when nothing is trained");
    };

    private float[] runOnnx(TrainedGan gan, Path model, float[] z, int[] labels) throws Exception {
        ModelMetadata metadata = new ModelMetadata(gan.schema(), gan.settings().latentDim(),
                JsonNodeFactory.instance.objectNode(), null);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, "test"), model);
        long[] longLabels = Arrays.stream(labels).asLongStream().toArray();
        try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            return ort.run(z, longLabels);
        }
    }

    private float[] noise(int n) {
        float[] z = new float[n * sixSteps.latentDim()];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    private int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % data.schema.classCount();
        }
        return labels;
    }
}
