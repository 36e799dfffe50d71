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

    /** @return the value as the data would write it: -999, 38.1; from 10^15 on in E notation (2.000000e+37) */
    private static String shown(double value) {
        // a far value of 2e37 was written out in 38 digits (a re-check, 6 Dec)
        return Math.abs(value) < 1e15 ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : dev.augment.generate.output.CsvSampleWriter.formatValue(value);
    }

    /** The most distinct far values of one column named one by one; more are named in one line. */
    static final int LISTED_VALUES = 3;

    /**
     * The notes for the columns found by {@link #find}: one line each, except that a column with more than
     * {@value #LISTED_VALUES} different far values of few cells gets one line naming them all.
     *
     * @param found what {@link #find} returned
     * @return the lines, in column order
     */
    public static List<String> advice(List<MissingCodeColumn> found) {
        java.util.Map<String, List<MissingCodeColumn>> fewByColumn = new java.util.LinkedHashMap<>();
        for (MissingCodeColumn one : found) {
            if (one.cells < FEWEST_CELLS) {
                fewByColumn.computeIfAbsent(one.column, name -> new ArrayList<>()).add(one);
            }
        }
        List<String> lines = new ArrayList<>();
        java.util.Set<String> summarised = new java.util.HashSet<>();
        for (MissingCodeColumn one : found) {
            List<MissingCodeColumn> few = fewByColumn.getOrDefault(one.column, List.of());
            if (few.size() <= LISTED_VALUES || one.cells >= FEWEST_CELLS) {
                lines.add(one.advice());
            } else if (summarised.add(one.column)) {
                long cells = few.stream().mapToLong(MissingCodeColumn::cells).sum();
                lines.add("column '" + one.column + "' has " + cells + " cells far outside its other values ("
                        + shown(one.low) + " … " + shown(one.high) + "): " + String.join(", ", few.stream()
                        .map(f -> shown(f.code) + (f.cells > 1 ? " (" + f.cells + " cells)" : "")).toList())
                        + "; if they are typing or unit errors, correct them; as they are, they stretch the column's "
                        + "range, and generated and SMOTE rows take values between them and the data");
            }
        }
        return lines;
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its numeric columns whose smallest or largest value lies more than {@value #FAR} times the other values'
     *     span beyond them in {@value #FEWEST_CELLS} or more cells, or is a conventional code
     *     ({@link #isConventionalCode}) in 1 % to 20 % of the rows lying 2 or more and {@value #NEAR} of the span
     *     beyond them; and, beside those, the values of the few cells ({@link #farCells}) lying that far beyond the
     *     rest at either end; in column order
     */
    public static List<MissingCodeColumn> find(Table table) {
        List<MissingCodeColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            TableColumn column = columns.get(c);
            if (!column.isNumeric() || column.min() == column.max()) {
                continue;
            }
            List<MissingCodeColumn> codes = new ArrayList<>();
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
                // fewer cells are typos, named against the rest at both ends by farCells
                if (cells >= FEWEST_CELLS && high > low && (beyond > FAR * (high - low) || conventional)) {
                    codes.add(new MissingCodeColumn(column.name(), code, cells, low, high));
                }
            }
            found.addAll(codes);
            found.addAll(farCells(table, c, codes.stream().map(MissingCodeColumn::code).toList()));
        }
        return found;
    }

    /**
     * Few far cells at either end, each side peeled against the rest once the other side's are left out. Two typos in
     * one column (8460000 and 5000000 among 0-846) hid each other, each within ten spans of the rest with the other
     * among it, and 26.9% of generated values lay above 846; then four typos were past the three this looked for, and
     * a far value at the other end (-99999) hid behind one above (a re-check, 6 Dec).
     *
     * @param c the column's index
     * @param codes values already named as repeated codes, left out here
     * @return one entry per distinct value of the at most max(5, 1 % of the rows) cells at each
     *     end lying more than {@value #FAR} times the remaining values' span beyond them, nearest value first; the
     *     low and high of each are the remaining values'
     */
    private static List<MissingCodeColumn> farCells(Table table, int c, List<Double> codes) {
        double[] v = java.util.Arrays.stream(table.numeric()).mapToDouble(row -> row[c])
                .filter(value -> !Double.isNaN(value) && !codes.contains(value)).sorted().toArray();
        if (v.length < FEWEST_CELLS) {
            return List.of();
        }
        int limit = Math.max(FEWEST_CELLS + 2, table.rows() / 100);
        // every split of at most `limit` cells off each end whose far cells all lie more than FAR spans of the rest
        // beyond it, the largest kept: peeling one side at a time left similar far values at both ends (99999 and
        // -99999 among 0-199) each hiding the other (a re-check, 6 Dec)
        int lo = 0;
        int hi = v.length; // the rest: v[lo, hi)
        for (int low = 0; low <= limit; low++) {
            // at most a fifth of the values: two of a 4-row table's four were typos of the other two (7 Dec)
            for (int high = 0; high <= limit && low + high + 2 <= v.length && (low + high) * 5 <= v.length; high++) {
                double span = v[v.length - high - 1] - v[low];
                boolean farBelow = low == 0 || v[low] - v[low - 1] > FAR * span;
                boolean farAbove = high == 0 || v[v.length - high] - v[v.length - high - 1] > FAR * span;
                if (span > 0 && farBelow && farAbove && low + high > lo + v.length - hi) {
                    lo = low;
                    hi = v.length - high;
                }
            }
        }
        java.util.Map<Double, Long> cells = new java.util.LinkedHashMap<>();
        for (int i = lo - 1; i >= 0; i--) {
            cells.merge(v[i], 1L, Long::sum);
        }
        for (int i = hi; i < v.length; i++) {
            cells.merge(v[i], 1L, Long::sum);
        }
        List<MissingCodeColumn> found = new ArrayList<>();
        String name = table.schema().columns().get(c).name();
        double restLow = v[lo];
        double restHigh = v[hi - 1];
        cells.forEach((value, n) -> found.add(new MissingCodeColumn(name, value, n, restLow, restHigh)));
        return found;
    }
}
