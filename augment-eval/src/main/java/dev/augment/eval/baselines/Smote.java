package dev.augment.eval.baselines;

import dev.augment.eval.metrics.Distances;
import java.util.SplittableRandom;

/**
 * SMOTE, the Synthetic Minority Over-sampling TEchnique of Chawla, Bowyer, Hall and Kegelmeyer,
 * Journal of Artificial Intelligence Research 16 (2002) 321–357. Each synthetic sample is made by
 * picking a minority sample {@code x} uniformly at random, one of its {@code k} nearest minority
 * neighbours {@code nn} (Euclidean) uniformly at random, and {@code u ~ U(0, 1)}, and returning
 * {@code x + u · (nn − x)}: a point on the segment between them.
 *
 * <p>{@code k} (5 by default, as in the paper) is clamped to the minority size − 1. A minority
 * class of one example has no neighbour to interpolate towards, so SMOTE then returns copies of
 * that example (equivalent to random oversampling).
 *
 * <p>Deterministic: each call starts a fresh {@link SplittableRandom} from the seed, so equal
 * arguments give equal results; use a different seed per class for independent draws. Instances
 * are immutable and thread-safe.
 */
public final class Smote {

    /** The neighbour count used by Chawla et al. */
    public static final int DEFAULT_K = 5;

    private final int k;
    private final long seed;

    private Smote(int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    /**
     * @param seed the random seed
     * @return SMOTE with k = 5
     */
    public static Smote withDefaults(long seed) {
        return new Smote(DEFAULT_K, seed);
    }

    /**
     * @param newK number of nearest neighbours to choose from, at least 1
     * @return a copy using {@code newK}
     */
    public Smote withK(int newK) {
        return new Smote(newK, seed);
    }

    /**
     * @param newSeed the random seed
     * @return a copy using {@code newSeed}
     */
    public Smote withSeed(long newSeed) {
        return new Smote(k, newSeed);
    }

    /** @return the configured neighbour count (before clamping) */
    public int k() {
        return k;
    }

    /**
     * Generates synthetic minority samples.
     *
     * @param minority the minority-class vectors, at least one, all of one length
     * @param count how many samples to generate, ≥ 0
     * @return {@code count} new vectors (fresh arrays; the input is not modified)
     */
    public float[][] oversample(float[][] minority, int count) {
        int dim = Distances.requireRectangular("minority", minority);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[count][];
        if (minority.length == 1) {
            for (int i = 0; i < count; i++) {
                out[i] = minority[0].clone();
            }
            return out;
        }
        int kUsed = Math.min(k, minority.length - 1);
        int[][] neighbours = Distances.kNearestIndices(minority, kUsed);
        for (int s = 0; s < count; s++) {
            int i = rng.nextInt(minority.length);
            float[] x = minority[i];
            float[] nn = minority[neighbours[i][rng.nextInt(kUsed)]];
            float u = (float) rng.nextDouble();
            float[] y = new float[dim];
            for (int d = 0; d < dim; d++) {
                y[d] = x[d] + u * (nn[d] - x[d]);
            }
            out[s] = y;
        }
        return out;
    }
}
