package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table held in memory, one row per example.
 *
 * <p>{@code numeric[r][c]} is row r's value in column c, or NaN when the cell is missing; it is meaningful for
 * numeric columns only (0 for categorical ones). {@code category[r][c]} is the index of row r's category in column
 * c's {@link TableColumn#categories()}, or -1 when the cell is missing; it is meaningful for categorical columns only
 * (-1 for numeric ones). {@code classes[r]} is row r's class index into {@link TableSchema#labels()}.
 *
 * <p>The arrays are not copied: a table is read-only by convention; do not change them.
 *
 * @param schema the table's layout
 * @param numeric numeric values, [rows][columns]
 * @param category category indices, [rows][columns]
 * @param classes class indices, [rows]
 */
public record Table(TableSchema schema, double[][] numeric, int[][] category, int[] classes) {

    /**
     * Checks the shapes and the class and category indices.
     *
     * @throws IllegalArgumentException when an array's shape disagrees with the schema or an index is out of range
     */
    public Table {
        Objects.requireNonNull(schema, "schema");
        int rows = classes.length;
        if (numeric.length != rows || category.length != rows) {
            throw new IllegalArgumentException("table arrays disagree on the row count: " + numeric.length + ", "
                    + category.length + ", " + rows);
        }
        int columns = schema.columns().size();
        for (int r = 0; r < rows; r++) {
            if (numeric[r].length != columns || category[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " does not have " + columns + " columns");
            }
            if (classes[r] < 0 || classes[r] >= schema.classCount()) {
                throw new IllegalArgumentException("row " + r + " has class index " + classes[r] + " of "
                        + schema.classCount());
            }
            for (int c = 0; c < columns; c++) {
                int k = category[r][c];
                if (k < -1 || k >= schema.featureWidth(c) || (k >= 0 && schema.columns().get(c).isNumeric())) {
                    throw new IllegalArgumentException("row " + r + ", column " + c + " has category index " + k);
                }
            }
        }
    }

    /**
     * A table of sample vectors, e.g. a generator's or an oversampler's output: a numeric column takes the vector's
     * value as it is (not clamped or rounded; NaN stays missing), a categorical column the category whose feature is
     * largest (the first on ties), or missing when every one of its features is 0 or below, as
     * {@link TableRowDecoder} reads them.
     *
     * @param schema the table's layout
     * @param features sample vectors in {@link TableSchema#featureNames()} order, [rows][featureCount]
     * @param classes class indices, [rows]
     * @return the table
     * @throws IllegalArgumentException when a vector's length is not the feature count, the row counts differ or a
     *     class index is out of range
     */
    public static Table fromFeatures(TableSchema schema, float[][] features, int[] classes) {
        if (features.length != classes.length) {
            throw new IllegalArgumentException(features.length + " sample vectors for " + classes.length + " classes");
        }
        int columns = schema.columns().size();
        int[] offsets = schema.featureOffsets();
        double[][] numeric = new double[features.length][columns];
        int[][] category = new int[features.length][columns];
        for (int r = 0; r < features.length; r++) {
            if (features[r].length != schema.featureCount()) {
                throw new IllegalArgumentException("sample " + r + " has " + features[r].length + " values, not "
                        + schema.featureCount());
            }
            for (int c = 0; c < columns; c++) {
                TableColumn column = schema.columns().get(c);
                category[r][c] = -1;
                if (column.isNumeric()) {
                    numeric[r][c] = features[r][offsets[c]];
                    continue;
                }
                float best = 0;
                for (int k = 0; k < column.width(); k++) {
                    if (features[r][offsets[c] + k] > best) {
                        best = features[r][offsets[c] + k];
                        category[r][c] = k;
                    }
                }
            }
        }
        return new Table(schema, numeric, category, classes.clone());
    }

    /**
     * The same rows with a schema whose statistics are of these rows alone: each numeric column's range and each
     * column's missing count. A split of a table ({@link #select(int[])}) keeps the whole table's schema, so that its
     * layout (columns, categories, labels, feature names) matches the other splits; a generator trained on a split
     * must not also learn the other split's values, which its numeric columns would otherwise be clamped to. The
     * categories and decimals stay (categories define the layout; decimals are read from the file's text). A
     * numeric column with no value in these rows gets the range [0, 0].
     *
     * @return a table sharing these arrays, with those statistics recomputed
     */
    public Table withStatisticsOfItsRows() {
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long missing = 0;
            for (int r = 0; r < rows(); r++) {
                if (column.isNumeric() ? Double.isNaN(numeric[r][c]) : category[r][c] < 0) {
                    missing++;
                } else if (column.isNumeric()) {
                    min = Math.min(min, numeric[r][c]);
                    max = Math.max(max, numeric[r][c]);
                }
            }
            boolean ranged = column.isNumeric() && min <= max;
            columns.add(new TableColumn(column.name(), column.kind(), column.categories(),
                    column.isNumeric() ? (ranged ? min : 0) : column.min(),
                    column.isNumeric() ? (ranged ? max : 0) : column.max(), column.decimals(), missing));
        }
        return new Table(new TableSchema(columns, schema.labelColumn(), schema.labels(), schema.missingMarker(),
                schema.missingText()),
                numeric, category, classes);
    }

    /** @return the number of rows */
    public int rows() {
        return classes.length;
    }

    /**
     * Row r as a dense sample vector in Tribuo's feature scale, in {@link TableSchema#featureNames()} order: a
     * numeric column's value (0 when missing, as Tribuo reads an absent feature), a categorical column's one-hot
     * values (all 0 when missing).
     *
     * @param row a row index
     * @return a new vector of {@link TableSchema#featureCount()} floats
     */
    public float[] features(int row) {
        double[] values = values(row);
        float[] features = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            features[i] = (float) values[i];
        }
        return features;
    }

    /**
     * Row r as {@link #features(int)} gives it, in double precision: the values Tribuo's {@code CSVDataSource}
     * reads for the row.
     *
     * @param row a row index
     * @return a new vector of {@link TableSchema#featureCount()} doubles
     */
    public double[] values(int row) {
        double[] values = new double[schema.featureCount()];
        int offset = 0;
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            if (column.isNumeric()) {
                double v = numeric[row][c];
                values[offset] = Double.isNaN(v) ? 0 : v;
            } else if (category[row][c] >= 0) {
                values[offset + category[row][c]] = 1;
            }
            offset += column.width();
        }
        return values;
    }

    /** @return the number of rows of each class, by class index */
    public long[] examplesPerClass() {
        long[] counts = new long[schema.classCount()];
        for (int c : classes) {
            counts[c]++;
        }
        return counts;
    }

    /**
     * @param rows row indices, in the order wanted; may repeat
     * @return a table of those rows with the same schema (the schema's column statistics are not recomputed)
     * @throws IndexOutOfBoundsException when an index is out of range
     */
    public Table select(int[] rows) {
        double[][] n = new double[rows.length][];
        int[][] k = new int[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            n[i] = numeric[rows[i]];
            k[i] = category[rows[i]];
            y[i] = classes[rows[i]];
        }
        return new Table(schema, n, k, y);
    }
}
