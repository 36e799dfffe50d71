package dev.augment.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Per-feature standardisation (z-scores) for the classifiers that judge table rows: each feature minus its mean,
 * divided by its standard deviation (n − 1), both taken from the rows it was fitted on; a feature whose deviation
 * there is 0 (at most 1e-12) becomes 0. The evaluation's table classifiers and the plugin's generation-time filter
 * standardise through here, so the two see rows alike.
 */
public final class Standardisation {

    private static final double CONSTANT = 1e-12;

    private final double[] mean;
    private final double[] sd;

    private Standardisation(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * @param rows the rows that define the statistics, all of one length; with fewer than 2 every deviation is 0
     * @return their standardisation
     */
    public static Standardisation fit(List<float[]> rows) {
        int d = rows.isEmpty() ? 0 : rows.get(0).length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) rows.size();
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
        return new Standardisation(mean, sd);
    }

    /** @return the indices of the features whose deviation in the fitted rows is above 0 (1e-12), ascending */
    public int[] varyingFeatures() {
        return IntStream.range(0, sd.length).filter(j -> sd[j] > CONSTANT).toArray();
    }

    /**
     * @param row a row of the fitted length
     * @return its z-scores, 0 for a feature constant in the fitted rows
     */
    public float[] apply(float[] row) {
        float[] z = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = sd[j] > CONSTANT ? (float) ((row[j] - mean[j]) / sd[j]) : 0f;
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
