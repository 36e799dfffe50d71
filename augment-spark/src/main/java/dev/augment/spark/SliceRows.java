package dev.augment.spark;

import dev.augment.generate.OnnxGenerator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one {@link GenerationSlice}, generated lazily {@link #BATCH} samples at a time, so a task holds
 * one batch however long its slice is. Each row is (label, feature values…, sample index), as
 * {@link SampleRowSchema} describes; the values are {@link OnnxGenerator#generate}'s for the same seed, class and
 * indices.
 */
final class SliceRows implements Iterator<Row> {

    /** Samples per ONNX Runtime call: {@code augment generate}'s default batch size. */
    static final int BATCH = 256;

    private final OnnxGenerator generator;
    private final GenerationSlice slice;
    private final long seed;
    private final String label;
    private final int features;
    private final int batch;
    private float[] samples = new float[0];
    private int inBatch;
    private int used;
    private long next;

    /**
     * @param generator this JVM's generator
     * @param slice the samples to produce
     * @param seed the noise seed
     */
    SliceRows(OnnxGenerator generator, GenerationSlice slice, long seed) {
        this.generator = generator;
        this.slice = slice;
        this.seed = seed;
        this.label = generator.metadata().schema().labels().get(slice.classIndex());
        this.features = generator.metadata().schema().featureCount();
        this.batch = Math.min(BATCH, generator.maxBatchSize());
        this.next = slice.first();
    }

    @Override
    public boolean hasNext() {
        return used < inBatch || next < slice.end();
    }

    @Override
    public Row next() {
        if (used == inBatch) {
            if (next >= slice.end()) {
                throw new NoSuchElementException("slice " + slice + " is exhausted");
            }
            inBatch = (int) Math.min(batch, slice.end() - next);
            samples = generator.generate(slice.classIndex(), seed, next, inBatch);
            next += inBatch;
            used = 0;
        }
        Object[] fields = new Object[features + 2];
        fields[0] = label;
        int offset = used * features;
        for (int f = 0; f < features; f++) {
            fields[f + 1] = samples[offset + f];
        }
        fields[features + 1] = next - inBatch + used;
        used++;
        return RowFactory.create(fields);
    }
}
