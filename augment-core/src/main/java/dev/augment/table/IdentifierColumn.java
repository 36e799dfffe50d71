package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A categorical column with a different value in every row that has one, such as {@code customer_id}: it
 * identifies rows rather than describing them, so a generator can only copy its values (a privacy leak) or make
 * up new ones no classifier has seen, and its one-hot features (one per row) slow every training step. Found from
 * the schema and the row count, so a caller can name the column and suggest removing it.
 *
 * @param column the column's header
 * @param values its distinct values, one per row that has a value
 * @param dates whether every value is written as a date (then the advice is to make it numbers)
 * @param rows the column's present cells: {@code values}, or a few more where some values repeat
 */
public record IdentifierColumn(String column, int values, boolean dates, long rows) {

    /**
     * @param column the column's header
     * @param values its distinct values, one per row
     */
    public IdentifierColumn(String column, int values) {
        this(column, values, false);
    }

    /**
     * @param column the column's header
     * @param values its distinct values, one per row
     * @param dates whether every value is written as a date
     */
    public IdentifierColumn(String column, int values, boolean dates) {
        this(column, values, dates, values);
    }

    /** The least share of a column's present cells its distinct values must be: 95 %, nearly one per row. */
    static final double NEARLY_ALL = 0.95;

    /** The fewest present cells for nearly distinct values to name a column (in 30 rows one repeat says much). */
    static final int NEARLY_ALL_ROWS = 100;

    /** The fewest values from which the advice names the memory they take (about a third of a GB a thousand). */
    static final int MEMORY_NOTED = 1000;

    /** Tables with fewer rows than this are too small for all-distinct values to mean much. */
    public static final int FEWEST_ROWS = 20;

    /** @return one line for the user: which column, why it hurts, and what to do */
    public String advice() {
        if (dates) {
            return "column '" + column + "' holds dates, " + (rows == values ? "a different one in each of its "
                    + values + " rows" : values + " different ones in its " + rows + " rows") + ", read as "
                    + values + " categories: a generator can only copy them or make up unseen ones; turn it into "
                    + "numbers (e.g. days since a start, or year and month columns) or remove it from the CSV";
        }
        return "column '" + column + "' has " + (rows == values ? "a different value in each of its " + values
                + " rows" : values + " different values in its " + rows + " rows, nearly one per row") + ": it "
                + "identifies "
                + "rows, so a generator can only copy its values or make up unseen ones, and its " + values
                + " one-hot features slow training" + (values >= MEMORY_NOTED ? " and take native memory outside the "
                + "launcher's limits (a fresh user measured train at 3.5 GB for 10 000 values, 6.8 GB for 20 000)" : "")
                + "; remove the column from the CSV";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its categorical columns whose every non-missing cell differs from the others, when the table has at
     *     least {@value #FEWEST_ROWS} rows, in column order; a column {@link NumberLikeColumn} or
     *     {@link AnnotatedNumberColumn} names is not one (its values are numbers that texts turned into categories: a
     *     measured column with a few annotated cells was told to be removed, 7 Dec)
     */
    public static List<IdentifierColumn> find(Table table) {
        List<NumberLikeColumn> numberLike = NumberLikeColumn.find(table.schema());
        return find(table, numberLike, AnnotatedNumberColumn.find(table.schema(), numberLike));
    }

    /**
     * As {@link #find(Table)}, with the table's number-like and annotated-number columns already found.
     *
     * @param table a table as read by {@link TableReader}
     * @param numberLikeColumns what {@link NumberLikeColumn#find} gives for its schema
     * @param annotatedColumns what {@link AnnotatedNumberColumn#find} gives for it
     * @return its identifier columns, in column order
     */
    static List<IdentifierColumn> find(Table table, List<NumberLikeColumn> numberLikeColumns,
                                       List<AnnotatedNumberColumn> annotatedColumns) {
        List<IdentifierColumn> found = new ArrayList<>();
        if (table.rows() < FEWEST_ROWS) {
            return found;
        }
        Set<String> numberLike = java.util.stream.Stream.concat(numberLikeColumns.stream()
                .map(NumberLikeColumn::column), annotatedColumns.stream().map(AnnotatedNumberColumn::column))
                .collect(Collectors.toSet());
        for (TableColumn column : table.schema().columns()) {
            long present = table.rows() - column.missing();
            if (column.kind() == ColumnKind.CATEGORICAL && !numberLike.contains(column.name()) && present >= FEWEST_ROWS
                    && (column.categories().size() == present || present >= NEARLY_ALL_ROWS
                    && column.categories().size() >= NEARLY_ALL * present)
                    // times of day get the times note, not "remove the column" (a fresh user, 7 Dec)
                    && !DateColumn.areClockTimes(column.categories())) {
                // nearly: 299 customer codes in 300 rows had no note (a re-check, 6 Dec)
                found.add(new IdentifierColumn(column.name(), column.categories().size(),
                        DateColumn.areDates(column.categories()), present));
            }
        }
        return found;
    }
}
