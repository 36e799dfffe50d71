package dev.augment.eval.table;

import dev.augment.data.Standardisation;

import java.util.Arrays;

/**
 * The standardised space the table diagnostics measure distances in: every Tribuo-scale feature minus
 * its mean, divided by its standard deviation (n − 1), both taken from the real training rows; a feature
 * constant there is dropped (it cannot tell rows apart in the data the generator saw). One-hot features
 * of categorical columns are standardised like the others, so a rare category weighs more than a common one.
 * The statistics are {@link Standardisation}'s, the classifiers' own z-scores.
 */
public final class StandardSpace {

    private final Standardisation standardisation;
    private final int[] kept;
    private final int width;

    private StandardSpace(Standardisation standardisation, int[] kept, int width) {
        this.standardisation = standardisation;
        this.kept = kept;
        this.width = width;
    }

    /**
     * @param reference the rows that define the space (the real training rows), at least two
     * @return the space
     * @throws IllegalArgumentException with fewer than two rows
     */
    public static StandardSpace fit(float[][] reference) {
        if (reference.length < 2) {
            throw new IllegalArgumentException("a standardised space needs at least 2 rows, had " + reference.length);
        }
        Standardisation standardisation = Standardisation.fit(Arrays.asList(reference));
        return new StandardSpace(standardisation, standardisation.varyingFeatures(), reference[0].length);
    }

    /** @return the dimension of the space: the features that vary in the reference rows */
    public int dimension() {
        return kept.length;
    }

    /**
     * @param rows rows of the reference's length
     * @return the rows in the space (fresh arrays)
     * @throws IllegalArgumentException when a row's length is not the reference's
     */
    public float[][] apply(float[][] rows) {
        float[][] out = new float[rows.length][kept.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, the space "
                        + width);
            }
            float[] z = standardisation.apply(rows[i]);
            for (int k = 0; k < kept.length; k++) {
                out[i][k] = z[kept[k]];
            }
        }
        return out;
    }
}
