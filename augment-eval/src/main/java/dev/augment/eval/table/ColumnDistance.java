package dev.augment.eval.table;

/**
 * How far one column's synthetic values are from its real ones.
 *
 * @param column the column's name
 * @param measure {@code ks} (two-sample Kolmogorov–Smirnov statistic, numeric columns) or {@code tv} (total
 *     variation distance of the category frequencies, categorical columns)
 * @param value the distance, in [0, 1]: 0 for equal distributions, 1 for disjoint ones
 */
public record ColumnDistance(String column, String measure, double value) {

    /** The measure of a numeric column. */
    public static final String KS = "ks";
    /** The measure of a categorical column. */
    public static final String TV = "tv";

    /** Checks the measure and the range. */
    public ColumnDistance {
        if (column == null || !(KS.equals(measure) || TV.equals(measure)) || !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a column distance needs a column, measure ks or tv and a value in "
                    + "[0, 1], was " + column + ", " + measure + ", " + value);
        }
    }
}
