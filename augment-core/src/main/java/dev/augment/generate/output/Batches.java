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
     * Maps a value from [min, max] onto 0..255, rounding half up and clamping; NaN becomes 0.
     */
    static int toUnsignedByte(float value, double min, double max) {
        double scaled = (value - min) / (max - min) * 255.0;
        if (Double.isNaN(scaled)) {
            return 0;
        }
        double rounded = Math.floor(scaled + 0.5);
        return (int) Math.max(0.0, Math.min(255.0, rounded));
    }
}
