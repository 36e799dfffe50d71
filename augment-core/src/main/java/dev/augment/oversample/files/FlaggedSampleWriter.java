package dev.augment.oversample.files;

import java.io.IOException;

/**
 * Receives examples one at a time, in the schema's feature scale and order, each with its synthetic flag,
 * and writes them with the flags. Call {@link #finish()} after the last one; {@link #close()} only releases.
 */
public interface FlaggedSampleWriter extends AutoCloseable {

    /**
     * @param classIndex the example's class, an index into the schema's labels
     * @param sample its {@code featureCount} values, as Tribuo holds them (doubles: a CSV keeps every digit, the
     *     image formats round to whole pixels)
     * @param synthetic whether it was added (true) or is real (false)
     * @throws IOException when a file cannot be written
     */
    void write(int classIndex, double[] sample, boolean synthetic) throws IOException;

    /**
     * Completes the files.
     *
     * @throws IOException when a file cannot be written
     */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
