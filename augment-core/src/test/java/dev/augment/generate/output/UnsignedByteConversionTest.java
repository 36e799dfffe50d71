package dev.augment.generate.output;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnsignedByteConversionTest {

    /** The rule as written before the fast version: floor(scaled + 0.5), clamped, NaN to 0. */
    private static int reference(float value, double min, double max) {
        double scaled = (value - min) / (max - min) * 255.0;
        if (Double.isNaN(scaled)) {
            return 0;
        }
        return (int) Math.max(0.0, Math.min(255.0, Math.floor(scaled + 0.5)));
    }

    @Test
    void givesTheSameBytesAsFloorOfHalfUpClampedForEdgesAndManyRandomValues() {
        double[][] ranges = {{0, 255}, {-1, 1}, {0, 1}, {-3.5, 17.25}};
        float[] edges = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 0.5f, -0.5f, 0.49999997f,
                254.5f, 254.49998f, 255f, 255.5f, 256f, -1f, 1f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
                -0.50000006f, 127.5f};
        SplittableRandom random = new SplittableRandom(3);
        for (double[] range : ranges) {
            for (float value : edges) {
                assertEquals(reference(value, range[0], range[1]), Batches.toUnsignedByte(value, range[0], range[1]),
                        value + " in " + range[0] + ".." + range[1]);
            }
            for (int i = 0; i < 200_000; i++) {
                float value = (float) (range[0] + (range[1] - range[0]) * (random.nextDouble() * 1.4 - 0.2));
                if (i % 4 == 0) {
                    // exactly on a rounding boundary: (k + 0.5) / 255 of the range
                    value = (float) (range[0] + (range[1] - range[0]) * (random.nextInt(-2, 258) + 0.5) / 255.0);
                }
                assertEquals(reference(value, range[0], range[1]), Batches.toUnsignedByte(value, range[0], range[1]),
                        value + " in " + range[0] + ".." + range[1]);
            }
        }
    }
}
