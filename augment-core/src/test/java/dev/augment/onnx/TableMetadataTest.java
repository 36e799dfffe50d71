package dev.augment.onnx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table generator's metadata carries its table layout under augment.table; image generators have none. */
class TableMetadataTest {

    private static final TableSchema TABLE = new TableSchema(List.of(
            TableColumn.numeric("age", 19, 75, 0, 0),
            TableColumn.categorical("colour", List.of("blue", "réd \uD83D\uDE00"), 3)),
            "class", List.of("bad", "good"), "?");

    @TempDir
    Path dir;

    @Test
    void theTableSurvivesEncodingAndImageMetadataHasNoTableKey() {
        ModelMetadata metadata = new ModelMetadata(TABLE.sampleSchema(new long[] {4, 6}), 3,
                JsonNodeFactory.instance.objectNode(), null, TABLE);
        Map<String, String> props = MetadataCodec.encode(metadata);
        assertTrue(props.containsKey(GeneratorContract.KEY_TABLE));
        ModelMetadata back = MetadataCodec.decode(props, "t.onnx");
        assertEquals(TABLE, back.table());
        assertTrue(back.isTable());
        assertEquals(TABLE, back.withScores(JsonNodeFactory.instance.objectNode().put("x", 1)).table());

        ModelMetadata image = new ModelMetadata(TABLE.sampleSchema(null), 3, null, null);
        assertFalse(MetadataCodec.encode(image).containsKey(GeneratorContract.KEY_TABLE));
        assertNull(MetadataCodec.decode(MetadataCodec.encode(image), "i.onnx").table());
    }

    @Test
    void aBrokenTableIsAContractErrorNamingTheKey() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(TABLE.sampleSchema(null), 3,
                null, null, TABLE)));
        props.put(GeneratorContract.KEY_TABLE, "{\"labelColumn\":\"class\"}");
        ModelContractException e = assertThrows(ModelContractException.class, () -> MetadataCodec.decode(props, "t.onnx"));
        assertTrue(e.getMessage().contains("'augment.table' is not a valid table schema"), e.getMessage());
        props.put(GeneratorContract.KEY_TABLE, "{not json");
        assertThrows(ModelContractException.class, () -> MetadataCodec.decode(props, "t.onnx"));
    }

    @Test
    void aTableThatDisagreesWithTheSchemaIsRefused() {
        SampleSchema other = new SampleSchema(List.of("a", "b", "c"), List.of(3), 0, 1, TABLE.labels(), TABLE.labels());
        assertThrows(IllegalArgumentException.class, () -> new ModelMetadata(other, 3, null, null, TABLE));
        SampleSchema labels = new SampleSchema(TABLE.featureNames(), List.of(3), 0, 75, List.of("x", "y"),
                List.of("x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new ModelMetadata(labels, 3, null, null, TABLE));
        // a column's range beyond the schema's was written as edited (a fresh user's edited model, 6 Dec)
        SampleSchema narrow = new SampleSchema(TABLE.featureNames(), List.of(3), 0, 70, TABLE.labels(),
                TABLE.labels());
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata(narrow, 3, null, null, TABLE));
        assertTrue(beyond.getMessage().equals("the table's column 'age' ranges over [19.0, 75.0], beyond the schema's "
                + "value range [0.0, 70.0]"), beyond.getMessage());
        new ModelMetadata(TABLE.sampleSchema(null), 3, null, null, TABLE); // export's own range holds every column
    }

    @Test
    void anOnnxTableGeneratorFileKeepsItsTableAndGeneratesFeatureVectors() throws IOException {
        Path model = dir.resolve("table.onnx");
        SampleSchema schema = TABLE.sampleSchema(new long[] {4, 6});
        SplittableRandom random = new SplittableRandom(3);
        int latent = 4;
        int embedding = 2;
        int in = latent + embedding;
        int f = schema.featureCount();
        GeneratorGraph graph = new GeneratorGraph(latent, gaussian(random, 2 * embedding), 2, embedding,
                List.of(new GeneratorLayer.Dense(gaussian(random, f * in), gaussian(random, f), f, in),
                        new GeneratorLayer.Tanh()), 40f, 40f);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, new ModelMetadata(schema, latent,
                JsonNodeFactory.instance.objectNode(), null, TABLE), "test"), model);

        assertEquals(TABLE, MetadataReader.read(model).table());
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            assertEquals(TABLE, generator.metadata().table());
            assertEquals(2 * f, generator.generate(1, 7L, 0, 2).length);
        }
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }
}
