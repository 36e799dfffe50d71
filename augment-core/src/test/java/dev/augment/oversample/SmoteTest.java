package dev.augment.oversample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SmoteTest {

    /** Brute-force k nearest other rows by squared Euclidean distance, written independently of Tribuo. */
    static int[][] kNearest(float[][] x, int k) {
        int[][] out = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            final int row = i;
            out[i] = java.util.stream.IntStream.range(0, x.length).filter(j -> j != row).boxed()
                    .sorted(java.util.Comparator.comparingDouble(j -> squared(x[row], x[j])))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static double squared(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = (double) a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    private static float[][] minority(int n, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) rng.nextGaussian();
            }
        }
        return x;
    }

    /**
     * Chawla et al. 2002: a synthetic sample is x + u·(nn − x) with nn among the k nearest
     * minority neighbours of x and u in [0, 1]. Finds such (x, nn, u) with residual ≤ tol.
     */
    private static boolean onSomeNeighbourSegment(float[] s, float[][] x, int[][] nn, double tol) {
        for (int i = 0; i < x.length; i++) {
            for (int j : nn[i]) {
                double dot = 0;
                double len2 = 0;
                for (int d = 0; d < s.length; d++) {
                    double dir = x[j][d] - x[i][d];
                    dot += (s[d] - x[i][d]) * dir;
                    len2 += dir * dir;
                }
                double u = dot / len2;
                if (u < -tol || u > 1 + tol) {
                    continue;
                }
                double residual = 0;
                for (int d = 0; d < s.length; d++) {
                    double r = s[d] - (x[i][d] + u * (x[j][d] - x[i][d]));
                    residual += r * r;
                }
                if (Math.sqrt(residual) <= tol) {
                    return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 6, 40})
    void everySampleLiesOnASegmentToOneOfItsKNearestNeighbours(int n) {
        float[][] x = minority(n, 5, n);
        float[][] out = Smote.withDefaults(17).oversample(x, 200);
        int[][] nn = kNearest(x, Math.min(5, n - 1)); // k clamped to n − 1
        assertEquals(200, out.length);
        for (float[] s : out) {
            assertTrue(onSomeNeighbourSegment(s, x, nn, 1e-4), () -> Arrays.toString(s));
        }
    }

    @Test
    void pointsFarFromAllNearestNeighbourSegmentsAreNotAccepted() {
        // guards the checker above: the midpoint of the two farthest-apart points of a line of 10
        // with k = 1 is on no 1-NN segment (neighbours are adjacent points).
        float[][] x = new float[10][];
        for (int i = 0; i < 10; i++) {
            x[i] = new float[] {i * i, 0};
        }
        int[][] nn = kNearest(x, 1);
        assertFalse(onSomeNeighbourSegment(new float[] {40.5f, 1f}, x, nn, 1e-4));
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        float[][] x = minority(20, 4, 1);
        assertArrayEquals(Smote.withDefaults(3).oversample(x, 50), Smote.withDefaults(3).oversample(x, 50));
        assertFalse(Arrays.deepEquals(Smote.withDefaults(3).oversample(x, 50),
                Smote.withDefaults(4).oversample(x, 50)));
    }

    @Test
    void singleExampleIsDuplicated() {
        float[][] x = {{1f, 2f, 3f}};
        float[][] out = Smote.withDefaults(1).oversample(x, 4);
        for (float[] s : out) {
            assertArrayEquals(x[0], s);
            assertFalse(s == x[0]); // a copy, not the caller's array
        }
    }

    /** NaN members gave NaN samples without a word from this public entry point (the Tribuo plugin refused them). */
    @Test
    void nonFiniteOrMissingMembersAreRefusedNamingTheValue() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Smote.withDefaults(1).oversample(new double[][] {{1, 2}, {3, bad}}, 2));
            assertTrue(e.getMessage().startsWith("members[1][1] is " + bad + "; SMOTE interpolates between finite "
                    + "values only"), e.getMessage());
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Smote.withDefaults(1).oversample((double[][]) null, 2));
        assertEquals("members must hold at least one vector, was null", none.getMessage());
    }

    @Test
    void zeroCountGivesNoSamples() {
        assertEquals(0, Smote.withDefaults(1).oversample(minority(3, 2, 1), 0).length);
    }

    @Test
    void refusesNegativeCountAndNonPositiveK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Smote.withDefaults(1).oversample(minority(3, 2, 1), -3));
        assertEquals("count must be >= 0, was -3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Smote.withDefaults(1).withK(0));
    }

    @Test
    void anInterpolationStaysOnItsSegmentWhereTheDifferenceIsBeyondADouble() {
        // 1e308 − (−1e308) overflows: x + gap · (nn − x) gave Infinity from two finite values
        for (double gap : new double[] {0, 0.25, 0.5, 0.999, 1}) {
            double y = Smote.between(-1e308, 1e308, gap);
            assertTrue(Double.isFinite(y) && y >= -1e308 && y <= 1e308, gap + " gave " + y);
        }
        assertEquals(0.0, Smote.between(-1e308, 1e308, 0.5), 1e292);
        assertEquals(2.5, Smote.between(2, 4, 0.25), "an ordinary interpolation is unchanged");
    }
}
