package dev.augment.oversample.files;

import dev.augment.data.ClassMap;
import dev.augment.generate.output.CsvSampleWriter;
import dev.augment.schema.SampleSchema;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code DIR/samples.csv} as {@link CsvSampleWriter} writes it (header {@code label,<feature names>}, same
 * quoting and number format), with one more column, {@value #SYNTHETIC_COLUMN}: 1 for an added example,
 * 0 for a real one. Where a feature is itself named {@code label} or {@value #SYNTHETIC_COLUMN}, that column is
 * named {@code label_1} ({@code synthetic_1}, …) instead ({@link #unclaimed}), so every header name is unique.
 * {@link #finish()} also writes the {@link ClassMap} ({@code DIR/classes.csv}) of the classes written, as the other
 * formats do.
 */
public final class FlaggedCsvWriter implements FlaggedSampleWriter {

    /** Name of the flag column. */
    public static final String SYNTHETIC_COLUMN = dev.augment.data.AddedExamples.FLAG_COLUMN;

    private final SampleSchema schema;
    private final Path dir;
    private final boolean[] classesWritten;
    private final BufferedWriter out;
    /** The file itself: closed even when closing the writer fails (the JDK's encoder skips it on a full disk). */
    private final OutputStream file;
    private final StringBuilder row = new StringBuilder();

    /**
     * @param dir the folder to write into; created when missing
     * @param schema the sample schema
     * @throws IOException when the file cannot be created
     */
    public FlaggedCsvWriter(Path dir, SampleSchema schema) throws IOException {
        this.schema = schema;
        this.dir = dir;
        this.classesWritten = new boolean[schema.classCount()];
        Files.createDirectories(dir);
        this.file = Files.newOutputStream(dir.resolve(CsvSampleWriter.FILE));
        this.out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8));
        row.append(CsvSampleWriter.quote(unclaimed(CsvSampleWriter.LABEL_COLUMN, schema)));
        for (String name : schema.featureNames()) {
            row.append(',').append(CsvSampleWriter.quote(name));
        }
        row.append(',').append(CsvSampleWriter.quote(unclaimed(SYNTHETIC_COLUMN, schema))).append('\n');
        out.append(row);
        row.setLength(0);
    }

    /**
     * @param column the column's usual name, {@code label} or {@value #SYNTHETIC_COLUMN}
     * @param schema the features written beside it
     * @return that name, or, when a feature has it (a table column named "label" or "synthetic"), the first of
     *     {@code name_1}, {@code name_2}, … that no feature has, so that no header name appears twice
     */
    public static String unclaimed(String column, SampleSchema schema) {
        java.util.Set<String> taken = new java.util.HashSet<>(schema.featureNames());
        String name = column;
        for (int i = 1; taken.contains(name); i++) {
            name = column + "_" + i;
        }
        return name;
    }

    @Override
    public void write(int classIndex, double[] sample, boolean synthetic) throws IOException {
        row.append(CsvSampleWriter.quote(schema.labels().get(classIndex)));
        classesWritten[classIndex] = true;
        for (double value : sample) {
            row.append(',').append(CsvSampleWriter.formatValue(value));
        }
        row.append(',').append(synthetic ? '1' : '0').append('\n');
        out.append(row);
        row.setLength(0);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
        ClassMap.of(schema, classesWritten, null).write(dir);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            file.close();
        }
    }
}
