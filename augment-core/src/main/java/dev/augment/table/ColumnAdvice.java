package dev.augment.table;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user should hear about a table's columns before training on it: columns that texts such as {@code NA}
 * turned from numbers into categories ({@link NumberLikeColumn}) and columns that identify rows
 * ({@link IdentifierColumn}). Each is a note, not an error: the table is still read as it is.
 */
public final class ColumnAdvice {

    private ColumnAdvice() {
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return one line per column worth a note, number-like columns first, each in column order; empty when none
     */
    public static List<String> lines(Table table) {
        List<String> lines = new ArrayList<>();
        NumberLikeColumn.find(table.schema()).forEach(c -> lines.add(c.advice()));
        IdentifierColumn.find(table).forEach(c -> lines.add(c.advice()));
        return lines;
    }
}
