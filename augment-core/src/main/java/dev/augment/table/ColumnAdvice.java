package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a user should hear about a table's columns before training on it: labels that look alike but are two classes
 * ({@code Good}, {@code good}) and categories that look alike but are two features, a missing marker of their own
 * that no cell holds (a typo, or the wrong case), columns that texts such as {@code NA} turned from numbers into
 * categories ({@link NumberLikeColumn}), columns that identify rows ({@link IdentifierColumn}) and numeric columns
 * that number them ({@link RowNumberColumn}); and, for a table
 * generator, numeric columns with more digits than its floats hold ({@link #beyondFloatDigits}). Each is a note, not
 * an error: the table is still read as it is.
 */
public final class ColumnAdvice {

    /** At most this many look-alike notes of each kind (labels, categories); the rest are counted in one line. */
    private static final int LISTED_LOOKALIKES = 5;

    /** How look-alike labels or categories differ, in a note. */
    static final String LOOK_ALIKE = "case, spaces, underscores, hyphens beside a letter, a full stop, comma, colon, "
            + "semicolon or quote at either end, invisible characters, how an accent is written, a look-alike "
            + "letter of "
            + "another script, HTML entities (&amp;) or mis-encoding (a UTF-8 file saved again as Windows-1252: Ã¨ for "
            + "è)";

    private ColumnAdvice() {
    }

    /**
     * "e.g. --label class" was given for tables without a column of that name, and following it was refused next with
     * the columns (a fresh user, 7 Dec).
     *
     * @param csv the table given as the data
     * @return how to name its label column: its header's last column as the example and every column, when its first
     *     line can be read; else the example {@code --label class}
     */
    public static String labelAdvice(java.nio.file.Path csv) {
        if (!java.nio.file.Files.isRegularFile(csv)) {
            return "name the class column, e.g. --label class"; // a pipe's first line is the data's: never read here
        }
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(csv,
                java.nio.charset.StandardCharsets.UTF_8)) {
            String header = in.readLine();
            while (header != null && header.isBlank()) {
                header = in.readLine(); // blank lines before the header (a re-check, 7 Dec)
            }
            if (header != null && header.contains(",")) { // a ';' or tab separated file: its reader says so
                List<String> columns = java.util.Arrays.stream(header.replace("\uFEFF", "").split(",", -1))
                        .map(c -> c.strip().replaceAll("^\"|\"$", "")).toList();
                String last = columns.get(columns.size() - 1);
                String example = dev.augment.io.ShellWords.word(last);
                return "name the class column, e.g. --label " + example + " (its columns: " + String.join(", ",
                        columns.subList(0, Math.min(20, columns.size()))) + (columns.size() > 20 ? ", …" : "") + ")";
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // the example alone; reading the table says what is wrong with it
        }
        return "name the class column, e.g. --label class";
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
     * @return one line per note: an unused missing marker first, then look-alike labels, then number-like columns,
     *     then identifier columns, then row-number columns, then code-like columns, then missing-value codes, then
     *     dates, each in column order; empty when none
     */
    public static List<String> lines(Table table, ColumnRemedies remedies) {
        List<String> lines = new ArrayList<>();
        TableSchema schema = table.schema();
        if (!schema.missingMarker().equals(TableSchema.DEFAULT_MISSING_MARKER)) {
            List<String> otherCase = markerInAnotherCase(schema, remedies);
            if (otherCase.isEmpty() && schema.columns().stream().allMatch(c -> c.missing() == 0)) {
                lines.add("no cell is the missing marker '" + schema.missingMarker() + "' (or empty); a marker "
                        + "matches a whole cell exactly, case included");
            }
            lines.addAll(otherCase);
            lines.addAll(markerShapedLikeCategories(table));
        }
        lines.addAll(secondMissingSpelling(schema));
        lines.addAll(missingLikeLabels(table, remedies));
        lines.addAll(lookalikeLabels(schema.labels()));
        numericLabels(schema, table.rows()).ifPresent(lines::add);
        List<NumberLikeColumn> numberLike = NumberLikeColumn.find(schema);
        // '14.8 beside 14.8 gave five lines blaming a lost leading zero, before the note naming the spreadsheet's
        // text form (a re-check, 7 Dec): a column of numbers kept as text has that note alone
        // with a gap or a word beside them too (N/A, TBD: a re-check, 7 Dec)
        lines.addAll(lookalikeCategories(schema, numberLike.stream().filter(c -> c.texts().stream().anyMatch(
                NumberLikeColumn::isSpreadsheetText) && c.texts().stream().allMatch(t -> NumberLikeColumn
                .isSpreadsheetText(t) || t.chars().noneMatch(Character::isDigit))).map(NumberLikeColumn::column)
                .collect(java.util.stream.Collectors.toSet())));
        lines.addAll(controlCharacters(schema));
        // a column with gaps already cannot take another marker: its line offered one, and the next run's offered
        // the first back (--missing -, then --missing ?: a fresh user, 5 Dec); markerAlreadyInUse says what to do
        lines.addAll(numberLikeLines(numberLike.stream().filter(c -> !hasGapsAlready(schema, c)
                && !markerIsALabel(schema, c)).toList(), remedies));
        lines.addAll(markerAlreadyInUse(schema, numberLike));
        List<AnnotatedNumberColumn> annotated = AnnotatedNumberColumn.find(schema, numberLike);
        annotated.forEach(c -> lines.add(c.advice()));
        lines.addAll(gapSpelledAsACategory(schema, numberLike, remedies));
        numberLike.stream().filter(c -> !hasGapsAlready(schema, c) && markerIsALabel(schema, c)).forEach(c -> lines.add(
                "column '" + c.column() + "' is read as categories although " + c.numbers() + " of its distinct values "
                + "are numbers, because of '" + shown(c.markerCandidates().get(0)) + "'; it cannot be the missing "
                + "marker, as it is also a class of the label column '" + schema.labelColumn() + "', whose rows "
                + "would lose their label: write those cells empty instead"));
        List<IdentifierColumn> identifiers = IdentifierColumn.find(table, numberLike, annotated);
        identifiers.forEach(c -> lines.add(c.advice()));
        RowNumberColumn.find(table).forEach(c -> lines.add(c.advice()));
        List<MissingCodeColumn> missingCodes = MissingCodeColumn.find(table);
        // a 1..7 score with 99 for a missing answer was called codes far apart: the 99 alone made them so (5 Dec)
        String pixels = pixelRows(schema);
        if (pixels == null) {
            // not a pixel's: a made-up image's stroke can follow its class exactly
            LabelCopyColumn.find(table).forEach(c -> lines.add(c.advice(schema.labelColumn())));
        }
        if (pixels != null) {
            lines.add(pixels); // its pixel columns are no codes (44 such notes for Kaggle's Fashion-MNIST CSV, 6 Dec)
        } else {
            List<CodeLikeColumn> codes = CodeLikeColumn.find(table, missingCodes);
            codes.stream().limit(LISTED_LOOKALIKES).forEach(c -> lines.add(c.advice(remedies)));
            if (codes.size() > LISTED_LOOKALIKES) {
                lines.add("and " + (codes.size() - LISTED_LOOKALIKES) + " more columns of few whole numbers far apart");
            }
        }
        // a stroke's few bright pixels near an image's edge are no typos: 8 such notes for 3 000 Fashion-MNIST rows
        lines.addAll(MissingCodeColumn.advice(pixels == null ? missingCodes : missingCodes.stream()
                .filter(code -> code.cells() >= MissingCodeColumn.FEWEST_CELLS).toList()));
        // distinct dates have the identifier note already
        DateColumn.find(schema).stream().filter(d -> identifiers.stream().noneMatch(i -> i.column().equals(d.column())))
                .forEach(c -> lines.add(c.advice()));
        lines.addAll(DateColumn.numberDates(table));
        // one line each: a header name with a line break in it (Excel's wrapped header) split a note in two, and
        // was shown unlike the errors, which escape it (a fresh user, 6 Dec)
        lines.replaceAll(line -> line.replace("\r", "\\u000d").replace("\n", "\\u000a"));
        return lines;
    }

    /**
     * A categorical column whose values are all written as the missing marker is ({@code ZA}, {@code BW} beside
     * {@code NA}: two capital letters): there the marker may be a value (Namibia, North America), which a marker,
     * applying to every column, reads as missing cells; SMOTE-NC then hardly ever adds it (25 % of a class's rows,
     * 6 % of those added: a fresh user, 6 Dec, who gave {@code --missing NA} as the note on another column advised).
     *
     * @return one line per such column with missing cells and at least two categories
     */
    private static List<String> markerShapedLikeCategories(Table table) {
        TableSchema schema = table.schema();
        String marker = schema.missingMarker();
        String shape = shape(marker);
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            if (column.kind() != ColumnKind.CATEGORICAL || column.missing() == 0 || column.categories().size() < 2) {
                continue;
            }
            boolean shaped = column.categories().stream().allMatch(v -> shape(v).equals(shape));
            // or missing as often as a category of a handful is chosen: None beside Low and High, NA beside M and F
            // (a re-check found the shape rule too narrow, 6 Dec)
            long[] rows = new long[column.categories().size()];
            for (int[] row : table.category()) {
                if (row[c] >= 0) {
                    rows[row[c]]++;
                }
            }
            long fewest = java.util.Arrays.stream(rows).min().orElse(0);
            boolean likeACategory = column.categories().size() <= FEW_CATEGORIES && column.missing() >= fewest
                    && column.missing() >= LIKE_A_CATEGORY * table.rows() && column.missing() >= FEWEST_CELLS;
            if (shaped || likeACategory) {
                List<String> shown = column.categories().stream().limit(3).map(ColumnAdvice::shown).toList();
                lines.add("column '" + shown(column.name()) + "' " + (shaped ? "holds values written like the missing "
                        + "marker '" + marker + "' (" + String.join(", ", shown) + (column.categories().size() > 3
                        ? ", …" : "") + "), so its " + column.missing() + " missing cells" : "has " + column.missing()
                        + " missing cells, as many as a category of its " + column.categories().size() + " ("
                        + String.join(", ", shown) + (column.categories().size() > 3 ? ", …" : "") + ") has rows: they")
                        + " may be a value '" + marker + "' (a country, a dose, an answer): a missing marker "
                        + "applies to "
                        + "every column; if '" + marker + "' is a value there, write the other columns' missing cells "
                        + "empty and give no marker");
            }
        }
        return lines;
    }

    /** The fewest columns of whole numbers in 0..255 for a table to be taken for images stored one per row. */
    private static final int PIXEL_COLUMNS = 64;

    /**
     * @return a note when the table looks like images stored one per row (Kaggle's Fashion-MNIST and MNIST CSVs: at
     *     least {@value #PIXEL_COLUMNS} numeric columns, every feature column numeric with whole numbers in 0..255),
     *     else null
     */
    private static String pixelRows(TableSchema schema) {
        List<TableColumn> features = schema.columns();
        boolean pixels = features.size() >= PIXEL_COLUMNS && features.stream().allMatch(c -> c.isNumeric()
                && c.decimals() == 0 && c.min() >= 0 && c.max() <= 255);
        if (!pixels) {
            return null;
        }
        int side = (int) Math.round(Math.sqrt(features.size()));
        return "the table looks like images stored one per row (" + features.size() + " columns of whole numbers in "
                + "0..255" + (side * side == features.size() ? ", " + side + "×" + side : "") + "): read as a table, "
                + "every pixel is a column of its own and the image checks do not apply; augment reads images as IDX "
                + "files or class folders of PNG or JPEG (README, \"Two commands\"), which a model trained on images "
                + "takes";
    }

    /** The most categories a column may have for its missing cells to be taken for one more. */
    private static final int FEW_CATEGORIES = 10;

    /** The fewest missing cells a column must have to be taken for a category. */
    private static final int FEWEST_CELLS = 5;

    /** The least share of the table's rows a column's missing cells must have to be taken for a category: 5 %. */
    private static final double LIKE_A_CATEGORY = 0.05;

    /** @return the text with each capital letter as 'A', small letter as 'a' and digit as '9' */
    private static String shape(String text) {
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().forEach(c -> out.appendCodePoint(Character.isUpperCase(c) ? 'A'
                : Character.isLowerCase(c) ? 'a' : Character.isDigit(c) ? '9' : c));
        return out.toString();
    }

    /**
     * Spellings that mean a gap in any column, lower-cased: R's, pandas', SQL's and Excel's. Not {@code none} or
     * {@code -}, which are real categories often enough (soybean's {@code seed-tmt} is {@code none} for no treatment).
     */
    private static final java.util.Set<String> GAP_SPELLINGS = java.util.Set.of("na", "n/a", "#n/a", "null", "nan");

    /**
     * @param text a label or category
     * @return whether it is a usual spelling of a missing cell in any column ({@code NA}, {@code NULL}, pandas'
     *     {@code nan}; not {@code none} or {@code -}, which are classes often enough), whatever its case
     */
    public static boolean isGapSpelling(String text) {
        return GAP_SPELLINGS.contains(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A label that is a usual spelling of a missing cell (R's NA, SQL's NULL, pandas' nan): unlabelled rows became a
     * class of their own, which balancing then grew most (7 rows of NA got 40 copies), without a word (a fresh user,
     * 5 Dec). A note, not a refusal: NA may be a class (North America).
     *
     * @return one line per such label, with its row count and the two ways out
     */
    private static List<String> missingLikeLabels(Table table, ColumnRemedies remedies) {
        List<String> labels = table.schema().labels();
        long[] rows = new long[labels.size()];
        for (int c : table.classes()) {
            rows[c]++;
        }
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            String label = labels.get(c);
            // the spellings of a gap in any column, not none or '-', which are classes often enough (no side effect:
            // a re-check, 6 Dec)
            // '?', the default marker (UCI's and Weka's gap), is a class only where another marker was given: 5 rows
            // of '?' grew to 70 without the note (a fresh user, 7 Dec)
            if (isGapSpelling(label) || label.strip().equals(TableSchema.DEFAULT_MISSING_MARKER)
                    && !TableSchema.DEFAULT_MISSING_MARKER.equals(table.schema().missingMarker())) {
                // NaN is a number to Tribuo's reader, which --missing refuses: the note offered it (a fresh user)
                String refusedWith = TableReader.parsesAsDouble(label) ? "" : " (with " + remedies.missingMarker(label)
                        + " they are refused as rows without a label)";
                lines.add("label '" + label + "' (" + rows[c] + (rows[c] == 1 ? " row" : " rows") + ") is a usual "
                        + "spelling of a missing cell, and is read as a class of its own, which oversampling grows "
                        + "like any other; if those rows have no label, remove them" + refusedWith + "; if '" + label
                        + "' is a class, ignore this");
            }
        }
        return lines;
    }

    /**
     * A categorical column with missing cells that also holds a spelling that means a gap in any column
     * ({@link #GAP_SPELLINGS}: {@code NA}, {@code NULL}, …) other than the marker: two spellings of a gap, one read
     * as a category (a fresh user's finding, 4 Dec). Without missing cells the text may be a real category (NA for
     * North America), so nothing is said.
     *
     * @return one line per such column, in column order
     */
    private static List<String> secondMissingSpelling(TableSchema schema) {
        List<String> lines = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.isNumeric() || column.missing() == 0) {
                continue;
            }
            column.categories().stream().filter(c -> GAP_SPELLINGS.contains(c.toLowerCase(java.util.Locale.ROOT)))
                    .filter(c -> !c.equalsIgnoreCase(schema.missingMarker())).findFirst()
                    .ifPresent(text -> lines.add("column '" + column.name() + "' has " + column.missing()
                            + " missing cell" + (column.missing() == 1 ? "" : "s") + " (empty or '"
                            + schema.missingMarker() + "') and also the category '" + text + "', a usual "
                            + "spelling of a missing cell, read as a category of its own; if it marks a missing cell "
                            + "too, write it as an empty cell (a table has one missing marker)"));
        }
        return lines;
    }

    /**
     * A table without a missing cell whose categorical columns have the category {@code NA} (or another usual spelling
     * of a gap): R's {@code write.csv} writes a factor's missing value so, unquoted; it was read as a category of its
     * own, generated and voted for by SMOTE-NC, without a word (a fresh user, 6 Dec).
     *
     * <p>Not named: a column or a spelling the number-like note already names, a spelling that is also a class, a table
     * with another marker (its own notes), and a spelling shaped as the column's other categories ({@code NA} beside
     * {@code EU} may be North America).
     *
     * @return one line per spelling, naming the columns that have it; empty when some cell is missing already
     */
    private static List<String> gapSpelledAsACategory(TableSchema schema, List<NumberLikeColumn> numberLike,
                                                      ColumnRemedies remedies) {
        if (schema.columns().stream().anyMatch(c -> c.missing() > 0)
                || !schema.missingMarker().equals(TableSchema.DEFAULT_MISSING_MARKER)) {
            return List.of();
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        java.util.Set<String> offered = new java.util.HashSet<>(); // a spelling a number-like note offers already
        numberLike.forEach(c -> {
            named.add(c.column());
            offered.addAll(c.markerCandidates());
        });
        java.util.Map<String, List<String>> columnsBySpelling = new java.util.LinkedHashMap<>();
        for (TableColumn column : schema.columns()) {
            if (!column.isNumeric() && !named.contains(column.name())) {
                column.categories().stream().filter(c -> isGapSpelling(c) && !schema.labels().contains(c)
                        && !offered.contains(c) && column.categories().stream()
                        .noneMatch(other -> !other.equals(c) && shape(other).equals(shape(c)))).findFirst()
                        .ifPresent(c -> columnsBySpelling.computeIfAbsent(c, k -> new ArrayList<>())
                                .add("'" + column.name() + "'"));
            }
        }
        List<String> lines = new ArrayList<>();
        columnsBySpelling.forEach((spelling, columns) -> lines.add((columns.size() == 1 ? "column " + columns.get(0)
                + " has" : "columns " + String.join(", ", columns) + " have") + " the category '" + spelling
                + "', as R and pandas write a missing cell, and no cell of the table is missing, so it is read as a "
                + "category of its own; if it marks a missing cell, give it as the missing marker ("
                + remedies.missingMarker(spelling) + ")"));
        return lines;
    }

    /**
     * Categories that are the missing marker in another case ({@code NA} under {@code --missing na}): read as a
     * category, not as missing, whatever other cells are empty (before 4 Dec the note on an unused marker was
     * silent as soon as one cell was empty).
     *
     * @return one line per such category, naming the columns that have it (an R export's NA in every column is one
     *     line), in column order
     */
    private static List<String> markerInAnotherCase(TableSchema schema, ColumnRemedies remedies) {
        String marker = schema.missingMarker();
        java.util.Map<String, List<String>> columnsBySpelling = new java.util.LinkedHashMap<>();
        for (TableColumn column : schema.columns()) {
            if (column.isNumeric()) {
                continue;
            }
            column.categories().stream().filter(c -> !c.equals(marker) && c.equalsIgnoreCase(marker)).findFirst()
                    .ifPresent(c -> columnsBySpelling.computeIfAbsent(c, k -> new ArrayList<>())
                            .add("'" + column.name() + "'"));
        }
        List<String> lines = new ArrayList<>();
        columnsBySpelling.forEach((category, columns) -> lines.add((columns.size() == 1 ? "column " + columns.get(0)
                + " has" : "columns " + String.join(", ", columns) + " have") + " the category '" + category
                + "', which is not the missing marker '" + marker + "' (a marker matches a whole cell exactly, case "
                + "included), so it is read as a category; if it marks a missing cell, give it as the missing marker ("
                + remedies.missingMarker(category) + ")"));
        return lines;
    }

    /** @return whether the column suggests a missing marker although it has missing cells already */
    private static boolean hasGapsAlready(TableSchema schema, NumberLikeColumn c) {
        return c.suggestsMissingMarker() && schema.columns().get(schema.columnIndex(c.column())).missing() > 0;
    }

    /**
     * A number-like column whose texts would be offered as the missing marker while it already has missing cells
     * (empty or the marker): giving the text as the marker made the old marker's cells text, and the note then
     * offered that one (a fresh user's finding, 4 Dec: {@code ?} and {@code NA} in one column sent the user back and
     * forth). One line per such column: write the text as the marker or empty.
     */
    private static List<String> markerAlreadyInUse(TableSchema schema, List<NumberLikeColumn> numberLike) {
        List<String> lines = new ArrayList<>();
        for (NumberLikeColumn c : numberLike) {
            TableColumn column = schema.columns().get(schema.columnIndex(c.column()));
            if (hasGapsAlready(schema, c)) {
                String texts = "'" + String.join("', '", c.markerCandidates()) + "'";
                lines.add("column '" + c.column() + "' is read as categories although " + c.numbers() + " of its "
                        + "distinct values are numbers, because of " + texts + "; it also has " + column.missing()
                        + " missing cell" + (column.missing() == 1 ? "" : "s") + " (empty or '"
                        + schema.missingMarker() + "'), and a table has one missing marker: giving another as the "
                        + "marker would make those cells text; write " + texts + " as '" + schema.missingMarker()
                        + "' or as empty cells instead");
            }
        }
        return lines;
    }

    /**
     * A marker the note would offer that is also a class (NA for North America beside a sales column's NA gaps): the
     * next run, given it, refused every row of that class as unlabelled (a fresh user, 6 Dec).
     */
    private static boolean markerIsALabel(TableSchema schema, NumberLikeColumn c) {
        return c.suggestsMissingMarker() && c.markerCandidates().size() == 1
                && schema.labels().contains(c.markerCandidates().get(0));
    }

    /**
     * One line per number-like column, except that columns whose one text is the same marker candidate ({@code NA}
     * in nine columns of an R export) share one line, naming them all and the one fix.
     */
    private static List<String> numberLikeLines(List<NumberLikeColumn> columns, ColumnRemedies remedies) {
        java.util.Map<String, List<NumberLikeColumn>> byMarker = new java.util.LinkedHashMap<>();
        for (NumberLikeColumn c : columns) {
            boolean marker = c.texts().size() == 1 && c.suggestsMissingMarker();
            byMarker.computeIfAbsent(marker ? c.texts().get(0) : "\0" + c.column(), k -> new ArrayList<>()).add(c);
        }
        List<String> lines = new ArrayList<>();
        for (java.util.Map.Entry<String, List<NumberLikeColumn>> e : byMarker.entrySet()) {
            List<NumberLikeColumn> group = e.getValue();
            if (group.size() == 1) {
                lines.add(group.get(0).advice(remedies));
                continue;
            }
            List<String> names = group.stream().map(c -> "'" + c.column() + "'").toList();
            lines.add("columns " + String.join(", ", names) + " are read as categories although nearly all their "
                    + "values are numbers; '" + e.getKey() + "' is not. If it marks a missing cell, give it as the "
                    + "missing marker (" + remedies.missingMarker(e.getKey()) + "); to be shown each cell that is not "
                    + "a number, read a column as numeric (" + remedies.numeric(group.get(0).column()) + ")");
        }
        List<NumberLikeColumn> suggesting = columns.stream().filter(NumberLikeColumn::suggestsMissingMarker).toList();
        // only the usual spellings of a gap: G, PH and "one size" were said flatly to spell one (a re-check, 7 Dec)
        List<String> markers = suggesting.stream().flatMap(c -> c.markerCandidates().stream()).distinct()
                .filter(NumberLikeColumn::isGap).map(t -> "'" + t + "'")
                .toList();
        if (markers.size() > 1) {
            // each line suggests its own marker, and only one can be given
            List<String> named = suggesting.stream().filter(c -> c.markerCandidates().stream().anyMatch(
                    NumberLikeColumn::isGap)).map(c -> "'" + c.column() + "'").toList();
            lines.add((named.size() == 1 ? "column " : "columns ") + String.join(", ", named) + " spell"
                    + (named.size() == 1 ? "s" : "") + " a missing cell in " + markers.size() + " ways ("
                    + String.join(", ", markers) + "); a table has one missing marker, so write the others as it or as "
                    + "empty cells");
        }
        return lines;
    }

    /**
     * Numeric columns written with leading zeros ({@code 007}, {@code 02134}): read as numbers, as Tribuo reads them,
     * so rows a method adds write {@code 22}, not {@code 022}, while real rows keep their spelling; codes (postal,
     * product) are categories.
     *
     * @param table a table as read by {@link TableReader}
     * @param cells its rows' cells as written, in layout order ({@link TableFile#cellsInLayoutOrder()})
     * @param remedies how the caller names the fix
     * @return one line per such column, naming its first such cell, in column order; empty when none
     */
    public static List<String> leadingZeros(Table table, List<String[]> cells, ColumnRemedies remedies) {
        List<String> lines = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            for (String[] row : cells) {
                if (row[c].matches("[+-]?0\\d+(\\.\\d*)?")) {
                    String bare = new java.math.BigDecimal(row[c]).toPlainString();
                    lines.add("numeric column '" + columns.get(c).name() + "' writes numbers with leading zeros ('"
                            + row[c] + "'): read as numbers, as Tribuo reads them, so added rows write them without "
                            + "(" + bare + ", not " + row[c] + "); if they are codes, read the column as categories ("
                            + remedies.categorical(columns.get(c).name()) + ")");
                    break;
                }
            }
        }
        return lines;
    }

    /**
     * A whole-number column with one cell of six decimals (a spreadsheet's 33.333333 pasted among ages) gave every
     * generated value six decimals, and the only note blamed 32-bit floats (a fresh user, 6 Dec): a column's decimals
     * are the most any cell writes ({@link TableColumn#decimals()}), so a few such cells are named.
     *
     * @param table a table as read by {@link TableReader}
     * @param cells its rows' cells as written, in layout order ({@link TableFile#cellsInLayoutOrder()})
     * @return one line per numeric column in which at most {@value #FEW_DECIMAL_CELLS} cells, and at most 1% of its
     *     plainly written numbers, have more decimals than every other, naming the first and its row; in column order
     */
    public static List<String> fewCellsDecimals(Table table, List<String[]> cells) {
        List<String> lines = new ArrayList<>();
        for (FewDecimalCells few : fewDecimalCells(table, cells)) {
            String name = shown(few.column());
            int first = few.rows().get(0);
            int n = few.rows().size();
            lines.add("numeric column '" + name + "' writes " + few.most() + " decimal" + (few.most() == 1 ? "" : "s")
                    + " in " + (n == 1 ? "one cell" : n + " cells") + " ('" + few.firstCell() + "', row " + (first + 1)
                    + ") and at most " + few.others() + " in its other " + (few.written() - n) + ": generated values "
                    + "take the most decimals any cell writes, so every generated '" + name + "' gets " + few.most()
                    + "; if " + (n == 1 ? "that cell is" : "those cells are") + " a computed or pasted value, round "
                    + (n == 1 ? "it" : "them") + " in the data");
        }
        return lines;
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @param cells its rows' cells as written, in layout order
     * @return the decimals most cells of each column named by {@link #fewCellsDecimals} write, by column name (the
     *     decimals the column would have without its few cells), for {@link #beyondFloatDigits(TableSchema, Map, Map)}
     */
    public static Map<String, Integer> decimalsWithoutFewCells(Table table, List<String[]> cells) {
        Map<String, Integer> decimals = new java.util.LinkedHashMap<>();
        fewDecimalCells(table, cells).forEach(few -> decimals.put(few.column(), few.others()));
        return decimals;
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return per column with a few far cells named by {@link MissingCodeColumn} (fewer than its repeated-code
     *     count), the largest magnitude of its other values, for {@link #beyondFloatDigits(TableSchema, Map, Map)}
     */
    public static Map<String, Double> largestWithoutFarCells(Table table) {
        Map<String, Double> largest = new java.util.LinkedHashMap<>();
        for (MissingCodeColumn far : MissingCodeColumn.find(table)) {
            if (far.cells() < MissingCodeColumn.FEWEST_CELLS) {
                largest.put(far.column(), Math.max(Math.abs(far.low()), Math.abs(far.high())));
            }
        }
        return largest;
    }

    /** A column in which a few cells write more decimals than every other; rows from 0. */
    private record FewDecimalCells(String column, int most, int others, List<Integer> rows, String firstCell,
                                   long written) {
    }

    private static List<FewDecimalCells> fewDecimalCells(Table table, List<String[]> cells) {
        List<FewDecimalCells> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            int most = -1;
            int others = -1;
            List<Integer> mostRows = new ArrayList<>();
            long written = 0;
            for (int r = 0; r < cells.size(); r++) {
                String cell = cells.get(r)[c].strip();
                if (!cell.matches("[+-]?\\d*\\.?\\d+")) {
                    continue; // missing, E notation, text: their decimals are not counted here
                }
                written++;
                int decimals = cell.contains(".") ? cell.length() - cell.indexOf('.') - 1 : 0;
                if (decimals > most) {
                    others = Math.max(others, most);
                    most = decimals;
                    mostRows.clear();
                    mostRows.add(r);
                } else if (decimals == most) {
                    mostRows.add(r);
                } else {
                    others = Math.max(others, decimals);
                }
            }
            if (others >= 0 && most > others && mostRows.size() <= FEW_DECIMAL_CELLS
                    && mostRows.size() * 100 <= written) {
                found.add(new FewDecimalCells(columns.get(c).name(), most, others, List.copyOf(mostRows),
                        cells.get(mostRows.get(0))[c].strip(), written));
            }
        }
        return found;
    }

    /**
     * At most this many cells of a column, and at most 1% of its written cells, with more decimals than all the others
     * are named by {@link #fewCellsDecimals}.
     */
    static final int FEW_DECIMAL_CELLS = 3;

    /**
     * Numeric columns whose numbers look like whole numbers with a dot grouping thousands (German, Italian, Spanish
     * spreadsheets: {@code 1.007} for 1007): every non-missing cell is either a whole number of one to three digits
     * ({@code 950}) or one to three digits, a dot and exactly three digits from {@code 1.000} on ({@code 1.007}),
     * and both kinds occur. Tribuo, and augment, read {@code 1.007} as a little over one, silently a thousandth of
     * the value meant. A column of measurements written to three decimals ({@code %.3f}) writes its whole numbers
     * with decimals too ({@code 5.000}) and its values below one with a leading {@code 0.}, so it is not named.
     * A column of such dotted numbers alone, at least {@value #ROUND_GROUPED_CELLS} cells of which half or more end
     * in {@code 00} (salaries of {@code 18.500}, {@code 45.000}: round as thousands), is named too; measurements
     * written to three decimals seldom are.
     *
     * @param table a table as read by {@link TableReader}
     * @param cells its rows' cells as written, in layout order ({@link TableFile#cellsInLayoutOrder()})
     * @return one line per such column, naming a cell of each kind, in column order; empty when none
     */
    public static List<String> thousandsDots(Table table, List<String[]> cells) {
        List<String> lines = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        String marker = table.schema().missingMarker();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            String whole = null;
            String grouped = null;
            boolean other = false;
            int groupedCells = 0;
            int roundThousands = 0;
            for (String[] row : cells) {
                String cell = row[c].strip();
                if (cell.isEmpty() || cell.equals(marker)) {
                    continue;
                }
                if (cell.matches("[+-]?\\d{1,3}")) {
                    whole = whole == null ? cell : whole;
                } else if (cell.matches("[+-]?[1-9]\\d{0,2}\\.\\d{3}")) {
                    grouped = grouped == null ? cell : grouped;
                    groupedCells++;
                    roundThousands += cell.endsWith("00") ? 1 : 0;
                } else {
                    other = true;
                    break;
                }
            }
            // or only such numbers, most of them round hundreds once read as thousands (salaries of 18.500, 45.000),
            // which a column of 3-decimal measurements seldom is (a fresh user, 7 Dec)
            if (!other && whole == null && groupedCells >= ROUND_GROUPED_CELLS
                    && roundThousands * 2 >= groupedCells) {
                lines.add("numeric column '" + columns.get(c).name() + "' holds only numbers with exactly three "
                        + "decimals from 1 on, " + roundThousands + " of " + groupedCells + " ending in 00 ('"
                        + grouped + "'), as when a dot groups thousands (German style, " + grouped + " for "
                        + grouped.replace(".", "") + "); it is read as written, " + grouped + " as a little over "
                        + grouped.substring(0, grouped.indexOf('.')) + ": if the dots group thousands, remove them "
                        + "from the file");
                continue;
            }
            if (!other && whole != null && grouped != null) {
                lines.add("numeric column '" + columns.get(c).name() + "' holds whole numbers below 1 000 ('" + whole
                        + "') and numbers with exactly three decimals from 1 on ('" + grouped + "'), as when a dot "
                        + "groups thousands (German style, " + grouped + " for " + grouped.replace(".", "")
                        + "); it is read as written, " + grouped + " as a little over " + grouped.substring(0,
                        grouped.indexOf('.')) + ": if the dots group thousands, remove them from the file");
            }
        }
        return lines;
    }

    /** The fewest cells of a column of dotted numbers alone for the round-thousands reading of its dots. */
    static final int ROUND_GROUPED_CELLS = 20;

    /** Most classes a label column of whole numbers may have before it reads as a quantity rather than codes. */
    private static final int MANY_NUMERIC_CLASSES = 20;

    /**
     * A label column of numbers with fractions (prices) or of more than {@value #MANY_NUMERIC_CLASSES} whole numbers,
     * with at least one class for every ten rows: a quantity to predict given as the class column, which trained as
     * 60 classes of 3 rows each without a word (a fresh user, 6 Dec); the "is it the class column?" hint came only
     * when a class had a single row.
     *
     * @param schema the table's layout
     * @param rows its row count
     * @return the note, or empty
     */
    static java.util.Optional<String> numericLabels(TableSchema schema, int rows) {
        List<String> labels = schema.labels();
        if (labels.size() * 10L < rows || !labels.stream().allMatch(TableReader::isDecimal)) {
            return java.util.Optional.empty();
        }
        boolean fractions = labels.stream().anyMatch(l -> new java.math.BigDecimal(l.strip()).stripTrailingZeros()
                .scale() > 0);
        if (!fractions && labels.size() <= MANY_NUMERIC_CLASSES) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the label column '" + schema.labelColumn() + "' holds " + labels.size()
                + " different numbers in " + rows + " rows (" + String.join(", ", labels.subList(0, Math.min(3,
                labels.size()))) + ", ...), each a class of its own to a classifier and a generator: if it is a "
                + "quantity to predict (regression), bin it into a few classes first, or choose the class column");
    }

    /**
     * Numeric columns whose values have more digits than a table generator's 32-bit floats hold (about 7
     * significant ones): near the column's largest magnitude a float steps by more than the column's last written
     * decimal, so generated values lie on that coarser grid (9007199254740993 comes out as 9007199254740992, a
     * value below the data's smallest that a double cannot tell from it, and 12345678.123 as whole numbers). A column
     * written to {@link TableColumn#MAX_DECIMALS} or more places is not named: those are a double's full digits, as
     * Python, pandas and numpy write a measurement ({@code 6.810201218315027}), of which no rescaling keeps more than a
     * float's seven, and its generated values are written unrounded anyway (every such column was named with advice
     * that could not help: a fresh user, 6 Dec).
     *
     * @param schema the layout of the generator's training data
     * @return one line per such column, in column order; empty when none
     */
    public static List<String> beyondFloatDigits(TableSchema schema) {
        return beyondFloatDigits(schema, Map.of(), Map.of());
    }

    /**
     * As {@link #beyondFloatDigits(TableSchema)}, judging a column by its other cells where a few cells explain the
     * note, which correcting them mends: one cell of six decimals in a one-decimal column ({@link #fewCellsDecimals}),
     * or one typed 2e37 among 0–67.1 ({@link MissingCodeColumn}), was also told to rescale or drop the column (a
     * re-check, 6 Dec).
     *
     * @param schema the layout of the generator's training data
     * @param decimalsWithoutFewCells {@link #decimalsWithoutFewCells} of the same data
     * @param largestWithoutFarCells {@link #largestWithoutFarCells} of the same data
     * @return one line per such column, in column order; empty when none
     */
    public static List<String> beyondFloatDigits(TableSchema schema, Map<String, Integer> decimalsWithoutFewCells,
                                                 Map<String, Double> largestWithoutFarCells) {
        List<String> lines = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            int decimals = decimalsWithoutFewCells.getOrDefault(column.name(), column.decimals());
            if (!column.isNumeric() || decimals >= TableColumn.MAX_DECIMALS) {
                continue;
            }
            double largest = largestWithoutFarCells.getOrDefault(column.name(),
                    Math.max(Math.abs(column.min()), Math.abs(column.max())));
            double step = Math.ulp((float) largest);
            if (step > Math.pow(10, -decimals)) {
                lines.add(String.format(java.util.Locale.ROOT, "numeric column '%s' holds values up to %.7g written "
                        + "to %d decimal%s; a table generator computes in 32-bit floats, which near that size step by "
                        + "%.3g, so its values of this column come out on that grid, not at the data's digits; "
                        + "rescale the column (e.g. subtract an offset) or drop it if it identifies rows",
                        column.name(), largest, decimals, decimals == 1 ? "" : "s", step));
            }
        }
        return lines;
    }

    /**
     * @param labels a table's class labels
     * @return one line per group of labels that are several classes although a person would read them as one (three
     *     look-alikes are one line, not three pairs): equal but for case, spaces, underscores, invisible characters
     *     or how an accent is written ({@link #looseSpelling}: {@code Good}, {@code good}; {@code tested positive},
     *     {@code tested_positive}) or the same number ({@code 1}, {@code 1.0}); empty when none
     */
    public static List<String> lookalikeLabels(List<String> labels) {
        List<String> lines = new ArrayList<>();
        List<List<String>> groups = lookalikeGroups(labels, true);
        for (List<String> alike : groups.subList(0, Math.min(LISTED_LOOKALIKES, groups.size()))) {
            long numbers = alike.stream().filter(l -> !Double.isNaN(TableReader.decimalNumber(l))).count();
            // '1', '1.0' and '1' with a no-break space: the same number, written in two ways and with a hidden space
            String bool = spelledBoolean(alike);
            String why = bool != null ? "both spell " + bool : numbers == alike.size() ? "are the same number"
                    : numbers > 0 || !Double.isNaN(TableReader.decimalNumber(looseSpelling(alike.get(0))))
                    ? "are the same number written differently (other digits, spaces or invisible characters)"
                    : "differ only in " + specificDifference(alike);
            lines.add("labels " + listed(alike) + " are " + (alike.size() == 2 ? "two" : alike.size()) + " classes (as "
                    + "Tribuo reads them) although they " + why + "; if they are one class, write them alike in the "
                    + "data");
        }
        if (groups.size() > LISTED_LOOKALIKES) {
            lines.add("and " + (groups.size() - LISTED_LOOKALIKES) + " more groups of labels alike in those ways");
        }
        return lines;
    }

    /**
     * @param schema a table's schema
     * @return one line per group of a categorical column's categories that a person reads as one ({@link
     *     #looseSpelling}: {@code Zürich} written both ways, {@code Yes} with and without a no-break space); each is a
     *     feature of its own to Tribuo; empty when none
     */
    static List<String> lookalikeCategories(TableSchema schema) {
        return lookalikeCategories(schema, java.util.Set.of());
    }

    /**
     * @param schema a table's schema
     * @param keptAsText the columns whose note names their values as numbers a spreadsheet kept as text, the cause
     * @return {@link #lookalikeCategories(TableSchema)} but for those columns
     */
    private static List<String> lookalikeCategories(TableSchema schema, java.util.Set<String> keptAsText) {
        List<String> lines = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.kind() != ColumnKind.CATEGORICAL || keptAsText.contains(column.name())) {
                continue;
            }
            // the same number too: a ZIP column Excel stripped the leading zero from in half the rows (02139, 2139)
            // and grades 1 and 1.0 were features of their own without a word, as labels were not (a fresh user, 6 Dec)
            List<List<String>> groups = lookalikeGroups(column.categories(), true);
            if (!groups.isEmpty() && lines.size() >= LISTED_LOOKALIKES) {
                more.add("'" + column.name() + "'"); // a genotype table's 500 columns of AA/Aa/aa: one line
                continue;
            }
            // at most the cap in all, within a column too: a column of numbers with a Unicode minus in every other
            // row got one line per number (a fresh user, 7 Dec)
            int listed = Math.min(groups.size(), Math.max(1, LISTED_LOOKALIKES - lines.size()));
            for (List<String> alike : groups.subList(0, listed)) {
                lines.add("column '" + column.name() + "' has categories " + listed(alike) + " that "
                        + lookalikeCause(alike) + " (Tribuo reads them as " + (alike.size() == 2 ? "two"
                        : alike.size()) + " features); if they are one category, write them alike in the data");
            }
            if (groups.size() > listed) {
                lines.add("column '" + column.name() + "' has " + (groups.size() - listed) + " more group"
                        + (groups.size() - listed == 1 ? "" : "s") + " of categories alike in those ways");
            }
        }
        if (!more.isEmpty()) {
            lines.add((more.size() == 1 ? "column " : "columns ") + String.join(", ", more.subList(0,
                    Math.min(LISTED_LOOKALIKES, more.size()))) + (more.size() > LISTED_LOOKALIKES ? " and "
                    + (more.size() - LISTED_LOOKALIKES) + " more" : "") + " also " + (more.size() == 1 ? "has" : "have")
                    + " categories alike in those ways");
        }
        return lines;
    }

    /**
     * @param schema a table's schema
     * @return a line per column (the label column included) whose categories hold control characters (a NUL, a
     *     backspace): kept and written back raw, they passed without a word (a fresh user, 5 Dec); empty when none
     */
    static List<String> controlCharacters(TableSchema schema) {
        List<String> lines = new ArrayList<>();
        java.util.Map<String, List<String>> byColumn = new java.util.LinkedHashMap<>();
        schema.columns().stream().filter(c -> c.kind() == ColumnKind.CATEGORICAL)
                .forEach(c -> byColumn.put(c.name(), c.categories()));
        byColumn.put(schema.labelColumn(), schema.labels());
        byColumn.forEach((name, values) -> {
            List<String> held = values.stream().filter(v -> v.chars().anyMatch(ch -> Character.isISOControl(ch)
                    && ch != '\t')).toList();
            if (!held.isEmpty()) {
                lines.add("column '" + name + "' has " + held.size() + (held.size() == 1 ? " category" : " categories")
                        + " holding control characters (e.g. '" + escaped(held.get(0)) + "'), which are kept and "
                        + "written back as they are; remove them from the data if they are not meant");
            }
        });
        return lines;
    }

    /** @return the text with each control character written as a backslash, u and four hexadecimal digits */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(ch -> out.append(Character.isISOControl(ch) ? String.format("\\u%04x", ch)
                : String.valueOf((char) ch)));
        return out.toString();
    }

    /** @return "yes" or "no" for a boolean word or 1 / 0 (read as one only beside words), else null */
    private static String booleanOf(String loose) {
        String word = OtherSpellings.booleanWord(loose);
        return word != null ? word : loose.equals("1") ? "yes" : loose.equals("0") ? "no" : null;
    }

    /** @return the number as an exact decimal without trailing zeros ({@code -0} as 0), or the double's text */
    private static String exactly(String loose, double number) {
        try {
            java.math.BigDecimal exact = new java.math.BigDecimal(NumberLikeColumn.asciiDigits(loose).strip()
                    .replaceFirst("^\\+", ""));
            return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return Double.toString(number + 0.0);
        }
    }

    /** @return why the values of a look-alike group read as one, after "that" */
    private static String lookalikeCause(List<String> alike) {
        String bool = spelledBoolean(alike);
        if (bool != null) {
            return "both spell " + bool;
        }
        if (alike.stream().anyMatch(v -> Double.isNaN(TableReader.decimalNumber(
                NumberLikeColumn.asciiDigits(looseSpelling(v)))))) {
            return "differ only in " + specificDifference(alike);
        }
        if (alike.stream().anyMatch(NumberLikeColumn::isSpreadsheetText)) {
            return "are the same number, kept as a spreadsheet's text in some rows ('47.0 or =\"47.0\")";
        }
        // -0.14 and −0.14 lost no leading zero and no decimals: their minus sign differs (a fresh user, 7 Dec)
        if (alike.stream().map(NumberLikeColumn::asciiDigits).distinct().count() != 1) {
            return "are the same number written differently (a leading zero lost in some rows, as Excel drops it, or "
                    + "decimals)";
        }
        // the character itself, as a fullwidth hyphen-minus was called U+2212 (a re-check, 7 Dec)
        int other = alike.stream().flatMapToInt(String::codePoints).filter(c -> c > 0x7F).findFirst().orElse('?');
        return String.format(java.util.Locale.ROOT, "are the same number written with other characters (U+%04X, %s, "
                + "in some: a minus sign as Excel writes it in some locales or Word's autocorrect makes, or a digit "
                + "of another script or width)", other, Character.getName(other) == null ? "unnamed"
                : Character.getName(other).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @return what a look-alike group differs in, named where it is one of the forms a reader cannot see: mis-encoded
     *     text or HTML entities, or a look-alike letter of another script; else {@link #LOOK_ALIKE}'s whole list (the
     *     list of eleven made each note 330 characters: a re-check, 6 Dec)
     */
    private static String specificDifference(List<String> alike) {
        if (alike.stream().anyMatch(v -> !OtherSpellings.repaired(v).equals(v))) {
            return "how the text is encoded (one mis-encoded, as a UTF-8 file saved again as Windows-1252 writes è as "
                    + "Ã¨, or written with HTML entities such as &amp;)";
        }
        if (alike.stream().anyMatch(v -> v.codePoints().anyMatch(OtherSpellings::looksLatin))) {
            return "a letter of another script that looks like a Latin one (shown escaped: Cyrillic or Greek, typed on "
                    + "another keyboard layout)";
        }
        return LOOK_ALIKE;
    }

    /**
     * @return "yes" or "no" when every value of a look-alike group spells that boolean, one is a word (yes, Y,
     *     TRUE) and two are different words (not only {@code Yes} with a hidden space), else null
     */
    private static String spelledBoolean(List<String> alike) {
        List<String> words = alike.stream().map(v -> booleanOf(looseSpelling(v))).distinct().toList();
        boolean worded = alike.stream().anyMatch(v -> OtherSpellings.booleanWord(looseSpelling(v)) != null);
        boolean spelledApart = alike.stream().map(ColumnAdvice::looseSpelling).distinct().count() > 1;
        return words.size() == 1 && worded && spelledApart ? words.get(0) : null;
    }

    /**
     * @param values distinct values
     * @param numbers whether values that are the same number ({@code 1}, {@code 1.0}) are alike too
     * @return the groups of two or more values a person reads as one, in order of first appearance
     */
    private static List<List<String>> lookalikeGroups(List<String> values, boolean numbers) {
        java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        // booleans where a boolean word is among the values (a letter column's Y and N are letters), whatever other
        // answers there are (yes/no/maybe beside Y/N was five classes: a re-check, 6 Dec)
        List<String> spellings = values.stream().map(ColumnAdvice::looseSpelling).toList();
        boolean booleans = values.size() > 2 && spellings.stream()
                .anyMatch(v -> v.length() > 1 && OtherSpellings.booleanWord(v) != null);
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            String loose = spellings.get(v);
            // by number after the loose spelling: '1' beside '1' and a no-break space is the same number
            // a Unicode minus or fullwidth digits spell the same number too: -1 and −1 were two classes (a re-check)
            double number = numbers ? TableReader.decimalNumber(NumberLikeColumn.asciiDigits(loose)) : Double.NaN;
            // -0 is 0 (a fresh user's labels 0 and -0 were two classes without a note, 5 Dec)
            // as an exact decimal: 16-digit codes that one double holds were called the same number (6 Dec)
            String key = Double.isNaN(number) ? "text " + loose : "number " + exactly(loose, number);
            // yes and Y, TRUE and 1: two exports joined (a fresh user's two classes became four, 6 Dec); 1 and 0 only
            // beside boolean words
            String bool = booleanOf(loose);
            key = bool != null && booleans ? "boolean " + bool : key;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    /** @return 'a', 'b' and 'c', each value {@link #shown} */
    private static String listed(List<String> values) {
        // a group mixing scripts shows its look-alike letters escaped: 'A' and 'Α' printed alike (a re-check, 6 Dec)
        boolean mixed = values.stream().anyMatch(v -> v.codePoints().anyMatch(OtherSpellings::looksLatin));
        List<String> quoted = values.stream().map(v -> "'" + (mixed ? OtherSpellings.escapedLookalikes(shown(v))
                : shown(v)) + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /**
     * @return the value with what a terminal does not show as itself written as a Unicode escape: spaces other than
     *     the plain one, invisible format characters and accents written as their own characters ({@code Yes} and a
     *     no-break space as {@code Yes} followed by a backslash and {@code u00a0}), and in a word with Latin letters
     *     a Cyrillic or Greek letter that looks like one, so that two look-alikes printed side by side show how they
     *     differ
     */
    public static String shown(String value) {
        StringBuilder out = new StringBuilder();
        boolean latin = value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.LATIN);
        value.codePoints().forEach(c -> {
            boolean hidden = c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c))
                    || latin && OtherSpellings.looksLatin(c) // the Cyrillic a of cat typed before a layout switch
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.isISOControl(c) // NEL, a terminal's escape sequences
                    || c == 0x3164 || c == 0xFFA0 // Hangul fillers, which print as nothing
                    || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HANGUL_JAMO; // a syllable in parts
            if (hidden) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * @return the text as a person reads it: in Unicode's composed form NFC (an accent written as its own
     *     character, as macOS writes file names, {@code e} + U+0301, reads as {@code é}; compatibility forms such as
     *     {@code ﬁ} or {@code ²} stay themselves, being other characters to a reader), lower-cased, without spaces
     *     of any kind (the no-break space of a spreadsheet or web page too), invisible format characters (a zero-width
     *     space) and underscores ({@code tested positive}, {@code tested_positive}), hyphens between letters, or
     *     a letter and a digit ({@code wind-float}, {@code dog-1}; not {@code 1-2}) and a full stop, comma, colon,
     *     semicolon or quote at either end (UCI Adult's test file writes {@code >50K.} where its training file writes
     *     {@code >50K}: four classes, without a word, for a fresh user, 5 Dec); other punctuation tells classes apart
     *     ({@code <=50K}, {@code >50K}; {@code A-}, {@code A}); mis-encoded text, HTML entities and look-alike
     *     letters of another script undone ({@link OtherSpellings})
     */
    public static String looseSpelling(String text) {
        String kept = java.text.Normalizer.normalize(OtherSpellings.repaired(text), java.text.Normalizer.Form.NFC)
                .codePoints()
                // variation selectors too: '❤ love' and '❤' + U+FE0F + ' love' (emoji presentation) were two
                // classes without the note (a fresh user, 6 Dec)
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && Character.getType(c) != Character.FORMAT && c != '_'
                        && !(c >= 0xFE00 && c <= 0xFE0F) && !(c >= 0xE0100 && c <= 0xE01EF))
                .map(OtherSpellings::latinLetter)
                .map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.replaceAll("(?<=\\p{L})-(?=[\\p{L}\\p{N}])|(?<=\\p{N})-(?=\\p{L})", "")
                .replaceAll("^[.,;:'\"]+|[.,;:'\"]+$", "");
    }
}
