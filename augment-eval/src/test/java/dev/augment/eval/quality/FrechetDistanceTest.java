package dev.augment.eval.quality;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrechetDistanceTest {

    /** 500 correlated 6-dimensional vectors with mean (1, 2, …, 6). */
    private static float[][] correlated(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] rows = new float[500][6];
        for (float[] row : rows) {
            double shared = rng.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (j + 1 + shared * (j + 1) * 0.5 + rng.nextGaussian());
            }
        }
        return rows;
    }

    private static double trace(float[][] rows) {
        int d = rows[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] r : rows) {
                mean += r[j] / rows.length;
            }
            for (float[] r : rows) {
                total += (r[j] - mean) * (r[j] - mean) / (rows.length - 1);
            }
        }
        return total;
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        float[][] a = correlated(1);
        assertEquals(0, FrechetDistance.between(a, a), 1e-6 * trace(a));
    }

    /** Same covariance, means 3 apart in each of 6 dimensions: only the mean term remains, 6 · 3² = 54. */
    @Test
    void aShiftedSetIsAtTheSquaredShift() {
        float[][] a = correlated(2);
        float[][] b = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
            for (int j = 0; j < b[i].length; j++) {
                b[i][j] += 3;
            }
        }
        assertEquals(54, FrechetDistance.between(a, b), 1e-3);
    }

    /**
     * b = 2a: mean term ‖μ‖², covariances Σ and 4Σ, so the trace term is Tr(Σ + 4Σ − 2·2Σ) = Tr Σ — checks
     * the matrix square root, which the other cases do not reach when the covariances are equal.
     */
    @Test
    void aScaledSetMatchesTheClosedForm() {
        float[][] a = correlated(3);
        float[][] b = new float[a.length][];
        double meanSquared = 0;
        for (int j = 0; j < 6; j++) {
            double mean = 0;
            for (float[] r : a) {
                mean += r[j] / a.length;
            }
            meanSquared += mean * mean;
        }
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
            for (int j = 0; j < 6; j++) {
                b[i][j] *= 2;
            }
        }
        assertEquals(meanSquared + trace(a), FrechetDistance.between(a, b), 1e-3 * (meanSquared + trace(a)));
    }

    @Test
    void refusesSetsOfDifferentDimensions() {
        assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new float[3][2], new float[3][4]));
        assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new float[1][2], new float[3][2]));
    }
}
