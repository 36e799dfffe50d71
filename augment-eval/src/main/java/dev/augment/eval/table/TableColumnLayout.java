package dev.augment.eval.table;

/**
 * Where one column of a table sits in its Tribuo-scale feature vector: a numeric column is one feature,
 * a categorical column a one-hot group of {@code width} features (all 0 when the cell is missing). Built
 * from the table's schema ({@code TableSchema.featureOffset/featureWidth}); kept separate so that the
 * diagnostics work on plain feature vectors.
 *
 * @param name the column's name
 * @param categorical whether the column is categorical (a one-hot group)
 * @param offset index of the column's first feature, ≥ 0
 * @param width features of the column: 1 when numeric, the number of categories when categorical, ≥ 1
 */
public record TableColumnLayout(String name, boolean categorical, int offset, int width) {

    /** Checks the position and width. */
    public TableColumnLayout {
        if (name == null || offset < 0 || width < 1 || (!categorical && width != 1)) {
            throw new IllegalArgumentException("a column needs a name, an offset >= 0 and a width >= 1 (1 when "
                    + "numeric), was " + name + ", " + offset + ", " + width);
        }
    }

    /**
     * @param row a feature vector
     * @return the numeric column's value
     */
    double value(float[] row) {
        return row[offset];
    }

    /**
     * @param row a feature vector
     * @return the categorical column's category: the index of the largest positive feature of its group
     *     (the first on a tie), or −1 when none is positive (a missing cell)
     */
    int category(float[] row) {
        int best = -1;
        float bestValue = 0;
        for (int i = 0; i < width; i++) {
            if (row[offset + i] > bestValue) {
                bestValue = row[offset + i];
                best = i;
            }
        }
        return best;
    }
}
