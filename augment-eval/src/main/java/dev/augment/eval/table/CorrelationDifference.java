package dev.augment.eval.table;

/**
 * The pairwise correlation difference of two sets of feature vectors: the mean, over all feature pairs
 * {@code i < j}, of {@code |r_real(i, j) − r_synth(i, j)|}, where {@code r} is the Pearson correlation
 * coefficient. A feature that is constant in a set has no correlation; it counts as 0 there. The pairs of a
 * feature constant in both sets have no correlation on either side, so they are left out of the mean rather than
 * counted as perfect matches (which made a table with a constant column look better matched). In [0, 2]: 0 when
 * both sets have the same correlation matrix. On Tribuo-scale features, a categorical column contributes its
 * one-hot features.
 */
public final class CorrelationDifference {

    private CorrelationDifference() {
    }

    /**
     * @param real real feature vectors, at least one, all of one length
     * @param synthetic synthetic feature vectors, at least one, the same length
     * @return the mean absolute difference of the two correlation matrices' off-diagonal entries over the pairs
     *     whose features each vary in at least one set, or NaN when there is no such pair (0, a perfect match, was
     *     reported for a table with one varying column: a fresh user, 5 Dec)
     */
    public static double of(float[][] real, float[][] synthetic) {
        double[][] a = correlations(real);
        double[][] b = correlations(synthetic);
        if (a.length != b.length) {
            throw new IllegalArgumentException("real rows have " + a.length + " features, synthetic " + b.length);
        }
        int d = a.length;
        if (d < 2) {
            return Double.NaN;
        }
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                if (varies(a, b, i) && varies(a, b, j)) {
                    sum += Math.abs(a[i][j] - b[i][j]);
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** @return whether feature {@code i} varies in either set (its diagonal correlation is 1 there) */
    private static boolean varies(double[][] a, double[][] b, int i) {
        return a[i][i] > 0 || b[i][i] > 0;
    }

    /**
     * @param x rows, at least one, all of one length
     * @return the Pearson correlation matrix, 0 where a feature is constant
     */
    static double[][] correlations(float[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("correlations need at least one row");
        }
        int d = x[0].length;
        int n = x.length;
        double[] mean = new double[d];
        double[] largest = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
                largest[j] = Math.max(largest[j], Math.abs(row[j]));
            }
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                if (centred[i] == 0) {
                    continue;
                }
                for (int j = i; j < d; j++) {
                    cov[i][j] += centred[i] * centred[j];
                }
            }
        }
        // a column varies when its deviation is above rounding of its size: an absolute 1e-12 dropped a column of
        // about 1e-13 from the figure (0.35 fell to 0.13 on the same data; a re-check, 6 Dec), as Standardisation did
        boolean[] varying = new boolean[d];
        for (int i = 0; i < d; i++) {
            varying[i] = cov[i][i] > 0 && Math.sqrt(cov[i][i] / n) > 1e-9 * largest[i];
        }
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double value = varying[i] && varying[j] ? cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]) : 0;
                r[i][j] = Math.max(-1, Math.min(1, value));
                r[j][i] = r[i][j];
            }
            r[i][i] = varying[i] ? 1 : 0;
        }
        return r;
    }
}
