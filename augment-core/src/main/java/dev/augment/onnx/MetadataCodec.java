package dev.augment.onnx;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.errors.ModelContractException;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link ModelMetadata} into ONNX {@code metadata_props} strings and back, refusing metadata
 * that breaks the contract with a message naming the key at fault.
 *
 * <p>It writes schema version {@value SampleSchema#VERSION} and reads versions
 * {@value SampleSchema#OLDEST_READABLE_VERSION} to {@value SampleSchema#VERSION}. Version 1 (the shipped
 * {@code models/fashion-mnist.onnx}) has no training example counts; they read as unknown.
 */
public final class MetadataCodec {

    /** Reads and writes records by their components only ({@code isImage()} is derived, not stored). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            // a shape of 28.5 was read as 28, and a version of "1" as 1: the contract writes integers as integers
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            // "{...} xx" and a key given twice were read as if valid (the first value or the last)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    /**
     * Writes JSON in ASCII, with {@code \\uXXXX} escapes: ONNX Runtime's Java API hands metadata strings
     * to Java as JNI "modified UTF-8", which garbles characters beyond U+FFFF (an emoji in a class name)
     * when they are stored as plain UTF-8. Any JSON reader turns the escapes back into the same text.
     */
    private static final ObjectMapper ASCII_JSON = JSON.copy()
            .configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);

    private MetadataCodec() {
    }

    private static String ascii(JsonNode node) {
        try {
            return ASCII_JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata JSON", e);
        }
    }

    /**
     * @param metadata what to store
     * @return the metadata properties, in a stable order
     */
    public static Map<String, String> encode(ModelMetadata metadata) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(GeneratorContract.KEY_CONTRACT, Integer.toString(GeneratorContract.VERSION));
        ObjectNode schema = JSON.createObjectNode();
        schema.put("version", SampleSchema.VERSION);
        schema.set("schema", JSON.valueToTree(metadata.schema()));
        props.put(GeneratorContract.KEY_SCHEMA, ascii(schema));
        props.put(GeneratorContract.KEY_LATENT_DIM, Integer.toString(metadata.latentDim()));
        props.put(GeneratorContract.KEY_PROVENANCE, ascii(metadata.provenance()));
        props.put(GeneratorContract.KEY_SCORES, ascii(metadata.scores()));
        if (metadata.table() != null) {
            props.put(GeneratorContract.KEY_TABLE, ascii(metadata.table().toJson()));
        }
        return props;
    }

    /**
     * @param props the model's metadata properties
     * @param source the model file, for messages
     * @return the decoded metadata
     * @throws ModelContractException when a key is missing or malformed
     */
    public static ModelMetadata decode(Map<String, String> props, String source) {
        String contract = require(props, GeneratorContract.KEY_CONTRACT, source);
        if (!Integer.toString(GeneratorContract.VERSION).equals(contract)) {
            throw new ModelContractException(source + ": contract version " + contract + " is not supported (this "
                    + "augment reads version " + GeneratorContract.VERSION + "); re-export the model");
        }
        JsonNode schemaNode = parse(props, GeneratorContract.KEY_SCHEMA, source);
        SchemaJsonShape.check(schemaNode, GeneratorContract.KEY_SCHEMA, source);
        int schemaVersion = schemaNode.path("version").asInt(-1);
        if (schemaVersion < SampleSchema.OLDEST_READABLE_VERSION || schemaVersion > SampleSchema.VERSION) {
            throw new ModelContractException(source + ": schema version " + schemaNode.path("version")
                    + " is not supported (this augment reads versions " + SampleSchema.OLDEST_READABLE_VERSION
                    + " to " + SampleSchema.VERSION + ")");
        }
        if (schemaVersion == 1 && schemaNode.path("schema").has("examplesPerClass")) {
            throw new ModelContractException(source + ": metadata '" + GeneratorContract.KEY_SCHEMA
                    + "' is version 1 but records examplesPerClass, which version 1 does not have");
        }
        SampleSchema schema;
        try {
            schema = JSON.treeToValue(schemaNode.path("schema"), SampleSchema.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelContractException(source + ": metadata '" + GeneratorContract.KEY_SCHEMA
                    + "' is not a valid schema: " + firstLine(problem(e)), e);
        }
        List<String> names = schema.classNames();
        for (int c = 0; c < names.size(); c++) {
            if (names.indexOf(names.get(c)) != c) {
                throw new ModelContractException(source + ": metadata '" + GeneratorContract.KEY_SCHEMA + "' names two "
                        + "classes '" + names.get(c) + "' (labels " + schema.labels().get(names.indexOf(names.get(c)))
                        + " and " + schema.labels().get(c) + "), so a class could not be asked for by its name");
            }
        }
        int latent;
        try {
            latent = Integer.parseInt(require(props, GeneratorContract.KEY_LATENT_DIM, source));
        } catch (NumberFormatException e) {
            throw new ModelContractException(source + ": metadata '" + GeneratorContract.KEY_LATENT_DIM
                    + "' is not a number", e);
        }
        JsonNode provenance = parse(props, GeneratorContract.KEY_PROVENANCE, source);
        JsonNode scores = props.containsKey(GeneratorContract.KEY_SCORES)
                ? parse(props, GeneratorContract.KEY_SCORES, source) : JSON.createObjectNode();
        if (!provenance.isObject() || !scores.isObject()) {
            throw new ModelContractException(source + ": provenance and scores must be JSON objects");
        }
        TableSchema table = null;
        if (props.containsKey(GeneratorContract.KEY_TABLE)) {
            try {
                table = TableSchema.fromJson(parse(props, GeneratorContract.KEY_TABLE, source));
            } catch (IllegalArgumentException e) {
                throw new ModelContractException(source + ": metadata '" + GeneratorContract.KEY_TABLE
                        + "' is not a valid table schema: " + firstLine(e.getMessage()), e);
            }
        }
        try {
            return new ModelMetadata(schema, latent, (ObjectNode) provenance, (ObjectNode) scores, table);
        } catch (IllegalArgumentException e) {
            throw new ModelContractException(source + ": " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> props, String key, String source) {
        String value = props.get(key);
        if (value == null) {
            // with some of augment's entries present the file is augment's: a copy cut short between two entries read
            // as complete and was called "not an augment generator" (a fresh user, 6 Dec)
            List<String> present = props.keySet().stream().filter(k -> k.startsWith("augment.")).sorted().toList();
            throw new ModelContractException(source + ": metadata '" + key + "' is missing; " + (present.isEmpty()
                    ? "this is not an augment generator (export it with 'augment train'), or a copy cut short before "
                    + "its metadata (compare its size with the original's)"
                    : "the file has augment's " + String.join(", ", present) + ", so it is most likely a copy cut "
                    + "short: copy it again from its source, or re-export it with 'augment train'"));
        }
        return value;
    }

    private static JsonNode parse(Map<String, String> props, String key, String source) {
        try {
            return JSON.readTree(require(props, key, source));
        } catch (JsonProcessingException e) {
            // Jackson's own message carried "[Source: REDACTED (`StreamReadFeature…` disabled)" (a fresh user, 7 Dec)
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ModelContractException(source + ": metadata '" + key + "' is not valid JSON ("
                    + firstLine(e.getOriginalMessage()).replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: "
                    + "(\\d+)\\]", "line $1, column $2") + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + "); export the model again");
        }
    }

    /**
     * @return what is wrong with a schema, in the schema's words: the reason the schema refused a value (which
     *     Jackson wraps in "Cannot construct instance of ..."), or Jackson's own message without its location
     */
    private static String problem(Exception e) {
        if (e instanceof JsonProcessingException json) {
            Throwable cause = json.getCause();
            // the types were checked before binding (SchemaJsonShape): what is left is the schema's own reason
            return cause != null && cause.getMessage() != null ? cause.getMessage()
                    : "a field does not hold what the contract says (README: The ONNX contract)";
        }
        return e.getMessage();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
