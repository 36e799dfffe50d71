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
 * <p>A value in one or two cells far outside the rest is named too, as a possible typing or unit error: one
 * {@code insu} of 8460000 (846 with four zeros too many) among 0–846 set the resolution of the column's mixture
 * modes, and 34.7% of a table GAN's generated values lay above 846 (a fresh user, 6 Dec). A real extreme value
 * stretches the column alike, so the note says that too.
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

    /**
     * How many times the other values' span a conventional code ({@link #isConventionalCode}) must lie beyond them:
     * 9 on a 1–5 scale lies its span away, -9 beside hours of 0–60 a sixth of it.
     */
    static final double NEAR = 0.1;

    /**
     * Survey and statistics packages write missing, refused and don't-know answers as 8, 9, 98, 99, -1, -8, -9 and the
     * like (SPSS, Stata, the UK Data Service's conventions): a code near the scale (9 on 1–5, -9 beside 0–60) got no
     * note, and SMOTE wrote answers of 6.4 and 7.1 on the 1–5 scale (a fresh user, 6 Dec).
     *
     * @return whether the value is a whole number whose digits are all 9 (or all 9 after an 8: 8, 98, 998), or -1,
     *     -7, -8 or -9 and their longer forms (-99, -999, -88)
     */
    static boolean isConventionalCode(double value) {
        if (value != Math.rint(value) || Math.abs(value) > 1e9) {
            return false;
        }
        String digits = Long.toString(Math.abs((long) value));
        return value > 0 ? digits.matches("9+|9*8") : value < 0 && digits.matches("1|7+|8+|9+");
    }

    /** @return one line for the user: which column, which value, and what to do */
    public String advice() {
        if (cells < FEWEST_CELLS) {
            return "column '" + column + "' has " + (cells == 1 ? "one cell" : cells + " cells") + " of " + shown(code)
                    + ", far outside its other values (" + shown(low) + " … " + shown(high) + "): if it is a typing "
                    + "or unit error, correct it; as it is, it stretches the column's range, and generated and SMOTE "
                    + "rows take values between it and the data";
        }
        return "column '" + column + "' has " + cells + " cells of " + shown(code) + ", " + (Math.max(low - code,
                code - high) > FAR * (high - low) ? "far " : "") + "outside its "
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
     * @return its numeric columns whose smallest or largest value lies more than {@value #FAR} times the other values'
     *     span beyond them (in any number of cells: fewer than {@value #FEWEST_CELLS} are named as a possible typing
     *     error), or is a conventional code
     *     ({@link #isConventionalCode}) in 1 % to 20 % of the rows lying 2 or more and {@value #NEAR} of the span
     *     beyond them; in column order
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
                // at most a fifth of the rows: 8 cylinders, a quarter of auto-mpg's cars, is a value (a re-check)
                boolean conventional = isConventionalCode(code) && cells >= FEWEST_CELLS
                        && cells * 100 >= table.rows() && cells * 5 <= table.rows() && beyond >= 2
                        && beyond >= NEAR * (high - low);
                if (cells >= 1 && high > low && (beyond > FAR * (high - low) || conventional)) {
                    found.add(new MissingCodeColumn(column.name(), code, cells, low, high));
                } else {
                    found.addAll(fewFarValues(table, c, code == column.min()));
                }
            }
        }
        return found;
    }

    /**
     * Two different typos in one column (8460000 and 5000000 among 0-846) hid each other: each lay within ten spans
     * of the others, the other typo among them, and 26.9% of generated values lay above 846 (a re-check, 6 Dec).
     *
     * @param c the column's index
     * @param low whether to look below the values rather than above
     * @return one entry per distinct value among the two or three most extreme cells when all of them lie more than
     *     {@value #FAR} times the remaining values' span beyond them; else empty
     */
    private static List<MissingCodeColumn> fewFarValues(Table table, int c, boolean low) {
        double[] values = java.util.Arrays.stream(table.numeric()).mapToDouble(row -> row[c])
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (!low) { // descending: the far cells first either way
            for (int i = 0; i < values.length / 2; i++) {
                double t = values[i];
                values[i] = values[values.length - 1 - i];
                values[values.length - 1 - i] = t;
            }
        }
        List<MissingCodeColumn> found = new ArrayList<>();
        for (int m = 2; m < FEWEST_CELLS + 1 && m + 2 <= values.length; m++) {
            double bulkFar = values[m];
            double bulkNear = low ? java.util.Arrays.stream(values, m, values.length).max().orElse(bulkFar)
                    : java.util.Arrays.stream(values, m, values.length).min().orElse(bulkFar);
            double span = Math.abs(bulkFar - bulkNear);
            double beyond = Math.abs(values[m - 1] - bulkFar);
            if (span > 0 && beyond > FAR * span) {
                java.util.Map<Double, Long> cells = new java.util.TreeMap<>();
                for (int i = 0; i < m; i++) {
                    cells.merge(values[i], 1L, Long::sum);
                }
                if (cells.size() > 1) { // one value repeated is the case above
                    cells.forEach((value, n) -> found.add(new MissingCodeColumn(table.schema().columns().get(c)
                            .name(), value, n, Math.min(bulkFar, bulkNear), Math.max(bulkFar, bulkNear))));
                }
                return found;
            }
        }
        return found;
    }
}
