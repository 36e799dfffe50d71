package dev.augment.table;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a CSV table into a {@link Table}, inferring its {@link TableSchema}.
 *
 * <p>The file is parsed as Tribuo's {@code CSVIterator} parses it (opencsv's RFC 4180 parser, a UTF-8 byte-order
 * mark skipped, a header row, blank lines skipped), and each cell is taken as Tribuo's {@code RowProcessor} takes
 * it: line breaks turned into spaces, then trimmed. Header names are kept as written, as Tribuo keys its fields by
 * them. A cell equal to the missing marker {@value TableSchema#DEFAULT_MISSING_MARKER}, or empty, is missing.
 *
 * <p>A column is {@link ColumnKind#NUMERIC} when every non-missing cell parses as a finite number (Java's
 * {@link Double#parseDouble}, as Tribuo's {@code DoubleFieldProcessor}), else {@link ColumnKind#CATEGORICAL};
 * {@code overrides} force a column's kind. Labels and categories are sorted in {@code String} natural order.
 *
 * <p>Every problem with the file is an {@link InvalidDataException} naming the file and the problem in one line:
 * a missing or empty file, a header without rows, a label column not in the header (the message lists the columns),
 * a ragged row (line number and counts), a row without a label, a label with fewer than
 * {@value #MIN_ROWS_PER_CLASS} rows, a column forced numeric that holds text (column, line and value), a column
 * without any value.
 */
public final class TableReader {

    /**
     * Distinct labels from which one per row or nearly makes the label column doubted ("is it the class column?")
     * whatever they are; fewer are doubted only when most are numbers (a measurement given as the label).
     */
    static final int DOUBTED_VALUES = 20;

    /** The fewest rows a class may have: one row cannot be split, interpolated or learned from. */
    public static final int MIN_ROWS_PER_CLASS = 2;

    /** At most this many cells that are not numbers are named for a column read as numeric. */
    private static final int LISTED_CELLS = 3;

    /** The significant decimal digits every double holds exactly ({@code Double.toString} may print 17). */
    static final int DOUBLE_DIGITS = 15;

    private TableReader() {
    }

    /**
     * Reads a table, inferring every column's kind.
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @return the table
     * @throws InvalidDataException when the file cannot be read as a labelled table
     */
    public static Table read(Path csv, String labelColumn) {
        return read(csv, labelColumn, Map.of());
    }

    /**
     * Reads a table.
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header; the others are inferred
     * @return the table
     * @throws InvalidDataException when the file cannot be read as a labelled table, or an override names a
     *     column that is not in the header (as a label column that is not there)
     * @throws InvalidSettingException (setting {@code numeric} or {@code categorical}, after the kind forced) when an
     *     override names the label column
     */
    public static Table read(Path csv, String labelColumn, Map<String, ColumnKind> overrides) {
        return read(csv, labelColumn, overrides, TableSchema.DEFAULT_MISSING_MARKER);
    }

    /**
     * Reads a table, inferring every column's kind, with a missing-value marker of the file's own (R and pandas
     * write {@code NA}, some exports {@code NULL}); an empty cell is missing too. The marker is recorded in the
     * schema, and so in a generator trained on the table.
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header; the others are inferred
     * @param missingMarker the text of a missing cell, see {@link #checkMissingMarker(String)}
     * @return the table
     * @throws InvalidDataException when the file cannot be read as a labelled table
     * @throws InvalidSettingException (setting {@code missingMarker}) when the marker is blank or holds a comma, quote
     *     or line break
     */
    public static Table read(Path csv, String labelColumn, Map<String, ColumnKind> overrides, String missingMarker) {
        return readFile(csv, labelColumn, overrides, missingMarker).table();
    }

    /**
     * Reads a table as {@link #read(Path, String, Map, String)} does, keeping what else the same read gives: each
     * row's cells as written and the file's SHA-256 (see {@link TableFile}).
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header; the others are inferred
     * @param missingMarker the text of a missing cell, see {@link #checkMissingMarker(String)}
     * @return the table and its cells; no column is unread
     * @throws InvalidDataException when the file cannot be read as a labelled table
     * @throws InvalidSettingException (setting {@code missingMarker}) for a marker a cell cannot be
     */
    public static TableFile readFile(Path csv, String labelAsGiven, Map<String, ColumnKind> overrides,
                                     String missingMarker) {
        checkMissingMarker(missingMarker);
        if (labelAsGiven == null || labelAsGiven.isEmpty()) {
            // "label a table needs the name of its label column" named the command line's option in code (a Tribuo
            // user, 7 Dec)
            throw new InvalidSettingException("labelColumn", "labelColumn must name the table's label column, was "
                    + (labelAsGiven == null ? "null" : "empty"));
        }
        Cells cells = Cells.read(csv);
        Cells.refuseCutLastLine(csv, cells, missingMarker);
        dev.augment.data.AddedExamples.refuseTable(csv, cells.header, cells.rows);
        String labelColumn = headerSpelling(labelAsGiven, cells.header);
        int label = cells.header.indexOf(labelColumn);
        if (label < 0 && !labelColumn.equals(labelColumn.strip()) && cells.header.contains(labelColumn.strip())) {
            // the header cell is clean; the spaces or control characters came with the option (a CRLF header's
            // carriage return copied into --label "Type\r")
            throw new InvalidSettingException("label", "'" + labelColumn + "' has spaces or control characters "
                    + "around it that the header cell '" + labelColumn.strip() + "' has not; give it as '"
                    + labelColumn.strip() + "'");
        }
        if (label < 0) {
            boolean otherSeparator = separatedOtherwise(cells.header, cells.rows.isEmpty() ? null : cells.rows.get(0));
            // the header's cell, where it has the spaces (a no-break space typed was blamed on the file: 7 Dec)
            String spaced = cells.header.stream().filter(h -> !h.equals(labelColumn) && !looseStrip(h).equals(h)
                    && looseStrip(h).equals(looseStrip(labelColumn))).findFirst().orElse(null);
            boolean typedSpaces = spaced == null && !looseStrip(labelColumn).equals(labelColumn)
                    && cells.header.contains(looseStrip(labelColumn));
            // a title line with as many commas as the header was not asked about (a fresh user, 5 Dec)
            // (a number there is a value more likely than a header name: --label 2 for the second column, 7 Dec)
            boolean titleAbove = !cells.rows.isEmpty() && cells.lines.get(0) == 2 && Arrays.stream(cells.rows.get(0))
                    .anyMatch(cell -> cell.strip().equals(labelColumn.strip())) && byPosition(labelColumn,
                    cells.header).isEmpty();
            throw InvalidDataException.doesNotFitSetting(csv, "label column '" + ColumnAdvice.shown(labelColumn)
                    + "' is not in the header; the columns are: " + listed(cells.header) + (titleAbove
                    ? " (line 2 holds '" + labelColumn.strip() + "': is line 1 a title above the header? delete it)"
                    : otherSeparator
                    ? " (the file seems separated by ';', tab or '|', but a CSV table must use commas)"
                    : spaceSeparated(cells.header, labelColumn)
                    ? " (the file seems separated by spaces, as R's write.table writes by default, but a CSV table "
                    + "must use commas: write it with write.csv(df, row.names = FALSE)" + (spacedLabel(cells.header,
                    labelColumn).equals(labelColumn.strip()) ? "" : ", and give the label as the file spells it, '"
                    + spacedLabel(cells.header, labelColumn) + "'") + ")"

                    : typedSpaces ? "; did you mean '" + ColumnAdvice.shown(looseStrip(labelColumn)) + "'? (the name "
                    + "given has spaces or invisible characters at an end, which the header's has not)"
                    : spaced != null ? " (the header cell '" + ColumnAdvice.shown(spaced) + "' has spaces around it; "
                    + "header names are kept as written, as Tribuo keys fields by them: give it with its spaces or "
                    + "remove them from the file)" : didYouMean(labelColumn, cells.header) != null
                    ? "; " + didYouMean(labelColumn, cells.header) : byPosition(labelColumn, cells.header)), "label");
        }
        requireAHeaderRow(csv, cells, label);
        if (cells.lineBreakAt.containsKey(label)) {
            // a feature's line break is read as a space, as Tribuo's RowProcessor reads it; Tribuo keeps a label's, so
            // the generator's class 'multi line' was not the class Tribuo read, 'multi\nline' (a fresh user, 6 Dec)
            throw new InvalidDataException(csv, "the label in the row starting on line " + cells.lineBreakAt.get(label)
                    + " holds a line break (a spreadsheet's Alt+Enter in a quoted cell), which Tribuo keeps in the "
                    + "class name while a generator's classes and every file it writes cannot; replace the line "
                    + "breaks in column '" + labelColumn + "' with spaces in the file");
        }
        refuseExtraHeaderRows(csv, cells, missingMarker);
        refuseRenamedHeader(csv, cells);
        overrides = byHeaderName(overrides, cells.header);
        checkOverrides(overrides, cells.header, labelColumn, csv);
        String marker = missingMarker;
        List<String> labels = labels(csv, cells, label, marker);
        List<Integer> featureColumns = new ArrayList<>();
        for (int c = 0; c < cells.header.size(); c++) {
            if (c != label) {
                featureColumns.add(c);
            }
        }
        requireAFeatureValueInEveryRow(csv, cells, featureColumns, marker);
        List<TableColumn> columns = new ArrayList<>();
        for (int source : featureColumns) {
            String name = cells.header.get(source);
            ColumnKind forced = overrides.get(name);
            columns.add(column(csv, cells, source, forced, marker));
        }
        TableSchema schema;
        try {
            schema = new TableSchema(columns, labelColumn, labels, marker, gapSpelling(cells.rows,
                    featureColumns.stream().mapToInt(Integer::intValue).toArray(), marker, marker));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(csv, e.getMessage(), e);
        }
        return file(csv, cells, schema, featureColumns, label);
    }

    /**
     * A file without a header row has its first row read as the header: that row was lost, its cells became column
     * names, and a --label naming one of its cells trained on the rest without a word (a fresh user, 5 Dec).
     *
     * @throws InvalidDataException when the label column's header cell is also one of that column's values and
     *     another header cell is a number, or every other header cell is also one of its own column's values (a
     *     table of categories only, whose first row was lost just the same; a fresh user, 5 Dec): the header line
     *     looks like a row of data
     */
    private static void requireAHeaderRow(Path csv, Cells cells, int label) {
        String name = cells.header.get(label);
        if (cells.rows.stream().noneMatch(row -> row[label].equals(name))) {
            return;
        }
        List<String> numbers = cells.header.stream().filter(h -> !h.equals(name) && isNumber(h)).toList();
        String why;
        if (!numbers.isEmpty()) {
            why = "'" + numbers.get(0) + "' is a number";
        } else if (cells.header.size() > 1 && everyOtherCellIsAValueOfItsColumn(cells, label)) {
            why = "every other cell of line 1 is also a value of its column";
        } else {
            return;
        }
        throw new InvalidDataException(csv, "line 1 looks like a row of data, not a header: the label column's name '"
                + name + "' is also one of its values, and " + why + "; add a header row naming the columns as the "
                + "first line (augment and Tribuo read the first line as the header)");
    }

    private static boolean everyOtherCellIsAValueOfItsColumn(Cells cells, int label) {
        for (int c = 0; c < cells.header.size(); c++) {
            String cell = cells.header.get(c);
            int column = c;
            if (c != label && (cell.isBlank() || cells.rows.stream().noneMatch(row -> row[column].equals(cell)))) {
                return false;
            }
        }
        return true;
    }

    /** @return "only that row holds it" for 1, else "N of the rows hold it" */
    private static String rowsHoldingIt(long rows) {
        return rows == 1 ? "only that row holds it" : rows + " of the rows hold it";
    }

    private static long countOf(Cells cells, int column, String value) {
        return cells.rows.stream().filter(row -> row[column].equals(value)).count();
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.strip());
            return !cell.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * How rows written beside these ones spell a missing cell ({@link TableSchema#missingText()}): as they do.
     *
     * @param rows cells of rows as written
     * @param columns the indices of the cells to look at (the feature columns)
     * @param marker the missing marker
     * @param otherwise the spelling when none of those cells is missing
     * @return the marker when any of those cells is it, else empty when some are empty, else {@code otherwise}
     */
    public static String gapSpelling(List<String[]> rows, int[] columns, String marker, String otherwise) {
        boolean empty = false;
        for (String[] row : rows) {
            for (int c : columns) {
                if (row[c].equals(marker)) {
                    return marker;
                }
                empty |= row[c].isEmpty();
            }
        }
        return empty ? "" : otherwise;
    }

    /**
     * Reads a CSV with a known layout, e.g. held-out rows or generated rows read with the training table's schema.
     * The header must hold every column of the schema and its label column, in any order (other columns are
     * ignored, as Tribuo's row processor ignores them). The schema is kept as it is: its ranges and missing counts
     * are not recomputed, and a class may have any number of rows.
     *
     * @param csv the CSV file
     * @param schema the layout to read it with
     * @return the table, with {@code schema} as its schema
     * @throws InvalidDataException when the file cannot be read, a column of the schema is not in the header, or a
     *     cell holds a label or category the schema does not know or text in a numeric column
     */
    public static Table read(Path csv, TableSchema schema) {
        return readFile(csv, schema).table();
    }

    /**
     * Reads a CSV with a known layout as {@link #read(Path, TableSchema)} does, keeping what else the same read
     * gives: each row's cells as written, the header columns the layout does not read (a caller that writes the rows
     * back out would lose them) and the file's SHA-256 (see {@link TableFile}).
     *
     * @param csv the CSV file
     * @param schema the layout to read it with
     * @return the table and its cells
     * @throws InvalidDataException as {@link #read(Path, TableSchema)}
     */
    public static TableFile readFile(Path csv, TableSchema schema) {
        Cells cells = Cells.read(csv);
        Cells.refuseCutLastLine(csv, cells, schema.missingMarker());
        dev.augment.data.AddedExamples.refuseTable(csv, cells.header, cells.rows);
        refuseRenamedHeader(csv, cells);
        refuseExtraHeaderRows(csv, cells, schema.missingMarker()); // read in a layout too (a re-check, 6 Dec)
        int label = cells.header.indexOf(schema.labelColumn());
        List<Integer> featureColumns = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            int index = cells.header.indexOf(column.name());
            featureColumns.add(index);
            if (index < 0) {
                absent.add(column.name());
            }
        }
        if (label < 0) {
            absent.add(schema.labelColumn());
        }
        if (!absent.isEmpty()) {
            // quoted: "lacks the table's column age ; it has: x, age, label" read as lacking what it has (7 Dec)
            List<String> spacedOnly = absent.stream().filter(a -> cells.header.stream().anyMatch(h -> !h.equals(a)
                    && h.strip().equals(a.strip()))).toList();
            throw new InvalidDataException(csv, "the header lacks the table's column" + (absent.size() == 1 ? " " : "s ")
                    + quoted(absent) + "; it has: " + quoted(cells.header) + (spacedOnly.isEmpty() ? ""
                    : " (" + quoted(spacedOnly) + (spacedOnly.size() == 1 ? " differs" : " differ") + " from the "
                    + "header's only by spaces around the name: write the header's names as the table's)"));
        }
        requireAFeatureValueInEveryRow(csv, cells, featureColumns, schema.missingMarker());
        return file(csv, cells, schema, featureColumns, label);
    }

    /** @return each name in single quotes, shown escaped ({@link ColumnAdvice#shown}), joined by commas */
    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + ColumnAdvice.shown(n) + "'").collect(java.util.stream.Collectors
                .joining(", "));
    }

    private static TableFile file(Path csv, Cells cells, TableSchema schema, List<Integer> featureColumns,
                                  int label) {
        Table table = fill(csv, cells, schema, featureColumns, label);
        int[] from = new int[featureColumns.size() + 1];
        for (int c = 0; c < featureColumns.size(); c++) {
            from[c] = featureColumns.get(c);
        }
        from[from.length - 1] = label;
        List<String[]> ordered = new ArrayList<>(cells.rows.size());
        for (String[] row : cells.rows) {
            String[] inOrder = new String[from.length];
            for (int c = 0; c < from.length; c++) {
                inOrder[c] = row[from[c]];
            }
            ordered.add(inOrder);
        }
        List<String> unread = new ArrayList<>();
        for (int c = 0; c < cells.header.size(); c++) {
            if (c != label && !featureColumns.contains(c)) {
                unread.add(cells.header.get(c));
            }
        }
        return new TableFile(table, ordered, unread, cells.sha256);
    }

    /**
     * Builds the {@code overrides} of {@link #read(Path, String, Map)} from two lists of column names, each kept as
     * given: the reader matches a name to the header cell that is exactly it, else to the one that is it without
     * the spaces around it (header cells are kept as written, {@code 'Fe '} included).
     *
     * @param numeric columns to read as numbers; may be null
     * @param categorical columns to read as categories; may be null
     * @return the kind of each named column
     * @throws InvalidSettingException (setting {@code numeric} or {@code categorical}) when a name is blank (an
     *     empty entry such as {@code a,,b}); (setting {@code categorical}) when a column is in both lists
     */
    public static Map<String, ColumnKind> overrides(List<String> numeric, List<String> categorical) {
        Map<String, ColumnKind> overrides = new LinkedHashMap<>();
        for (String name : numeric == null ? List.<String>of() : numeric) {
            requireName(name, "numeric");
            overrides.put(name, ColumnKind.NUMERIC);
        }
        for (String name : categorical == null ? List.<String>of() : categorical) {
            requireName(name, "categorical");
            boolean alsoNumeric = overrides.entrySet().stream().anyMatch(e -> e.getValue() == ColumnKind.NUMERIC
                    && e.getKey().strip().equals(name.strip()));
            if (alsoNumeric) {
                throw new InvalidSettingException("categorical", "column '" + name.strip() + "' is also given as "
                        + "numeric; give it one kind");
            }
            overrides.put(name, ColumnKind.CATEGORICAL);
        }
        return overrides;
    }

    /**
     * Names each override by its header cell: the name as given when a header cell is exactly that (header names
     * are kept as written, so {@code 'Fe '} with its space names such a cell), else the name without the spaces
     * around it ({@code a, b} lists {@code b} with a space); a name in neither form is kept for the error.
     */
    private static Map<String, ColumnKind> byHeaderName(Map<String, ColumnKind> overrides, List<String> header) {
        Map<String, ColumnKind> named = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnKind> e : overrides.entrySet()) {
            String typed = headerSpelling(e.getKey(), header);
            String name = header.contains(typed) || !header.contains(typed.strip()) ? typed : typed.strip();
            named.put(name, e.getValue());
        }
        return named;
    }

    /**
     * @param typed a column name as given
     * @param header the header's names
     * @return the header's own spelling of the name where it writes the same text in another Unicode form (an accent
     *     as a combining character, as macOS writes it: {@code --label catégorie} as typed could not name it, and the
     *     suggestion offered {@code cate\u0301gorie}, a fresh user, 6 Dec), else the name as given
     */
    private static String headerSpelling(String typed, List<String> header) {
        if (typed == null || header.contains(typed)) {
            return typed;
        }
        String composed = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFC);
        List<String> same = header.stream().filter(h -> java.text.Normalizer.normalize(h, java.text.Normalizer.Form.NFC)
                .equals(composed)).toList();
        return same.size() == 1 ? same.get(0) : typed;
    }

    private static void requireName(String name, String setting) {
        if (name == null || name.isBlank()) {
            throw new InvalidSettingException(setting, "has an empty entry; list column names, comma-separated");
        }
    }

    /**
     * Checks a missing-value marker: a cell is compared with it after trimming, so it must be the trimmed text of
     * a cell that a CSV file can hold unquoted.
     *
     * @param missingMarker the marker, e.g. {@code ?} (the default) or {@code NA}
     * @throws InvalidSettingException (setting {@code missingMarker}) when it is null, blank, has surrounding spaces,
     *     holds a comma, quote or line break, or is a number to Java's {@code Double.parseDouble} ({@code 0},
     *     {@code NaN}), which Tribuo's CSV reader would read as a value
     */
    public static void checkMissingMarker(String missingMarker) {
        if (missingMarker == null || missingMarker.isBlank()) {
            throw new InvalidSettingException("missingMarker", "must be the text of a missing cell, e.g. NA; an empty "
                    + "cell is always missing");
        }
        if (parsesAsDouble(missingMarker)) {
            // the schema's row processor reads a numeric column with Tribuo's DoubleFieldProcessor, which parses
            // such a cell as a value: the drop-in promise (the same examples from the same CSV) would break
            throw new InvalidSettingException("missingMarker", "'" + missingMarker + "' is a number to Tribuo's CSV "
                    + "reader, which would read such a cell of a numeric column as that value while augment reads it "
                    + "as missing; write the data's missing cells as text that is not a number (e.g. ? or NA) or leave "
                    + "them empty");
        }
        if (!missingMarker.equals(missingMarker.trim()) || missingMarker.matches("(?s).*[,\"\r\n].*")) {
            throw new InvalidSettingException("missingMarker", "must be one cell's text without surrounding spaces, "
                    + "commas, quotes or line breaks, was '" + missingMarker + "'");
        }
    }

    /** @return whether Java (and so Tribuo's {@code DoubleFieldProcessor}) parses the text as a double */
    static boolean parsesAsDouble(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * @param typed a column name given in an option
     * @param header the header's names
     * @return "did you mean 'X'?" for the header name that differs only in case (saying names are case-sensitive)
     *     or for the one name within a typo's distance (naming a letter of another script in it), else null; a typo
     *     was given the column list alone (a fresh user, 5 Dec), and a look-alike letter in --categorical too
     */
    private static String didYouMean(String typed, List<String> header) {
        String otherCase = header.stream().filter(h -> looseStrip(h).equalsIgnoreCase(looseStrip(typed)))
                .findFirst().orElse(null);
        // a letter of another script in the name typed (plаs with a Cyrillic а): the header name it looks like
        List<String> lookalike = header.stream().filter(h -> !h.equals(typed)
                && ColumnAdvice.looseSpelling(h).equals(ColumnAdvice.looseSpelling(typed))).toList();
        if (otherCase == null && lookalike.size() == 1 && typed.codePoints().anyMatch(OtherSpellings::looksLatin)) {
            return "did you mean '" + ColumnAdvice.shown(lookalike.get(0)) + "'? (the name given, '"
                    + OtherSpellings.escapedLookalikes(ColumnAdvice.shown(typed)) + "', has a letter of another script "
                    + "that looks like a Latin one)";
        }
        if (otherCase != null && looseStrip(otherCase).equals(otherCase) && !looseStrip(typed).equals(typed)) {
            // a no-break space or BOM typed at an end was called a difference of case (a re-check, 7 Dec)
            return "did you mean '" + ColumnAdvice.shown(otherCase) + "'? (the name given has spaces or invisible "
                    + "characters at an end" + (otherCase.equals(looseStrip(typed)) ? "" : ", and header names are "
                    + "case-sensitive") + ")";
        }
        if (otherCase != null && !looseStrip(otherCase).equals(otherCase)) {
            // ' RI' for RI was said to differ in case (a fresh user, 7 Dec); a no-break space, and case beside the
            // spaces, were not named (a re-check, 7 Dec)
            return "did you mean '" + ColumnAdvice.shown(otherCase) + "'? (the header cell has spaces around it"
                    + (looseStrip(otherCase).equals(looseStrip(typed)) ? "" : ", and header names are "
                    + "case-sensitive") + "; header names are kept as written, as Tribuo keys fields by them: give it "
                    + "with its spaces or remove them from the file)";
        }
        if (otherCase != null) {
            return "did you mean '" + ColumnAdvice.shown(otherCase) + "'? (header names are case-sensitive)";
        }
        // a header with a line break typed as a space ('Income (USD)' for 'Income' + line break + '(USD)'): the
        // escaped name cannot be typed, so the shell's $'…' form is given (a fresh user, 6 Dec)
        // spaces of any kind, no-break ones too, compared as one
        List<String> broken = header.stream().filter(h -> h.replaceAll("[\\s\u00A0\u2007\u202F]+", " ").equals(
                looseStrip(typed).replaceAll("[\\s\u00A0\u2007\u202F]+", " ")) && !h.equals(typed)).toList();
        if (broken.size() == 1) {
            String h = broken.get(0);
            if (!h.matches("(?s).*[\\n\\r\\t\u00A0\u2007\u202F].*")) {
                // the header has plain spaces: the extra space or tab was typed (a re-check, 7 Dec)
                return "did you mean '" + ColumnAdvice.shown(h) + "'? (the name given has more spaces or a tab where "
                        + "the header has one space)";
            }
            return "did you mean $'" + h.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
                    .replace("\r", "\\r").replace("\t", "\\t").replace("\u00A0", "\\u00a0")
                    .replace("\u2007", "\\u2007").replace("\u202F", "\\u202f") + "'? (the header has a line break, "
                    + "tab or no-break space where a space was typed; the shell's $'…' writes it)";
        }
        if (!byPosition(typed, header).isEmpty()) {
            return null; // --label 3 was "did you mean 'y'?", one edit away (a re-check, 7 Dec): a position, below
        }
        org.apache.commons.text.similarity.LevenshteinDistance distance =
                org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        int closeEnough = Math.min(2, Math.max(1, typed.length() / 2));
        List<String> near = header.stream().filter(h -> distance.apply(h.toLowerCase(java.util.Locale.ROOT),
                typed.toLowerCase(java.util.Locale.ROOT)) <= closeEnough).toList();
        return near.size() != 1 ? null : "did you mean '" + ColumnAdvice.shown(near.get(0)) + "'?"
                + otherScript(typed.strip(), near.get(0));
    }

    /**
     * @return the text without spaces at either end, no-break ones (U+00A0, U+2007, U+202F), zero-width ones
     *     (U+200B to U+200D, U+2060) and a BOM too: a header cell {@code Na} with a zero-width space after it got no
     *     "did you mean" (a re-check, 7 Dec)
     */
    static String looseStrip(String text) {
        return text.replaceAll("^[\\s\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]+"
                + "|[\\s\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]+$", "");
    }

    /** @return the header's names for a message, each quoted where it holds a comma or spaces at an end */
    static String listed(List<String> header) {
        return String.join(", ", header.stream().map(h -> h.contains(",") || !looseStrip(h).equals(h) ? "'"
                + ColumnAdvice.shown(h) + "'" : ColumnAdvice.shown(h)).toList());
    }

    private static void checkOverrides(Map<String, ColumnKind> overrides, List<String> header, String labelColumn,
                                       Path csv) {
        List<String> unknown = new ArrayList<>();
        String firstUnknownSetting = null;
        for (Map.Entry<String, ColumnKind> e : overrides.entrySet()) {
            String setting = e.getValue() == ColumnKind.NUMERIC ? "numeric" : "categorical";
            if (e.getKey().equals(labelColumn)) {
                throw new InvalidSettingException(setting, "'" + e.getKey() + "' is the label column, not a feature");
            }
            if (!header.contains(e.getKey())) {
                firstUnknownSetting = firstUnknownSetting == null ? setting : firstUnknownSetting;
                String near = didYouMean(e.getKey(), header);
                // shown escaped: a pasted no-break space printed as the suggestion's plain one (a re-check, 7 Dec)
                unknown.add("'" + ColumnAdvice.shown(e.getKey()) + "', given as " + setting + (near == null ? ""
                        : " (" + near + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            // a header name with a comma, split by the list option: said, with the quoting (a fresh user, 6 Dec)
            String split = header.stream().filter(h -> h.contains(",") && java.util.Arrays.stream(h.split(","))
                    .allMatch(part -> overrides.keySet().stream().anyMatch(k -> k.strip().equals(part.strip()))))
                    .findFirst().orElse(null);
            // Exit 3, as a --label that is not in the header: the file and the named columns do not fit.
            throw InvalidDataException.doesNotFitSetting(csv, (unknown.size() == 1 ? "column " : "columns ")
                    + String.join("; ", unknown) + (unknown.size() == 1 ? ", is" : ", are") + " not in the header; "
                    + "the columns are: " + listed(header) + (split == null ? ""
                    : " (the column '" + split + "' has a comma in its name: give it in double quotes inside the list, "
                    + "e.g. '\"" + split + "\"')"), firstUnknownSetting);
        }
    }

    /**
     * A row whose every feature cell is missing is omitted by Tribuo's {@code CSVDataSource} ("Row N empty of
     * features, omitting"), so training, oversampling and class counts on it would differ from the Tribuo pipeline's
     * without a word (a fresh user's finding, 4 Dec); refused, naming the first such line and how many there are.
     *
     * @param featureColumns the cells' indices of the feature columns
     * @throws InvalidDataException when a row has a label and nothing else
     */
    private static void requireAFeatureValueInEveryRow(Path csv, Cells cells, List<Integer> featureColumns,
                                                       String marker) {
        int empty = 0;
        int first = -1;
        for (int r = 0; r < cells.rows.size(); r++) {
            String[] row = cells.rows.get(r);
            boolean anyValue = false;
            for (int i = 0; i < featureColumns.size() && !anyValue; i++) {
                String cell = row[featureColumns.get(i)];
                anyValue = !cell.isEmpty() && !cell.equals(marker);
            }
            if (!anyValue && !featureColumns.isEmpty()) {
                empty++;
                first = first < 0 ? r : first;
            }
        }
        if (empty > 0) {
            throw new InvalidDataException(csv, "line " + cells.lines.get(first) + " has no feature value (every "
                    + "feature cell is empty or the missing marker '" + marker + "')" + (empty == 1 ? ""
                    : ", and so " + (empty == 2 ? "has 1 more row" : "have " + (empty - 1) + " more rows"))
                    + "; Tribuo's CSV reader omits such rows, so a Tribuo pipeline would never see them; fill in a value or remove " + (empty == 1 ? "the row"
                    : "those rows"));
        }
    }

    /**
     * @return a marker no cell of the file holds, in any case: a fixed {@code NONE} was offered to a table whose cells
     *     held it, which the advice would have made gaps, and to a class NONE with --missing NONE (a re-check, 7 Dec)
     */
    private static String unusedMarker(Cells cells) {
        java.util.Set<String> held = new java.util.HashSet<>();
        for (String[] row : cells.rows) {
            for (String cell : row) {
                held.add(cell.toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String candidate : List.of("NONE", "NO_VALUE", "MISSING_CELL", "__gap__")) {
            if (!held.contains(candidate.toLowerCase(java.util.Locale.ROOT))) {
                return candidate;
            }
        }
        int n = 1;
        while (held.contains("__gap" + n + "__")) {
            n++;
        }
        return "__gap" + n + "__";
    }

    private static List<String> labels(Path csv, Cells cells, int label, String marker) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int r = 0; r < cells.rows.size(); r++) {
            String value = cells.rows.get(r)[label];
            if (value.isEmpty() || value.equals(marker)) {
                long asMarker = value.isEmpty() ? 0 : cells.rows.stream().filter(row -> row[label].equals(marker))
                        .count();
                // a partly labelled file was told of its first unlabelled row alone (a fresh user, 7 Dec)
                long unlabelled = value.isEmpty() ? cells.rows.stream().filter(row -> row[label].isEmpty()
                        || row[label].equals(marker)).count() : 0;
                // NA for North America: the marker a note offered for a column's gaps took a class's rows (6 Dec)
                throw new InvalidDataException(csv, "line " + cells.lines.get(r) + " has no label (column '"
                        + cells.header.get(label) + "' is " + (value.isEmpty() ? "empty" : "'" + value + "', the "
                        + "missing marker") + "); every row needs one" + (asMarker > 1 ? "; " + asMarker + " rows are "
                        + "labelled '" + value + "': if it is a class, give as --missing a text no cell holds (e.g. "
                        + "--missing " + unusedMarker(cells) + "; there is no 'none', a cell left empty is always "
                        + "missing) and write the gaps of the other columns empty" : unlabelled > 1 ? "; "
                        + unlabelled + " of the "
                        + cells.rows.size() + " rows have none: label them, or remove them to train on the labelled "
                        + "rows" : ""));
            }
            counts.merge(value, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < MIN_ROWS_PER_CLASS) {
                String lookalike = counts.keySet().stream().filter(other -> !other.equals(e.getKey())
                        && ColumnAdvice.looseSpelling(other).equals(ColumnAdvice.looseSpelling(e.getKey())))
                        .findFirst().orElse(null);
                if (lookalike != null) {
                    // the other one-row classes too: they were found one run later (a re-check, 7 Dec)
                    List<String> others = oneRowLabels(counts, java.util.Set.of(e.getKey(), lookalike));
                    throw new InvalidDataException(csv, "label '" + ColumnAdvice.shown(e.getKey()) + "' has only "
                            + e.getValue() + " row and every class needs at least " + MIN_ROWS_PER_CLASS + "; it "
                            + "differs from the label '" + ColumnAdvice.shown(lookalike) + "' only in "
                            + ColumnAdvice.LOOK_ALIKE + ": if they are one class, write them "
                            + "alike" + (others.isEmpty() ? "" : "; " + (others.size() == 1 ? "label " : "labels ")
                            + firstFive(others) + (others.size() == 1 ? " has" : " have") + " only 1 row too"));
                }
                // not of a table of a few rows, whose right class column was doubted (a fresh user, 7 Dec)
                boolean mostlyDistinct = counts.size() * 2 > cells.rows.size() && (counts.size() >= DOUBTED_VALUES
                        || counts.size() > 2 && 2 * counts.keySet().stream().filter(v -> !Double.isNaN(
                        decimalNumber(v))).count() > counts.size());
                // every such class: one a run made a user with three remove them over three runs (a fresh user)
                List<String> small = oneRowLabels(counts, java.util.Set.of());
                String named = small.size() == 1 ? "label " + small.get(0) + " has only " + e.getValue() + " row"
                        : "labels " + firstFive(small) + " have only 1 row each";
                throw new InvalidDataException(csv, named + "; every class needs at least " + MIN_ROWS_PER_CLASS
                        + (mostlyDistinct ? " (column '" + cells.header.get(label) + "' has " + counts.size()
                        + " different values in " + cells.rows.size() + " rows: is it the class column?)"
                        : small.size() == 1 ? " (add rows or remove that class)"
                        : " (add rows or remove those classes)"));
            }
        }
        return List.copyOf(counts.keySet());
    }

    /** @return the labels with fewer than {@value #MIN_ROWS_PER_CLASS} rows, but for {@code except}, quoted */
    private static List<String> oneRowLabels(Map<String, Integer> counts, java.util.Set<String> except) {
        return counts.entrySet().stream().filter(c -> c.getValue() < MIN_ROWS_PER_CLASS && !except.contains(c.getKey()))
                .map(c -> "'" + ColumnAdvice.shown(c.getKey()) + "'").toList();
    }

    /** @return the first five names, joined by commas, and "and N more" for the rest */
    private static String firstFive(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(names.size(), 5)))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    private static TableColumn column(Path csv, Cells cells, int source, ColumnKind forced, String marker) {
        String name = cells.header.get(source);
        long missing = 0;
        boolean allNumbers = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int decimals = 0;
        boolean whole = true; // every value a whole number, however written
        TreeSet<String> categories = new TreeSet<>();
        List<String> notNumbers = new ArrayList<>(); // of a column forced numeric: each such cell, as the note promised
        String missingSpelling = null; // the first of those cells that is a usual spelling of a missing cell (NA)
        for (int r = 0; r < cells.rows.size(); r++) {
            String value = cells.rows.get(r)[source];
            if (value.isEmpty() || value.equals(marker)) {
                missing++;
                continue;
            }
            categories.add(value);
            double number = parse(value);
            if (Double.isNaN(number)) {
                if (forced == ColumnKind.NUMERIC) {
                    notNumbers.add("line " + cells.lines.get(r) + " holds '" + value + "', " + whyNotNumber(value));
                    // pandas' nan is a marker Tribuo's reader leaves alone (Java reads only NaN as a number)
                    boolean pandasNan = value.equalsIgnoreCase("nan") && !parsesAsDouble(value);
                    if (missingSpelling == null && (NumberLikeColumn.isMissingSpelling(value) || pandasNan)) {
                        missingSpelling = value;
                    }
                }
                allNumbers = false;
            } else {
                // Java also reads 3d, 2f and 0x1p3 as numbers; nobody writes a number so, so inference calls them
                // text (a column forced numeric still reads them, as Tribuo's DoubleFieldProcessor does)
                allNumbers &= isDecimal(value);
                min = Math.min(min, number);
                max = Math.max(max, number);
                decimals = Math.max(decimals, decimals(value));
                whole &= number == Math.rint(number);
            }
        }
        if (whole) {
            // pandas writes a whole column as 4965.0 once it holds a gap: its 1 decimal place made a generator write
            // 4960.6 into a column without one fraction (a fresh user, 5 Dec)
            decimals = 0;
        }
        if (!notNumbers.isEmpty()) {
            // notNumbers holds cells only of a column forced numeric: that setting is at fault, not the file
            throw InvalidDataException.doesNotFitSetting(csv, "column '" + name + "' is numeric but "
                    + (notNumbers.size() == 1 ? notNumbers.get(0) : notNumbers.size() + " cells are not numbers: "
                    + String.join("; ", notNumbers.subList(0, Math.min(LISTED_CELLS, notNumbers.size())))
                    + (notNumbers.size() > LISTED_CELLS ? "; and " + (notNumbers.size() - LISTED_CELLS) + " more"
                    : "")) + (missingSpelling == null ? "" : "; if '" + missingSpelling + "' marks a missing cell, "
                    + "make it the missing marker (--missing " + missingSpelling + ", or TableReader.read's "
                    + "missingMarker)"), "numeric");
        }
        if (categories.isEmpty()) {
            throw new InvalidDataException(csv, "column '" + name + "' has no values (every cell is missing); "
                    + "remove the column");
        }
        ColumnKind kind = forced != null ? forced : allNumbers ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL;
        return kind == ColumnKind.NUMERIC ? TableColumn.numeric(name, min, max, decimals, missing)
                : TableColumn.categorical(name, List.copyOf(categories), missing);
    }

    /**
     * @return the cell's value as Tribuo's DoubleFieldProcessor reads it, or NaN when it is not a finite number or is
     *     a decimal number too small for any double ({@code 1e-400}, which Java reads as 0: kept as a number it would
     *     be a 0 the file never wrote)
     */
    static double parse(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) && !underflows(cell, value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number as people and CSV writers write one: sign, digits with an optional point, optional exponent. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    /**
     * @param cell a cell's text
     * @return whether it is written as a decimal number ({@code 12}, {@code -0.5}, {@code 1.2e3}, {@code .5}), not
     *     one of the other forms Java's {@code Double.parseDouble} takes ({@code 3d}, {@code 2f}, {@code 0x1p3},
     *     {@code NaN}, {@code Infinity})
     */
    static boolean isDecimal(String cell) {
        return DECIMAL.matcher(cell).matches();
    }

    /**
     * @param cell a cell's text
     * @return the cell's value when it is a decimal number ({@link #isDecimal}) that a double holds, else NaN: what
     *     column inference counts as a number
     */
    static double decimalNumber(String cell) {
        return isDecimal(cell) ? parse(cell) : Double.NaN;
    }

    /** @return whether a decimal number with a nonzero digit was read as 0 */
    private static boolean underflows(String cell, double value) {
        if (value != 0 || !isDecimal(cell)) {
            return false;
        }
        String mantissa = cell.strip().split("[eE]")[0];
        return mantissa.chars().anyMatch(ch -> ch >= '1' && ch <= '9');
    }

    /**
     * Data whose gaps are {@code ?} read in a layout whose marker is {@code NA} were told "recode or remove those rows"
     * (42% of a table) or "'?' is not a number", with no word about the marker (a fresh user, 7 Dec).
     *
     * @return the reason: the cell looks like a missing cell, but the layout reads another marker as missing
     */
    private static String otherMarker(String cell, TableSchema schema) {
        return "which looks like a missing cell, but the generator's (or layout's) table reads '"
                + schema.missingMarker() + "' (and empty cells) as missing, not '" + cell.strip() + "': write the "
                + "data's missing cells as '" + schema.missingMarker() + "' or leave them empty";
    }

    /** @return why {@link #parse} gave NaN for the cell: not a number at all, or a number no double holds */
    static String whyNotNumber(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return underflows(cell, value) ? "which is closer to 0 than any double (about 4.9e-324) and would be read "
                    + "as 0"
                    : Double.isNaN(value) ? "which is not a finite number"
                    : cell.strip().matches("(?i)[+-]?infinity") ? "which is not a finite number"
                    : "which is beyond a double's range (about ±1.8e308)";
        } catch (NumberFormatException e) {
            return "which is not a number";
        }
    }

    /**
     * @return the decimal places the number is written with ("1.50" has 2, "1e-3" has 3, "3.360000e+01" has 1: an
     *     exponent form's trailing zeros are its writer's padding), 0 to the cap; a cell
     *     with more significant digits than a double holds ({@value #DOUBLE_DIGITS}) counts those digits only, so
     *     binary noise such as {@code 0.30000000000000004} (17 digits, written by a program that printed a double's
     *     sum) has the 1 decimal of {@code 0.3}, not 17
     */
    static int decimals(String number) {
        try {
            BigDecimal written = new BigDecimal(number.strip());
            if (number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
                // an exponent's mantissa pads to its writer's fixed digits (%e writes 3.360000e+01): count the digits
                // that matter, 33.6's one
                written = written.stripTrailingZeros();
            }
            if (written.precision() > DOUBLE_DIGITS) {
                written = written.round(new MathContext(DOUBLE_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            }
            return Math.max(0, Math.min(TableColumn.MAX_DECIMALS, written.scale()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Converts the cells; refuses a label, number or category the schema does not know (never the case when the
     * schema was inferred from the same cells).
     */
    private static Table fill(Path csv, Cells cells, TableSchema schema, List<Integer> featureColumns, int label) {
        int rows = cells.rows.size();
        int columns = featureColumns.size();
        double[][] numeric = new double[rows][columns];
        int[][] category = new int[rows][columns];
        int[] classes = new int[rows];
        List<Map<String, Integer>> indices = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < column.categories().size(); k++) {
                index.put(column.categories().get(k), k);
            }
            indices.add(index);
        }
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int k = 0; k < schema.labels().size(); k++) {
            labelIndex.put(schema.labels().get(k), k);
        }
        for (int r = 0; r < rows; r++) {
            String[] row = cells.rows.get(r);
            Integer classIndex = labelIndex.get(row[label]);
            if (classIndex == null) {
                String seen = row[label];
                // a table whose labels were upper-cased (as Tribuo's FieldResponseProcessor does) was told only the
                // list (a fresh user, 5 Dec)
                double number = decimalNumber(seen.strip());
                // pandas writes labels 0/1 as 0.0/1.0 once a gap made the column float (a fresh user, 6 Dec)
                String sameButCase = schema.labels().stream().filter(l -> l.equalsIgnoreCase(seen.strip()))
                        .findFirst().map(l -> "; it differs from '" + l + "' only in case or spaces round it: write "
                                + "the labels as the generator (or layout) has them").orElse(Double.isNaN(number) ? ""
                                : schema.labels().stream().filter(l -> decimalNumber(l) == number).findFirst()
                                .map(l -> "; it is the label '" + l + "' written as another number (as pandas writes "
                                        + "a float column): write the labels as the generator (or layout) has them")
                                .orElse(""));
                if (seen.isBlank() || schema.isMissing(seen)) {
                    // told to train on a table that holds it, which train refuses (a re-check, 7 Dec)
                    throw new InvalidDataException(csv, "line " + cells.lines.get(r) + " has no label ('" + seen
                            + "'); every row needs one of " + schema.labels() + ": fill it in or remove the row");
                }
                // the line alone: deleting it was refused at the next such line (a fresh user, 7 Dec), and so was
                // the next unseen label's (a re-check): every one is counted
                Map<String, Long> unseen = new java.util.LinkedHashMap<>();
                cells.rows.stream().map(cellsOfRow -> cellsOfRow[label]).filter(l -> !labelIndex.containsKey(l))
                        .forEach(l -> unseen.merge(l, 1L, Long::sum));
                long holding = unseen.get(seen);
                String which = unseen.size() == 1 ? rowsHoldingIt(holding) : unseen.size() + " labels the layout "
                        + "never saw are in the file: "
                        + String.join(", ", unseen.entrySet().stream().limit(5).map(u -> "'"
                        + u.getKey() + "' (" + u.getValue() + (u.getValue() == 1 ? " row)" : " rows)")).toList())
                        + (unseen.size() > 5 ? " and " + (unseen.size() - 5) + " more" : "");
                boolean oneRow = unseen.size() == 1 && holding == 1;
                throw new InvalidDataException(csv, "line " + cells.lines.get(r) + " has the label '" + seen
                        + "', which is not one of " + schema.labels() + sameButCase + (sameButCase.isEmpty()
                        ? "; " + which + ": remove " + (oneRow ? "that row" : "those rows")
                        + " (a model of that layout has never seen the class), or, to learn it, train the generator "
                        + "on a table that holds it" : ""));
            }
            classes[r] = classIndex;
            for (int c = 0; c < columns; c++) {
                TableColumn column = schema.columns().get(c);
                String value = row[featureColumns.get(c)];
                boolean missing = schema.isMissing(value);
                if (column.isNumeric()) {
                    numeric[r][c] = missing ? Double.NaN : parse(value);
                    category[r][c] = -1;
                    if (!missing && Double.isNaN(numeric[r][c])) {
                        throw new InvalidDataException(csv, "column '" + column.name() + "' is numeric but line "
                                + cells.lines.get(r) + " holds '" + value + "', "
                                + (NumberLikeColumn.isProgramGap(value) || NumberLikeColumn.isMissingSpelling(value)
                                ? otherMarker(value, schema) : whyNotNumber(value)));
                    }
                } else {
                    Integer k = missing ? Integer.valueOf(-1) : indices.get(c).get(value);
                    // not a category in another case ('na' for North America's 'NA'): the list says so (a re-check)
                    if (k == null && NumberLikeColumn.isProgramGap(value) && column.categories().stream()
                            .noneMatch(value.strip()::equalsIgnoreCase)) {
                        throw new InvalidDataException(csv, "line " + cells.lines.get(r) + " holds '" + value
                                + "' in column '" + column.name() + "', " + otherMarker(value, schema) + " ("
                                + rowsHoldingIt(countOf(cells, featureColumns.get(c), value)) + ")");
                    }
                    if (k == null) {
                        throw new InvalidDataException(csv, "line " + cells.lines.get(r) + " holds '" + value
                                + "' in column '" + column.name() + "', which is not one of the column's categories "
                                + column.categories() + " in the table the generator (or layout) was made from; "
                                + rowsHoldingIt(countOf(cells, featureColumns.get(c), value)) + ": recode or "
                                + "remove " + (countOf(cells, featureColumns.get(c), value) == 1 ? "that row" : "those "
                                + "rows") + " (for test or new data: a model of that layout has never seen the "
                                + "category), or, to learn it, train the generator on a table that holds it");
                    }
                    category[r][c] = k;
                }
            }
        }
        return new Table(schema, numeric, category, classes);
    }

    /** The header and the rows of a CSV file, cells cleaned as Tribuo cleans them, with each row's line number. */
    /** @return whether every cell is a non-empty text that is no number (a header's cells, not a row's values) */
    /**
     * A stray quote ({@code "big box}, an inch mark) opens a quoted cell that the next quote, lines later, closes:
     * those lines were read as one cell and their rows lost (60 data lines, 54 rows read, without a word: a fresh user,
     * 5 Dec). Refused when a cell holds a line break and a line of it is shaped like a row: as many cells, split at
     * its commas, as the first row, each a number where that row's is and text where it is text. A quoted cell of prose
     * (an address over two lines, "e, f, g, h" where a row has numbers) is data (a re-check, 5 Dec).
     *
     * @param first the line the row starts on
     * @param last the line it ends on
     * @param shape the first row read, or null before it
     */
    private static void refuseRowsInOneCell(Path csv, String[] row, long first, long last, String[] shape) {
        if (last <= first || shape == null || shape.length < 2) {
            return;
        }
        for (String cell : row) {
            List<String> lines = cell.lines().toList();
            long rowLike = lines.stream().skip(1).filter(l -> shapedLike(l.split(",", -1), shape)).count();
            if (lines.size() > 1 && rowLike > 0) {
                throw new InvalidDataException(csv, "the quoted cell on line " + first + " runs to line " + last
                        + ", and " + rowLike + " of its lines " + (rowLike == 1 ? "is" : "are") + " shaped like a row: "
                        + "a stray quote (" + "'"
                        + ColumnAdvice.shown(lines.get(0).length() > 20 ? lines.get(0).substring(0, 20) + "…"
                        : lines.get(0)) + "')? those rows would be read as one cell; remove the stray quote, or write "
                        + "a quote inside a cell as two (\"\") in a quoted cell");
            }
        }
    }

    /**
     * @return " (its 'с' is U+0441 ...)" when the header name differs from what was typed in letters of another script
     *     that look alike (a Cyrillic с for a Latin c: the two names printed the same; a re-check, 5 Dec), else ""
     */
    private static String otherScript(String typed, String header) {
        if (typed.length() != header.length()) {
            return "";
        }
        for (int i = 0; i < typed.length(); i++) {
            char t = typed.charAt(i);
            char h = header.charAt(i);
            if (t != h && Character.isLetter(h) && Character.isLetter(t)
                    && Character.UnicodeScript.of(h) != Character.UnicodeScript.of(t)) {
                return String.format(java.util.Locale.ROOT, " (its '%c' is U+%04X, a letter of the %s script, where "
                        + "'%c' was typed: they look alike; correct the header)", h, (int) h,
                        Character.UnicodeScript.of(h).name().toLowerCase(java.util.Locale.ROOT), t);
            }
        }
        return "";
    }

    /** @return whether the cells are as many as the shape's, each a number where the shape's is and text where not */
    private static boolean shapedLike(String[] cells, String[] shape) {
        if (cells.length != shape.length) {
            return false;
        }
        for (int c = 0; c < cells.length; c++) {
            String model = shape[c].strip();
            if (!model.isEmpty() && Double.isNaN(parse(model)) != Double.isNaN(parse(cells[c].strip()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a row that is the header with a name or a few changed: joined exports of which a later one renamed a
     * column ({@code score} as {@code score_v2}) trained the header line as a row, its label cell as a class named
     * like the label column and every numeric column as categories, with notes offering the column names as missing
     * markers (a fresh user, 6 Dec). At least half the cells (and two) equal their own column's name, case aside,
     * and the others are text, as names are (a row {@code a,5,y} under {@code a,b,y} is data).
     */
    private static String renamedHeader(long line, String[] row, String[] header) {
        int same = 0;
        int named = 0;
        List<String> renamed = new ArrayList<>();
        for (int c = 0; c < Math.min(row.length, header.length); c++) {
            if (!Double.isNaN(parse(header[c]))) {
                continue; // a column named by a number (pixel 0, 1, …) holds it as a value: no evidence either way
            }
            named++;
            if (row[c].equalsIgnoreCase(header[c])) {
                same++;
            } else if (row[c].isEmpty() || !Double.isNaN(parse(row[c]))) {
                return null; // a number or an empty cell: a row of data that shares a few cells with the names
            } else {
                renamed.add(header[c] + " as " + row[c]);
            }
        }
        if (same < 2 || 2 * same < named || renamed.isEmpty()) {
            return null;
        }
        return "line " + line + " is the header row with " + (renamed.size() == 1 ? "a name" : renamed.size()
                + " names") + " changed (" + String.join(", ", renamed.subList(0, Math.min(3, renamed.size())))
                + (renamed.size() > 3 ? ", …" : "") + "): files joined, one of which renamed a column? its cells would "
                + "be read as a row of data; delete the line, and check that the rows below it hold the same columns";
    }

    /**
     * Refuses the extra header rows survey tools export below the names: Qualtrics writes each question's text on line
     * 2 and {@code {"ImportId":…}} on line 3, SurveyMonkey a second row of answer names. Line 2 became a class of one
     * row, refused with "add rows", and every numeric column categories (a fresh user, 6 Dec). A row counts when it
     * holds an ImportId cell, or text in at least two columns (and half of them) whose other cells are nearly all
     * numbers.
     */
    private static void refuseExtraHeaderRows(Path csv, Cells cells, String marker) {
        int extra = 0;
        while (extra < Math.min(2, cells.rows.size() - 1) && isExtraHeaderRow(cells, cells.rows.get(extra), marker)) {
            extra++;
        }
        if (extra > 0) {
            throw new InvalidDataException(csv, (extra == 1 ? "line 2 looks like an extra header row" : "lines 2 and 3 "
                    + "look like extra header rows") + " (question texts where the rows below hold numbers, or "
                    + "Qualtrics' {\"ImportId\": …}), as survey tools export them; delete "
                    + (extra == 1 ? "it" : "them") + " so that line 1 is the only header row");
        }
    }

    private static boolean isExtraHeaderRow(Cells cells, String[] row, String marker) {
        if (Arrays.stream(row).anyMatch(cell -> cell.startsWith("{\"ImportId\""))) {
            return true;
        }
        int numericColumns = 0;
        int textInThem = 0;
        for (int c = 0; c < row.length; c++) {
            long present = 0;
            long numbers = 0;
            for (String[] other : cells.rows) {
                if (other != row && c < other.length && !other[c].isEmpty()) {
                    present++;
                    numbers += Double.isNaN(parse(other[c])) ? 0 : 1;
                }
            }
            if (present >= 5 && numbers * 10 >= present * 9) {
                numericColumns++;
                // not a gap: a first row of lags with NA in them is data (a re-check, 6 Dec)
                textInThem += !row[c].isEmpty() && Double.isNaN(parse(row[c])) && !row[c].equals(marker)
                        && !NumberLikeColumn.isGap(row[c]) ? 1 : 0;
            }
        }
        return textInThem >= 2 && 2 * textInThem >= numericColumns;
    }

    /**
     * Refuses the row taken for the header with a name changed, when its cells are the header's own: each of its
     * cells that equals a column's name, and each changed one, holds a value no other row holds in that column. A
     * survey's "select all that apply" row (each ticked option written as its own name, in many rows) was refused (a
     * re-check, 6 Dec).
     */
    private static void refuseRenamedHeader(Path csv, Cells cells) {
        if (cells.renamedHeader == null) {
            return;
        }
        String[] row = cells.rows.get(cells.renamedHeaderRow);
        // copies of the same header line (three exports joined) are that header, not rows that hold its values
        List<String[]> others = cells.rows.stream().filter(other -> !Arrays.equals(other, row,
                String.CASE_INSENSITIVE_ORDER)).toList();
        for (int c = 0; c < row.length; c++) {
            int column = c;
            String value = row[c];
            boolean heldElsewhere = others.stream().anyMatch(other -> column < other.length
                    && other[column].equalsIgnoreCase(value));
            if (!value.isEmpty() && heldElsewhere) {
                return;
            }
        }
        throw new InvalidDataException(csv, cells.renamedHeader);
    }

    /** @return whether a longer row holds every header name (case aside), as a later export's header does */
    private static boolean holdsTheHeader(String[] row, String[] header) {
        if (row.length <= header.length) {
            return false;
        }
        java.util.Set<String> cells = new java.util.HashSet<>();
        for (String cell : row) {
            cells.add(cell.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return Arrays.stream(header).allMatch(h -> cells.contains(h.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** @return "1 cell" or "n cells" */
    private static String cells(int n) {
        return n + (n == 1 ? " cell" : " cells");
    }

    /**
     * @return whether the header is one cell whose words, split at spaces and unquoted, include the label column: R's
     *     {@code write.table} writes {@code "preg" "plas" "class"}, and the refusal listed the columns without a
     *     hint, where ';', tab and '|' got one (a fresh user, 7 Dec)
     */
    private static boolean spaceSeparated(List<String> header, String labelColumn) {
        return spacedLabel(header, labelColumn) != null;
    }

    /**
     * @return the word of a one-cell header, split at spaces and unquoted, that names the label column, in any case
     *     (a label typed {@code Class} for R's {@code "class"} got neither hint: a re-check, 7 Dec), or null
     */
    private static String spacedLabel(List<String> header, String labelColumn) {
        if (header.size() != 1) {
            return null;
        }
        // a quoted name keeps its spaces: R's "my class" was split into two words (a re-check, 7 Dec)
        String line = header.get(0).strip();
        // the CSV reading took the first and last quotes of "a" "my class" as the cell's own
        line = line.contains("\" \"") && !line.startsWith("\"") ? "\"" + line + "\"" : line;
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (words.find()) {
            String word = words.group(1) != null ? words.group(1) : words.group(2).replaceAll("^\"|\"$", "");
            if (word.equalsIgnoreCase(labelColumn.strip())) {
                return word;
            }
        }
        return null;
    }

    /**
     * Whether a file read with commas looks separated by ';', a tab or '|': the header is one cell holding one, or
     * the header and the first row hold the same number (at least one) of one of them. A tab-separated header with a
     * comma in a name ({@code weight, kg}) split into two cells, and was then told to delete line 1 as a title (a
     * fresh user, 6 Dec).
     *
     * @param header the header's cells as read with commas
     * @param firstRow the first row's cells as read with commas, or null
     */
    static boolean separatedOtherwise(List<String> header, String[] firstRow) {
        String headerText = String.join(",", header);
        if (header.size() == 1 && headerText.matches("(?s).*[;\t|].*")) {
            return true;
        }
        if (firstRow == null) {
            return false;
        }
        String rowText = String.join(",", firstRow);
        for (char separator : new char[] {';', '\t', '|'}) {
            long inHeader = headerText.chars().filter(c -> c == separator).count();
            if (inHeader > 0 && inHeader == rowText.chars().filter(c -> c == separator).count()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the two rows hold the same cells, each once, in any order, whatever their case */
    private static boolean sameNames(String[] row, String[] header) {
        if (row.length != header.length) {
            return false;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String cell : header) {
            names.add(cell.toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Set<String> cells = new java.util.HashSet<>();
        for (String cell : row) {
            cells.add(cell.toLowerCase(java.util.Locale.ROOT));
        }
        return names.size() == header.length && names.equals(cells);
    }

    /**
     * @return for a label given by its column's position ({@code --label 9}, as pandas' or R's users do), the column
     *     it may mean, else ""
     */
    private static String byPosition(String labelColumn, List<String> header) {
        if (!labelColumn.strip().matches("\\d{1,6}")) {
            return "";
        }
        int position = Integer.parseInt(labelColumn.strip());
        List<String> meant = java.util.stream.IntStream.of(position - 1, position).filter(i -> i >= 0
                && i < header.size()).mapToObj(i -> "'" + ColumnAdvice.shown(header.get(i)) + "'").distinct().toList();
        return "; the label is given by the column's name, not its position" + (meant.isEmpty() ? "" : " (column "
                + position + " is " + meant.get(0) + (meant.size() > 1 ? " counted from 1, " + meant.get(1)
                + " from 0" : "") + ")");
    }

    /** @return why {@link #quotedAfterSpace}'s cell split, after the cell counts: which cell, and the fix */
    private static String splitByQuote(String which, String[] cells) {
        int c = quotedAfterSpace(cells);
        return " (" + which + (c + 1) + ", '" + cells[c] + "', has a space before its opening quote, so the quote is "
                + "text and a comma inside splits the cell; remove the spaces after the commas)";
    }

    /** @return the index of the first cell that opens a quote after leading spaces ({@code  "Paris}), else -1 */
    private static int quotedAfterSpace(String[] row) {
        for (int c = 0; c < row.length; c++) {
            if (row[c].matches("[ \\t]+\".*")) {
                return c;
            }
        }
        return -1;
    }

    private static boolean namesOnly(String[] cells) {
        return Arrays.stream(cells).map(String::strip).allMatch(cell -> !cell.isEmpty()
                && !cell.matches("[-+]?(\\d+[.,]?\\d*|[.,]\\d+)([eE][-+]?\\d+)?"));
    }

    static final class Cells {
        final List<String> header;
        final List<String[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        /** The SHA-256 of the bytes read, set once the whole file is read. */
        String sha256;
        /**
         * Why a row is taken for the header with a name changed, or null: refused once line 1 is known to be a header
         * (a file without one has rows that share cells with its first row).
         */
        String renamedHeader;
        /** The index in {@link #rows} of the row {@link #renamedHeader} is about. */
        int renamedHeaderRow;
        /** Per column, the line of the first row whose cell held a line break (cells are read with a space for it). */
        final Map<Integer, Long> lineBreakAt = new HashMap<>();

        private Cells(List<String> header) {
            this.header = header;
        }

        /**
         * @return what makes the file unreadable as UTF-8, for a one-line error: gzip's magic bytes (a compressed
         *     table named .csv), else the first line holding bytes UTF-8 does not allow (a Latin-1 or Windows-1252
         *     export), so that the user need not hunt for one byte in a long file
         */
        static String whyNotUtf8(Path csv) {
            try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(csv))) {
                in.mark(512);
                byte[] start = in.readNBytes(512);
                int first = start.length > 0 ? start[0] & 0xff : -1;
                int second = start.length > 1 ? start[1] & 0xff : -1;
                if (dev.augment.io.FileMagic.isGzip(start)) {
                    return "gzip-compressed, not CSV text; decompress it first (gunzip)";
                }
                if (first == 'P' && second == 'K') {
                    return "a zip archive (an .xlsx workbook is one too), not CSV text; unzip it first and give the "
                            + "CSV inside, or save the workbook as \"CSV UTF-8\"";
                }
                if (dev.augment.io.TextEncoding.isUtf16(start)) {
                    return "UTF-16 text (Excel's \"Unicode text\"), not UTF-8; save the table as \"CSV UTF-8\"";
                }
                java.util.Optional<String> kind = binaryKind(start);
                if (kind.isPresent()) {
                    // a PNG renamed .csv was called "a Latin-1 or Windows-1252 export" (a fresh user, 5 Dec)
                    return kind.get() + ", not CSV text; give a comma-separated UTF-8 table";
                }
                in.reset();
                long number = dev.augment.io.TextEncoding.firstNonUtf8Line(in);
                if (number > 0) {
                    // lines ended by a lone CR are a Mac's ("CSV (Macintosh)" writes Mac Roman: 7 Dec)
                    boolean crOnly;
                    try (java.io.InputStream again = new java.io.BufferedInputStream(Files.newInputStream(csv))) {
                        crOnly = dev.augment.io.TextEncoding.linesEndWithCr(again);
                    }
                    return "not UTF-8 text: line " + number + " holds bytes that UTF-8 does not allow (a "
                            + (crOnly ? "Mac Roman (Excel for Mac's \"CSV (Macintosh)\"), " : "")
                            + "Latin-1 or Windows-1252 export?); save the table as UTF-8 CSV";
                }
            } catch (IOException e) {
                // the reader's own error stands
            }
            return "not UTF-8 text; save the table as UTF-8 CSV";
        }

        /**
         * @param start a file's first bytes
         * @return what the file is by its magic bytes (an image, a PDF, an old Excel workbook), or "binary data"
         *     when a tenth or more of them are control bytes (not as UTF-16 has its NULs), which no text table holds;
         *     empty for anything else
         */
        static java.util.Optional<String> binaryKind(byte[] start) {
            java.util.Optional<String> known = dev.augment.io.FileMagic.kind(start)
                    .filter(k -> !k.equals(dev.augment.io.FileMagic.WEB_PAGE)); // a web page is text: read as it is
            if (known.isPresent()) {
                return known;
            }
            int control = 0;
            int[] zerosAt = new int[2]; // UTF-16 text has its NUL bytes at every other position: not binary
            for (int i = 0; i < start.length; i++) {
                int b = start[i] & 0xff;
                control += b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f ? 1 : 0;
                zerosAt[i % 2] += b == 0 ? 1 : 0;
            }
            int half = start.length / 2;
            boolean utf16 = zerosAt[0] == 0 && zerosAt[1] * 4 >= half || zerosAt[1] == 0 && zerosAt[0] * 4 >= half;
            return control * 10 >= start.length && start.length > 0 && !utf16
                    ? java.util.Optional.of("binary data (control bytes in its first " + start.length + " bytes)")
                    : java.util.Optional.empty();
        }


        static Cells read(Path csv) {
            if (Files.exists(csv) && !Files.isRegularFile(csv) && !Files.isDirectory(csv)) {
                // a device or a pipe (/dev/zero) would be read without end
                throw new InvalidDataException(csv, "not a regular file; give a CSV file with a header row");
            }
            MessageDigest digest = sha256();
            try (Reader in = withoutBom(new BufferedReader(new InputStreamReader(
                    new DigestInputStream(Files.newInputStream(csv), digest), StandardCharsets.UTF_8.newDecoder())));
                 CSVReader reader = new CSVReaderBuilder(in)
                         .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
                String[] header = reader.readNext();
                while (header != null && blank(header)) {
                    header = reader.readNext();
                }
                if (header == null) {
                    throw new InvalidDataException(csv, "the file is empty; a table needs a header row and rows");
                }
                if (header[0].startsWith("\uFEFF")) {
                    // a second byte-order mark (a file saved again "with BOM") named the first feature '\ufeffpreg'
                    // without a word, or hid the label (a re-check, 7 Dec)
                    throw new InvalidDataException(csv, "the file starts with more than one byte-order mark (U+FEFF), "
                            + "as a file saved again 'with BOM' gets, which would become part of the first column's "
                            + "name; delete the extra ones, e.g. sed -i '1s/^\\(\\xEF\\xBB\\xBF\\)\\+//' " + csv);
                }
                Cells cells;
                try {
                    cells = new Cells(header(csv, header));
                } catch (InvalidDataException unnamed) {
                    // a spreadsheet's title in A1, padded with empty cells to the table's width, was told to remove
                    // the "empty header columns", which would have deleted the data's columns (a fresh user, 5 Dec)
                    String[] second = reader.peek();
                    boolean padded = Arrays.stream(header).anyMatch(String::isBlank)
                            && !header[0].strip().toLowerCase(java.util.Locale.ROOT).startsWith("sep=");
                    if (padded && second != null && second.length > 1 && namesOnly(second)
                            && Arrays.stream(header).filter(h -> !h.isBlank()).count() < second.length) {
                        throw new InvalidDataException(csv, "line 1 names fewer columns than line 2, whose cells are "
                                + "all names (" + String.join(", ", Arrays.asList(second).subList(0, Math.min(4,
                                second.length))) + (second.length > 4 ? ", …" : "") + "): is line 1 a title above the "
                                + "header? delete it");
                    }
                    // group names repeated over a header (pandas' MultiIndex to_csv, Excel reports) were told to rename
                    // one, where line 2 is the header (a fresh user, 6 Dec)
                    // groups repeat: at most half of line 1's cells are names of their own (one duplicated name in
                    // an all-categorical table was told to delete its header: a re-check, 6 Dec)
                    if (second != null && second.length == header.length && namesOnly(second)
                            && Arrays.stream(second).map(String::strip).distinct().count() == second.length
                            && 2 * Arrays.stream(header).map(String::strip).distinct().count() <= header.length) {
                        throw new InvalidDataException(csv, "line 1 repeats names (" + String.join(", ", Arrays.stream(
                                header).map(String::strip).distinct().limit(4).toList()) + ") over line 2, whose cells "
                                + "are all names of their own (" + String.join(", ", Arrays.asList(second).subList(0,
                                Math.min(4, second.length))) + (second.length > 4 ? ", …" : "") + "): are they groups "
                                + "above the header, as pandas writes a two-level header? delete line 1");
                    }
                    throw unnamed;
                }
                String[] headerCells = cells.header.stream().map(Cells::clean).toArray(String[]::new);
                while (true) {
                    // a quoted cell may hold line breaks: a row is named by the line it starts on
                    long line = reader.getLinesRead() + 1;
                    String[] row = reader.readNext();
                    if (row == null) {
                        break;
                    }
                    if (blank(row)) {
                        continue;
                    }
                    refuseRowsInOneCell(csv, row, line, reader.getLinesRead(), cells.rows.isEmpty() ? null
                            : cells.rows.get(0));
                    if (row.length == 1 && !row[0].isEmpty() && row[0].chars().allMatch(ch -> ch == 0 || ch == 0x1a)
                            && header.length > 1) {
                        // an invisible line: "line 7 has 1 cells" of a file an editor shows 6 lines of (6 Dec)
                        throw new InvalidDataException(csv, "line " + line + " holds only " + (row[0].indexOf(0x1a)
                                >= 0 ? "\\u001a, a DOS end-of-file mark (Ctrl-Z) some old tools write at the end"
                                : "NUL bytes (\\u0000), as a file padded or cut short by a crash is") + "; an editor "
                                + "shows no such line: delete it (e.g. tr -d '\\000\\032' < in.csv > out.csv), and "
                                + "check the rows before it");
                    }
                    if (row.length == 1 && row[0].isBlank() && header.length > 1) {
                        throw new InvalidDataException(csv, "line " + line + " holds only spaces; delete it (a blank "
                                + "line is skipped, a line of spaces is read as a row of one cell)");
                    }
                    if (row.length != header.length) {
                        // a title of words with more commas than the header was told only the counts (a fresh user,
                        // 5 Dec): line 2 of names, with the next line of its count, is the header
                        String[] after = line == 2 && namesOnly(row) ? reader.peek() : null;
                        boolean headerBelow = after != null && after.length == row.length;
                        boolean emptyExtras = row.length > header.length && Arrays.stream(row, header.length,
                                row.length).allMatch(String::isEmpty);
                        boolean otherSeparator = separatedOtherwise(List.of(header), row);
                        throw new InvalidDataException(csv, "line " + line + " has " + cells(row.length) + " but the "
                                + "header has " + header.length + (emptyExtras ? " (the extra cells are empty: does the "
                                + "line end with a comma? remove it)" : holdsTheHeader(row, header)
                                // a later export that added a column, joined below (a fresh user, 6 Dec)
                                ? " (it holds the header's names and more: the header of a file joined below, whose "
                                + "export had other columns? write every part with the same columns)"
                                : otherSeparator ? " (the file seems separated by ';', tab or '|', and its "
                                + "commas are decimal commas or text; a CSV table must use commas between cells and "
                                + "points in numbers)"
                                : header.length == 1 && line == 2 && row.length > 1
                                ? " (line 1 has one cell and line 2 several: is line 1 a title above the header? "
                                + "delete it)"
                                // a title and a blank line, or # comment lines, got the bare counts (5 Dec)
                                : header.length == 1 && row.length > 1 && cells.rows.stream().allMatch(r -> r.length
                                == 1) ? " (the lines above it hold one cell each and line " + line + " several: are "
                                + "they a title" + (header[0].strip().startsWith("#") ? " or comments" : "") + " above "
                                + "the header? delete the lines above line " + line + ")"
                                // a title with commas in it was told only the counts (a fresh user, 5 Dec)
                                : line == 2 && row.length > header.length && namesOnly(row)
                                ? " (line 2 has more cells than line 1: is line 1 a title above the header? delete it)"
                                // "a, b, \"Paris, FR\"": a quote after a space is text, and its comma splits
                                // the cell; the advice was about decimal commas (a fresh user, 7 Dec)
                                : row.length < header.length && quotedAfterSpace(header) >= 0
                                ? splitByQuote("the header's cell ", header)
                                : row.length > header.length && quotedAfterSpace(row) >= 0 ? splitByQuote("cell ", row)
                                // a row of numbers written with decimal commas was asked about a title (5 Dec)
                                : row.length > header.length && Arrays.stream(row).anyMatch(c -> c.strip()
                                .matches("\\d+")) ? " (more cells than the header: a number written with a decimal "
                                + "or thousands comma, 1,5 or 1,234, is two cells; write numbers with a point and no "
                                + "thousands separator, or quote such cells)"
                                // fewer: a header below a longer title, as its cells are names, not values
                                : line == 2 && namesOnly(row) && (headerBelow || !namesOnly(header))
                                ? " (line 2 holds names only, as a header does" + (headerBelow ? ", and line 3 has its "
                                + cells(row.length) : "") + ": is line 1 a title above the header? delete it)"
                                : ""));
                    }
                    for (int c = 0; c < row.length; c++) {
                        if (row[c].indexOf('\n') >= 0 && row[c].substring(0, row[c].indexOf('\n'))
                                .matches(".*\"[ \t]+,.*")) {
                            // "Paris, FR" ,a: a space after the closing quote keeps the cell open into the next line,
                            // and two rows were read as one, the first's label lost (a fresh user, 7 Dec)
                            throw new InvalidDataException(csv, "line " + line + ": a space follows the quote that "
                                    + "closes a cell ('\"" + row[c].substring(0, row[c].indexOf('"') + 1) + " ,'), so "
                                    + "the cell runs on into the next line and two rows would be read as one; remove "
                                    + "the spaces after closing quotes");
                        }
                        if (row[c].indexOf('\n') >= 0) {
                            cells.lineBreakAt.putIfAbsent(c, line);
                        }
                        row[c] = clean(row[c]);
                    }
                    if (Arrays.stream(row).allMatch(String::isEmpty)) {
                        // a spreadsheet's export ends in several: each run named the next one (a fresh user, 6 Dec)
                        long more = 0;
                        long lastEmpty = line;
                        for (String[] next = reader.readNext(); next != null; next = reader.readNext()) {
                            if (Arrays.stream(next).allMatch(c -> clean(c).isEmpty())) {
                                more++;
                                lastEmpty = reader.getLinesRead();
                            }
                        }
                        throw new InvalidDataException(csv, "line " + line + (more == 0 ? " is" : " and " + more
                                + " more (to line " + lastEmpty + ") are") + " empty but for " + (more == 0 ? "its"
                                : "their") + " commas (a spreadsheet's blank "
                                        + "row" + (more == 0 ? "" : "s") + "); delete "
                                + (more == 0 ? "it" : "them"));
                    }
                    String[] unmarked = Arrays.stream(row).map(c -> c.startsWith("\uFEFF") ? c.substring(1).strip()
                            : c).toArray(String[]::new);
                    if (!Arrays.equals(unmarked, headerCells, String.CASE_INSENSITIVE_ORDER)
                            && sameNames(unmarked, headerCells)) {
                        // joined exports with the columns in another order: the header line became a class and the
                        // rows below it were read with two columns swapped (a fresh user, 5 Dec)
                        throw new InvalidDataException(csv, "line " + line + " holds the header's names in another "
                                + "order (" + String.join(",", unmarked) + "): files joined whose columns were in "
                                + "another order? the rows below it would be read with columns swapped; write every "
                                + "part with the header's column order and delete the repeated header lines");
                    }
                    if (Arrays.equals(unmarked, headerCells, String.CASE_INSENSITIVE_ORDER)) {
                        // a byte-order mark at the start of a joined part's header hid the repeat (a fresh user)
                        // a header-less file whose first row recurs was told to delete real rows (a fresh user, 5 Dec)
                        throw new InvalidDataException(csv, "line " + line + " repeats the header row (files joined "
                                + "together?" + (unmarked[0].equals(row[0]) ? "" : " it starts with a byte-order mark, "
                                + "as each part of a cat of Excel's CSV files does") + "); delete it, or its cells are "
                                + "read as a row of data; if line 1 is itself "
                                + "a row of data (the file has no header), add a header row naming the columns "
                                + "instead");
                    }
                    if (cells.renamedHeader == null) {
                        cells.renamedHeader = renamedHeader(line, unmarked, headerCells);
                        cells.renamedHeaderRow = cells.rows.size();
                    }
                    cells.rows.add(row);
                    cells.lines.add(line);
                }
                if (cells.rows.isEmpty()) {
                    throw new InvalidDataException(csv, "the file has a header but no rows");
                }
                cells.sha256 = HexFormat.of().formatHex(digest.digest());
                return cells;
            } catch (NoSuchFileException e) {
                // file:///…/glass.csv was "file not found" (a re-check, 7 Dec)
                java.util.Optional<String> uri = dev.augment.io.UriPaths.problem(csv, "the data");
                if (uri.isPresent()) {
                    throw new InvalidDataException(csv, uri.get());
                }
                throw new InvalidDataException(csv, "file not found; give an existing CSV file with a header row");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new InvalidDataException(csv, whyNotUtf8(csv), e);
            } catch (CsvException e) {
                throw new InvalidDataException(csv, "cannot be read as CSV at line " + e.getLineNumber() + ": "
                        + firstLine(e.getMessage()), e);
            } catch (com.opencsv.exceptions.CsvMalformedLineException e) {
                // an opened quote that no later quote closes swallows the rest of the file
                throw new InvalidDataException(csv, "cannot be read as CSV: a quote opened on line " + e.getLineNumber()
                        + " or before is never closed (" + firstLine(e.getMessage()) + ")", e);
            } catch (IOException e) {
                throw new InvalidDataException(csv, "cannot be read as CSV: " + firstLine(e.getMessage()), e);
            }
        }

        /**
         * A file cut while it was written or copied ends inside its last line: its last cell, cut short, was read as
         * data (age 30 read as 3; a label "12" as "1"), without a word (a fresh user, 5 Dec). Refused when the file
         * does not end with a line break and that cell is shorter than every other cell of its column (at least
         * three rows) and the start of one of them, as a cut cell is the start of its whole value; never the missing
         * marker ("?" last was refused, and so was an age 9 among ages 20 to 80: a re-check, 5 Dec). A whole row that
         * is refused so needs only a line break at the end of the file.
         */
        static void refuseCutLastLine(Path csv, Cells cells, String marker) {
            if (cells.rows.size() < 3 || endsWithLineBreak(csv)) {
                return;
            }
            String[] last = cells.rows.get(cells.rows.size() - 1);
            int c = last.length - 1;
            String cell = last[c];
            if (cell.isEmpty() || cell.equals(marker)) {
                return;
            }
            int shortest = Integer.MAX_VALUE;
            int longest = 0;
            boolean startOfAnother = false;
            for (int r = 0; r < cells.rows.size() - 1; r++) {
                String other = cells.rows.get(r)[c];
                if (!other.isEmpty() && !other.equals(marker)) {
                    shortest = Math.min(shortest, other.length());
                    longest = Math.max(longest, other.length());
                    startOfAnother |= other.startsWith(cell);
                }
            }
            if (shortest == Integer.MAX_VALUE || cell.length() >= shortest || !startOfAnother) {
                return;
            }
            String column = c < cells.header.size() ? cells.header.get(c) : String.valueOf(c + 1);
            throw new InvalidDataException(csv, "line " + cells.lines.get(cells.lines.size() - 1) + ", the last, has "
                    + "no line end, and its last cell '" + cell + "' is shorter than every other cell of column '"
                    + column + "' (" + shortest + (shortest == longest ? "" : "–" + longest) + " characters): the "
                    + "file looks cut off while it was written or copied; copy it again, or, if that row is whole, "
                    + "end the file with a line break");
        }

        private static boolean endsWithLineBreak(Path csv) {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(csv)) {
                if (channel.size() == 0) {
                    return true;
                }
                java.nio.ByteBuffer lastByte = java.nio.ByteBuffer.allocate(1);
                channel.position(channel.size() - 1).read(lastByte);
                return lastByte.get(0) == '\n' || lastByte.get(0) == '\r';
            } catch (IOException e) {
                return true; // read a moment ago: a file that cannot be read now is reported by what reads it next
            }
        }

        /**
         * @return what an unnamed header cell is, as far as the header tells: a comma at its end, a spreadsheet's
         *     empty columns after the last named one, pandas' index column (its {@code to_csv} writes the index
         *     unnamed, first), or a column to name
         */
        private static String unnamedColumn(List<String> names, int c) {
            String unnamed = "header column " + (c + 1) + " has no name";
            int trailing = names.size() - c;
            boolean restBlank = names.subList(c, names.size()).stream().allMatch(String::isBlank);
            if (c > 0 && trailing == 1) {
                return unnamed + " (it is the last: does the header end with a comma? remove it, and any at the ends "
                        + "of the data lines)";
            }
            if (c > 0 && restBlank) {
                return "header columns " + (c + 1) + "–" + names.size() + " have no name: the header ends with "
                        + trailing + " empty cells, as a spreadsheet writes columns that were once used; remove them, "
                        + "and the same at the ends of the data lines (or delete those columns in the spreadsheet)";
            }
            if (restBlank) {
                return "the header row names no column; the first line must name them (e.g. x1,x2,label)";
            }
            if (c == 0 && names.size() > 1) {
                // R's write.csv writes one too (a fresh user, 6 Dec)
                return unnamed + " (the first: is it a row index, as pandas' to_csv and R's write.csv write one? "
                        + "write the file with index=False (pandas) or row.names = FALSE (R), or give the column a name)";
            }
            return unnamed + "; give it a name, or remove the column";
        }

        private static List<String> header(Path csv, String[] header) {
            if (header.length <= 2 && header[0].strip().toLowerCase(java.util.Locale.ROOT).startsWith("sep=")) {
                String separator = header.length == 2 ? "," : header[0].strip().substring(4);
                // sep=; was told only to delete the line, and the next run refused the semicolons (5 Dec)
                throw new InvalidDataException(csv, "line 1, 'sep=" + separator + "', is Excel's separator hint, not "
                        + "a header row; delete that line" + (separator.equals(",") ? "" : ", and since it says the "
                        + "cells are separated by '" + separator + "', save the file as comma-separated CSV (a CSV "
                        + "table must use commas between cells and points in numbers)"));
            }
            String joined = String.join(",", header);
            if (joined.chars().filter(ch -> ch == 0).count() * 4 >= joined.length()) {
                // every other byte 0: UTF-16 without a byte-order mark, which reads as UTF-8 with NUL characters
                throw new InvalidDataException(csv, "UTF-16 text without a byte-order mark (the header is every other "
                        + "byte 0), not UTF-8; save the table as \"CSV UTF-8\"");
            }
            List<String> names = Arrays.asList(header.clone());
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).isBlank()) {
                    throw new InvalidDataException(csv, unnamedColumn(names, c));
                }
                if (names.indexOf(names.get(c)) != c) {
                    throw new InvalidDataException(csv, "header column '" + names.get(c) + "' appears twice (columns "
                            + (names.indexOf(names.get(c)) + 1) + " and " + (c + 1) + "); rename one, so that every "
                            + "column has a name of its own (Tribuo keys features by name)");
                }
            }
            return List.copyOf(names);
        }

        private static boolean blank(String[] row) {
            return row.length == 1 && row[0].isEmpty();
        }

        private static String clean(String cell) {
            return cell.replace('\n', ' ').trim();
        }

        private static Reader withoutBom(BufferedReader in) throws IOException {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return in;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
