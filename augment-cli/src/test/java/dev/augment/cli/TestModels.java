package dev.augment.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small generator files built directly from random weights (no training), for fast CLI tests. */
final class TestModels {

    static final int LATENT = 8;

    private TestModels() {
    }

    static SampleSchema imageSchema(List<String> classNames, int side) {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            features.add(String.format("%03d", i));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < classNames.size(); i++) {
            labels.add(Integer.toString(i));
        }
        return new SampleSchema(features, List.of(1, side, side), 0, 255, labels, classNames);
    }

    static Path write(Path file, SampleSchema schema) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int k = schema.classCount();
        int f = schema.featureCount();
        int embedding = 4;
        int in = LATENT + embedding;
        float[] table = gaussian(random, k * embedding);
        float[] weight = gaussian(random, f * in);
        float[] bias = gaussian(random, f);
        GeneratorGraph graph = new GeneratorGraph(LATENT, table, k, embedding,
                List.of(new GeneratorLayer.Dense(weight, bias, f, in), new GeneratorLayer.Tanh()), 127.5f, 127.5f);
        ModelMetadata metadata = new ModelMetadata(schema, LATENT, JsonNodeFactory.instance.objectNode()
                .put("note", "random test weights"), null);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, metadata, "test"), file);
        return file;
    }

    /**
     * A table generator for the table's layout: random weights, outputs tanh-scaled to [0, scale], inside the
     * schema's declared range when scale is at most the largest column maximum (numbers are
     * clamped to their columns' ranges and categories take the argmax when written as CSV).
     */
    static Path writeTable(Path file, TableSchema table, long[] examplesPerClass, float scale) throws IOException {
        SampleSchema schema = table.sampleSchema(examplesPerClass);
        SplittableRandom random = new SplittableRandom(13);
        int k = schema.classCount();
        int f = schema.featureCount();
        int embedding = 4;
        int in = LATENT + embedding;
        GeneratorGraph graph = new GeneratorGraph(LATENT, gaussian(random, k * embedding), k, embedding,
                List.of(new GeneratorLayer.Dense(gaussian(random, f * in), gaussian(random, f), f, in),
                        new GeneratorLayer.Tanh()), scale / 2, scale / 2);
        ModelMetadata metadata = new ModelMetadata(schema, LATENT, JsonNodeFactory.instance.objectNode()
                .put("note", "random test weights"), null, table);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, metadata, "test"), file);
        return file;
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }
}
