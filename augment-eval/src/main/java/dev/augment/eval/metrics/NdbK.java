package dev.augment.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Number of statistically Different Bins, NDB/K, of Richardson and Weiss, "On GANs and GMMs",
 * NeurIPS 2018: the real samples are clustered into K bins with k-means (Tribuo's
 * {@link KMeansTrainer}, k-means++ initialisation, seeded); every real and synthetic sample is put
 * in the bin of its nearest centroid; for each bin a pooled two-proportion z-test compares the
 * share of real and of synthetic samples in it, and a bin counts as different when its two-sided
 * p-value is below the significance level (0.05 by default). NDB/K near the significance level
 * means the synthetic set fills the bins like the real one; near 1 means mode collapse or drift.
 *
 * <p>K is 100 by default and is clamped to half the number of real samples (so each bin holds
 * about two real samples at least); {@link Result#note()} says when that happened.
 * Instances are immutable; the {@code with…} methods return validated copies.
 */
public final class NdbK {

    /** Default number of bins, as in Richardson and Weiss. */
    public static final int DEFAULT_BINS = 100;
    /** Default significance level of each per-bin test. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    /** Default number of k-means iterations. */
    public static final int DEFAULT_ITERATIONS = 30;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final int bins;
    private final double significance;
    private final int iterations;
    private final long seed;

    private NdbK(int bins, double significance, int iterations, long seed) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance must be in (0, 1), was " + significance);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        this.bins = bins;
        this.significance = significance;
        this.iterations = iterations;
        this.seed = seed;
    }

    /**
     * @param seed seed of the k-means initialisation
     * @return K = 100, significance 0.05, 30 k-means iterations
     */
    public static NdbK withDefaults(long seed) {
        return new NdbK(DEFAULT_BINS, DEFAULT_SIGNIFICANCE, DEFAULT_ITERATIONS, seed);
    }

    /**
     * @param k requested number of bins, at least 1
     * @return a copy
     */
    public NdbK withBins(int k) {
        return new NdbK(k, significance, iterations, seed);
    }

    /**
     * @param alpha significance level in (0, 1)
     * @return a copy
     */
    public NdbK withSignificance(double alpha) {
        return new NdbK(bins, alpha, iterations, seed);
    }

    /**
     * @param n k-means iterations, at least 1
     * @return a copy
     */
    public NdbK withIterations(int n) {
        return new NdbK(bins, significance, n, seed);
    }

    /**
     * @param newSeed seed of the k-means initialisation
     * @return a copy
     */
    public NdbK withSeed(long newSeed) {
        return new NdbK(bins, significance, iterations, newSeed);
    }

    /**
     * Bins the real samples and tests each bin.
     *
     * @param real the real vectors, at least 2
     * @param synthetic the synthetic vectors, same dimension
     * @return NDB, NDB/K and the per-bin proportions
     */
    public Result compute(float[][] real, float[][] synthetic) {
        int dim = Distances.requireSameDimension("real", real, "synthetic", synthetic);
        if (real.length < 2) {
            throw new IllegalArgumentException("real needs at least 2 vectors to be binned, had "
                    + real.length);
        }
        int k = Math.min(bins, real.length / 2);
        String note = k < bins
                ? "K clamped from " + bins + " to " + k + " = half the " + real.length + " real samples"
                : "";
        float[][] centroids = centroids(real, dim, k);
        int[] realCounts = assign(real, centroids);
        int[] synthCounts = assign(synthetic, centroids);

        List<Bin> out = new ArrayList<>(k);
        int different = 0;
        for (int b = 0; b < k; b++) {
            double p1 = realCounts[b] / (double) real.length;
            double p2 = synthCounts[b] / (double) synthetic.length;
            double pooled = (realCounts[b] + synthCounts[b]) / (double) (real.length + synthetic.length);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / real.length + 1.0 / synthetic.length));
            double z = se > 0 ? (p1 - p2) / se : 0.0;
            double p = se > 0 ? 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)) : 1.0;
            boolean isDifferent = p < significance;
            if (isDifferent) {
                different++;
            }
            out.add(new Bin(p1, p2, z, p, isDifferent));
        }
        return new Result(different, k, significance, out, note);
    }

    /** Trains Tribuo k-means on the real vectors and reads the centroids back by feature name. */
    private float[][] centroids(float[][] real, int dim, int k) {
        String[] names = new String[dim];
        for (int d = 0; d < dim; d++) {
            names[d] = String.format(java.util.Locale.ROOT, "f%06d", d);
        }
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("ndb-real-samples", factory), factory);
        double[] values = new double[dim];
        for (float[] row : real) {
            for (int d = 0; d < dim; d++) {
                values[d] = row[d];
            }
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, values));
        }
        KMeansTrainer trainer = new KMeansTrainer(k, iterations, new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(data);
        var featureMap = model.getFeatureIDMap();
        var vectors = model.getCentroidVectors();
        float[][] out = new float[vectors.length][dim];
        for (int c = 0; c < vectors.length; c++) {
            for (int d = 0; d < dim; d++) {
                int id = featureMap.getID(names[d]);
                out[c][d] = id < 0 ? 0f : (float) vectors[c].get(id);
            }
        }
        return out;
    }

    private static int[] assign(float[][] x, float[][] centroids) {
        int[] counts = new int[centroids.length];
        for (float[] row : x) {
            int best = 0;
            float bestD = Float.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                float d = Distances.squared(row, centroids[c]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            counts[best]++;
        }
        return counts;
    }

    /**
     * One bin's test.
     *
     * @param realProportion share of real samples in the bin
     * @param syntheticProportion share of synthetic samples in the bin
     * @param z pooled two-proportion z statistic (0 when both shares are 0)
     * @param pValue two-sided p-value
     * @param different whether {@code pValue} is below the significance level
     */
    public record Bin(double realProportion, double syntheticProportion, double z, double pValue,
                      boolean different) {

        /** Validates the ranges. */
        public Bin {
            Checks.unitInterval("realProportion", realProportion);
            Checks.unitInterval("syntheticProportion", syntheticProportion);
            Checks.unitInterval("pValue", pValue);
        }
    }

    /**
     * The NDB result.
     *
     * @param ndb number of statistically different bins
     * @param k number of bins actually used (after clamping)
     * @param significance the per-bin significance level
     * @param bins one entry per bin, unmodifiable
     * @param note why K was clamped, or empty
     */
    public record Result(int ndb, int k, double significance, List<Bin> bins, String note) {

        /** Validates the counts and copies the bins. */
        public Result {
            if (k < 1 || ndb < 0 || ndb > k) {
                throw new IllegalArgumentException("need 0 <= ndb <= k and k >= 1, was ndb=" + ndb
                        + " k=" + k);
            }
            bins = List.copyOf(bins);
            if (bins.size() != k) {
                throw new IllegalArgumentException("bins must hold k=" + k + " entries, had " + bins.size());
            }
            note = note == null ? "" : note;
        }

        /** @return NDB/K, in [0, 1] */
        public double ndbOverK() {
            return ndb / (double) k;
        }

        /** @return whether K was clamped below the requested number of bins */
        public boolean clamped() {
            return !note.isEmpty();
        }
    }
}
