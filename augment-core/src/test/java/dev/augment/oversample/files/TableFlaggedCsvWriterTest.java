package dev.augment.oversample.files;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import dev.augment.table.Table;
import dev.augment.table.TableFile;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import dev.augment.tribuo.SyntheticExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table oversampled to a file keeps its own columns, its real rows' cells, and the plugin's values. */
class TableFlaggedCsvWriterTest {

    /** The label in the middle, a missing number, a missing category, a quoted category with a comma, 1e3. */
    private static final String TABLE = String.join("\n",
            "size,class,colour,weight",
            "1.5,p,\"red, dark\",10",
            "?,p,blue,1e3",
            "2.25,p,?,12",
            "3,p,blue,0.10",
            "7,q,\"red, dark\",20",
            "8.5,q,blue,21",
            "") ;

    @TempDir
    Path dir;

    private AugmentingDataSource smote(Path csv) {
        return new AugmentingDataSource(new CsvTableSource(csv, "class", Map.of()), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 5L, 1f);
    }

    private long[][] write(Path csv, AugmentingDataSource augmented, Path out) throws IOException {
        TableFile file = TableReader.readFile(csv, "class", Map.of(), TableSchema.DEFAULT_MISSING_MARKER);
        try (FlaggedSampleWriter writer = FlaggedSampleWriters.openTable(out, file.table(),
                file.cellsInLayoutOrder())) {
            return OversampledFiles.write(augmented, augmented.schema(), SyntheticExamples::isSynthetic, writer,
                    n -> { });
        }
    }

    @Test
    void realRowsKeepTheirCellsAndTribuoReadsTheFileIntoThePluginsExamples() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), TABLE);
        AugmentingDataSource augmented = smote(csv);
        Path out = dir.resolve("out");
        long[][] counts = write(csv, augmented, out);
        assertArrayEquals(new long[] {4, 0}, counts[0]);
        assertArrayEquals(new long[] {2, 2}, counts[1], "balance adds two q rows");

        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals("size,colour,weight,class", lines.get(0), "generate's header: the columns, then the label");
        assertEquals(List.of("1.5,\"red, dark\",10,p", "?,blue,1e3,p", "2.25,?,12,p", "3,blue,0.10,p",
                "7,\"red, dark\",20,q", "8.5,blue,21,q"), lines.subList(1, 7), "the real rows as spelled");
        assertEquals(9, lines.size());
        assertEquals(List.of("row,label,synthetic", "1,p,0", "2,p,0", "3,p,0", "4,p,0", "5,q,0", "6,q,0", "7,q,1",
                "8,q,1"), Files.readAllLines(out.resolve(TableFlaggedCsvWriter.FLAGS_FILE)));

        // the drop-in promise: Tribuo's CSV reader with the table's row processor gives the plugin's examples
        TableSchema schema = TableReader.read(csv, "class").schema();
        List<Example<Label>> back = new ArrayList<>();
        new CSVDataSource<>(out.resolve("samples.csv"), schema.rowProcessor(), true).forEach(back::add);
        List<Example<Label>> fed = new ArrayList<>();
        augmented.forEach(fed::add);
        assertEquals(fed.size(), back.size());
        for (int i = 0; i < fed.size(); i++) {
            assertEquals(fed.get(i).getOutput(), back.get(i).getOutput(), "row " + (i + 1));
            assertEquals(features(fed.get(i)), features(back.get(i)), "row " + (i + 1));
        }
    }

    @Test
    void leadingZerosAndDigitsBeyondADoubleStayAsSpelled() throws IOException {
        String text = "zip,big,class\n00007,12345678901234567,p\n00010,2,p\n00012,3,q\n00013,-0.0,q\n";
        Path csv = Files.writeString(dir.resolve("z.csv"), text);
        Path out = dir.resolve("z");
        write(csv, smote(csv), out);
        assertEquals(List.of(text.split("\n")), Files.readAllLines(out.resolve("samples.csv")),
                "balanced already: the file is the input, byte for byte");
    }

    @Test
    void rosCopiesAreTheirRowsAsSpelled() throws IOException {
        String text = "zip,size,class\n007,?,q\n010,2.50,q\n1,1,p\n2,2,p\n3,3,p\n4,4,p\n5,5,p\n";
        Path csv = Files.writeString(dir.resolve("r.csv"), text);
        AugmentingDataSource ros = new AugmentingDataSource(new CsvTableSource(csv, "class", Map.of()),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 5L, 1f);
        Path out = dir.resolve("r");
        write(csv, ros, out);
        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(List.of(text.split("\n")), lines.subList(0, 8), "the real rows");
        assertEquals(11, lines.size(), "3 copies of the q rows");
        for (String copy : lines.subList(8, 11)) {
            assertTrue(copy.equals("007,?,q") || copy.equals("010,2.50,q"), copy);
        }
    }

    /**
     * Writes {@link #TABLE}'s real rows and one added example of class q to {@code dir/out}.
     *
     * @return the lines of its samples.csv
     */
    private List<String> writeWithOneAdded(String out, String[] names, double[] values) throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), TABLE);
        CsvTableSource source = new CsvTableSource(csv, "class", Map.of());
        List<Example<Label>> examples = new ArrayList<>();
        source.forEach(examples::add);
        Example<Label> added = new org.tribuo.impl.ArrayExample<>(new Label("q"), names, values);
        examples.add(added);
        try (FlaggedSampleWriter writer = FlaggedSampleWriters.openTable(dir.resolve(out), source.table(),
                source.cellsInLayoutOrder())) {
            OversampledFiles.write(examples, source.schema(), e -> e == added, writer, n -> { });
        }
        return Files.readAllLines(dir.resolve(out).resolve("samples.csv"));
    }

    @Test
    void anAddedExampleWithoutANumericFeatureIsWrittenWithTheMissingMarker() throws IOException {
        // what the plugin makes of a table generator's row whose size cell it generated missing (NaN)
        List<String> lines = writeWithOneAdded("m", new String[] {"colour@blue", "weight"}, new double[] {1, 0});
        assertEquals("?,blue,0.00,q", lines.get(7), "size missing; a present weight of 0 at its column's decimals");
        assertEquals("?,blue,1e3,p", lines.get(2), "a real row missing size is still checked and kept as spelled");
    }

    @Test
    void aHugeAddedNumberIsWrittenInENotationNotAsHundredsOfDigits() throws IOException {
        // a fresh user (4 Dec): SMOTE between 8e300 and 9e300 wrote a 301-character plain integer
        List<String> lines = writeWithOneAdded("h", new String[] {"size", "colour@blue", "weight"},
                new double[] {2, 1, 8.5e300});
        assertEquals("2.00,blue,8.5E300,q", lines.get(7));
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), TABLE);
        write(csv, smote(csv), dir.resolve("a"));
        write(csv, smote(csv), dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/samples.csv")),
                Files.readAllBytes(dir.resolve("b/samples.csv")));
    }

    @Test
    void aRealExampleThatIsNotTheTablesNextRowIsRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), TABLE);
        CsvTableSource source = new CsvTableSource(csv, "class", Map.of());
        Table table = source.table();
        try (FlaggedSampleWriter writer = FlaggedSampleWriters.openTable(dir.resolve("o"), table,
                source.cellsInLayoutOrder())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> writer.write(0, table.values(1), false));
            assertTrue(e.getMessage().contains("table's order"), e.getMessage());
        }
    }

    /** Every feature with its value, zeros included: a present numeric 0 is not an absent feature. */
    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> values = new TreeMap<>();
        for (Feature f : example) {
            values.put(f.getName(), f.getValue());
        }
        return values;
    }
}
