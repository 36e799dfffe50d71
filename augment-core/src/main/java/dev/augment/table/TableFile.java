package dev.augment.table;

import java.util.List;

/**
 * Everything one read of a CSV table gives, all from the same bytes: the {@link Table}, the text of each row's cells
 * in the table's layout order (its columns, then the label; trimmed, a line break inside a quoted cell read as a
 * space, as Tribuo's CSV reader cleans cells), the header columns the layout does not read, and the SHA-256 of the
 * file's bytes. Writers that must keep real rows exactly as given (leading zeros, digits beyond a double's) use the
 * cells; reading the file again for them could meet a file changed in between.
 *
 * @param table the table; row r of it is row r of {@code cellsInLayoutOrder}
 * @param cellsInLayoutOrder one array of {@code columns + 1} cells per data row, in file order
 * @param unreadColumns header columns that are neither a column of the layout nor its label column, in header order
 *     (empty when the layout was inferred from this file, which reads every column)
 * @param sha256 the SHA-256 of the file's bytes, as 64 lower-case hex digits
 */
public record TableFile(Table table, List<String[]> cellsInLayoutOrder, List<String> unreadColumns, String sha256) {

    /** Copies the lists (the cell arrays themselves are shared: callers must not change them). */
    public TableFile {
        cellsInLayoutOrder = List.copyOf(cellsInLayoutOrder);
        unreadColumns = List.copyOf(unreadColumns);
    }
}
