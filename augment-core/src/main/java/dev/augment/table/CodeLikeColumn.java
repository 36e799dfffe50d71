package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A numeric column that looks like codes rather than amounts: few different whole numbers, far apart, each in many
 * rows (a product, region or diagnosis code such as 101, 205, 230, 480). Read as numbers, a GAN blurs each code into
 * its neighbours and SMOTE interpolates between two: half of 4 000 generated rows of such a column held a code no real
 * row has (220 for 230, 513 for 512; a fresh user, 5 Dec). Only a note, since a count (0 to 6 children) is read
 * rightly as a number: a count's values lie close together, which is how the two are told apart here.
 *
 * @param column the column's header
 * @param values its different values, ascending
 */
public record CodeLikeColumn(String column, List<Long> values) {

    /** The most different values a code-like column has. */
    static final int MOST_VALUES = 20;

    /** The fewest rows per different value. */
    static final int ROWS_PER_VALUE = 10;

    /** How many times the number of values the span from the smallest to the largest must be, at least. */
    static final int SPREAD = 3;

    /** @return one line for the user: which column, why it may hurt, and what to do */
    public String advice(ColumnRemedies remedies) {
        List<String> shown = values.stream().limit(6).map(String::valueOf).toList();
        return "column '" + column + "' holds only " + values.size() + " different whole numbers, far apart ("
                + String.join(", ", shown) + (values.size() > shown.size() ? ", …" : "") + "), each in many rows: "
                + "if they are codes or categories rather than amounts, read it as categories ("
                + remedies.categorical(column) + "); as numbers, generated and SMOTE rows take values between them "
                + "that no real row has";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its numeric columns of whole numbers with at most {@value #MOST_VALUES} different values, at least
     *     {@value #ROWS_PER_VALUE} present rows per value, spanning at least {@value #SPREAD} times as many whole
     *     numbers as they hold; in column order
     */
    public static List<CodeLikeColumn> find(Table table) {
        return find(table, List.of());
    }

    /**
     * As {@link #find(Table)}, with each column's missing-value code ({@link MissingCodeColumn}) left out of its values
     * and its span.
     *
     * @param missingCodes the table's missing-value codes
     */
    public static List<CodeLikeColumn> find(Table table, List<MissingCodeColumn> missingCodes) {
        List<CodeLikeColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            TableColumn column = columns.get(c);
            long present = table.rows() - column.missing();
            if (!column.isNumeric() || column.decimals() != 0) {
                continue;
            }
            java.util.Set<Double> codes = new java.util.HashSet<>();
            missingCodes.stream().filter(m -> m.column().equals(column.name())).forEach(m -> codes.add(m.code()));
            TreeSet<Long> values = new TreeSet<>();
            for (int r = 0; r < table.rows() && values.size() <= MOST_VALUES; r++) {
                double value = table.numeric()[r][c];
                if (!Double.isNaN(value) && !codes.contains(value)) {
                    values.add((long) value);
                }
            }
            double span = values.isEmpty() ? 0 : values.last() - values.first() + 1;
            if (values.size() >= 2 && values.size() <= MOST_VALUES && present >= (long) ROWS_PER_VALUE * values.size()
                    && span >= (double) SPREAD * values.size()) {
                found.add(new CodeLikeColumn(column.name(), List.copyOf(values)));
            }
        }
        return found;
    }
}
