package dev.augment.eval.metrics;

import java.util.SplittableRandom;

/** Small seeded data sets for the metric tests; every call builds fresh arrays. */
final class TestData {

    private TestData() {
    }

    /** {@code n} draws from N(mean·1, sd²·I) in {@code dim} dimensions. */
    static float[][] gaussian(int n, int dim, double mean, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) (mean + sd * rng.nextGaussian());
            }
        }
        return x;
    }

    /** {@code n} samples around {@code modes} rows of {@code source}, with N(0, noise²) jitter. */
    static float[][] collapsed(float[][] source, int modes, int n, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] centre = source[i % modes];
            x[i] = new float[centre.length];
            for (int d = 0; d < centre.length; d++) {
                x[i][d] = (float) (centre[d] + noise * rng.nextGaussian());
            }
        }
        return x;
    }

    /** Points on a line: one-dimensional vectors. */
    static float[][] line(double... xs) {
        float[][] out = new float[xs.length][1];
        for (int i = 0; i < xs.length; i++) {
            out[i][0] = (float) xs[i];
        }
        return out;
    }
}
