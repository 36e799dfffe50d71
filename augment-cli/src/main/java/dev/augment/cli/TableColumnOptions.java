package dev.augment.cli;

import dev.augment.table.ColumnKind;
import dev.augment.table.TableReader;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/**
 * The options that say how a {@code .csv} {@code --data} is read, shared by {@code train}, {@code evaluate} and
 * {@code oversample}: the label column and the columns whose type is given instead of inferred. Image data
 * refuses them (each command names them in its image-only check).
 */
public final class TableColumnOptions {

    @Option(names = "--label", paramLabel = "COLUMN", description = "The class column of a .csv --data (required "
            + "for a table).")
    String label;

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMNS", description = "Columns of a .csv --data to read "
            + "as numbers (a cell that is not a number is an error; default: every column whose cells all parse as "
            + "numbers).")
    List<String> numeric;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMNS", description = "Columns of a .csv --data to "
            + "read as categories even when they hold numbers.")
    List<String> categorical;

    /** @return true when no label column was given, or a blank one */
    boolean labelMissing() {
        return label == null || label.isBlank();
    }

    /** @return the given column types, as {@link TableReader#overrides(List, List)} takes them */
    Map<String, ColumnKind> overrides() {
        return TableReader.overrides(numeric, categorical);
    }
}
