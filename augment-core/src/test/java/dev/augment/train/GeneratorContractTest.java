package dev.augment.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorContract;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer and the exported file draw the same samples for the same (seed, class, index). */
class GeneratorContractTest {

    @Test
    void trainedGeneratorAndItsOnnxFileGiveTheSameSamplesForTheSameSeed(@TempDir Path dir) throws Exception {
        TinyData data = new TinyData(3, 8, 24, 1);
        GanSettings settings = GanSettings.defaults(Architecture.MLP, 1, 12, 5).withEmaDecay(0.9f);
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("ckpt"), false)) {
            Path model = dir.resolve("g.onnx");
            ModelMetadata metadata = new ModelMetadata(data.schema, settings.latentDim(),
                    JsonNodeFactory.instance.objectNode(), null);
            GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, "test"), model);
            try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                for (int classIndex = 0; classIndex < 3; classIndex++) {
                    float[] trained = gan.sample(classIndex, 9, 11L);
                    float[] exported = ort.generate(classIndex, 11L, 0, 9);
                    assertEquals(trained.length, exported.length);
                    for (int i = 0; i < trained.length; i++) {
                        // The network's own [0, 1] scale of the 0-255 feature range, as in ExportParityTest.
                        assertEquals(trained[i] / 255.0, exported[i] / 255.0, 1e-4, "class " + classIndex + " value " + i);
                    }
                }
                float[] otherSeed = ort.generate(0, 12L, 0, 9);
                assertFalse(java.util.Arrays.equals(otherSeed, ort.generate(0, 11L, 0, 9)),
                        "another seed must give other samples");
            }
        }
    }

    @Test
    void noiseOfASampleDependsOnItsKeyAlone() {
        float[] batch = new float[5 * 4];
        for (int i = 0; i < 5; i++) {
            GeneratorContract.noise(batch, i * 4, 4, 7L, 2, 100 + i);
        }
        float[] single = new float[4];
        GeneratorContract.noise(single, 0, 4, 7L, 2, 103);
        assertArrayEquals(single, java.util.Arrays.copyOfRange(batch, 12, 16));
        float[] otherClass = new float[4];
        GeneratorContract.noise(otherClass, 0, 4, 7L, 3, 103);
        assertFalse(java.util.Arrays.equals(single, otherClass));
        for (float v : batch) {
            assertTrue(Float.isFinite(v));
        }
    }
}
