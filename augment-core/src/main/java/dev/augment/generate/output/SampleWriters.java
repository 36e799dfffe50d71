package dev.augment.generate.output;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableSchema;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the {@link SampleWriter} for an {@link OutputFormat}. */
public final class SampleWriters {

    private SampleWriters() {
    }

    /**
     * Opens a writer.
     *
     * @param format the file format
     * @param dir the folder to write into, usually {@link AtomicOutputDirectory#workDir()}
     * @param schema the schema of the samples
     * @param totalCount how many samples will be written in all; IDX stores it in its header and
     *     checks it at {@link SampleWriter#finish()}, the other formats ignore it
     * @return the open writer
     * @throws IOException when a file cannot be created
     * @throws IllegalArgumentException when the format cannot hold this data (png for tabular data,
     *     idx with more than 256 classes or a count outside [1, 2^31-1])
     */
    public static SampleWriter open(OutputFormat format, Path dir, SampleSchema schema, long totalCount)
            throws IOException {
        return switch (format) {
            case PNG -> new PngSampleWriter(dir, schema, true); // generate's: every file is marked as generated
            case IDX -> new IdxSampleWriter(dir, schema, totalCount);
            case CSV -> new CsvSampleWriter(dir, schema);
        };
    }

    /**
     * Opens a writer for a generator that may be a table generator.
     *
     * @param format the file format
     * @param dir the folder to write into, usually {@link AtomicOutputDirectory#workDir()}
     * @param schema the schema of the samples
     * @param table the table layout of a table generator, or null for an image generator
     * @param totalCount how many samples will be written in all (see {@link #open(OutputFormat, Path, SampleSchema,
     *     long)})
     * @return the open writer: for a table, a {@link TableCsvSampleWriter} that writes the table's own columns
     * @throws InvalidSettingException (setting {@code format}) when a table generator is asked for png or idx
     * @throws IOException when a file cannot be created
     * @throws IllegalArgumentException as {@link #open(OutputFormat, Path, SampleSchema, long)}
     */
    public static SampleWriter open(OutputFormat format, Path dir, SampleSchema schema, TableSchema table,
                                    long totalCount) throws IOException {
        if (table == null) {
            return open(format, dir, schema, totalCount);
        }
        requireFits(format, table);
        return new TableCsvSampleWriter(dir, schema, table);
    }

    /**
     * Checks, before any file is made, that a format can hold a generator's samples.
     *
     * @param format the file format
     * @param table the table layout of a table generator, or null for an image generator
     * @throws InvalidSettingException (setting {@code format}) when a table generator is asked for png or idx
     */
    public static void requireFits(OutputFormat format, TableSchema table) {
        if (table != null && format != OutputFormat.CSV) {
            throw new InvalidSettingException("format", "format '" + format.id() + "' cannot hold a table; a table "
                    + "generator writes csv (its own columns and the label)");
        }
    }
}
