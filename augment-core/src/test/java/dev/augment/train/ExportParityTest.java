package dev.augment.train;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportParityTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void onnxRuntimeMatchesDjlOnTheSameNoiseAndLabels(Architecture arch, @TempDir Path dir) throws Exception {
        TinyData data = new TinyData(4, 8, 32, 1);
        GanSettings settings = GanSettings.defaults(arch, 2, 16, 7).withEmaDecay(0.9f);
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("ckpt"), false)) {
            Path model = dir.resolve("g.onnx");
            ModelMetadata metadata = new ModelMetadata(data.schema, settings.latentDim(),
                    JsonNodeFactory.instance.objectNode(), null);
            GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, "test"), model);
            int n = 37;
            float[] z = new float[n * settings.latentDim()];
            int[] labels = new int[n];
            long[] longLabels = new long[n];
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                labels[i] = i % 4;
                longLabels[i] = labels[i];
            }
            float[] djl = gan.generate(z, labels);
            try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                float[] onnx = ort.run(z, longLabels);
                assertEquals(djl.length, onnx.length);
                double maxDiff = 0;
                for (int i = 0; i < djl.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(djl[i] - onnx[i]) / 255.0);
                }
                // Compared on the network's own [0, 1] scale of the feature range.
                assertTrue(maxDiff <= 1e-4, "max abs difference " + maxDiff);
            }
        }
    }
}
