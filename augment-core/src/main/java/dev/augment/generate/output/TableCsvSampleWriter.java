package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import dev.augment.table.TableRowDecoder;
import dev.augment.table.TableSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the samples of a table generator into {@code DIR/samples.csv} in the table's own columns: a header of the
 * feature columns' names (in the training CSV's order) followed by the label column, then one row per sample with
 * the cells {@link TableRowDecoder} gives (category strings, numbers clamped to the column's range and rounded to its
 * decimals, the label). Tribuo's {@code CSVDataSource} with {@link TableSchema#rowProcessor()} reads the file back
 * into the table's feature names. Fields are quoted as {@link CsvSampleWriter#quote} does; lines end with '\n'.
 * {@link #finish()} also writes the {@link ClassMap} ({@code DIR/classes.csv}).
 */
public final class TableCsvSampleWriter implements SampleWriter {

    private final SampleSchema schema;
    private final TableRowDecoder decoder;
    private final CsvFile csv;

    /**
     * Creates the file and writes the header.
     *
     * @param dir the folder to write into; created when missing
     * @param schema the generator's sample schema
     * @param table the generator's table layout; its feature names must be the schema's
     * @throws IOException when the file cannot be created
     * @throws IllegalArgumentException when the table does not describe the schema's features
     */
    public TableCsvSampleWriter(Path dir, SampleSchema schema, TableSchema table) throws IOException {
        if (!table.featureNames().equals(schema.featureNames()) || !table.labels().equals(schema.labels())) {
            throw new IllegalArgumentException("the table layout does not describe the samples' features and labels");
        }
        this.schema = schema;
        this.decoder = new TableRowDecoder(table);
        StringBuilder header = new StringBuilder();
        appendRow(header, decoder.header());
        header.setLength(header.length() - 1);
        this.csv = new CsvFile(dir, schema, header.toString());
    }

    @Override
    public EncodedBatch encode(int classIndex, float[] samples, int count) {
        Batches.check(schema, classIndex, samples, count);
        int features = schema.featureCount();
        StringBuilder rows = new StringBuilder(count * 8 * (features + 1));
        for (int s = 0; s < count; s++) {
            appendRow(rows, decoder.decode(samples, s * features, classIndex));
        }
        return new EncodedBatch(classIndex, count, List.of(rows.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void write(EncodedBatch batch) throws IOException {
        csv.write(batch);
    }

    @Override
    public void finish() throws IOException {
        csv.finish();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static void appendRow(StringBuilder text, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                text.append(',');
            }
            text.append(CsvSampleWriter.quote(cells[c]));
        }
        text.append('\n');
    }
}
