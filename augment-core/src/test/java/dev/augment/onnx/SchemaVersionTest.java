package dev.augment.onnx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema version 2 records training examples per class; version-1 files still load, with counts unknown. */
class SchemaVersionTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1,
            List.of("x", "y", "z"), List.of("X", "Y", "Z"));

    @Test
    void countsSurviveEncodingAsVersionTwo() {
        ModelMetadata metadata = new ModelMetadata(SCHEMA.withExamplesPerClass(new long[] {3, 0, 7_000_000_000L}), 4,
                JsonNodeFactory.instance.objectNode(), null);
        Map<String, String> props = MetadataCodec.encode(metadata);
        assertTrue(props.get(GeneratorContract.KEY_SCHEMA).startsWith("{\"version\":2,"), props.get(GeneratorContract.KEY_SCHEMA));
        SampleSchema back = MetadataCodec.decode(props, "m.onnx").schema();
        assertEquals(List.of(3L, 0L, 7_000_000_000L), back.examplesPerClass());
        assertTrue(back.learned(0));
        assertFalse(back.learned(1));
        assertEquals(metadata.schema(), back);
    }

    @Test
    void versionOneMetadataLoadsWithUnknownCountsAndEveryClassLearned() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        // exactly what augment wrote before counts existed
        props.put(GeneratorContract.KEY_SCHEMA, "{\"version\":1,\"schema\":{\"featureNames\":[\"a\",\"b\"],\"shape\":[2],"
                + "\"minValue\":0.0,\"maxValue\":1.0,\"labels\":[\"x\",\"y\",\"z\"],\"classNames\":[\"X\",\"Y\",\"Z\"]}}");
        SampleSchema schema = MetadataCodec.decode(props, "old.onnx").schema();
        assertEquals(SCHEMA, schema);
        assertFalse(schema.examplesKnown());
        assertTrue(schema.examplesOf(1).isEmpty());
        assertTrue(schema.learned(1));
    }

    @Test
    void theShippedVersionOneModelStillLoads() {
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "fashion-mnist.onnx"),
                ExecutionDevice.CPU)) {
            SampleSchema schema = generator.metadata().schema();
            assertFalse(schema.examplesKnown(), "the shipped model predates the counts");
            assertEquals("Sneaker", schema.classNames().get(7));
            assertEquals(784, generator.generate(7, 1L, 0, 2).length / 2);
        }
    }

    @Test
    void unknownVersionsAndMismatchedCountsAreRefused() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        props.put(GeneratorContract.KEY_SCHEMA, props.get(GeneratorContract.KEY_SCHEMA).replace("\"version\":2", "\"version\":3"));
        ModelContractException future = assertThrows(ModelContractException.class, () -> MetadataCodec.decode(props, "f.onnx"));
        assertTrue(future.getMessage().contains("schema version 3 is not supported"), future.getMessage());

        props.putAll(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        props.put(GeneratorContract.KEY_SCHEMA, props.get(GeneratorContract.KEY_SCHEMA)
                .replace("\"examplesPerClass\":[]", "\"examplesPerClass\":[1,2]"));
        ModelContractException wrong = assertThrows(ModelContractException.class, () -> MetadataCodec.decode(props, "w.onnx"));
        assertTrue(wrong.getMessage().contains("one example count per class"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("Cannot construct") || wrong.getMessage().contains("dev.augment"),
                "the schema's reason, not Jackson's wrapping: " + wrong.getMessage());
    }

    @Test
    void twoClassesOfOneNameAreRefused() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        props.put(GeneratorContract.KEY_SCHEMA, props.get(GeneratorContract.KEY_SCHEMA)
                .replace("\"Z\"]", "\"X\"]"));
        ModelContractException twice = assertThrows(ModelContractException.class,
                () -> MetadataCodec.decode(props, "t.onnx"));
        assertTrue(twice.getMessage().contains("names two classes 'X' (labels x and z)"), twice.getMessage());
    }
}
