package dev.augment.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augment.errors.ModelContractException;

/**
 * Checks the JSON types of a stored {@code augment.schema} before it is bound to a
 * {@link dev.augment.schema.SampleSchema}, so that a missing or mistyped field is refused by its name in the
 * contract's words. Without it Jackson read a missing {@code minValue} as 0.0 and a version of {@code "2"} as 2,
 * and explained other types in its own vocabulary ("CoercionConfig").
 *
 * <p>The shape checked: {@code version} a whole number; {@code schema} an object whose {@code featureNames},
 * {@code labels} and {@code classNames} are arrays of strings, {@code shape} an array of whole numbers,
 * {@code minValue} and {@code maxValue} numbers, and {@code examplesPerClass} (optional: version 1 has none) an
 * array of whole numbers (shape entries within an int, counts within a long), and no other field. What the values
 * must satisfy beyond their types is the schema's own check.
 */
final class SchemaJsonShape {

    /** The schema's fields, as {@link dev.augment.schema.SampleSchema} names them. */
    private static final java.util.List<String> FIELDS = java.util.List.of("featureNames", "shape", "minValue",
            "maxValue", "labels", "classNames", "examplesPerClass");

    private SchemaJsonShape() {
    }

    /**
     * @param node the parsed {@code augment.schema} value
     * @param key the metadata key, for messages
     * @param source the model file, for messages
     * @throws ModelContractException naming the first field that is missing or of the wrong type
     */
    static void check(JsonNode node, String key, String source) {
        String where = source + ": metadata '" + key + "' ";
        if (!node.isObject()) {
            throw new ModelContractException(where + "must be a JSON object with 'version' and 'schema'");
        }
        if (!node.path("version").isIntegralNumber() || !node.path("version").canConvertToInt()) {
            throw new ModelContractException(where + "needs 'version' as a whole number below 2^31, was "
                    + describe(node.get("version")));
        }
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("version") && !name.equals("schema")) {
                throw new ModelContractException(where + "has a field '" + name + "' beside 'version' and 'schema' "
                        + "that this augment does not know; a newer augment may have written it");
            }
        }
        JsonNode schema = node.path("schema");
        if (!schema.isObject()) {
            throw new ModelContractException(where + "needs 'schema' as a JSON object, was " + describe(node.get("schema")));
        }
        for (String field : new String[] {"featureNames", "labels", "classNames"}) {
            requireArray(schema, field, true, where);
        }
        for (String field : new String[] {"labels", "classNames"}) {
            requireNames(schema.get(field), field, where);
        }
        requireArray(schema, "shape", false, where);
        for (String field : new String[] {"minValue", "maxValue"}) {
            if (!schema.path(field).isNumber()) {
                throw new ModelContractException(where + "needs schema field '" + field + "' as a number, was "
                        + describe(schema.get(field)));
            }
        }
        if (schema.has("examplesPerClass")) {
            requireArray(schema, "examplesPerClass", false, where);
        }
        for (java.util.Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ModelContractException(where + "has a schema field '" + name + "' that this augment does not "
                        + "know (it knows " + String.join(", ", FIELDS) + "); a newer augment may have written it");
            }
        }
    }

    /**
     * Class names and labels become folder names and {@code classes.csv} cells: an empty one, a NUL character or
     * bytes that were not UTF-8 (read as U+FFFD) in hand-edited metadata went into {@code classes.csv} as they were
     * (a fresh user, 5 Dec). No training writes such a name.
     */
    private static void requireNames(JsonNode values, String field, String where) {
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).asText();
            String fault = dev.augment.schema.SampleSchema.nameFault(name);
            if (fault != null) {
                throw new ModelContractException(where + "has schema field '" + field + "' whose entry " + i + " "
                        + fault + "; the metadata was edited or damaged after export: export the model again");
            }
        }
    }

    private static void requireArray(JsonNode schema, String field, boolean ofStrings, String where) {
        JsonNode values = schema.get(field);
        String wanted = ofStrings ? "an array of strings" : "shape".equals(field) ? "an array of whole numbers below 2^31"
                : "an array of whole numbers below 2^63";
        if (values == null || !values.isArray()) {
            throw new ModelContractException(where + "needs schema field '" + field + "' as " + wanted + ", was "
                    + describe(values));
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            // shape entries are ints, example counts longs: a larger whole number would be cut or refused unnamed
            boolean right = ofStrings ? value.isTextual() : value.isIntegralNumber()
                    && ("shape".equals(field) ? value.canConvertToInt() : value.canConvertToLong());
            if (!right) {
                throw new ModelContractException(where + "needs schema field '" + field + "' as " + wanted
                        + ", but its entry " + i + " is " + describe(value));
            }
        }
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case STRING -> "the string " + shown;
            case BOOLEAN -> "the boolean " + shown;
            case NUMBER -> "the number " + shown;
            case ARRAY -> "the array " + shown;
            case OBJECT -> "the object " + shown;
            default -> shown;
        };
    }
}
