package dev.augment.eval.metrics;

import dev.augment.cancel.CancellationToken;

/**
 * Fidelity and diversity of a synthetic set measured against a real set on k-nearest-neighbour
 * manifolds:
 *
 * <ul>
 *   <li><b>precision</b> and <b>recall</b> of Kynkäänniemi, Karras, Laine, Lehtinen and Aila,
 *       "Improved Precision and Recall Metric for Assessing Generative Models", NeurIPS 2019:
 *       precision is the share of synthetic samples inside the real manifold (the union of balls
 *       around each real sample with radius its distance to its k-th nearest other real sample);
 *       recall is the share of real samples inside the synthetic manifold, built the same way;</li>
 *   <li><b>density</b> and <b>coverage</b> of Naeem, Oh, Uh, Choi and Yoo, "Reliable Fidelity and
 *       Diversity Metrics for Generative Models", ICML 2020: density is
 *       {@code (1/kM) Σ_j Σ_i 1[Y_j ∈ B(X_i, NND_k(X_i))]} (about 1 when both sets follow the same
 *       distribution, and unbounded above), coverage is the share of real samples whose ball
 *       contains at least one synthetic sample (expected value about {@code 1 - 2^-k} for two
 *       equally large samples of one distribution).</li>
 * </ul>
 *
 * <p>Distances are Euclidean. A point lies in a ball when its distance is at most the radius
 * ({@code ≤}, as in Kynkäänniemi et al.'s Eq. 1; the {@code prdc} reference code uses {@code <},
 * which differs only on exact ties). Brute force, O((N+M)²·d).
 *
 * <p>Instances are immutable; {@link #withK(int)} returns a validated copy.
 */
public final class ManifoldMetrics {

    /** The neighbour rank used by both papers. */
    public static final int DEFAULT_K = 5;

    private final int k;
    private final CancellationToken cancellation;

    private ManifoldMetrics(int k, CancellationToken cancellation) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
        this.cancellation = cancellation;
    }

    /** @return metrics with {@code k = 5} */
    public static ManifoldMetrics withDefaults() {
        return new ManifoldMetrics(DEFAULT_K, new CancellationToken());
    }

    /**
     * @param newK the neighbour rank, at least 1
     * @return a copy using {@code newK}
     */
    public ManifoldMetrics withK(int newK) {
        return new ManifoldMetrics(newK, cancellation);
    }

    /**
     * @param token checked once per vector of every neighbour search, so that {@link #compute} on tens of thousands
     *     of vectors (minutes) stops soon after a cancel with a {@link dev.augment.cancel.CancelledException}
     * @return a copy that checks it
     */
    public ManifoldMetrics withCancellation(CancellationToken token) {
        return new ManifoldMetrics(k, token);
    }

    /** @return the neighbour rank */
    public int k() {
        return k;
    }

    /**
     * Computes the four metrics.
     *
     * @param real the real vectors, more than {@code k} of them
     * @param synthetic the synthetic vectors, more than {@code k} of them, same dimension
     * @return precision, recall, density and coverage
     */
    public Result compute(float[][] real, float[][] synthetic) {
        Distances.requireSameDimension("real", real, "synthetic", synthetic);
        int n = real.length;
        int m = synthetic.length;
        if (n <= k || m <= k) {
            throw new IllegalArgumentException("real and synthetic need more than k=" + k
                    + " vectors each, had " + n + " and " + m + "; lower k or add samples");
        }
        float[] realRadius = Distances.kthNeighbourSquared(real, k, cancellation);
        float[] synthRadius = Distances.kthNeighbourSquared(synthetic, k, cancellation);

        boolean[] realCovered = new boolean[n];
        boolean[] realRecalled = new boolean[n];
        int precise = 0;
        long inBalls = 0;
        for (int j = 0; j < m; j++) {
            cancellation.throwIfCancelled("measuring precision, recall, density and coverage");
            float[] y = synthetic[j];
            int count = 0;
            for (int i = 0; i < n; i++) {
                float d = Distances.squared(real[i], y);
                if (d <= realRadius[i]) {
                    count++;
                    realCovered[i] = true;
                }
                if (d <= synthRadius[j]) {
                    realRecalled[i] = true;
                }
            }
            if (count > 0) {
                precise++;
            }
            inBalls += count;
        }
        double precision = precise / (double) m;
        double recall = countTrue(realRecalled) / (double) n;
        double density = inBalls / ((double) k * m);
        double coverage = countTrue(realCovered) / (double) n;
        return new Result(precision, recall, density, coverage, k);
    }

    private static int countTrue(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    /**
     * Precision, recall, density and coverage of one synthetic set.
     *
     * @param precision share of synthetic samples inside the real manifold, in [0, 1]
     * @param recall share of real samples inside the synthetic manifold, in [0, 1]
     * @param density mean count of real balls holding a synthetic sample, divided by k; ≥ 0
     * @param coverage share of real balls holding at least one synthetic sample, in [0, 1]
     * @param k the neighbour rank used
     */
    public record Result(double precision, double recall, double density, double coverage, int k) {

        /** Validates the ranges. */
        public Result {
            Checks.unitInterval("precision", precision);
            Checks.unitInterval("recall", recall);
            Checks.unitInterval("coverage", coverage);
            Checks.nonNegative("density", density);
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, was " + k);
            }
        }
    }
}
