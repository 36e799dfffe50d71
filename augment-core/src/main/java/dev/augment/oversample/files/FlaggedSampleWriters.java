package dev.augment.oversample.files;

import dev.augment.generate.output.OutputFormat;
import dev.augment.generate.output.PngSampleWriter;
import dev.augment.generate.output.SampleWriter;
import dev.augment.generate.output.SampleWriters;
import dev.augment.generate.output.CsvSampleWriter;
import dev.augment.schema.SampleSchema;
import dev.augment.table.Table;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the {@link FlaggedSampleWriter} of a format. */
public final class FlaggedSampleWriters {

    /** IDX sidecar: an IDX1 ubyte file of {@code N} flags, in the order of {@code labels-idx1-ubyte}. */
    public static final String IDX_FLAGS_FILE = dev.augment.data.AddedExamples.IDX_FLAGS;
    /**
     * PNG sidecar: {@code file,label,synthetic,source}, one row per image, {@code file} relative to the output folder,
     * {@code source} the data's file the image is or copies (random oversampling), relative to the data folder, empty
     * for SMOTE's and a generator's images and for data read from one file (IDX, CIFAR-10).
     */
    public static final String PNG_FLAGS_FILE = dev.augment.data.AddedExamples.CSV_FLAGS;

    private FlaggedSampleWriters() {
    }

    /**
     * @param format the file format
     * @param dir the folder to write into, usually an {@code AtomicOutputDirectory}'s work folder
     * @param schema the schema of the samples
     * @param totalCount how many examples will be written, real and added
     * @return the open writer
     * @throws IOException when a file cannot be created
     * @throws IllegalArgumentException when the format cannot hold this data (see {@link SampleWriters#open})
     */
    public static FlaggedSampleWriter open(OutputFormat format, Path dir, SampleSchema schema, long totalCount)
            throws IOException {
        return switch (format) {
            case CSV -> new FlaggedCsvWriter(dir, schema);
            case IDX -> new WithIdxFlags(SampleWriters.open(format, dir, schema, totalCount), dir, totalCount);
            case PNG -> new WithPngFlags(new PngSampleWriter(dir, schema), dir, schema);
        };
    }

    /**
     * @param dir the folder to write into, usually an {@code AtomicOutputDirectory}'s work folder
     * @param table the real rows, in the order their examples will come
     * @param realCells their text, in the table's layout order
     *     ({@link dev.augment.table.TableFile#cellsInLayoutOrder()})
     * @return a writer of the table's own columns with a sidecar of flags ({@link TableFlaggedCsvWriter})
     * @throws IOException when a file cannot be created
     */
    public static FlaggedSampleWriter openTable(Path dir, Table table, java.util.List<String[]> realCells)
            throws IOException {
        return new TableFlaggedCsvWriter(dir, table, realCells);
    }

    /** The IDX pair plus a ubyte flag file with the same count. */
    private static final class WithIdxFlags implements FlaggedSampleWriter {
        private final SampleWriter samples;
        private final DataOutputStream flags;

        WithIdxFlags(SampleWriter samples, Path dir, long total) throws IOException {
            this.samples = samples;
            this.flags = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(IDX_FLAGS_FILE))));
            flags.writeInt(0x00000801); // magic: ubyte, one dimension
            flags.writeInt((int) total);
        }

        @Override
        public void write(int classIndex, double[] sample, boolean synthetic) throws IOException {
            samples.write(classIndex, toFloats(sample), 1);
            flags.write(synthetic ? 1 : 0);
        }

        @Override
        public void finish() throws IOException {
            samples.finish();
            flags.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                samples.close();
            } finally {
                flags.close();
            }
        }
    }

    /** PNG files per class plus {@value #PNG_FLAGS_FILE} naming each file. */
    private static final class WithPngFlags implements FlaggedSampleWriter {
        private final PngSampleWriter samples;
        private final SampleSchema schema;
        private final long[] written;
        private final BufferedWriter flags;
        private String source;

        WithPngFlags(PngSampleWriter samples, Path dir, SampleSchema schema) throws IOException {
            this.samples = samples;
            this.schema = schema;
            this.written = new long[schema.classCount()];
            this.flags = Files.newBufferedWriter(dir.resolve(PNG_FLAGS_FILE), StandardCharsets.UTF_8);
            flags.append("file,label,synthetic,source\n");
        }

        @Override
        public void write(int classIndex, double[] sample, boolean synthetic) throws IOException {
            samples.write(classIndex, toFloats(sample), 1);
            flag(classIndex, synthetic);
        }

        @Override
        public void writeGenerated(int classIndex, double[] sample, boolean synthetic) throws IOException {
            dev.augment.generate.output.EncodedBatch batch = samples.encode(classIndex, toFloats(sample), 1);
            samples.write(new dev.augment.generate.output.EncodedBatch(classIndex, 1,
                    batch.chunks().stream().map(dev.augment.data.GeneratedPng::marked).toList()));
            flag(classIndex, synthetic);
        }

        @Override
        public void nextSource(String file) {
            source = file;
        }

        private void flag(int classIndex, boolean synthetic) throws IOException {
            written[classIndex]++;
            // the file PngSampleWriter has just written: <its class folder>/<n, six digits at least>.png
            String file = samples.folder(classIndex) + "/" + String.format(Locale.ROOT, "%06d.png", written[classIndex]);
            flags.append(CsvSampleWriter.quote(file)).append(',')
                    .append(CsvSampleWriter.quote(schema.labels().get(classIndex))).append(',')
                    .append(synthetic ? '1' : '0').append(',')
                    .append(source == null ? "" : CsvSampleWriter.quote(source)).append('\n');
            source = null;
        }

        @Override
        public void finish() throws IOException {
            samples.finish();
            flags.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                samples.close();
            } finally {
                flags.close();
            }
        }
    }

    /** @return the values as floats, which the image writers round to whole pixels */
    private static float[] toFloats(double[] sample) {
        float[] out = new float[sample.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sample[i];
        }
        return out;
    }
}
