package dev.augment.oversample.files;

import dev.augment.data.ClassMap;
import dev.augment.generate.output.CsvSampleWriter;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableFile;
import dev.augment.table.TableRowDecoder;
import dev.augment.table.TableSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A table's real and added rows in the table's own columns, so that the file replaces the input CSV in a pipeline
 * that read it (Tribuo's {@code CSVDataSource} with {@link TableSchema#rowProcessor()}, {@code augment train}):
 * {@code DIR/samples.csv} has {@code generate}'s header (the feature columns in the CSV's order, then the label
 * column), and the flags go to a sidecar, {@value #FLAGS_FILE} ({@code row,label,synthetic}; {@code row} counts the
 * data rows of {@code samples.csv} from 1), so that no reader takes the flag for a feature.
 *
 * <p>A real row is written as the input spelled it: the cells' text ({@link TableFile#cellsInLayoutOrder()}), so
 * leading zeros, digits beyond a double's and missing cells stay as they were (Tribuo reads the same examples from
 * either file), and so is an ROS copy of one (an example whose {@code CsvTableSource.ROW_KEY} names its row). Each
 * such example is checked against the {@link Table}'s row it names. Any other added row is written from its
 * features: numbers as the plugin feeds them to a trainer, written at their column's decimal places when they are
 * such numbers (a table generator's, as {@code generate} writes them) and in full otherwise (SMOTE's
 * interpolations); a categorical column's category is the largest positive feature of its group (the first on a
 * tie), a gap when none is positive, as is a missing number; a gap is spelled as the real rows spell theirs (empty,
 * or the marker), else as the schema's {@link TableSchema#missingText()}. {@link #finish()} also writes the
 * {@link ClassMap} ({@code DIR/classes.csv}).
 */
public final class TableFlaggedCsvWriter implements FlaggedSampleWriter {

    /** The sidecar of flags, one row per data row of {@code samples.csv}. */
    public static final String FLAGS_FILE = dev.augment.data.AddedExamples.CSV_FLAGS;

    private final Table table;
    private final List<String[]> realCells;
    private final TableSchema schema;
    private final int[] offsets;
    private final boolean[] numericFeatures;
    private final Path dir;
    private final boolean[] classesWritten;
    private final OutputStream samplesFile;
    private final BufferedWriter samples;
    private final OutputStream flagsFile;
    private final BufferedWriter flags;
    private final String missingText;
    private final StringBuilder line = new StringBuilder();
    private int nextRealRow;
    private long rowsWritten;

    /**
     * Creates both files and writes their headers.
     *
     * @param dir the folder to write into; created when missing
     * @param table the real rows, in the order the examples come
     * @param realCells the text of the same rows in the table's layout order ({@link TableFile#cellsInLayoutOrder()})
     * @throws IOException when a file cannot be created
     * @throws IllegalArgumentException when the cells are not one row of {@code columns + 1} per table row
     */
    public TableFlaggedCsvWriter(Path dir, Table table, List<String[]> realCells) throws IOException {
        if (realCells.size() != table.rows() || realCells.stream()
                .anyMatch(r -> r.length != table.schema().columns().size() + 1)) {
            throw new IllegalArgumentException("the cells are not the table's " + table.rows() + " rows");
        }
        this.table = table;
        this.realCells = realCells;
        this.schema = table.schema();
        this.offsets = schema.featureOffsets();
        this.numericFeatures = schema.numericFeatures();
        this.dir = dir;
        // as the real rows of this file spell a gap, even when the layout is a generator's trained on a file that
        // spelled it the other way; the layout's when the real rows have none
        this.missingText = dev.augment.table.TableReader.gapSpelling(realCells,
                java.util.stream.IntStream.range(0, schema.columns().size()).toArray(), schema.missingMarker(),
                schema.missingText());
        this.classesWritten = new boolean[schema.classCount()];
        Files.createDirectories(dir);
        this.samplesFile = Files.newOutputStream(dir.resolve(CsvSampleWriter.FILE));
        this.samples = new BufferedWriter(new OutputStreamWriter(samplesFile, StandardCharsets.UTF_8));
        OutputStream opened = null;
        try {
            opened = Files.newOutputStream(dir.resolve(FLAGS_FILE));
        } finally {
            if (opened == null) {
                samplesFile.close();
            }
        }
        this.flagsFile = opened;
        this.flags = new BufferedWriter(new OutputStreamWriter(flagsFile, StandardCharsets.UTF_8));
        String[] header = new TableRowDecoder(schema).header();
        for (int c = 0; c < header.length; c++) {
            line.append(c > 0 ? "," : "").append(CsvSampleWriter.quote(header[c]));
        }
        samples.append(line).append('\n');
        line.setLength(0);
        flags.append("row,label,synthetic\n");
    }

    /**
     * @throws IllegalStateException when a real example is not the table's next row (another class or other
     *     values), or there are more real examples than rows
     */
    @Override
    public void write(int classIndex, double[] sample, boolean synthetic) throws IOException {
        write(classIndex, sample, synthetic, -1);
    }

    /**
     * @param sourceRow the table row a real example is (it must be the next one) or an added example copies (ROS),
     *     written as the CSV spells it; -1 for a real example taken in order, or an added example of its own values
     * @throws IllegalStateException when a real example is not the table's next row, or an example is not the row it
     *     names (another class or other values)
     */
    @Override
    public void write(int classIndex, double[] sample, boolean synthetic, int sourceRow) throws IOException {
        if (sample.length != schema.featureCount()) {
            throw new IllegalArgumentException("a row of this table has " + schema.featureCount() + " features, not "
                    + sample.length);
        }
        if (!synthetic) {
            if (nextRealRow >= table.rows()) {
                throw new IllegalStateException("more real examples than the table's " + table.rows() + " rows");
            }
            if (sourceRow >= 0 && sourceRow != nextRealRow) {
                throw new IllegalStateException("real example " + (nextRealRow + 1) + " is row " + (sourceRow + 1)
                        + " of the table; the real examples must come in the table's order");
            }
            appendRow(classIndex, sample, nextRealRow++);
        } else if (sourceRow >= 0) {
            appendRow(classIndex, sample, sourceRow);
        } else {
            appendAdded(sample);
        }
        String label = schema.labels().get(classIndex);
        line.append(CsvSampleWriter.quote(label)).append('\n');
        samples.append(line);
        line.setLength(0);
        classesWritten[classIndex] = true;
        rowsWritten++;
        flags.append(Long.toString(rowsWritten)).append(',').append(CsvSampleWriter.quote(label)).append(',')
                .append(synthetic ? '1' : '0').append('\n');
    }

    /** A numeric column's feature absent from an example is a missing cell (Tribuo's CSV reading of one). */
    @Override
    public double absentValue(int feature) {
        return numericFeatures[feature] ? Double.NaN : 0;
    }

    private void appendRow(int classIndex, double[] sample, int row) {
        if (row >= table.rows() || table.classes()[row] != classIndex || !sameValues(table.values(row), sample)) {
            throw new IllegalStateException("example " + (rowsWritten + 1) + " is not row " + (row + 1)
                    + " of the table; the real examples must come in the table's order, and a copy must equal its row");
        }
        String[] cells = realCells.get(row);
        for (int c = 0; c < schema.columns().size(); c++) {
            line.append(CsvSampleWriter.quote(cells[c])).append(',');
        }
    }

    /**
     * Equal by value: -0.0 and 0.0 are the same (Tribuo's sparse example drops both), and so are a missing cell
     * (NaN in the example, 0 in {@link Table#values(int)}) and 0.
     */
    private static boolean sameValues(double[] table, double[] example) {
        for (int i = 0; i < table.length; i++) {
            if (table[i] != example[i] && !(Double.isNaN(example[i]) && table[i] == 0)) {
                return false;
            }
        }
        return true;
    }

    private void appendAdded(double[] sample) {
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            String cell = column.isNumeric() ? number(column, sample[offsets[c]])
                    : category(column, sample, offsets[c]);
            line.append(CsvSampleWriter.quote(cell)).append(',');
        }
    }

    /**
     * @return a number at its column's decimal places when it is one (a table generator's: 10.0, 12345678.000, as
     *     {@code generate} writes them), else as {@link CsvSampleWriter#formatValue} writes any double (SMOTE's)
     */
    private String number(TableColumn column, double value) {
        if (Double.isNaN(value)) {
            return missingText; // absent from the example: a generated missing cell
        }
        // from 10^15 on, plain decimals run to hundreds of digits (8e300 as 301 characters): formatValue's E notation
        if (Double.isFinite(value) && column.roundsToDecimals() && Math.abs(value) < 1e15) {
            java.math.BigDecimal atDecimals = java.math.BigDecimal.valueOf(value)
                    .setScale(column.decimals(), java.math.RoundingMode.HALF_UP);
            if (atDecimals.doubleValue() == value) {
                return (atDecimals.signum() == 0 ? atDecimals.abs() : atDecimals).toPlainString();
            }
        }
        return CsvSampleWriter.formatValue(value);
    }

    private String category(TableColumn column, double[] sample, int from) {
        int category = column.categoryOf(sample, from);
        return category < 0 ? missingText : column.categories().get(category);
    }

    @Override
    public void finish() throws IOException {
        samples.flush();
        flags.flush();
        ClassMap.of(schema.sampleSchema(null), classesWritten, null).write(dir);
    }

    @Override
    public void close() throws IOException {
        try {
            samples.close();
        } finally {
            try {
                samplesFile.close();
            } finally {
                try {
                    flags.close();
                } finally {
                    flagsFile.close();
                }
            }
        }
    }
}
