package dev.augment.eval.metrics;

import java.util.SplittableRandom;

/**
 * Memorisation checks based on the distance to closest record (DCR), following SDMetrics'
 * {@code DCROverfittingProtection} and {@code DCRBaselineProtection} (Synthetic Data Vault,
 * docs.sdv.dev/sdmetrics) and the DCR of Park et al., "Data Synthesis based on Generative
 * Adversarial Networks", VLDB 2018:
 *
 * <ul>
 *   <li>{@code shareCloserToTraining}: share of synthetic samples whose nearest training sample is
 *       strictly closer than their nearest hold-out sample. With training and hold-out sets of the
 *       same size and distribution about 0.5 is healthy; near 1 means the generator copies its
 *       training data;</li>
 *   <li>{@code medianDcrRatio}: median DCR of synthetic samples to the training set divided by the
 *       median DCR of as many random points drawn uniformly in the per-feature range (bounding box)
 *       of the training data (seeded);</li>
 *   <li>{@code nearDuplicateShare}: share of synthetic samples whose DCR to training is at most a
 *       threshold, by default the 1st percentile of training-to-training nearest-neighbour
 *       distances (so exact copies, DCR 0, always count).</li>
 * </ul>
 *
 * <p>Unlike SDMetrics, which range-normalises tabular columns, distances here are plain Euclidean
 * distances between embedding vectors. Instances are immutable.
 */
public final class MemorisationMetrics {

    /** Default percentile of training nearest-neighbour distances used as near-duplicate threshold. */
    public static final double DEFAULT_DUPLICATE_PERCENTILE = 0.01;

    private final long seed;
    private final double duplicatePercentile;
    private final double fixedThreshold;

    private MemorisationMetrics(long seed, double duplicatePercentile, double fixedThreshold) {
        if (!(duplicatePercentile >= 0 && duplicatePercentile <= 1)) {
            throw new IllegalArgumentException("duplicatePercentile must be in [0, 1], was "
                    + duplicatePercentile);
        }
        if (fixedThreshold < 0 || Double.isInfinite(fixedThreshold)) {
            throw new IllegalArgumentException("nearDuplicateThreshold must be finite and >= 0, was "
                    + fixedThreshold);
        }
        this.seed = seed;
        this.duplicatePercentile = duplicatePercentile;
        this.fixedThreshold = fixedThreshold;
    }

    /**
     * @param seed seed of the random reference points
     * @return metrics with the 1st-percentile near-duplicate threshold
     */
    public static MemorisationMetrics withDefaults(long seed) {
        return new MemorisationMetrics(seed, DEFAULT_DUPLICATE_PERCENTILE, Double.NaN);
    }

    /**
     * @param q percentile in [0, 1] of training-to-training nearest-neighbour distances
     * @return a copy deriving the near-duplicate threshold from that percentile
     */
    public MemorisationMetrics withDuplicatePercentile(double q) {
        return new MemorisationMetrics(seed, q, Double.NaN);
    }

    /**
     * @param threshold a fixed near-duplicate distance, finite and ≥ 0
     * @return a copy using it instead of a percentile
     */
    public MemorisationMetrics withNearDuplicateThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("nearDuplicateThreshold must be a number, was NaN");
        }
        return new MemorisationMetrics(seed, duplicatePercentile, threshold);
    }

    /**
     * @param newSeed seed of the random reference points
     * @return a copy
     */
    public MemorisationMetrics withSeed(long newSeed) {
        return new MemorisationMetrics(newSeed, duplicatePercentile, fixedThreshold);
    }

    /**
     * @param training the generator's training vectors, at least 2
     * @param holdout real vectors the generator never saw, same dimension
     * @param synthetic generated vectors, same dimension
     * @return the DCR statistics
     */
    public Result compute(float[][] training, float[][] holdout, float[][] synthetic) {
        return compute(training, holdout, synthetic, training);
    }

    /**
     * As {@link #compute(float[][], float[][], float[][])}, the near duplicates sought among every training vector of
     * {@code copies}: with the training side cut to the hold-out's size, a generator that only copied its 300 training
     * images a class was flagged in 3 classes of 10, as only the copies of the subsample's images were seen (a fresh
     * user, 7 Dec); at 6 000 images a class against 1 000 compared, a perfect copier would show 1/6. The share closer
     * to training and the DCR medians stay on the equal-sized sets they need.
     *
     * @param training the generator's training vectors compared with the hold-out, at least 2
     * @param holdout real vectors the generator never saw, same dimension
     * @param synthetic generated vectors, same dimension
     * @param copies the training vectors searched for near duplicates: {@code training} first, in its order, then
     *     more of the class's training vectors (or {@code training} itself)
     * @return the DCR statistics; the near-duplicate threshold is the percentile of the distances from each
     *     {@code training} vector to its nearest other vector of {@code copies}
     */
    public Result compute(float[][] training, float[][] holdout, float[][] synthetic, float[][] copies) {
        int dim = Distances.requireSameDimension("training", training, "synthetic", synthetic);
        if (copies.length < training.length) {
            throw new IllegalArgumentException("copies must hold training first, had " + copies.length + " of "
                    + training.length);
        }
        Distances.requireSameDimension("training", training, "holdout", holdout);
        if (training.length < 2) {
            throw new IllegalArgumentException("training needs at least 2 vectors, had "
                    + training.length);
        }
        double[] dTrain = Distances.nearest(synthetic, training);
        double[] dHoldout = Distances.nearest(synthetic, holdout);
        int closer = 0;
        for (int i = 0; i < synthetic.length; i++) {
            if (dTrain[i] < dHoldout[i]) {
                closer++;
            }
        }
        double threshold = Double.isNaN(fixedThreshold)
                ? Sampling.quantile(copies == training ? Distances.kthNeighbourDistances(training, 1)
                : nearestOther(training.length, copies), duplicatePercentile)
                : fixedThreshold;
        int duplicates = 0;
        for (double d : copies == training ? dTrain : Distances.nearest(synthetic, copies)) {
            if (d <= threshold) {
                duplicates++;
            }
        }
        float[][] random = uniformInBox(training, dim, synthetic.length);
        double medianTrain = Sampling.quantile(dTrain, 0.5);
        double medianRandom = Sampling.quantile(Distances.nearest(random, training), 0.5);
        double ratio = medianRandom > 0 ? medianTrain / medianRandom : Double.POSITIVE_INFINITY;
        return new Result(closer / (double) synthetic.length, medianTrain,
                Sampling.quantile(dHoldout, 0.5), medianRandom, ratio, threshold,
                duplicates / (double) synthetic.length);
    }

    /** @return for each of the first {@code queries} vectors of {@code x}, the distance to its nearest other one */
    private static double[] nearestOther(int queries, float[][] x) {
        double[] out = new double[queries];
        for (int q = 0; q < queries; q++) {
            float best = Float.POSITIVE_INFINITY;
            for (int j = 0; j < x.length; j++) {
                if (j != q) {
                    best = Math.min(best, Distances.squared(x[q], x[j]));
                }
            }
            out[q] = Math.sqrt(best);
        }
        return out;
    }

    private float[][] uniformInBox(float[][] training, int dim, int count) {
        float[] min = training[0].clone();
        float[] max = training[0].clone();
        for (float[] row : training) {
            for (int d = 0; d < dim; d++) {
                min[d] = Math.min(min[d], row[d]);
                max[d] = Math.max(max[d], row[d]);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[count][dim];
        for (float[] row : out) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) (min[d] + rng.nextDouble() * ((double) max[d] - min[d]));
            }
        }
        return out;
    }

    /**
     * DCR statistics of one synthetic set.
     *
     * @param shareCloserToTraining share with DCR(training) &lt; DCR(hold-out), in [0, 1]
     * @param medianDcrTraining median distance of synthetic samples to their nearest training sample
     * @param medianDcrHoldout median distance of synthetic samples to their nearest hold-out sample
     * @param medianDcrRandom median distance of uniform random points to their nearest training sample
     * @param medianDcrRatio {@code medianDcrTraining / medianDcrRandom} (infinite if the latter is 0)
     * @param nearDuplicateThreshold the distance at or below which a sample is a near duplicate
     * @param nearDuplicateShare share of synthetic samples with DCR(training) ≤ the threshold
     */
    public record Result(double shareCloserToTraining, double medianDcrTraining,
                         double medianDcrHoldout, double medianDcrRandom, double medianDcrRatio,
                         double nearDuplicateThreshold, double nearDuplicateShare) {

        /** Validates the ranges. */
        public Result {
            Checks.unitInterval("shareCloserToTraining", shareCloserToTraining);
            Checks.unitInterval("nearDuplicateShare", nearDuplicateShare);
            Checks.nonNegative("medianDcrTraining", medianDcrTraining);
            Checks.nonNegative("medianDcrHoldout", medianDcrHoldout);
            Checks.nonNegative("medianDcrRandom", medianDcrRandom);
            Checks.nonNegative("nearDuplicateThreshold", nearDuplicateThreshold);
            if (!(medianDcrRatio >= 0)) {
                throw new IllegalArgumentException("medianDcrRatio must be >= 0, was " + medianDcrRatio);
            }
        }
    }
}
