package dev.augment.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A numeric column that numbers the rows, such as an {@code id} of 1 to 768 or the index pandas writes: whole
 * numbers, a different one in every row, with no number of the run left out, or rising row by row with a few left
 * out (rows filtered away). It describes the file, not the row, so
 * a generator can only make up row numbers, and a classifier trained with it learns the file's order (the class
 * itself, where the file is sorted by class). Found from the values, so a caller can name the column and suggest
 * removing it; a column of distinct amounts with gaps between them (incomes, prices) is not one.
 *
 * @param column the column's header
 * @param first its smallest value
 * @param last its largest value
 */
public record RowNumberColumn(String column, long first, long last) {

    /**
     * Headers that name an index or an identifier: pandas' {@code Unnamed: 0} (a written index read and written again),
     * {@code index}, {@code id}, {@code customer_id}, {@code customerId}, {@code Customer ID}; such a column of
     * distinct
     * whole numbers is named whatever their order or gaps (a shuffled split's old row numbers gave the class away
     * without a word: a fresh user, 6 Dec). Only a capital {@code Id} or {@code ID} marks the end of a camelCase name:
     * {@code amount_paid}, {@code lipid} and {@code fluid} end in the letters, and were called row numbers (6 Dec).
     */
    static final java.util.regex.Pattern NAMED_AS_INDEX = java.util.regex.Pattern.compile(
            "(?i:unnamed: ?\\d+|index|id|id ?#|#|nr\\.?|seqn|mrn|.*[_ .-]id"
                    + "|(record|sample|subject|patient|row|case|specimen)[ _.-]?(no\\.?|nr\\.?|number|num|#|id))"
                    + "|.*[a-z](Id|ID)");

    /** The least share of the run from the smallest to the largest value that rising row numbers must keep. */
    static final double LEAST_KEPT = 0.9;

    /** @return one line for the user: which column, why it hurts, and what to do */
    public String advice() {
        return "column '" + column + "' holds whole numbers from " + first + " to " + last + ", a different one in "
                + "each row: it numbers the rows rather than describing them, so a generator can only make up row "
                + "numbers and a classifier learns the file's order (the class itself, if the file is sorted by "
                + "it); remove the column from the CSV";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its numeric columns of whole numbers, at least {@value IdentifierColumn#FEWEST_ROWS} present, each
     *     value once, and either every whole number from the smallest to the largest present (in any order) or
     *     rising row by row with at least {@value #LEAST_KEPT} of that run present (an id after rows were
     *     filtered out), or, under a header {@link #NAMED_AS_INDEX}, in any order and with any gaps; in column order
     */
    public static List<RowNumberColumn> find(Table table) {
        List<RowNumberColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            TableColumn column = columns.get(c);
            long present = table.rows() - column.missing();
            double span = column.max() - column.min() + 1;
            boolean named = NAMED_AS_INDEX.matcher(column.name().strip()).matches();
            if (!column.isNumeric() || column.decimals() != 0 || present < IdentifierColumn.FEWEST_ROWS
                    || span < present) {
                continue;
            }
            Set<Double> seen = new HashSet<>();
            boolean distinct = true;
            boolean rising = true;
            double last = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < table.rows() && distinct; r++) {
                double value = table.numeric()[r][c];
                distinct = Double.isNaN(value) || seen.add(value);
                if (!Double.isNaN(value)) {
                    rising &= value > last;
                    last = value;
                }
            }
            // a full run in any order, or numbers rising row by row with a few left out (rows filtered away); rising
            // with many left out is a table sorted by a measurement as often (income, price: a re-check, 7 Dec), so
            // only a name says so (SEQN, MRN)
            boolean runKept = present >= LEAST_KEPT * span;
            if (distinct && (span == present || rising && runKept || named)) {
                found.add(new RowNumberColumn(column.name(), (long) column.min(), (long) column.max()));
            }
        }
        return found;
    }
}
