package dev.augment.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Per-feature standardisation (z-scores) for the classifiers that judge table rows: each feature minus its mean,
 * divided by its standard deviation (n − 1), both taken from the rows it was fitted on; a feature whose deviation
 * there is 0 (at most {@value #CONSTANT} of its largest magnitude) becomes 0. The evaluation's table classifiers
 * and the plugin's generation-time filter standardise through here, so the two see rows alike.
 *
 * <p>The bound is relative: an absolute 1e-12 took a column in farads (values about 1e-12, the only one telling the
 * classes apart) for a constant, and every arm of {@code evaluate} scored at chance without a word (a fresh user,
 * 6 Dec).
 */
public final class Standardisation {

    /** A deviation at most this share of the feature's largest magnitude is rounding, not spread. */
    static final double CONSTANT = 1e-9;

    private final double[] mean;
    private final double[] sd;
    private final boolean[] varying;

    private Standardisation(double[] mean, double[] sd, double[] largest) {
        this.mean = mean;
        this.sd = sd;
        this.varying = new boolean[sd.length];
        for (int j = 0; j < sd.length; j++) {
            varying[j] = sd[j] > CONSTANT * largest[j] && sd[j] > 0;
        }
    }

    /**
     * @param rows the rows that define the statistics, all of one length; with fewer than 2 every deviation is 0
     * @return their standardisation
     */
    public static Standardisation fit(List<float[]> rows) {
        int d = rows.isEmpty() ? 0 : rows.get(0).length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[] largest = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) rows.size();
                largest[j] = Math.max(largest[j], Math.abs(row[j]));
            }
        }
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = rows.size() < 2 ? 0 : Math.sqrt(sd[j] / (rows.size() - 1));
        }
        return new Standardisation(mean, sd, largest);
    }

    /** @return the indices of the features whose deviation in the fitted rows is above 0 (as the class says) */
    public int[] varyingFeatures() {
        return IntStream.range(0, sd.length).filter(j -> varying[j]).toArray();
    }

    /**
     * @param row a row of the fitted length
     * @return its z-scores, 0 for a feature constant in the fitted rows
     */
    public float[] apply(float[] row) {
        float[] z = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = varying[j] ? (float) ((row[j] - mean[j]) / sd[j]) : 0f;
        }
        return z;
    }

    /**
     * @param rows rows of the fitted length
     * @return each row's z-scores, in order
     */
    public List<float[]> apply(List<float[]> rows) {
        List<float[]> out = new ArrayList<>(rows.size());
        for (float[] row : rows) {
            out.add(apply(row));
        }
        return out;
    }
}
