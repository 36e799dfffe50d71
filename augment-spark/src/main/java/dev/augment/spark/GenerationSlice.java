package dev.augment.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * The work of one Spark partition (an {@link InputPartition} of {@link GeneratorScan}): samples {@code first .. first+count-1} of one class's (seed, class) stream.
 *
 * @param classIndex the class, at least 0
 * @param first index of the first sample in the class's stream, at least 0
 * @param count how many samples, at least 1
 */
public record GenerationSlice(int classIndex, long first, long count) implements InputPartition {

    /** Validates the slice. */
    public GenerationSlice {
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must not be negative, was " + classIndex);
        }
        if (first < 0) {
            throw new IllegalArgumentException("first sample index must not be negative, was " + first);
        }
        if (count < 1 || first > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("slice of " + count + " samples from " + first + " is empty or overflows");
        }
    }

    /** @return the index after the last sample of the slice */
    public long end() {
        return first + count;
    }
}
