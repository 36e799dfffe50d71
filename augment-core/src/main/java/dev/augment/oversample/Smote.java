package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SMOTE, the Synthetic Minority Over-sampling TEchnique of Chawla, Bowyer, Hall and Kegelmeyer,
 * Journal of Artificial Intelligence Research 16 (2002) 321–357. Each synthetic sample is made by
 * picking a member {@code x} of the class uniformly at random, one of its {@code k} nearest members
 * {@code nn} (Euclidean, by {@link NearestNeighbours}) uniformly at random, and {@code u ~ U(0, 1)},
 * and returning {@code x + u · (nn − x)}: a point on the segment between them.
 *
 * <p>{@code k} (5 by default, as in the paper) is clamped to the class size − 1
 * ({@link #neighboursUsed}). A class of one example has no neighbour to interpolate towards, so SMOTE
 * then returns copies of that example (random oversampling).
 *
 * <p>Deterministic: each call starts a fresh {@link SplittableRandom} from the seed and draws, per
 * sample, the member, the neighbour's rank and {@code u}, in that order; equal arguments give equal
 * results. Use a different seed per class for independent draws. Immutable and thread-safe.
 */
public final class Smote {

    /** The neighbour count used by Chawla et al. */
    public static final int DEFAULT_K = 5;

    private final int k;
    private final long seed;

    private Smote(int k, long seed) {
        if (k < 1) {
            throw new InvalidSettingException("k", "k (SMOTE's neighbour count) must be at least 1, was " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    /**
     * @param seed the random seed
     * @return SMOTE with k = {@value #DEFAULT_K}
     */
    public static Smote withDefaults(long seed) {
        return new Smote(DEFAULT_K, seed);
    }

    /**
     * @param newK number of nearest neighbours to choose from, at least 1
     * @return a copy using {@code newK}
     * @throws InvalidSettingException for setting "k" when it is below 1
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

    /** @return the random seed */
    public long seed() {
        return seed;
    }

    /**
     * @param classSize the number of members of the class, at least 1
     * @return the neighbour count used for a class of that size: {@code min(k, classSize − 1)}, so 0 for
     *     a single example, which is then duplicated
     */
    public int neighboursUsed(int classSize) {
        return Math.min(k, classSize - 1);
    }

    /**
     * Chooses, for each synthetic sample, the member, its neighbour and the position on the segment.
     *
     * @param members the class's vectors, at least one, all of one length, every value finite
     * @param count how many samples, ≥ 0
     * @return {@code count} interpolations; for a single member each is that member with gap 0
     * @throws IllegalArgumentException for no members, vectors of different lengths, a NaN or infinite value, or a
     *     negative count
     */
    public List<Interpolation> draw(double[][] members, int count) {
        Vectors.requireRectangular("members", members);
        Vectors.requireFinite("members", members);
        Vectors.requireCount(count);
        List<Interpolation> out = new ArrayList<>(count);
        if (members.length == 1) {
            for (int s = 0; s < count; s++) {
                out.add(new Interpolation(0, 0, 0));
            }
            return out;
        }
        int kUsed = neighboursUsed(members.length);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] bases = new int[count];
        int[] ranks = new int[count];
        double[] gaps = new double[count];
        for (int s = 0; s < count; s++) {
            bases[s] = rng.nextInt(members.length);
            ranks[s] = rng.nextInt(kUsed);
            gaps[s] = (float) rng.nextDouble(); // float, as the evaluation's SMOTE has always drawn it
        }
        // Only the members drawn as bases need their neighbours.
        NearestNeighbours neighbours = new NearestNeighbours(members);
        Map<Integer, int[]> found = new HashMap<>();
        for (int s = 0; s < count; s++) {
            int[] nn = found.computeIfAbsent(bases[s], b -> neighbours.of(b, kUsed));
            out.add(new Interpolation(bases[s], nn[ranks[s]], gaps[s]));
        }
        return out;
    }

    /**
     * @param members the class's vectors, at least one, all of one length
     * @param count how many samples to generate, ≥ 0
     * @return {@code count} new vectors (fresh arrays; the input is not modified), as {@link #draw} chooses them
     */
    public double[][] oversample(double[][] members, int count) {
        List<Interpolation> draws = draw(members, count);
        double[][] out = new double[count][];
        for (int s = 0; s < count; s++) {
            out[s] = draws.get(s).apply(members);
        }
        return out;
    }

    /**
     * The same as {@link #oversample(double[][], int)} for float vectors (computed in double, rounded to float).
     *
     * @param members the class's vectors, at least one, all of one length
     * @param count how many samples to generate, ≥ 0
     * @return {@code count} new vectors
     */
    public float[][] oversample(float[][] members, int count) {
        return Vectors.toFloat(oversample(Vectors.toDouble(members), count));
    }

    /**
     * One SMOTE sample: {@code members[base] + gap · (members[neighbour] − members[base])}.
     *
     * @param base index of the member it starts from
     * @param neighbour index of one of the base's k nearest members (the base itself for a class of one)
     * @param gap the position on the segment, in [0, 1] (a uniform double rounded to float may reach 1)
     */
    public record Interpolation(int base, int neighbour, double gap) {

        /** Checks the indices and the gap. */
        public Interpolation {
            if (base < 0 || neighbour < 0 || !(gap >= 0 && gap <= 1)) {
                throw new IllegalArgumentException("interpolation needs member indices >= 0 and a gap in [0, 1], was "
                        + base + ", " + neighbour + ", " + gap);
            }
        }

        /**
         * @param members the vectors the indices point into
         * @return the sample, a fresh array
         */
        public double[] apply(double[][] members) {
            double[] x = members[base];
            double[] nn = members[neighbour];
            double[] y = new double[x.length];
            for (int d = 0; d < x.length; d++) {
                y[d] = between(x[d], nn[d], gap);
            }
            return y;
        }
    }

    /**
     * @param x a member's value
     * @param nn its neighbour's value
     * @param gap the position on the segment, in [0, 1]
     * @return {@code x + gap · (nn − x)}, which stays on the segment from {@code x} to {@code nn} (finite) also
     *     where {@code nn − x} is beyond a double's range (values of opposite signs above 8.9e307 gave Infinity)
     */
    static double between(double x, double nn, double gap) {
        double y = x + gap * (nn - x);
        if (Double.isFinite(y) || !Double.isFinite(x) || !Double.isFinite(nn)) {
            return y;
        }
        double weighted = (1 - gap) * x + gap * nn;
        return Math.min(Math.max(weighted, Math.min(x, nn)), Math.max(x, nn));
    }
}
