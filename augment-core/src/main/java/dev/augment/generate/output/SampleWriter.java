package dev.augment.generate.output;

import java.io.IOException;

/**
 * Receives generated samples batch by batch and writes them to files. Values arrive in the schema's
 * own feature scale (e.g. pixels 0–255), row-major, {@code schema.featureCount()} floats per sample.
 *
 * <p>{@link #write(int, float[], int)} is {@link #encode} followed by {@link #write(EncodedBatch)}.
 * {@link #encode} is thread-safe and writes nothing, so a pipeline may encode several batches at once
 * and write them in order; the files are the same as when every batch is written directly.
 *
 * <p>Call {@link #finish()} once after the last batch to complete the files; {@link #close()} then
 * only releases resources. Closing without finishing leaves incomplete files, which is what
 * {@link AtomicOutputDirectory} exists to discard.
 */
public interface SampleWriter extends AutoCloseable {

    /**
     * Writes {@code count} samples of one class.
     *
     * @param classIndex the class of every sample in the batch, an index into {@code schema.labels()}
     * @param samples the samples packed one after another; at least {@code count * featureCount} values
     * @param count how many samples to take from {@code samples}; zero is allowed
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when the class index, count or array length is wrong
     * @throws IllegalStateException when called after {@link #finish()} or {@link #close()}
     */
    default void write(int classIndex, float[] samples, int count) throws IOException {
        write(encode(classIndex, samples, count));
    }

    /**
     * Turns a batch into the bytes {@link #write(EncodedBatch)} will put in the files. Thread-safe; reads
     * {@code samples} and nothing that writing changes.
     *
     * @param classIndex the class of every sample in the batch, an index into {@code schema.labels()}
     * @param samples the samples packed one after another; at least {@code count * featureCount} values
     * @param count how many samples to take from {@code samples}; zero is allowed
     * @return the encoded batch
     * @throws IllegalArgumentException when the class index, count or array length is wrong
     */
    EncodedBatch encode(int classIndex, float[] samples, int count);

    /**
     * Writes a batch that {@link #encode} of this writer made; batches are written in the order of calls.
     *
     * @param batch the encoded batch
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when called after {@link #finish()} or {@link #close()}
     */
    void write(EncodedBatch batch) throws IOException;

    /**
     * Flushes and completes the files. Later calls to {@link #write} fail.
     *
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when the writer cannot complete its files (e.g. a promised count not met)
     */
    void finish() throws IOException;

    /**
     * Releases open files. Does not complete them; call {@link #finish()} first.
     *
     * @throws IOException when a file cannot be closed
     */
    @Override
    void close() throws IOException;
}
