package dev.augment.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's undefined numbers (an interval or p-value of one seed, a ratio of nothing) as JSON {@code null}.
 * Jackson writes a NaN double as the string {@code "NaN"} (JSON has no NaN), which readers take for text.
 */
public final class FiniteJson {

    private FiniteJson() {
    }

    /**
     * @param node a JSON tree; changed in place
     * @return the same tree, each NaN or infinite number replaced by {@code null}
     */
    public static JsonNode nullsForNonFinite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                if (nonFinite(field.getValue())) {
                    object.putNull(field.getKey());
                } else {
                    nullsForNonFinite(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (nonFinite(array.get(i))) {
                    array.set(i, JsonNodeFactory.instance.nullNode());
                } else {
                    nullsForNonFinite(array.get(i));
                }
            }
        }
        return node;
    }

    private static boolean nonFinite(JsonNode node) {
        return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    }
}
