package dev.augment.generate.output;

import dev.augment.schema.PixelGrid;
import dev.augment.schema.SampleSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams samples into {@code DIR/samples.csv}: a header {@code label,<feature names…>}, then one
 * row per sample holding the Tribuo label string ({@code schema.labels().get(classIndex)}) and the
 * feature values. Lines end with '\n'; a field containing a comma, a double quote, a line break or
 * leading or trailing spaces is quoted as RFC 4180 describes. {@link #finish()} also writes the
 * {@link ClassMap} ({@code DIR/classes.csv}), which gives the class index and name of each label.
 *
 * <p>Numbers are written by {@link #formatValue(float)}: whole numbers of magnitude below 10^7 as
 * integers ("255", "-3", "0"), everything else as {@link Float#toString(float)}, which is the shortest
 * text that reads back as the same float. The same float always gives the same text. Samples of an 8-bit image
 * schema are written as whole pixels ({@link PixelGrid}), as IDX and PNG hold them and the Tribuo plugin feeds them.
 */
public final class CsvSampleWriter implements SampleWriter {

    /** File name of the CSV file. */
    public static final String FILE = "samples.csv";

    /** Name of the label column. */
    public static final String LABEL_COLUMN = "label";

    private static final float LARGEST_PLAIN_INTEGER = 1.0e7f;

    private final SampleSchema schema;
    private final CsvFile csv;
    /** 8-bit images: values written as whole pixels, as IDX and PNG hold them ({@link PixelGrid}). */
    private final boolean pixels;

    /**
     * Creates the file and writes the header.
     *
     * @param dir the folder to write into; created when missing
     * @param schema the sample schema
     * @throws IOException when the file cannot be created
     */
    public CsvSampleWriter(Path dir, SampleSchema schema) throws IOException {
        this.schema = schema;
        StringBuilder header = new StringBuilder(LABEL_COLUMN);
        for (String name : schema.featureNames()) {
            header.append(',').append(quote(name));
        }
        this.csv = new CsvFile(dir, schema, header.toString());
        this.pixels = PixelGrid.appliesTo(schema);
    }

    @Override
    public EncodedBatch encode(int classIndex, float[] samples, int count) {
        Batches.check(schema, classIndex, samples, count);
        String label = quote(schema.labels().get(classIndex));
        int features = schema.featureCount();
        StringBuilder rows = new StringBuilder(count * (label.length() + 4 * features + 1));
        for (int s = 0; s < count; s++) {
            rows.append(label);
            for (int f = 0; f < features; f++) {
                float value = samples[s * features + f];
                appendValue(rows, pixels ? PixelGrid.round(value) : value);
            }
            rows.append('\n');
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

    /**
     * A double with every digit it holds (the shortest text that reads back as the same double): a whole number
     * below 10^15 without a decimal point, a number from 10^-4 to 10^15 in plain notation (123456972.42967057, not
     * 1.2345697242967057E8), anything else as {@link Double#toString(double)}.
     *
     * @param value a value
     * @return its text
     */
    public static String formatValue(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isFinite(value) && Math.abs(value) >= 1e-4 && Math.abs(value) < 1e15) {
            return java.math.BigDecimal.valueOf(value).toPlainString();
        }
        return Double.toString(value);
    }

    /**
     * Formats one value: whole numbers below 10^7 in magnitude as integers (negative zero as "0"),
     * anything else with {@link Float#toString(float)}.
     *
     * @param value the value
     * @return its text in the CSV file
     */
    public static String formatValue(float value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER) {
            return Integer.toString((int) value);
        }
        return Float.toString(value);
    }

    /**
     * Quotes a field as RFC 4180 describes when it needs it.
     *
     * @param field the raw field
     * @return the field, quoted with inner quotes doubled when it holds a comma, quote, line break or
     *     leading or trailing space; unchanged otherwise
     */
    public static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || (!field.isEmpty()
                && (Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1))));
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** Appends ',' and {@link #formatValue}'s text without a temporary string for whole numbers. */
    private static void appendValue(StringBuilder rows, float value) {
        rows.append(',');
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER) {
            rows.append((int) value);
        } else {
            rows.append(value);
        }
    }
}
