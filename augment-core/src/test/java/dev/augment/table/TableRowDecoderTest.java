package dev.augment.table;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableRowDecoderTest {

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            TableColumn.numeric("age", 19, 75, 0, 0),
            TableColumn.categorical("colour", List.of("blue", "red"), 0),
            TableColumn.numeric("rate", -1.5, 0.25, 2, 0)), "class", List.of("bad", "good"), "?");

    @Test
    void numbersAreClampedAndRoundedAndCategoriesTakeTheArgmax() {
        TableRowDecoder decoder = new TableRowDecoder(SCHEMA);
        assertArrayEquals(new String[] {"age", "colour", "rate", "class"}, decoder.header());
        assertArrayEquals(new String[] {"31", "red", "0.13", "good"},
                decoder.decode(new float[] {30.6f, 0.2f, 0.7f, 0.125f}, 1));
        assertArrayEquals(new String[] {"75", "blue", "-1.50", "bad"},
                decoder.decode(new float[] {1e6f, 0.9f, 0.1f, -7f}, 0));
        assertArrayEquals(new String[] {"19", "?", "0.00", "bad"},
                decoder.decode(new float[] {-3f, 0f, -0.5f, -0.001f}, 0), "all-zero one-hot is missing; no -0.00");
        assertArrayEquals(new String[] {"?", "blue", "0.25", "good"},
                decoder.decode(new float[] {9, Float.NaN, 1, 0, 0.3f}, 1, 1));
    }

    @Test
    void decodingARealRowGivesItsCellsBack() {
        Table table = TableReader.read(TableFiles.CREDIT, "class");
        TableRowDecoder decoder = new TableRowDecoder(table.schema());
        for (int r = 0; r < table.rows(); r++) {
            String[] cells = decoder.decode(table.features(r), table.classes()[r]);
            for (int c = 0; c < table.schema().columns().size(); c++) {
                TableColumn column = table.schema().columns().get(c);
                if (column.isNumeric()) {
                    assertEquals(0, new BigDecimal(cells[c]).compareTo(BigDecimal.valueOf(table.numeric()[r][c])),
                            "row " + r + " column " + column.name());
                } else {
                    assertEquals(column.categories().get(table.category()[r][c]), cells[c]);
                }
            }
            assertEquals(table.schema().labels().get(table.classes()[r]), cells[cells.length - 1]);
        }
    }

    /** A column at the decimals' cap wrote 223744.0 and 12681728 side by side (a fresh user, 7 Dec). */
    @Test
    void aColumnOfUnroundedFloatsWritesWholeValuesOneWay() {
        TableSchema spread = new TableSchema(List.of(TableColumn.numeric("spread", 1e-10, 7e9,
                TableColumn.MAX_DECIMALS, 0)), "class", List.of("a"), "?");
        TableRowDecoder decoder = new TableRowDecoder(spread);
        assertEquals("223744", decoder.decode(new float[] {223744f}, 0)[0]);
        assertEquals("12681728", decoder.decode(new float[] {12681728f}, 0)[0]);
        assertEquals("0.125", decoder.decode(new float[] {0.125f}, 0)[0]);
    }

    @Test
    void shortSamplesAndUnknownClassesAreRefused() {
        TableRowDecoder decoder = new TableRowDecoder(SCHEMA);
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new float[3], 0));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new float[4], 2));
    }
}
