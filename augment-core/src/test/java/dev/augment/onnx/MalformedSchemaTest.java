package dev.augment.onnx;

import dev.augment.errors.ModelContractException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema whose fields are missing, null or of the wrong JSON type is refused naming the field, in the contract's
 * words: not read as a default (a missing {@code minValue} was 0.0), not coerced (a version of {@code "2"}), and
 * not explained in Jackson's words ("CoercionConfig", "Source: REDACTED").
 */
class MalformedSchemaTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b"), List.of(2), 0.5, 1,
            List.of("x", "y"), List.of("X", "Y"));

    /** Jackson's vocabulary, which a user cannot act on. */
    private static final Pattern JACKSON_WORDS = Pattern.compile(
            "CoercionConfig|Source:|REDACTED|Cannot (deserialize|coerce|construct)|dev\\.augment|java\\.|line: |column: ");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "version as a string     | \"version\":2               | \"version\":\"2\"              | version",
        "version missing         | \"version\":2,              | ''                             | version",
        "minValue missing        | \"minValue\":0.5,           | ''                             | minValue",
        "maxValue missing        | \"maxValue\":1.0,           | ''                             | maxValue",
        "minValue null           | \"minValue\":0.5            | \"minValue\":null              | minValue",
        "minValue as a string    | \"minValue\":0.5            | \"minValue\":\"0.5\"           | minValue",
        "maxValue as a boolean   | \"maxValue\":1.0            | \"maxValue\":true              | maxValue",
        "shape as a string       | \"shape\":[2]               | \"shape\":\"2\"                | shape",
        "shape of strings        | \"shape\":[2]               | \"shape\":[\"2\"]              | shape",
        "shape of fractions      | \"shape\":[2]               | \"shape\":[2.5]                | shape",
        "labels as an object     | \"labels\":[\"x\",\"y\"]    | \"labels\":{\"x\":1}           | labels",
        "class name as a number  | \"classNames\":[\"X\",\"Y\"] | \"classNames\":[\"X\",7]      | classNames",
        "feature name as a list  | \"featureNames\":[\"a\",\"b\"] | \"featureNames\":[\"a\",[\"b\"]] | featureNames",
        "counts as strings       | \"examplesPerClass\":[]     | \"examplesPerClass\":[\"1\",\"2\"] | examplesPerClass",
        "schema missing          | \"schema\":{              | \"other\":{                  | schema",
        "version beyond an int   | \"version\":2             | \"version\":4294967298       | version",
        "shape beyond an int     | \"shape\":[2]             | \"shape\":[4294967298]       | shape",
        "int product wraps to 2  | \"shape\":[2]             | \"shape\":[2,3,715827883]   | does not hold 2",
        "range wider than double | \"minValue\":0.5,\"maxValue\":1.0 | \"minValue\":-1e308,\"maxValue\":1e308 | wider",
        "count beyond a long     | \"examplesPerClass\":[]   | \"examplesPerClass\":[1,99999999999999999999] | examplesPerClass",
        "an unknown schema field | \"shape\":[2]             | \"shape\":[2],\"extra\":1   | extra",
        "an unknown top field    | \"version\":2,            | \"version\":2,\"top\":1,   | top",
        "a key given twice       | \"shape\":[2]             | \"shape\":[2],\"shape\":[2] | not valid JSON",
        "every count zero        | \"examplesPerClass\":[]   | \"examplesPerClass\":[0,0]   | no training examples for any class",
        "an empty class name     | \"classNames\":[\"X\",\"Y\"] | \"classNames\":[\"X\",\"\"] | entry 1 is empty",
        "a NUL in a class name   | \"classNames\":[\"X\",\"Y\"] | \"classNames\":[\"X\",\"Y\\u0000\"] | holds a NUL",
        "a U+FFFD in a label     | \"labels\":[\"x\",\"y\"]    | \"labels\":[\"x\",\"\\ufffd\"] | not UTF-8",
    })
    void aMalformedFieldIsNamedInTheContractsWords(String title, String from, String to, String field) {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        String json = props.get(GeneratorContract.KEY_SCHEMA);
        assertTrue(json.contains(from), "the case edits what the encoder writes: " + json);
        props.put(GeneratorContract.KEY_SCHEMA, json.replace(from, to));
        ModelContractException refused = assertThrows(ModelContractException.class,
                () -> MetadataCodec.decode(props, "m.onnx"), () -> "accepted " + props.get(GeneratorContract.KEY_SCHEMA));
        String message = refused.getMessage();
        assertTrue(message.startsWith("m.onnx: "), message);
        assertTrue(message.contains(field), "names " + field + ": " + message);
        assertFalse(JACKSON_WORDS.matcher(message).find(), "in the contract's words: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @org.junit.jupiter.api.Test
    void textAfterTheJsonIsRefused() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        props.put(GeneratorContract.KEY_SCHEMA, props.get(GeneratorContract.KEY_SCHEMA) + " xx");
        ModelContractException refused = assertThrows(ModelContractException.class,
                () -> MetadataCodec.decode(props, "m.onnx"));
        assertTrue(refused.getMessage().contains("'augment.schema' is not valid JSON"), refused.getMessage());
    }

    /** Jackson's location text, "[Source: REDACTED (`StreamReadFeature…` disabled)", was in the line (7 Dec). */
    @org.junit.jupiter.api.Test
    void brokenJsonIsNamedWithItsLineAndColumnOnly() {
        Map<String, String> props = new HashMap<>(MetadataCodec.encode(new ModelMetadata(SCHEMA, 4, null, null)));
        props.put(GeneratorContract.KEY_SCHEMA, "[1,2");
        ModelContractException refused = assertThrows(ModelContractException.class,
                () -> MetadataCodec.decode(props, "m.onnx"));
        assertTrue(refused.getMessage().matches("m\\.onnx: metadata 'augment\\.schema' is not valid JSON "
                + "\\(.+ at line 1, column \\d+\\); export the model again"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Source:"), refused.getMessage());
        assertEquals(null, refused.getCause());
    }
}
