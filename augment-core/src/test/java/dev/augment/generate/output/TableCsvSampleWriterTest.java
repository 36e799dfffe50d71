package dev.augment.generate.output;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table generator's CSV output reads back through Tribuo into the table's feature names and values. */
class TableCsvSampleWriterTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");
    private static final Path SOYBEAN = Path.of("..", "datasets", "tabular-sample", "soybean.csv");

    @TempDir
    Path dir;

    @Test
    void decodedSamplesWrittenAsCsvReadBackByTribuoIntoTheSameFeatureNamesAndValues() throws IOException {
        for (Path csv : List.of(CREDIT, SOYBEAN)) {
            Table table = TableReader.read(csv, "class");
            Path out = dir.resolve(csv.getFileName().toString());
            List<Example<Label>> written = writeByClass(csv, table, out);

            TableSchema schema = table.schema();
            Path file = out.resolve(CsvSampleWriter.FILE);
            assertEquals(String.join(",", quoted(schema)), Files.readAllLines(file).get(0));
            MutableDataset<Label> back = new MutableDataset<>(new CSVDataSource<>(file, schema.rowProcessor(), true));
            Set<String> names = StreamSupport.stream(back.getFeatureMap().spliterator(), false)
                    .map(VariableInfo::getName).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(schema.featureNames()), names, csv.toString());
            assertEquals(table.rows(), back.size());
            for (int i = 0; i < back.size(); i++) {
                assertEquals(written.get(i).getOutput().getLabel(), back.getExample(i).getOutput().getLabel());
                assertEquals(values(written.get(i)), values(back.getExample(i)), csv + " row " + i);
            }
            assertTrue(Files.isRegularFile(out.resolve("classes.csv")));
        }
    }

    @Test
    void tableGeneratorsRefusePngAndIdxBeforeWritingAndOpenATableWriterForCsv() throws IOException {
        TableSchema table = TableReader.read(CREDIT, "class").schema();
        SampleSchema schema = table.sampleSchema(null);
        for (OutputFormat format : List.of(OutputFormat.PNG, OutputFormat.IDX)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> SampleWriters.requireFits(format, table));
            assertEquals("format", e.setting());
            assertThrows(InvalidSettingException.class,
                    () -> SampleWriters.open(format, dir.resolve(format.id()), schema, table, 10));
            assertFalse(Files.exists(dir.resolve(format.id())));
        }
        SampleWriters.requireFits(OutputFormat.PNG, null);
        try (SampleWriter writer = SampleWriters.open(OutputFormat.CSV, dir.resolve("csv"), schema, table, 10)) {
            assertInstanceOf(TableCsvSampleWriter.class, writer);
        }
    }

    /**
     * Writes every row's sample vector, class by class as a generator does, and returns what Tribuo reads from the
     * original CSV for those rows, in the written order.
     */
    private static List<Example<Label>> writeByClass(Path csv, Table table, Path out) throws IOException {
        TableSchema schema = table.schema();
        List<Example<Label>> original = new ArrayList<>();
        new CSVDataSource<>(csv, schema.rowProcessor(), true).forEach(original::add);
        List<Example<Label>> expected = new ArrayList<>();
        int features = schema.featureCount();
        try (SampleWriter writer = new TableCsvSampleWriter(out, schema.sampleSchema(null), schema)) {
            for (int c = 0; c < schema.classCount(); c++) {
                List<Integer> rows = new ArrayList<>();
                for (int r = 0; r < table.rows(); r++) {
                    if (table.classes()[r] == c) {
                        rows.add(r);
                    }
                }
                float[] samples = new float[rows.size() * features];
                for (int i = 0; i < rows.size(); i++) {
                    System.arraycopy(table.features(rows.get(i)), 0, samples, i * features, features);
                    expected.add(original.get(rows.get(i)));
                }
                writer.write(c, samples, rows.size());
            }
            writer.finish();
        }
        return expected;
    }

    private static List<String> quoted(TableSchema schema) {
        List<String> header = new ArrayList<>();
        schema.columns().forEach(c -> header.add(CsvSampleWriter.quote(c.name())));
        header.add(schema.labelColumn());
        return header;
    }

    private static Map<String, Double> values(Example<Label> example) {
        Map<String, Double> values = new TreeMap<>();
        for (Feature f : example) {
            if (f.getValue() != 0) {
                values.put(f.getName(), f.getValue());
            }
        }
        return values;
    }
}
