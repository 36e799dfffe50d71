package dev.augment.spark;

import dev.augment.generate.OnnxGenerator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.NoSuchElementException;

/**
 * Reads the rows of one {@link GenerationSlice}, generated {@link #BATCH} samples at a time, so a task holds one
 * batch however long its slice is. Each row is (label, feature values…, sample index) as {@link SampleRowSchema}
 * describes, with the values of {@link OnnxGenerator#generate} for the same seed, class and indices. One mutable
 * row is filled in place for every sample (Spark copies what it keeps), so no object is made per value.
 */
final class SliceReader implements PartitionReader<InternalRow> {

    /** Samples per ONNX Runtime call: {@code augment generate}'s default batch size. */
    static final int BATCH = 256;

    /** 8-bit images: whole pixels, as {@code augment generate} writes every format. */
    private final boolean pixels;
    private final OnnxGenerator generator;
    private final GenerationSlice slice;
    private final long seed;
    private final int features;
    private final int batch;
    private final SpecificInternalRow row;
    private float[] samples = new float[0];
    private int inBatch;
    private int used;
    private long next;
    private boolean positioned;

    /**
     * @param generator this JVM's generator
     * @param slice the samples to produce
     * @param seed the noise seed
     */
    SliceReader(OnnxGenerator generator, GenerationSlice slice, long seed) {
        this.generator = generator;
        this.slice = slice;
        this.seed = seed;
        this.features = generator.metadata().schema().featureCount();
        this.pixels = dev.augment.schema.PixelGrid.appliesTo(generator.metadata().schema());
        this.batch = Math.min(BATCH, generator.maxBatchSize());
        this.next = slice.first();
        this.row = new SpecificInternalRow(SampleRowSchema.of(generator.metadata().schema(),
                generator.path().toString()));
        row.update(0, UTF8String.fromString(generator.metadata().schema().labels().get(slice.classIndex())));
    }

    @Override
    public boolean next() {
        if (used == inBatch) {
            if (next >= slice.end()) {
                positioned = false;
                return false;
            }
            inBatch = (int) Math.min(batch, slice.end() - next);
            samples = generator.generate(slice.classIndex(), seed, next, inBatch);
            if (pixels) {
                dev.augment.schema.PixelGrid.roundInPlace(samples, inBatch * features); // as generate writes them
            }
            next += inBatch;
            used = 0;
        }
        int offset = used * features;
        for (int f = 0; f < features; f++) {
            row.setFloat(f + 1, samples[offset + f]);
        }
        row.setLong(features + 1, next - inBatch + used);
        used++;
        positioned = true;
        return true;
    }

    @Override
    public InternalRow get() {
        if (!positioned) {
            throw new NoSuchElementException("no current row of slice " + slice + "; call next() first");
        }
        return row;
    }

    @Override
    public void close() {
        // the generator is shared by this JVM's tasks and outlives the reader
    }
}
