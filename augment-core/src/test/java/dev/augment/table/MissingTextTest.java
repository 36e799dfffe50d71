package dev.augment.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.oversample.files.TableFlaggedCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated missing cell is written as the table wrote its own: empty when every missing cell of the file is
 * empty, the marker when any cell is the marker, so that generated rows and the real rows they join spell a gap
 * alike ({@link TableSchema#missingText()}).
 */
class MissingTextTest {

    private static final String EMPTY_GAPS = "x,colour,y\n1.5,red,a\n,blue,a\n2.5,,a\n4.0,red,b\n5.5,blue,b\n";

    @TempDir
    Path dir;

    @Test
    void aTableWithEmptyGapsWritesGeneratedGapsEmpty() {
        TableSchema schema = TableReader.read(TableFiles.write(dir, "empty.csv", EMPTY_GAPS), "y").schema();
        assertEquals("?", schema.missingMarker(), "the marker still reads a '?' cell as missing");
        assertEquals("", schema.missingText());

        float nan = Float.NaN;
        // x missing, no colour: both gaps
        assertArrayEquals(new String[] {"", "", "b"}, new TableRowDecoder(schema).decode(new float[] {nan, 0, 0}, 1));
        assertArrayEquals(new String[] {"1.5", "red", "a"},
                new TableRowDecoder(schema).decode(new float[] {1.5f, 0, 1}, 0));
    }

    /** A float of 6.4e30 was written as its 31-digit binary value, where oversample writes E notation (6 Dec). */
    @Test
    void aNumberFromTenToTheFifteenIsWrittenInENotationAsOversampleWritesIt() {
        TableSchema schema = TableReader.read(TableFiles.write(dir, "huge.csv",
                "x,colour,y\n1.00e30,red,a\n9.00e30,blue,a\n2.00e30,red,b\n3.00e30,blue,b\n"), "y").schema();
        String cell = new TableRowDecoder(schema).decode(new float[] {6.4e30f, 0, 1}, 0)[0];
        assertTrue(cell.contains("E30") && cell.length() < 25, cell);
        assertEquals(6.4e30, Double.parseDouble(cell), 1e24);
    }

    @Test
    void aTableWithAMarkerCellOrNoGapsWritesTheMarker() {
        String mixed = EMPTY_GAPS.replace("2.5,,a", "2.5,?,a");
        assertEquals("?", TableReader.read(TableFiles.write(dir, "mixed.csv", mixed), "y").schema().missingText());
        String none = "x,colour,y\n1.5,red,a\n2,blue,a\n4.0,red,b\n5.5,blue,b\n";
        assertEquals("?", TableReader.read(TableFiles.write(dir, "none.csv", none), "y").schema().missingText());
        String na = EMPTY_GAPS.replace("2.5,,a", "2.5,NA,a");
        TableSchema schema = TableReader.read(TableFiles.write(dir, "na.csv", na), "y", Map.of(), "NA").schema();
        assertEquals("NA", schema.missingText());
        assertArrayEquals(new String[] {"NA", "NA", "a"},
                new TableRowDecoder(schema).decode(new float[] {Float.NaN, 0, 0}, 0));
    }

    @Test
    void theJsonKeepsItAndAnOlderModelsJsonWritesTheMarker() {
        TableSchema schema = TableReader.read(TableFiles.write(dir, "empty.csv", EMPTY_GAPS), "y").schema();
        ObjectNode json = schema.toJson();
        assertEquals(schema, TableSchema.fromJson(json));

        json.remove("missingText");
        assertEquals("?", TableSchema.fromJson(json).missingText());
    }

    @Test
    void anyOtherTextIsRefused() {
        TableSchema schema = TableReader.read(TableFiles.write(dir, "empty.csv", EMPTY_GAPS), "y").schema();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TableSchema(
                schema.columns(), schema.labelColumn(), schema.labels(), "?", "NA"));
        assertEquals("a missing cell is written as the marker '?' or empty, not as 'NA'", e.getMessage());
    }

    @Test
    void oversampleFilesWriteAnAddedRowsGapsAsTheRealRowsSpellThem() throws Exception {
        TableFile file = TableReader.readFile(TableFiles.write(dir, "empty.csv", EMPTY_GAPS), "y", Map.of(), "?");
        List<String> lines = writeWithOneGap(file, 0, dir.resolve("out"));
        assertEquals(List.of("x,colour,y", "1.5,red,a", ",blue,a", "2.5,,a", "4.0,red,b", "5.5,blue,b", ",,a"),
                lines);
    }

    /** A layout from a generator trained on '?' gaps, data with empty gaps: the added rows follow the data. */
    @Test
    void oversampleFilesSpellAddedGapsAsTheDataDoesWhateverTheLayoutSays() throws Exception {
        Path marked = TableFiles.write(dir, "marked.csv", EMPTY_GAPS.replace("\n,blue", "\n?,blue"));
        TableSchema layout = TableReader.read(marked, "y").schema();
        assertEquals("?", layout.missingText());
        TableFile file = TableReader.readFile(TableFiles.write(dir, "empty.csv", EMPTY_GAPS), layout);
        List<String> lines = writeWithOneGap(file, 1, dir.resolve("out2"));
        assertEquals(List.of(",blue,a", ",,b"), List.of(lines.get(2), lines.get(6)));
    }

    /**
     * Writes the file's real rows as oversample does, then one added row of class {@code classIndex} with both
     * columns missing.
     *
     * @return the lines of samples.csv
     */
    private static List<String> writeWithOneGap(TableFile file, int classIndex, Path out) throws Exception {
        try (TableFlaggedCsvWriter writer = new TableFlaggedCsvWriter(out, file.table(),
                file.cellsInLayoutOrder())) {
            for (int r = 0; r < file.table().rows(); r++) {
                writer.write(file.table().classes()[r], file.table().values(r), false);
            }
            writer.write(classIndex, new double[] {Double.NaN, 0, 0}, true);
            writer.finish();
        }
        return Files.readAllLines(out.resolve("samples.csv"));
    }
}
