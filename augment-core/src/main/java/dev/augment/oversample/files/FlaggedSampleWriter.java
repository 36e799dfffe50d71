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
     * As {@link #write(int, double[], boolean)}, for an example that is, or copies, a known row of the data (a table's
     * row, {@code CsvTableSource.ROW_KEY}); a writer that keeps the data's own spelling writes that row.
     *
     * @param classIndex the example's class, an index into the schema's labels
     * @param sample its values, as Tribuo holds them
     * @param synthetic whether it was added (an ROS copy) or is real
     * @param sourceRow the row it is or copies, from 0
     * @throws IOException when a file cannot be written
     */
    default void write(int classIndex, double[] sample, boolean synthetic, int sourceRow) throws IOException {
        write(classIndex, sample, synthetic);
    }

    /**
     * As {@link #write(int, double[], boolean)}, for an example that is generated data given as data (a PNG file
     * carrying generate's mark, or any example of generate's output): a writer whose files can carry the mark (PNG)
     * marks this one, so that the file stays known as generated wherever it goes; the others write it as usual (the
     * output's record counts it).
     *
     * @param classIndex the example's class, an index into the schema's labels
     * @param sample its values, as Tribuo holds them
     * @param synthetic whether it was added or is real
     * @throws IOException when a file cannot be written
     */
    default void writeGenerated(int classIndex, double[] sample, boolean synthetic) throws IOException {
        write(classIndex, sample, synthetic);
    }

    /**
     * Names the file the next example written is, or copies (an image folder's example carries it as
     * {@code ImageFolderSource.FILE_KEY}); a writer that records where each written example came from (the PNG one)
     * keeps it, the others ignore it.
     *
     * @param file the file, relative to the data folder, or null when the next example has none (SMOTE, a generator)
     */
    default void nextSource(String file) {
    }

    /**
     * @param feature a feature index of the schema
     * @return the value an example without that feature has: 0 (Tribuo's sparse reading), or NaN where the writer
     *     writes an absent feature as a missing cell (a table's numeric column)
     */
    default double absentValue(int feature) {
        return 0;
    }

    /**
     * Completes the files.
     *
     * @throws IOException when a file cannot be written
     */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
