package dev.augment.table;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user should hear about a table's columns before training on it: a missing marker of their own that no
 * cell holds (a typo, or the wrong case), columns that texts such as {@code NA} turned from numbers into
 * categories ({@link NumberLikeColumn}) and columns that identify rows ({@link IdentifierColumn}); and, for a table
 * generator, numeric columns missing in a fifth of the rows or more ({@link #neverGeneratedMissing}). Each is a
 * note, not an error: the table is still read as it is.
 */
public final class ColumnAdvice {

    private ColumnAdvice() {
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return {@link #lines(Table, ColumnRemedies)} with the fixes named as {@link TableReader}'s arguments
     */
    public static List<String> lines(Table table) {
        return lines(table, ColumnRemedies.LIBRARY);
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @param remedies how the caller names the fixes it suggests
     * @return one line per note: an unused missing marker first, then number-like columns, then identifier
     *     columns, each in column order; empty when none
     */
    public static List<String> lines(Table table, ColumnRemedies remedies) {
        List<String> lines = new ArrayList<>();
        TableSchema schema = table.schema();
        if (!schema.missingMarker().equals(TableSchema.DEFAULT_MISSING_MARKER)
                && schema.columns().stream().allMatch(c -> c.missing() == 0)) {
            lines.add("no cell is the missing marker '" + schema.missingMarker() + "' (or empty); a marker matches a "
                    + "whole cell exactly, case included");
        }
        List<NumberLikeColumn> numberLike = NumberLikeColumn.find(schema);
        numberLike.forEach(c -> lines.add(c.advice(remedies)));
        IdentifierColumn.find(table, numberLike).forEach(c -> lines.add(c.advice()));
        return lines;
    }

    /** The share of missing cells from which a numeric column's note is given. */
    static final double MOSTLY_MISSING = 0.2;

    /**
     * What a user of a table generator should hear about its numeric columns: one missing in a fifth of the rows or
     * more is learned as always present (its median in place of a missing cell, as CTGAN does) and never generated
     * missing. Only for commands that train or use a generator: random oversampling copies the missing cells.
     *
     * @param schema the layout of the generator's training data
     * @param rows the rows it was trained on (or is to be), at least 1
     * @return one line per such column, in column order; empty when none
     */
    public static List<String> neverGeneratedMissing(TableSchema schema, long rows) {
        List<String> lines = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.isNumeric() && column.missing() > 0 && column.missing() >= MOSTLY_MISSING * rows) {
                lines.add("numeric column '" + column.name() + "' is missing in " + column.missing() + " of " + rows
                        + " training rows; a table generator learns it as always present (its median in place of a "
                        + "missing cell, as CTGAN does) and never generates it missing, so every generated row has "
                        + "it; fill it in or drop it where its absence matters");
            }
        }
        return lines;
    }
}
