package dev.augment.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric column in which one value, repeated, lies far outside all the others: a missing-value code such as
 * {@code -999} or {@code 9999} (weather, sensor and SPSS exports). Read as a number it stretches the column's range,
 * a GAN writes values near it (-998.9) that are neither the code nor data, and SMOTE interpolates between it and real
 * values (-480): 60 of 400 temperatures so gave 223 generated values of about -999 (a fresh user, 5 Dec). Only a
 * note: a number cannot be the table's missing marker, and a real extreme value may repeat.
 *
 * @param column the column's header
 * @param code the repeated far value
 * @param cells how many cells hold it
 * @param low the smallest other value
 * @param high the largest other value
 */
public record MissingCodeColumn(String column, double code, long cells, double low, double high) {

    /** The fewest cells the far value must fill. */
    static final int FEWEST_CELLS = 3;

    /** How many times the other values' span the far value must lie beyond them, at least. */
    static final double FAR = 10;

    /** @return one line for the user: which column, which value, and what to do */
    public String advice() {
        return "column '" + column + "' has " + cells + " cells of " + shown(code) + ", far outside its "
                + "other values (" + shown(low) + " … " + shown(high) + "): if "
                + shown(code) + " marks a missing value, write those cells empty (a number cannot be the "
                + "missing marker); read as a number it stretches the column's range, and generated and SMOTE rows "
                + "take values near it or between it and the data";
    }

    /** @return the value as the data would write it: -999, 38.1 */
    private static String shown(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its numeric columns whose smallest or largest value fills at least {@value #FEWEST_CELLS} cells and lies
     *     more than {@value #FAR} times the other values' span beyond them; in column order
     */
    public static List<MissingCodeColumn> find(Table table) {
        List<MissingCodeColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            TableColumn column = columns.get(c);
            if (!column.isNumeric() || column.min() == column.max()) {
                continue;
            }
            for (double code : new double[] {column.min(), column.max()}) {
                long cells = 0;
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < table.rows(); r++) {
                    double value = table.numeric()[r][c];
                    if (value == code) {
                        cells++;
                    } else if (!Double.isNaN(value)) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
                double beyond = code < low ? low - code : code - high;
                if (cells >= FEWEST_CELLS && high > low && beyond > FAR * (high - low)) {
                    found.add(new MissingCodeColumn(column.name(), code, cells, low, high));
                }
            }
        }
        return found;
    }
}
