package dev.augment.eval.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of a sample with its two-sided Student t confidence interval,
 * {@code mean ± t_{(1+c)/2, n-1} · s / √n} (Student, "The probable error of a mean",
 * Biometrika 6, 1908), with the t quantile from Commons Statistics' {@link TDistribution}.
 *
 * <p>With one value there is no interval: {@code lower} and {@code upper} are NaN and
 * {@link #hasInterval()} is false. With several equal values the interval has zero width
 * ({@code lower == mean == upper}).
 *
 * @param mean the sample mean
 * @param lower lower bound, or NaN when {@code n == 1}
 * @param upper upper bound, or NaN when {@code n == 1}
 * @param n the sample size, at least 1
 * @param confidence the confidence level, in (0, 1)
 */
public record MeanInterval(double mean, double lower, double upper, int n, double confidence) {

    /** The usual 95% level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the fields. */
    public MeanInterval {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        if (n == 1) {
            if (!Double.isNaN(lower) || !Double.isNaN(upper)) {
                throw new IllegalArgumentException("one value has no interval: lower and upper "
                        + "must be NaN, were " + lower + " and " + upper);
            }
        } else if (!(lower <= mean && mean <= upper)) {
            throw new IllegalArgumentException("need lower <= mean <= upper, was " + lower + " <= "
                    + mean + " <= " + upper);
        }
    }

    /**
     * @param values at least one finite value
     * @return the mean and its 95% t interval
     */
    public static MeanInterval of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    /**
     * @param values at least one finite value
     * @param confidence the confidence level, in (0, 1)
     * @return the mean and its t interval at that level
     */
    public static MeanInterval of(double[] values, double confidence) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must hold at least one value, was empty");
        }
        int n = values.length;
        double sum = 0;
        boolean allEqual = true;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, was " + values[i]);
            }
            sum += values[i];
            allEqual &= values[i] == values[0];
        }
        if (n == 1) {
            return new MeanInterval(values[0], Double.NaN, Double.NaN, 1, confidence);
        }
        if (allEqual) {
            // exact zero width: the rounded sum / n could differ from the common value
            return new MeanInterval(values[0], values[0], values[0], n, confidence);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double halfWidth = halfWidth(sd, n, confidence);
        return new MeanInterval(mean, mean - halfWidth, mean + halfWidth, n, confidence);
    }

    /**
     * Half-width {@code t_{(1+c)/2, n-1} · sd / √n} of a t interval.
     *
     * @param sd sample standard deviation (n − 1 denominator)
     * @param n sample size, at least 2
     * @param confidence confidence level in (0, 1)
     * @return the half-width
     */
    static double halfWidth(double sd, int n, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        double t = TDistribution.of(n - 1).inverseCumulativeProbability((1 + confidence) / 2);
        return t * sd / Math.sqrt(n);
    }

    /**
     * The same interval with its bounds clipped to the range the values can take, e.g. {@code [0, 1]} for a
     * score: with few values a t interval can reach past that range (2 values: 12.7 standard errors either
     * side), and the true mean cannot lie there.
     *
     * @param min the smallest value possible
     * @param max the largest value possible, at least {@code min}
     * @return this interval with {@code lower >= min} and {@code upper <= max} (a bound never passes the mean, should
     *     rounding put the mean a hair outside the range); unchanged when {@code n == 1}
     * @throws IllegalArgumentException when {@code min > max}
     */
    public MeanInterval clippedTo(double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("need min <= max, was " + min + " and " + max);
        }
        if (!hasInterval()) {
            return this;
        }
        return new MeanInterval(mean, Math.min(mean, Math.max(min, lower)), Math.max(mean, Math.min(max, upper)), n,
                confidence);
    }

    /** @return false when {@code n == 1}, so the bounds are NaN */
    public boolean hasInterval() {
        return n > 1;
    }

    /** @return {@code upper - lower}, NaN when {@code n == 1} */
    public double width() {
        return upper - lower;
    }

    /**
     * @param value a value
     * @return whether the interval contains it (false when there is no interval)
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
