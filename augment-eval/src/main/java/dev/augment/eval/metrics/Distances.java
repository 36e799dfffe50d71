package dev.augment.eval.metrics;

import dev.augment.cancel.CancellationToken;

import java.util.Arrays;

/**
 * Brute-force Euclidean distances and k-nearest-neighbour queries on {@code float[][]} embeddings,
 * shared by the fidelity, diversity and memorisation metrics and by SMOTE.
 *
 * <p>Squared distances are accumulated in {@code float} (four partial sums, so the loop pipelines)
 * and square roots taken once per kept value. All methods are O(n·m·d); they are meant for sets of
 * a few thousand vectors, as used by Kynkäänniemi et al. (2019) and Naeem et al. (2020).
 */
public final class Distances {

    private Distances() {
    }

    /**
     * Squared Euclidean distance.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return {@code ||a - b||²}
     */
    public static float squared(float[] a, float[] b) {
        int d = a.length;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            float t0 = a[i] - b[i];
            float t1 = a[i + 1] - b[i + 1];
            float t2 = a[i + 2] - b[i + 2];
            float t3 = a[i + 3] - b[i + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; i < d; i++) {
            float t = a[i] - b[i];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Euclidean distance.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return {@code ||a - b||}
     */
    public static double euclidean(float[] a, float[] b) {
        return Math.sqrt(squared(a, b));
    }

    /**
     * Distance from each query to its nearest reference vector.
     *
     * @param queries the query vectors
     * @param reference the vectors searched, not empty
     * @return one Euclidean distance per query
     */
    public static double[] nearest(float[][] queries, float[][] reference) {
        double[] out = new double[queries.length];
        for (int q = 0; q < queries.length; q++) {
            float best = Float.POSITIVE_INFINITY;
            float[] x = queries[q];
            for (float[] r : reference) {
                float s = squared(x, r);
                if (s < best) {
                    best = s;
                }
            }
            out[q] = Math.sqrt(best);
        }
        return out;
    }

    /**
     * Distance from each vector to its k-th nearest OTHER vector of the same set (the point itself
     * is excluded by index, so a duplicate counts as a neighbour at distance 0). This is the radius
     * {@code NND_k} of Kynkäänniemi et al. (2019) and Naeem et al. (2020).
     *
     * @param x the set, with more than {@code k} vectors
     * @param k the neighbour rank, at least 1
     * @return one radius per vector
     */
    public static double[] kthNeighbourDistances(float[][] x, int k) {
        float[] sq = kthNeighbourSquared(x, k);
        double[] out = new double[sq.length];
        for (int i = 0; i < sq.length; i++) {
            out[i] = Math.sqrt(sq[i]);
        }
        return out;
    }

    /**
     * Squared distance from each vector to its k-th nearest OTHER vector of the same set, exactly
     * as accumulated by {@link #squared(float[], float[])}, for comparisons without square roots.
     *
     * @param x the set, with more than {@code k} vectors
     * @param k the neighbour rank, at least 1
     * @return one squared radius per vector
     */
    public static float[] kthNeighbourSquared(float[][] x, int k) {
        return kthNeighbourSquared(x, k, new CancellationToken());
    }

    /**
     * As {@link #kthNeighbourSquared(float[][], int)}, stopping soon after a cancel: the token is checked before each
     * vector's neighbours are searched (n² distances in all, seconds to minutes for tens of thousands of vectors).
     *
     * @param x the set, with more than {@code k} vectors
     * @param k the neighbour rank, at least 1
     * @param cancellation checked once per vector
     * @return one squared radius per vector
     * @throws dev.augment.cancel.CancelledException when cancelled
     */
    public static float[] kthNeighbourSquared(float[][] x, int k, CancellationToken cancellation) {
        requireNeighbours(x.length, k);
        float[] out = new float[x.length];
        float[] best = new float[k];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelled("searching nearest neighbours");
            Arrays.fill(best, Float.POSITIVE_INFINITY);
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    insert(best, null, squared(x[i], x[j]), j);
                }
            }
            out[i] = best[k - 1];
        }
        return out;
    }

    /**
     * Checks that a set of vectors is non-empty and rectangular.
     *
     * @param name the argument name used in the message
     * @param x the vectors
     * @return the common dimension
     * @throws IllegalArgumentException if {@code x} is empty, has a null or empty row, or rows
     *     of different lengths
     */
    public static int requireRectangular(String name, float[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one vector, was empty");
        }
        if (x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] must be a non-empty vector");
        }
        int d = x[0].length;
        for (int i = 1; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has length "
                        + (x[i] == null ? "null" : x[i].length) + ", expected " + d
                        + " like " + name + "[0]");
            }
        }
        return d;
    }

    /**
     * Checks that two sets are rectangular with the same dimension.
     *
     * @param nameA name of the first set
     * @param a the first set
     * @param nameB name of the second set
     * @param b the second set
     * @return the common dimension
     */
    public static int requireSameDimension(String nameA, float[][] a, String nameB, float[][] b) {
        int da = requireRectangular(nameA, a);
        int db = requireRectangular(nameB, b);
        if (da != db) {
            throw new IllegalArgumentException(nameA + " has dimension " + da + " but " + nameB
                    + " has dimension " + db + "; both must embed in the same space");
        }
        return da;
    }

    private static void requireNeighbours(int n, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (n <= k) {
            throw new IllegalArgumentException("a set needs more than k=" + k
                    + " vectors to have k other neighbours, had " + n);
        }
    }

    /** Inserts {@code value} into the ascending array {@code best} if it is small enough. */
    private static void insert(float[] best, int[] idx, float value, int j) {
        int k = best.length;
        if (!(value < best[k - 1])) {
            return;
        }
        int p = k - 1;
        while (p > 0 && best[p - 1] > value) {
            best[p] = best[p - 1];
            if (idx != null) {
                idx[p] = idx[p - 1];
            }
            p--;
        }
        best[p] = value;
        if (idx != null) {
            idx[p] = j;
        }
    }
}
