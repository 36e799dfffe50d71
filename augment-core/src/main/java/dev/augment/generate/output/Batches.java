package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;

/** Argument checks and value conversions shared by the writers. */
final class Batches {

    private Batches() {
    }

    /** Throws when a batch does not fit the schema. */
    static void check(SampleSchema schema, int classIndex, float[] samples, int count) {
        if (classIndex < 0 || classIndex >= schema.classCount()) {
            throw new IllegalArgumentException("class index must be in [0, " + schema.classCount()
                    + "), was " + classIndex);
        }
        if (count < 0) {
            throw new IllegalArgumentException("sample count must not be negative, was " + count);
        }
        long needed = (long) count * schema.featureCount();
        if (samples == null || samples.length < needed) {
            throw new IllegalArgumentException(count + " samples of " + schema.featureCount()
                    + " features need " + needed + " values, got "
                    + (samples == null ? "null" : String.valueOf(samples.length)));
        }
    }

    /**
     * Maps a value from [min, max] onto 0..255, rounding half up and clamping; NaN becomes 0. The same as
     * {@code max(0, min(255, floor(scaled + 0.5)))} on the double {@code scaled}, without {@code Math.floor}
     * (which some processors cannot do in one instruction): below 0 and from 255 up clamp, and in between
     * truncating a non-negative double is its floor.
     */
    static int toUnsignedByte(float value, double min, double max) {
        double rounded = (value - min) / (max - min) * 255.0 + 0.5;
        if (rounded >= 255.0) {
            return 255;
        }
        if (rounded >= 0.0) {
            return (int) rounded;
        }
        return 0;
    }
}
