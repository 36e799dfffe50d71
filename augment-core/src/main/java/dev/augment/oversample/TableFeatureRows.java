package dev.augment.oversample;

import dev.augment.oversample.SmoteNc.MixedRows;
import dev.augment.table.TableSchema;

/**
 * Converts between a table's Tribuo-scale feature vectors ({@link TableSchema#featureNames()} order: a numeric
 * column's value, a categorical column's one-hot group) and SMOTE-NC's {@link MixedRows} (the numeric columns, then
 * the categorical columns, each in {@link #columns} order), so that SMOTE-NC can oversample examples that are
 * only feature vectors (the Tribuo plugin's view of a table).
 *
 * <p>The columns are taken in name order, not the CSV's: Tribuo sorts features by name, so a table read by Tribuo's
 * {@code CSVDataSource} has its columns in name order whatever the file's, while augment's own reader keeps the
 * file's. SMOTE-NC's tie draws go column by column, so in file order the same rows and seed gave other categories
 * from the two sources; in name order both give the same rows.
 *
 * <p>From features, a categorical column's category is its group's largest positive value (the first on a
 * tie), −1 when none is positive (a missing cell); a numeric value is taken as it is (Tribuo gives a missing
 * numeric cell no feature, which reads as 0, so a missing cell cannot be told from a 0 here). To features, a
 * missing numeric value (NaN) becomes 0 and a missing category an all-zero group.
 */
public final class TableFeatureRows {

    private TableFeatureRows() {
    }

    /**
     * @param schema the table's schema
     * @return whether the table has a categorical column (SMOTE then uses SMOTE-NC)
     */
    public static boolean hasCategorical(TableSchema schema) {
        return schema.columns().stream().anyMatch(c -> !c.isNumeric());
    }

    /**
     * @param schema the table's schema
     * @param features feature vectors of {@link TableSchema#featureCount()} values
     * @return the same rows as numeric and categorical cells
     */
    public static MixedRows fromFeatures(TableSchema schema, double[][] features) {
        int[] offsets = schema.featureOffsets();
        int[] numeric = columns(schema, true);
        int[] categorical = columns(schema, false);
        double[][] x = new double[features.length][numeric.length];
        int[][] k = new int[features.length][categorical.length];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != schema.featureCount()) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " features, the table "
                        + schema.featureCount());
            }
            for (int j = 0; j < numeric.length; j++) {
                x[i][j] = features[i][offsets[numeric[j]]];
            }
            for (int j = 0; j < categorical.length; j++) {
                int c = categorical[j];
                k[i][j] = schema.columns().get(c).categoryOf(features[i], offsets[c]);
            }
        }
        return new MixedRows(x, k);
    }

    /**
     * @param schema the table's schema
     * @param rows rows in {@link #fromFeatures}'s column order
     * @return their feature vectors
     */
    public static double[][] toFeatures(TableSchema schema, MixedRows rows) {
        int[] offsets = schema.featureOffsets();
        int[] numeric = columns(schema, true);
        int[] categorical = columns(schema, false);
        if (rows.size() > 0 && (rows.numericWidth() != numeric.length
                || rows.categoricalWidth() != categorical.length)) {
            throw new IllegalArgumentException("rows have " + rows.numericWidth() + " numeric and "
                    + rows.categoricalWidth() + " categorical columns, the table " + numeric.length + " and "
                    + categorical.length);
        }
        double[][] out = new double[rows.size()][schema.featureCount()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < numeric.length; j++) {
                double v = rows.numeric()[i][j];
                out[i][offsets[numeric[j]]] = Double.isNaN(v) ? 0 : v;
            }
            for (int j = 0; j < categorical.length; j++) {
                int v = rows.categories()[i][j];
                if (v >= schema.featureWidth(categorical[j])) {
                    throw new IllegalArgumentException("category " + v + " of column '"
                            + schema.columns().get(categorical[j]).name() + "' is out of range");
                }
                if (v >= 0) {
                    out[i][offsets[categorical[j]] + v] = 1;
                }
            }
        }
        return out;
    }

    /**
     * @param schema the table's schema
     * @param numeric true for the numeric columns, false for the categorical ones
     * @return their column indices, in the order of the columns' names ({@code String} natural order, as Tribuo
     *     sorts feature names), whatever their order in the schema
     */
    public static int[] columns(TableSchema schema, boolean numeric) {
        return java.util.stream.IntStream.range(0, schema.columns().size())
                .filter(c -> schema.columns().get(c).isNumeric() == numeric).boxed()
                .sorted(java.util.Comparator.comparing(c -> schema.columns().get(c).name()))
                .mapToInt(Integer::intValue).toArray();
    }
}
