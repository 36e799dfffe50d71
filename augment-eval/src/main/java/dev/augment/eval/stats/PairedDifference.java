package dev.augment.eval.stats;

import org.apache.commons.statistics.inference.TTest;

/**
 * The mean paired difference {@code a[i] - b[i]} of two equally long samples (for example a
 * classifier's score with and without augmentation, per seed or per fold), its two-sided Student t
 * confidence interval ({@link MeanInterval} of the differences) and the paired t-test p-value from
 * Commons Statistics' {@link TTest#pairedTest(double[], double[])} (Student 1908).
 *
 * <p>With one pair there is no interval or test: bounds and p-value are NaN. When all differences
 * are equal (zero variance) the interval has zero width and the p-value is 1 if they are all 0,
 * else 0 (the t statistic is ±∞).
 *
 * @param difference the mean of {@code a - b} with its confidence interval
 * @param pValue two-sided paired t-test p-value, or NaN when {@code n == 1}
 */
public record PairedDifference(MeanInterval difference, double pValue) {

    /** Validates the fields. */
    public PairedDifference {
        if (difference == null) {
            throw new IllegalArgumentException("difference is required");
        }
        if (difference.n() == 1 ? !Double.isNaN(pValue) : !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], or NaN for one pair; was "
                    + pValue + " with n=" + difference.n());
        }
    }

    /**
     * @param a first sample
     * @param b second sample, same length, paired by index
     * @return mean of {@code a - b}, its 95% interval and the paired t-test p-value
     */
    public static PairedDifference of(double[] a, double[] b) {
        return of(a, b, MeanInterval.DEFAULT_CONFIDENCE);
    }

    /**
     * @param a first sample
     * @param b second sample, same length, paired by index
     * @param confidence confidence level of the interval, in (0, 1)
     * @return mean of {@code a - b}, its interval and the paired t-test p-value
     */
    public static PairedDifference of(double[] a, double[] b, double confidence) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a and b must be non-empty and equally long, had "
                    + (a == null ? "null" : a.length) + " and " + (b == null ? "null" : b.length));
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        MeanInterval interval = MeanInterval.of(d, confidence);
        if (d.length == 1) {
            return new PairedDifference(interval, Double.NaN);
        }
        if (interval.width() == 0) {
            return new PairedDifference(interval, interval.mean() == 0 ? 1.0 : 0.0);
        }
        return new PairedDifference(interval, TTest.withDefaults().pairedTest(a, b).getPValue());
    }

    /**
     * @param min the smallest difference possible, e.g. -1 for two scores in [0, 1]
     * @param max the largest, e.g. 1
     * @return the same difference with its interval clipped to {@code [min, max]} ({@link MeanInterval#clippedTo})
     */
    public PairedDifference clippedTo(double min, double max) {
        return new PairedDifference(difference.clippedTo(min, max), pValue);
    }

    /** @return the mean difference */
    public double mean() {
        return difference.mean();
    }

    /** @return the lower bound of the interval, NaN for one pair */
    public double lower() {
        return difference.lower();
    }

    /** @return the upper bound of the interval, NaN for one pair */
    public double upper() {
        return difference.upper();
    }

    /** @return the number of pairs */
    public int n() {
        return difference.n();
    }

    /**
     * The difference as reports print it: {@code "+0.004 [-0.011, +0.018]"}, or {@code "+0.004"} without an interval.
     * A mean or bound that is not zero but would round to zero gets the places it needs to show its sign (up to 6),
     * so an interval that excludes 0 never reads as touching it ({@code [-0.029, -0.0004]}) and a mean never reads
     * with another sign than its interval; one that is zero even at 6 places reads as an unsigned zero.
     *
     * @param decimals decimal places, 1 to 6
     * @return the text
     */
    public String text(int decimals) {
        return difference.hasInterval() ? meanText(decimals) + " " + intervalText(decimals) : meanText(decimals);
    }

    /**
     * @param decimals decimal places, 1 to 6
     * @return the mean as {@link #text(int)} prints it: {@code "+0.004"}, {@code "-0.0003"}, {@code "+0.000"} for 0
     */
    public String meanText(int decimals) {
        return bound(mean(), decimals);
    }

    /**
     * @param decimals decimal places, 1 to 6
     * @return the interval as {@link #text(int)} prints it, {@code "[-0.011, +0.018]"} (see {@link #bound})
     */
    public String intervalText(int decimals) {
        return "[" + bound(lower(), decimals) + ", " + bound(upper(), decimals) + "]";
    }

    /**
     * @param value an interval bound
     * @param decimals the places wanted
     * @return the value at those places, or at more (up to 6) when it is not zero but would round to zero; a value
     *     that is zero even at 6 places (floating-point noise) reads as an unsigned zero at the places wanted
     */
    private static String bound(double value, int decimals) {
        for (int places = decimals; places <= 6; places++) {
            String text = signed(value, places);
            if (!text.matches("[-+]0\\.0+")) {
                return text;
            }
        }
        return signed(0.0, decimals);
    }

    private static String signed(double value, int places) {
        return String.format(java.util.Locale.ROOT, "%+." + places + "f", value);
    }

    /**
     * @return whether the interval excludes zero (false for one pair)
     */
    public boolean significant() {
        return difference.hasInterval() && !difference.contains(0.0);
    }
}
