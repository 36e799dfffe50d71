package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.data.DataSources;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams samples into {@code DIR/images-idx3-ubyte} and {@code DIR/labels-idx1-ubyte} in the IDX
 * format (magic bytes 0, 0, type, number of dimensions; then big-endian int dimensions; then the
 * data), readable by Tribuo's {@code org.tribuo.datasource.IDXDataSource}.
 *
 * <p>The header holds the sample count, so the total is promised at construction and
 * {@link #finish()} checks it was met. Images are ubyte (0x08) when the schema range is exactly
 * [0, 255], values rounded half up and clamped; otherwise float32 (0x0D) holding the raw values.
 * Image dimensions are [N, H, W] for one channel, [N, C, H, W] otherwise; tabular data is [N, F].
 * Labels are the ubyte class index, with dimensions [N]. Nothing is held in memory beyond a buffer.
 * {@link #finish()} also writes the {@link ClassMap} ({@code DIR/classes.csv}), which says what label
 * and name each class index in the labels file stands for.
 */
public final class IdxSampleWriter implements SampleWriter {

    /** File name of the images file. */
    public static final String IMAGES_FILE = DataSources.IDX_IMAGES;
    /** File name of the labels file. */
    public static final String LABELS_FILE = DataSources.IDX_LABELS;

    private static final byte UBYTE = 0x08;
    private static final byte FLOAT = 0x0D;

    private final SampleSchema schema;
    private final Path dir;
    private final boolean[] classesWritten;
    private final long total;
    private final boolean bytes;
    private final DataOutputStream images;
    private final DataOutputStream labels;
    private long written;
    private boolean done;

    /**
     * Creates both files and writes their headers.
     *
     * @param dir the folder to write into; created when missing
     * @param schema the sample schema, with at most 256 classes
     * @param totalCount how many samples will be written, between 1 and {@link Integer#MAX_VALUE}
     * @throws IOException when a file cannot be created
     * @throws InvalidSettingException when the total count or the class count does not fit the format (setting
     *     {@code format} for the classes: a usage error, exit 2, not a fault of the code)
     */
    public IdxSampleWriter(Path dir, SampleSchema schema, long totalCount) throws IOException {
        if (totalCount < 1 || totalCount > Integer.MAX_VALUE) {
            throw new InvalidSettingException("count", "gives " + totalCount + " samples in all, but an idx file holds"
                    + " from 1 to " + Integer.MAX_VALUE + " (its header counts in 32 bits); use csv or png, or fewer");
        }
        if (schema.classCount() > 256) {
            // a 300-class image folder with oversample's default format failed with exit 1 (a fresh user, 4 Dec)
            throw new InvalidSettingException("format", "format idx holds each label in one byte, so at most 256 "
                    + "classes, but the data has " + schema.classCount() + "; use csv or png");
        }
        this.schema = schema;
        this.dir = dir;
        this.classesWritten = new boolean[schema.classCount()];
        this.total = totalCount;
        this.bytes = schema.minValue() == 0.0 && schema.maxValue() == 255.0;
        Files.createDirectories(dir);
        this.images = open(dir.resolve(IMAGES_FILE));
        DataOutputStream labelStream = null;
        try {
            writeHeader(images, bytes ? UBYTE : FLOAT, imageDims((int) totalCount));
            labelStream = open(dir.resolve(LABELS_FILE));
            writeHeader(labelStream, UBYTE, new int[] {(int) totalCount});
        } catch (IOException | RuntimeException e) {
            closeQuietly(images, e);
            if (labelStream != null) {
                closeQuietly(labelStream, e);
            }
            throw e;
        }
        this.labels = labelStream;
    }

    /** @return true when images are written as ubyte, false for float32 */
    public boolean writesBytes() {
        return bytes;
    }

    @Override
    public EncodedBatch encode(int classIndex, float[] samples, int count) {
        Batches.check(schema, classIndex, samples, count);
        int values = count * schema.featureCount();
        byte[] data;
        if (bytes) {
            data = new byte[values];
            for (int i = 0; i < values; i++) {
                data[i] = (byte) Batches.toUnsignedByte(samples[i], 0.0, 255.0);
            }
        } else {
            ByteBuffer buffer = ByteBuffer.allocate(values * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < values; i++) {
                buffer.putInt(Float.floatToIntBits(samples[i]));
            }
            data = buffer.array();
        }
        return new EncodedBatch(classIndex, count, List.of(data));
    }

    @Override
    public void write(EncodedBatch batch) throws IOException {
        if (done) {
            throw new IllegalStateException("idx writer is finished or closed");
        }
        int count = batch.count();
        if (written + count > total) {
            throw new IllegalStateException("idx writer was promised " + total + " samples; writing " + count
                    + " more after " + written + " would exceed it");
        }
        for (byte[] chunk : batch.chunks()) {
            images.write(chunk);
        }
        byte[] labelBytes = new byte[count];
        Arrays.fill(labelBytes, (byte) batch.classIndex());
        labels.write(labelBytes);
        written += count;
        classesWritten[batch.classIndex()] |= count > 0;
    }

    @Override
    public void finish() throws IOException {
        if (done) {
            throw new IllegalStateException("idx writer is finished or closed");
        }
        done = true;
        if (written != total) {
            throw new IllegalStateException("idx header promises " + total + " samples but " + written
                    + " were written");
        }
        images.flush();
        labels.flush();
        RemovedWhileWriting.requireThere(dir, IMAGES_FILE, LABELS_FILE);
        ClassMap.of(schema, classesWritten, null).write(dir);
    }

    @Override
    public void close() throws IOException {
        done = true;
        try {
            images.close();
        } finally {
            labels.close();
        }
    }

    private int[] imageDims(int n) {
        if (!schema.isImage()) {
            return new int[] {n, schema.featureCount()};
        }
        if (schema.channels() == 1) {
            return new int[] {n, schema.height(), schema.width()};
        }
        return new int[] {n, schema.channels(), schema.height(), schema.width()};
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private static void writeHeader(DataOutputStream out, byte type, int[] dims) throws IOException {
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int dim : dims) {
            out.writeInt(dim);
        }
    }

    private static void closeQuietly(DataOutputStream stream, Exception primary) {
        try {
            stream.close();
        } catch (IOException suppressed) {
            primary.addSuppressed(suppressed);
        }
    }
}
