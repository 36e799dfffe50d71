package dev.augment.table;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table whose missing cells say {@code NA} (as R and pandas write them): with the default marker the numeric
 * column turns into categories and {@link NumberLikeColumn} names it; with {@code NA} as the marker it stays
 * numeric and its NA cells are missing. Also the reader's hints when the label column is not what it seems: a label
 * equal to the marker, a column of mostly distinct values, a header cell with spaces around the name.
 */
class MissingMarkerTest {

    private static final String CSV = "x,code,colour,y\n"
            + "1.5,1,red,a\n2.5,2,blue,a\nNA,3,red,a\n4.0,1,NA,b\n5.5,2,blue,b\n6.25,3,red,b\n7,1,blue,b\n";

    @TempDir
    Path dir;

    @Test
    void withTheDefaultMarkerNaTurnsANumericColumnIntoCategoriesAndIsNamed() {
        Table table = TableReader.read(TableFiles.write(dir, "na.csv", CSV), "y");
        TableColumn x = table.schema().columns().get(0);

        assertEquals(ColumnKind.CATEGORICAL, x.kind());
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of(new NumberLikeColumn("x", 6, List.of("NA"))), found,
                "the colour column (two texts and NA, no numbers) and the code column (numbers) are not named");
        String advice = found.get(0).advice();
        assertTrue(advice.contains("column 'x'") && advice.contains("'NA' is not")
                && advice.contains("(the missing marker 'NA')")
                && advice.contains("(a ColumnKind.NUMERIC override for 'x')")
                && !advice.contains("--"), "the library names its own arguments, not a command's options: " + advice);
    }

    /**
     * A count (0–3 children) or a 0/1 flag has fewer than five numbers, so it was taken for a code column and its NA
     * became a category without a note; a usual spelling of a missing cell is named whatever the numbers.
     */
    @Test
    void aFewNumbersBesideAMissingCellSpellingAreNamedToo() {
        Table table = TableReader.read(TableFiles.write(dir, "kids.csv", "children,smoker,grade,y\n0,1,A,a\n"
                + "1,0,B,a\n2,NULL,A,b\n3,1,-,b\nNA,0,B,a\n"), "y");
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of(new NumberLikeColumn("children", 4, List.of("NA")),
                new NumberLikeColumn("smoker", 2, List.of("NULL"))), found,
                "grade holds no number: a '-' there is one of its categories");
        assertTrue(found.get(0).advice().contains("(the missing marker 'NA')"), found.get(0).advice());
        assertEquals(List.of(), NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "codes.csv",
                "code,y\n1,a\n2,a\n3,b\nX,b\n"), "y").schema()), "a code column of a few numbers and a text");
    }

    @Test
    void naAsTheMarkerKeepsTheColumnNumericWithItsCellMissingAndIsRecordedInTheSchema() {
        Table table = TableReader.read(TableFiles.write(dir, "na.csv", CSV), "y", Map.of(), "NA");
        TableSchema schema = table.schema();
        TableColumn x = schema.columns().get(0);

        assertEquals(ColumnKind.NUMERIC, x.kind());
        assertEquals(1, x.missing());
        assertEquals(1.5, x.min());
        assertEquals(7, x.max());
        assertTrue(Double.isNaN(table.numeric()[2][0]));
        assertEquals(List.of("blue", "red"), schema.columns().get(2).categories(), "NA is no colour");
        assertEquals(1, schema.columns().get(2).missing());
        assertEquals("NA", schema.missingMarker());
        assertEquals(List.of(), NumberLikeColumn.find(schema));
    }

    @Test
    void aCsvSourceWithTheMarkerRecordsItInItsProvenance() {
        CsvTableSource source = new CsvTableSource(TableFiles.write(dir, "na.csv", CSV), "y", Map.of(), "NA");

        assertEquals("NA", source.tableSchema().missingMarker());
        CsvTableSourceProvenance provenance = (CsvTableSourceProvenance) source.getProvenance();
        assertEquals("NA", ((com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance)
                provenance.getConfiguredParameters().get("missingMarker")).getValue(),
                provenance.toString());
    }

    @Test
    void aLabelEqualToTheMarkerIsNamedAsTheMarkerAndANumericLabelColumnIsQuestioned() {
        Path csv = TableFiles.write(dir, "na.csv", CSV);

        dev.augment.errors.InvalidDataException marker = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of(), "b"));
        assertTrue(marker.getMessage().contains("line 5 has no label (column 'y' is 'b', the missing marker)"),
                marker.getMessage());
        dev.augment.errors.InvalidDataException numeric = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> TableReader.read(csv, "x", Map.of(), "?"));
        assertTrue(numeric.getMessage().contains("column 'x' has 7 different values in 7 rows: is it the class "
                + "column?"), numeric.getMessage());
        // the class column of a table of two rows was doubted (a fresh user, 7 Dec)
        dev.augment.errors.InvalidDataException tiny = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> TableReader.read(TableFiles.write(dir, "two.csv", "x,class\n1,tested_negative\n2,"
                        + "tested_positive\n"), "class"));
        assertTrue(tiny.getMessage().endsWith("every class needs at least 2 (add rows or remove those classes)"),
                tiny.getMessage());
    }

    @Test
    void aLabelColumnWhoseHeaderCellHasSpacesAroundItIsPointedOut() {
        Path csv = TableFiles.write(dir, "spaced.csv", "x, y \n1,a\n2,a\n3,b\n4,b\n");

        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of(), "?"));

        assertTrue(e.getMessage().contains("the header cell ' y ' has spaces around it"), e.getMessage());
        assertEquals(4, TableReader.read(csv, " y ", Map.of(), "?").rows(), "given with its spaces it is found");
    }

    @ParameterizedTest(name = "marker \"{0}\"")
    @ValueSource(strings = {"", " ", " NA", "N,A", "\"NA\"", "N\nA"})
    void aMarkerThatNoTrimmedUnquotedCellCanBeIsRefused(String marker) {
        Path csv = TableFiles.write(dir, "na.csv", CSV);

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> TableReader.read(csv, "y", Map.of(), marker));

        assertEquals("missingMarker", e.setting());
    }

    /** Code was told "label a table needs the name of its label column", the command line's word (7 Dec). */
    @Test
    void aMissingLabelColumnIsNamedAsTheJavaSetting() {
        Path csv = TableFiles.write(dir, "na.csv", CSV);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new CsvTableSource(csv, null, Map.of()));
        assertEquals("labelColumn", e.setting());
        assertEquals("labelColumn must name the table's label column, was null", e.getMessage());
    }
}
