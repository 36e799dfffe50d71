package dev.augment.table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One feature column of a table (never the label column).
 *
 * <p>A {@link ColumnKind#NUMERIC} column has the smallest and largest non-missing value seen, the most decimal
 * places seen ({@code decimals}, 0 for an integral column) and no categories. A {@link ColumnKind#CATEGORICAL}
 * column has its distinct values, sorted in {@code String} natural order (the missing-value marker is never a
 * category), {@code min} 0, {@code max} 1 and {@code decimals} 0: the range of its one-hot features.
 *
 * @param name the column's header, as in the CSV (trimmed)
 * @param kind numeric or categorical
 * @param categories the categories in feature order; empty for a numeric column, not empty for a categorical one
 * @param min the smallest value (numeric), or 0 (categorical); finite
 * @param max the largest value (numeric), or 1 (categorical); finite and not below {@code min}
 * @param decimals the most decimal places written in the data, 0 to {@value #MAX_DECIMALS}; the cap means "that many
 *     or more" (1.5e-20 has 21), and a column at it is not rounded ({@link #roundsToDecimals()})
 * @param missing the number of missing cells in the data the column was read from, not negative
 */
public record TableColumn(String name, ColumnKind kind, List<String> categories,
                          double min, double max, int decimals, long missing) {

    /** The most decimal places a column records: a column written with more records this many. */
    public static final int MAX_DECIMALS = 12;

    /**
     * @return whether generated values of this numeric column are rounded to its {@code decimals}: not at the cap,
     *     where the data may have more places than recorded (rounding a column of 1e-20 to 12 places made every
     *     generated value 0); such a column's values come out as the generator's float
     */
    public boolean roundsToDecimals() {
        return decimals < MAX_DECIMALS;
    }

    /**
     * Validates the column.
     *
     * @throws IllegalArgumentException when a field breaks the rules above
     */
    public TableColumn {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("column '" + name + "' has an invalid range [" + min + ", " + max + "]");
        }
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("column '" + name + "' decimals must be 0 to " + MAX_DECIMALS
                    + ", was " + decimals);
        }
        if (missing < 0) {
            throw new IllegalArgumentException("column '" + name + "' missing count must not be negative, was "
                    + missing);
        }
        if (kind == ColumnKind.NUMERIC && !categories.isEmpty()) {
            throw new IllegalArgumentException("numeric column '" + name + "' must not have categories");
        }
        if (kind == ColumnKind.CATEGORICAL) {
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("categorical column '" + name + "' has no categories");
            }
            if (new HashSet<>(categories).size() != categories.size()) {
                throw new IllegalArgumentException("categorical column '" + name + "' repeats a category: "
                        + categories);
            }
            if (min != 0 || max != 1 || decimals != 0) {
                throw new IllegalArgumentException("categorical column '" + name
                        + "' must have min 0, max 1 and decimals 0");
            }
        }
    }

    /**
     * @param name the column's header
     * @param min the smallest value seen
     * @param max the largest value seen
     * @param decimals the most decimal places seen
     * @param missing missing cells seen
     * @return a numeric column
     */
    public static TableColumn numeric(String name, double min, double max, int decimals, long missing) {
        return new TableColumn(name, ColumnKind.NUMERIC, List.of(), min, max, decimals, missing);
    }

    /**
     * @param name the column's header
     * @param categories the distinct values, in feature order (sorted, as {@link TableReader} gives them)
     * @param missing missing cells seen
     * @return a categorical column
     */
    public static TableColumn categorical(String name, List<String> categories, long missing) {
        return new TableColumn(name, ColumnKind.CATEGORICAL, categories, 0, 1, 0, missing);
    }

    /** @return true for a numeric column */
    public boolean isNumeric() {
        return kind == ColumnKind.NUMERIC;
    }

    /** @return the number of Tribuo features the column becomes: 1 (numeric) or the number of categories */
    public int width() {
        return isNumeric() ? 1 : categories.size();
    }

    /**
     * @param value a cell's text
     * @return the index of that category, or -1 when it is not one (or the column is numeric)
     */
    public int categoryIndex(String value) {
        return categories.indexOf(value);
    }

    /**
     * @param features a row's features in Tribuo's scale
     * @param from the index of this column's first feature
     * @return the category whose feature is largest and positive (the first on a tie), or -1 when none is positive
     *     (a missing cell reads as an all-zero group)
     */
    public int categoryOf(double[] features, int from) {
        int best = -1;
        double bestValue = 0;
        for (int k = 0; k < width(); k++) {
            if (features[from + k] > bestValue) {
                best = k;
                bestValue = features[from + k];
            }
        }
        return best;
    }
}
