package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;

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
            case PNG -> new PngSampleWriter(dir, schema);
            case IDX -> new IdxSampleWriter(dir, schema, totalCount);
            case CSV -> new CsvSampleWriter(dir, schema);
        };
    }
}
