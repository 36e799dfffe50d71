package dev.augment.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableSchemaTest {

    private static final TableSchema SMALL = new TableSchema(List.of(
            TableColumn.numeric("age", 19, 75, 0, 0),
            TableColumn.categorical("colour", List.of("blue", "red", "x@y"), 2),
            TableColumn.numeric("rate", -1.5, 0.25, 2, 1)), "class", List.of("bad", "good"), "?");

    @Test
    void featureNamesOffsetsAndWidthsFollowTheColumns() {
        assertEquals(List.of("age", "colour@blue", "colour@red", "colour@x@y", "rate"), SMALL.featureNames());
        assertEquals(5, SMALL.featureCount());
        assertEquals(1, SMALL.featureOffset(1));
        assertEquals(3, SMALL.featureWidth(1));
        assertEquals(4, SMALL.featureOffset(2));
        assertEquals(List.of(0, 1, 4), java.util.Arrays.stream(SMALL.featureOffsets()).boxed().toList());
    }

    @Test
    void sampleSchemaCoversZeroOneAndEveryNumericRange() {
        SampleSchema schema = SMALL.sampleSchema(new long[] {3, 4});
        assertEquals(SMALL.featureNames(), schema.featureNames());
        assertEquals(List.of(5), schema.shape());
        assertEquals(-1.5, schema.minValue());
        assertEquals(75, schema.maxValue());
        assertEquals(List.of("bad", "good"), schema.classNames());
        assertEquals(List.of(3L, 4L), schema.examplesPerClass());
        assertTrue(SMALL.sampleSchema(null).examplesPerClass().isEmpty());
    }

    @Test
    void jsonRoundTripGivesAnEqualSchema() throws Exception {
        String text = new ObjectMapper().writeValueAsString(SMALL.toJson());
        assertEquals(SMALL, TableSchema.fromJson(new ObjectMapper().readTree(text)));
        TableSchema credit = TableReader.read(TableFiles.CREDIT, "class").schema();
        assertEquals(credit, TableSchema.fromJson(credit.toJson()));
    }

    @Test
    void badJsonIsRefusedNamingTheField() {
        ObjectNode json = SMALL.toJson();
        json.remove("labels");
        assertMessage(json, "'labels' is missing");
        ObjectNode kind = SMALL.toJson();
        ((ObjectNode) kind.get("columns").get(0)).put("kind", "TEXT");
        assertMessage(kind, "kind 'TEXT'");
        ObjectNode decimals = SMALL.toJson();
        ((ObjectNode) decimals.get("columns").get(0)).put("decimals", 1.5);
        assertMessage(decimals, "'decimals' must be an integer");
        ObjectNode range = SMALL.toJson();
        ((ObjectNode) range.get("columns").get(0)).put("min", 100);
        assertMessage(range, "invalid range");
        assertMessage(new ObjectMapper().createArrayNode(), "must be a JSON object");
    }

    @Test
    void inconsistentSchemasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TableSchema(List.of(TableColumn.numeric("a", 0, 1, 0, 0)),
                "a", List.of("p"), "?"));
        assertThrows(IllegalArgumentException.class, () -> new TableSchema(List.of(
                TableColumn.numeric("a@b", 0, 1, 0, 0), TableColumn.categorical("a", List.of("b"), 0)),
                "y", List.of("p"), "?"));
        assertThrows(IllegalArgumentException.class, () -> new TableSchema(List.of(
                TableColumn.categorical("a", List.of("?", "b"), 0)), "y", List.of("p"), "?"));
        assertThrows(IllegalArgumentException.class, () -> TableColumn.categorical("a", List.of(), 0));
    }

    private static void assertMessage(com.fasterxml.jackson.databind.JsonNode json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableSchema.fromJson(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
