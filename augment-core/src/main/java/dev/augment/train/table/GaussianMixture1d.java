package dev.augment.train.table;

import dev.augment.random.SeededNoise;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A one-dimensional Gaussian mixture: the modes of one numeric column for CTGAN's mode-specific
 * normalisation (Xu et al. 2019, section 4.2). Fitted by expectation-maximisation (Dempster, Laird and
 * Rubin 1977) for every mode count from 1 to the maximum, the count with the lowest Bayesian information
 * criterion kept (CTGAN's variational Bayesian mixture also ends with few active modes), then modes with a
 * weight below {@link #MIN_WEIGHT} dropped and the weights renormalised, as CTGAN's weight threshold does.
 *
 * <p>Written here because no permissively licensed, kept Java library fits a 1-D mixture: Tribuo's GMM is
 * not published for 4.3.2, Commons Math 3's {@code MultivariateNormalMixtureExpectationMaximization} needs
 * at least two dimensions and Smile is GPL. Each fit starts from the data's quantiles, moved apart where they
 * coincide (deterministic); the only randomness is the subsample of at most {@link #MAX_FIT_VALUES} values,
 * seeded.
 *
 * @param weights mixing weights, summing to 1
 * @param means mode means, in the column's units
 * @param sigmas mode standard deviations, positive
 */
public record GaussianMixture1d(double[] weights, double[] means, double[] sigmas) {

    /** Modes lighter than this are dropped after fitting (CTGAN's {@code weight_threshold}). */
    public static final double MIN_WEIGHT = 0.005;
    /** Values a fit looks at; larger columns are subsampled (seeded). */
    public static final int MAX_FIT_VALUES = 5000;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-7;

    /** Checks that the arrays have one entry per mode and describe a mixture. */
    public GaussianMixture1d {
        weights = weights.clone();
        means = means.clone();
        sigmas = sigmas.clone();
        if (weights.length == 0 || means.length != weights.length || sigmas.length != weights.length) {
            throw new IllegalArgumentException("a mixture needs one weight, mean and sigma per mode");
        }
        for (int k = 0; k < weights.length; k++) {
            if (!(sigmas[k] > 0) || !(weights[k] >= 0) || !Double.isFinite(means[k])) {
                throw new IllegalArgumentException("mode " + k + " is not a valid Gaussian");
            }
        }
    }

    /** @return the number of modes */
    public int modes() {
        return weights.length;
    }

    /**
     * Fits a mixture to the finite values of a column.
     *
     * @param values the column (NaN values are ignored); at least one finite value
     * @param maxModes most modes tried, at least 1
     * @param seed seeds the subsample of long columns
     * @return the mixture with the lowest BIC, light modes dropped
     * @throws IllegalArgumentException when no value is finite or {@code maxModes < 1}
     */
    public static GaussianMixture1d fit(double[] values, int maxModes, long seed) {
        if (maxModes < 1) {
            throw new IllegalArgumentException("maxModes must be at least 1, was " + maxModes);
        }
        double[] x = subsample(Arrays.stream(values).filter(Double::isFinite).toArray(), seed);
        if (x.length == 0) {
            throw new IllegalArgumentException("a column without values has no modes");
        }
        Arrays.sort(x);
        double range = x[x.length - 1] - x[0];
        // A floor on sigma keeps modes from collapsing onto single values of discrete columns. Its absolute part,
        // 1e-12, set the floor of a column of about 1e-12 (farads) or 1e-30, whose generated values then spread over
        // the range or sat at its minimum (a fresh user, 6 Dec): it is now at most a thousandth of the relative part,
        // which leaves every column above about 1e-9 as it was
        double relative = Math.max(range * 1e-3, Math.max(Math.abs(x[0]), Math.abs(x[x.length - 1])) * 1e-9);
        double floor = relative > 0 ? relative + Math.min(1e-12, relative * 1e-3) : 1e-12;
        long distinct = Arrays.stream(x).distinct().count();
        GaussianMixture1d best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= Math.min(maxModes, distinct); k++) {
            Fit fit = em(x, k, floor);
            double bic = -2 * fit.logLikelihood + (3 * k - 1) * Math.log(x.length);
            if (bic < bestBic) {
                bestBic = bic;
                best = fit.mixture;
            }
        }
        return best.withoutLightModes();
    }

    /**
     * @param x a value
     * @return the posterior probability of each mode given {@code x}, summing to 1
     */
    public double[] posterior(double x) {
        double[] p = new double[modes()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            p[k] = logWeightedDensity(x, k);
            max = Math.max(max, p[k]);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private double logWeightedDensity(double x, int k) {
        double d = (x - means[k]) / sigmas[k];
        return Math.log(weights[k]) - Math.log(sigmas[k]) - 0.5 * d * d - 0.5 * Math.log(2 * Math.PI);
    }

    private GaussianMixture1d withoutLightModes() {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < modes(); k++) {
            if (weights[k] >= MIN_WEIGHT) {
                kept.add(k);
            }
        }
        double total = kept.stream().mapToDouble(k -> weights[k]).sum();
        return new GaussianMixture1d(kept.stream().mapToDouble(k -> weights[k] / total).toArray(),
                kept.stream().mapToDouble(k -> means[k]).toArray(),
                kept.stream().mapToDouble(k -> sigmas[k]).toArray());
    }

    private static double[] subsample(double[] x, long seed) {
        if (x.length <= MAX_FIT_VALUES) {
            return x;
        }
        UniformRandomProvider random = SeededNoise.rng(seed, x.length, 0x6d6978L);
        for (int i = 0; i < MAX_FIT_VALUES; i++) {
            int j = i + random.nextInt(x.length - i);
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return Arrays.copyOf(x, MAX_FIT_VALUES);
    }

    private record Fit(GaussianMixture1d mixture, double logLikelihood) { }

    /** EM for k modes from quantile starts on sorted {@code x}. */
    private static Fit em(double[] x, int k, double floor) {
        int n = x.length;
        double[] w = new double[k];
        double[] mu = new double[k];
        double[] sigma = new double[k];
        double spread = Math.max(standardDeviation(x) / k, floor);
        double[] starts = distinctQuantileStarts(x, k);
        for (int j = 0; j < k; j++) {
            w[j] = 1.0 / k;
            mu[j] = starts[j];
            sigma[j] = spread;
        }
        double[][] r = new double[k][n];
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = previous;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            logLikelihood = 0;
            double[] constant = new double[k];
            double[] precision = new double[k];
            for (int j = 0; j < k; j++) {
                constant[j] = Math.log(w[j]) - Math.log(sigma[j]);
                precision[j] = 1 / sigma[j];
            }
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double d = (x[i] - mu[j]) * precision[j];
                    r[j][i] = constant[j] - 0.5 * d * d;
                    max = Math.max(max, r[j][i]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    r[j][i] = Math.exp(r[j][i] - max);
                    sum += r[j][i];
                }
                for (int j = 0; j < k; j++) {
                    r[j][i] /= sum;
                }
                logLikelihood += max + Math.log(sum) - 0.5 * Math.log(2 * Math.PI);
            }
            for (int j = 0; j < k; j++) {
                double mass = 1e-12;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    mass += r[j][i];
                    sum += r[j][i] * x[i];
                }
                double mean = sum / mass;
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    double d = x[i] - mean;
                    squares += r[j][i] * d * d;
                }
                w[j] = Math.max(mass / n, 1e-12);
                mu[j] = mean;
                sigma[j] = Math.max(Math.sqrt(squares / mass), floor);
            }
            if (Math.abs(logLikelihood - previous) <= TOLERANCE * Math.abs(logLikelihood)) {
                break;
            }
            previous = logLikelihood;
        }
        double total = Arrays.stream(w).sum();
        for (int j = 0; j < k; j++) {
            w[j] /= total;
        }
        return new Fit(new GaussianMixture1d(w, mu, sigma), logLikelihood);
    }

    /**
     * Start means for k modes: the data's (j + 0.5) / k quantiles, moved to the nearest unused distinct value where
     * quantiles coincide. A column that is mostly one value (glass's Ba: 176 zeros in 214 rows) would otherwise start
     * several modes on that value; EM keeps identical modes identical, so the fit ended with two copies of the spike
     * splitting its weight, and a zero's mode indicator was drawn at random between them.
     *
     * @param x sorted values with at least k distinct ones
     * @param k modes
     * @return k strictly increasing values of x
     */
    static double[] distinctQuantileStarts(double[] x, int k) {
        double[] distinct = Arrays.stream(x).distinct().toArray();
        int[] index = new int[k];
        for (int j = 0; j < k; j++) {
            double quantile = x[(int) Math.min(x.length - 1, Math.floor((j + 0.5) * x.length / k))];
            index[j] = Arrays.binarySearch(distinct, quantile);
            if (j > 0) {
                index[j] = Math.max(index[j], index[j - 1] + 1);
            }
        }
        for (int j = k - 1; j >= 0; j--) {
            index[j] = Math.min(index[j], j == k - 1 ? distinct.length - 1 : index[j + 1] - 1);
        }
        return Arrays.stream(index).mapToDouble(i -> distinct[i]).toArray();
    }

    private static double standardDeviation(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / Math.max(1, x.length));
    }
}
