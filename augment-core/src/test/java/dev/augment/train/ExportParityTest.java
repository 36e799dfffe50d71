package dev.augment.train;

import dev.augment.data.DenseSamples;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportParityTest {

    /** A training set and the settings to train on it. */
    record Case(Supplier<DenseSamples> data, GanSettings settings) {
    }

    static Stream<Named<Case>> cases() {
        Supplier<DenseSamples> grey = () -> {
            TinyData tiny = new TinyData(4, 8, 32, 1);
            return new DenseSamples(tiny.features, tiny.labels, tiny.schema);
        };
        return Stream.of(
                Named.of("mlp, grey 8x8", new Case(grey,
                        GanSettings.defaults(Architecture.MLP, 2, 16, 7).withEmaDecay(0.9f))),
                Named.of("conv width 64, grey 8x8", new Case(grey,
                        GanSettings.defaults(Architecture.CONV, 2, 16, 7).withEmaDecay(0.9f))),
                Named.of("conv width 16, RGB 32x32 CIFAR-10 sample, 4 steps", new Case(ColourSample::train,
                        ColourSample.fourConvSteps(16))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onnxRuntimeMatchesDjlOnTheSameNoiseAndLabels(Case c, @TempDir Path dir) throws Exception {
        DenseSamples data = c.data().get();
        SampleSchema schema = data.schema();
        GanSettings settings = c.settings();
        try (TrainedGan gan = new GanTrainer(schema, settings, TrainingListener.NONE)
                .train(data.features(), data.classIndices(), dir.resolve("ckpt"), false)) {
            Path model = dir.resolve("g.onnx");
            ModelMetadata metadata = new ModelMetadata(schema, settings.latentDim(),
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
                labels[i] = i % schema.classCount();
                longLabels[i] = labels[i];
            }
            float[] djl = gan.generate(z, labels);
            try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                assertEquals(schema.shape(), ort.metadata().schema().shape());
                float[] onnx = ort.run(z, longLabels);
                assertEquals(n * schema.featureCount(), djl.length);
                assertEquals(djl.length, onnx.length);
                double maxDiff = 0;
                double spread = 0;
                for (int i = 0; i < djl.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(djl[i] - onnx[i]) / 255.0);
                    spread = Math.max(spread, Math.abs(djl[i] - djl[0]));
                }
                // Compared on the network's own [0, 1] scale of the feature range.
                assertTrue(maxDiff <= 1e-4, "max abs difference " + maxDiff);
                assertTrue(spread > 1, "the generator's outputs vary, so the comparison means something: " + spread);
            }
        }
    }
}
