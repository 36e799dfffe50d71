package dev.augment.eval.metrics;

import java.util.SplittableRandom;

/**
 * Diversity ratio: the mean pairwise Euclidean distance among synthetic samples divided by the mean
 * pairwise distance among real samples. About 1 when the synthetic set is as spread out as the
 * real one; well below 1 signals mode collapse. It complements the k-NN recall and coverage of
 * Kynkäänniemi et al. (NeurIPS 2019) and Naeem et al. (ICML 2020) and the bin test of Richardson
 * and Weiss (NeurIPS 2018) with a scale-only summary that needs no neighbourhood size. Each set is
 * subsampled without replacement to at most {@code maxSamples} (1000 by default) with a seeded
 * {@link SplittableRandom}, keeping the cost O(maxSamples²·d).
 *
 * <p>Instances are immutable; the {@code with…} methods return validated copies.
 */
public final class DiversityRatio {

    /** Default cap on the samples drawn from each set. */
    public static final int DEFAULT_MAX_SAMPLES = 1000;

    private final int maxSamples;
    private final long seed;

    private DiversityRatio(int maxSamples, long seed) {
        if (maxSamples < 2) {
            throw new IllegalArgumentException("maxSamples must be at least 2, was " + maxSamples);
        }
        this.maxSamples = maxSamples;
        this.seed = seed;
    }

    /**
     * @param seed seed of the subsampling
     * @return a ratio capped at 1000 samples per set
     */
    public static DiversityRatio withDefaults(long seed) {
        return new DiversityRatio(DEFAULT_MAX_SAMPLES, seed);
    }

    /**
     * @param max cap on samples per set, at least 2
     * @return a copy
     */
    public DiversityRatio withMaxSamples(int max) {
        return new DiversityRatio(max, seed);
    }

    /**
     * @param newSeed seed of the subsampling
     * @return a copy
     */
    public DiversityRatio withSeed(long newSeed) {
        return new DiversityRatio(maxSamples, newSeed);
    }

    /**
     * @param real the real vectors, at least 2, not all equal
     * @param synthetic the synthetic vectors, at least 2, same dimension
     * @return both mean distances and their ratio
     */
    public Result compute(float[][] real, float[][] synthetic) {
        Distances.requireSameDimension("real", real, "synthetic", synthetic);
        if (real.length < 2 || synthetic.length < 2) {
            throw new IllegalArgumentException("real and synthetic need at least 2 vectors each, had "
                    + real.length + " and " + synthetic.length);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double realMean = meanPairwise(Sampling.subsample(real, maxSamples, rng.split()));
        double synthMean = meanPairwise(Sampling.subsample(synthetic, maxSamples, rng.split()));
        if (!(realMean > 0)) {
            throw new IllegalArgumentException("all real vectors are identical; the diversity "
                    + "ratio is undefined");
        }
        return new Result(synthMean, realMean, synthMean / realMean);
    }

    /**
     * Mean Euclidean distance over all unordered pairs.
     *
     * @param x at least 2 vectors
     * @return the mean pairwise distance
     */
    public static double meanPairwise(float[][] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                sum += Math.sqrt(Distances.squared(x[i], x[j]));
            }
        }
        return sum / ((double) x.length * (x.length - 1) / 2);
    }

    /**
     * @param syntheticMeanDistance mean pairwise distance among synthetic samples, ≥ 0
     * @param realMeanDistance mean pairwise distance among real samples, &gt; 0
     * @param ratio {@code syntheticMeanDistance / realMeanDistance}
     */
    public record Result(double syntheticMeanDistance, double realMeanDistance, double ratio) {

        /** Validates the ranges. */
        public Result {
            Checks.nonNegative("syntheticMeanDistance", syntheticMeanDistance);
            Checks.nonNegative("realMeanDistance", realMeanDistance);
            Checks.nonNegative("ratio", ratio);
        }
    }
}
