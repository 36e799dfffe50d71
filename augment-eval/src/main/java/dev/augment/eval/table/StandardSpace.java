package dev.augment.eval.table;

/**
 * The standardised space the table diagnostics measure distances in: every Tribuo-scale feature minus
 * its mean, divided by its standard deviation (n − 1), both taken from the real training rows; a feature
 * constant there is dropped (it cannot tell rows apart in the data the generator saw). One-hot features
 * of categorical columns are standardised like the others, so a rare category weighs more than a common one.
 */
public final class StandardSpace {

    private final double[] mean;
    private final double[] sd;
    private final int[] kept;

    private StandardSpace(double[] mean, double[] sd, int[] kept) {
        this.mean = mean;
        this.sd = sd;
        this.kept = kept;
    }

    /**
     * @param reference the rows that define the space (the real training rows), at least two
     * @return the space
     */
    public static StandardSpace fit(float[][] reference) {
        if (reference.length < 2) {
            throw new IllegalArgumentException("a standardised space needs at least 2 rows, had " + reference.length);
        }
        int d = reference[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] row : reference) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) reference.length;
            }
        }
        for (float[] row : reference) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        int count = 0;
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / (reference.length - 1));
            count += sd[j] > 1e-12 ? 1 : 0;
        }
        int[] kept = new int[count];
        int next = 0;
        for (int j = 0; j < d; j++) {
            if (sd[j] > 1e-12) {
                kept[next++] = j;
            }
        }
        return new StandardSpace(mean, sd, kept);
    }

    /** @return the dimension of the space: the features that vary in the reference rows */
    public int dimension() {
        return kept.length;
    }

    /**
     * @param rows rows of the reference's length
     * @return the rows in the space (fresh arrays)
     */
    public float[][] apply(float[][] rows) {
        float[][] out = new float[rows.length][kept.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, the space "
                        + mean.length);
            }
            for (int k = 0; k < kept.length; k++) {
                int j = kept[k];
                out[i][k] = (float) ((rows[i][j] - mean[j]) / sd[j]);
            }
        }
        return out;
    }
}
