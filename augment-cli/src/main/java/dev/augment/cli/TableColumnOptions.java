package dev.augment.cli;

import dev.augment.table.ColumnKind;
import dev.augment.table.ColumnAdvice;
import dev.augment.table.ColumnRemedies;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The options that say how a {@code .csv} {@code --data} is read, shared by {@code train}, {@code evaluate} and
 * {@code oversample}: the label column, the columns whose type is given instead of inferred, and the text of a
 * missing cell. Image data refuses them (each command names them in its image-only check).
 */
public final class TableColumnOptions {

    /** The options' names, for the commands' checks that image data was not given them. */
    static final List<String> NAMES = List.of("--label", "--numeric", "--categorical", "--missing");

    /**
     * @param commandOptions a command's own options for tables only
     * @return these options' names followed by the command's
     */
    static List<String> namesAnd(String... commandOptions) {
        return java.util.stream.Stream.concat(NAMES.stream(), java.util.Arrays.stream(commandOptions)).toList();
    }

    /**
     * @param option a table-only option given with other data
     * @param data the {@code --data} given
     * @return the refusal, saying how to make a table of a file named like one in another form (.tsv, .txt, .gz,
     *     .xlsx): only a comma-separated UTF-8 {@code .csv} is read as a table
     */
    static String notACsvTable(String option, java.nio.file.Path data, String label) {
        if (isGzippedCsv(data)) {
            return option + " applies to a .csv --data only; " + data + " is " + GUNZIP_FIRST;
        }
        return option + " applies to a .csv --data only; " + data + " is not a CSV table" + (isPipe(data)
                ? " but " + PIPE : outputFolderTable(data) != null ? " but " + outputFolderTable(data)
                : dev.augment.data.DataSources.tablesFolder(data).isPresent() ? " but "
                + dev.augment.data.DataSources.tablesFolder(data, label).get()
                : tableInAnotherForm(data) || csvFolder(data) || commaSeparatedWithoutExtension(data)
                ? " (" + saveAsCsv(data) + ")" : "");
    }

    /**
     * @return whether the path is a file without an extension whose first line holds commas: a downloaded table
     *     ({@code diab}) got no hint where the same file named {@code .txt} did (a fresh user, 7 Dec); an IDX file,
     *     also without one, is left to the general refusal
     */
    private static boolean commaSeparatedWithoutExtension(java.nio.file.Path data) {
        return java.nio.file.Files.isRegularFile(data) && !String.valueOf(data.getFileName()).contains(".")
                && saveAsCsv(data).startsWith("it looks comma-separated already");
    }

    /**
     * @param data a {@code --data} that is no CSV table
     * @return {@link #SAVE_AS_CSV}, or what fits better: a comma-separated file named {@code .txt} was told to save or
     *     convert itself, and a folder named {@code x.csv} (Spark writes a CSV so) was "not a CSV table" (a fresh
     *     user, 7 Dec)
     */
    static String saveAsCsv(java.nio.file.Path data) {
        if (csvFolder(data)) {
            // an empty z.csv/ was told of part files it did not hold (a re-check, 7 Dec)
            return dev.augment.data.DataSources.sparkParts(data).isEmpty() ? "it is a folder, not a file: give the "
                    + "CSV file itself" : "it is a folder, as Spark writes a CSV (part files inside): give one .csv "
                    + "file, e.g. its part files joined under one header";
        }
        String first = "";
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(data,
                java.nio.charset.StandardCharsets.UTF_8)) {
            first = java.util.Objects.requireNonNullElse(in.readLine(), "");
        } catch (java.io.IOException | java.io.UncheckedIOException notText) {
            // not a UTF-8 text file (a spreadsheet, a gzip): the general advice
        }
        return first.contains(",") && !first.contains("\t") && !first.contains(";")
                ? "it looks comma-separated already: give it a name ending .csv, e.g. cp "
                + dev.augment.generate.output.AtomicOutputDirectory.shellWord(data.toString()) + " "
                + dev.augment.generate.output.AtomicOutputDirectory.shellWord(data + ".csv")
                : SAVE_AS_CSV;
    }

    /** @return whether the path is a folder named like a CSV table */
    private static boolean csvFolder(java.nio.file.Path data) {
        return java.nio.file.Files.isDirectory(data) && String.valueOf(data.getFileName()).toLowerCase(
                java.util.Locale.ROOT).endsWith(".csv");
    }

    /**
     * @param data a {@code --data}
     * @return whether it is standard input or a pipe ({@code -}, {@code /dev/stdin}, a shell's {@code <(…)} as
     *     {@code /dev/fd/63}, a named pipe): a table piped in was "not a CSV table", and evaluate advised
     *     {@code --train - --test -} (a fresh user, 6 Dec)
     */
    static boolean isPipe(java.nio.file.Path data) {
        String name = data.toString();
        return name.equals("-") || name.equals("/dev/stdin") || name.startsWith("/dev/fd/")
                || name.startsWith("/proc/self/fd/") || isNamedPipe(data);
    }

    private static boolean isNamedPipe(java.nio.file.Path data) {
        try {
            // S_IFIFO in the file's mode (POSIX stat)
            return (((Integer) java.nio.file.Files.getAttribute(data, "unix:mode")) & 0170000) == 0010000;
        } catch (java.io.IOException | RuntimeException notThere) {
            return false;
        }
    }

    /** Why standard input or a pipe is not read, and what to do. */
    static final String PIPE = "standard input or a pipe, which augment does not read as a table: save it as a "
            + "file named .csv (e.g. zcat x.csv.gz > x.csv) and give that file";

    /**
     * @param data a {@code --data}
     * @return "a folder holding the table X/samples.csv (…): give that file", when {@code data} is a folder with
     *     generate's or oversample's CSV in it (their --out is a folder, also when named x.csv: a fresh user, 6 Dec),
     *     else null
     */
    static String outputFolderTable(java.nio.file.Path data) {
        java.nio.file.Path samples = data.resolve(dev.augment.generate.output.CsvSampleWriter.FILE);
        return java.nio.file.Files.isDirectory(data) && java.nio.file.Files.isRegularFile(samples)
                ? "a folder holding the table " + samples + " (generate and oversample write a folder, whatever its "
                + "name): give that file as --data" : null;
    }

    /**
     * @param data a {@code --data}
     * @return whether it is named as a gzip-compressed CSV table ({@code .csv.gz}), which was told to "save or convert
     *     it" rather than to decompress it (a fresh user, 5 Dec)
     */
    static boolean isGzippedCsv(java.nio.file.Path data) {
        return String.valueOf(data.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".csv.gz");
    }

    /** What a {@code .csv.gz} is and how to read it. */
    static final String GUNZIP_FIRST = "a gzip-compressed table: decompress it first (gunzip -k FILE.csv.gz) and give "
            + "the .csv";

    /** How to make a table augment reads of a file that holds one in another form. */
    static final String SAVE_AS_CSV = "a table is read from a comma-separated UTF-8 file named .csv: save or convert "
            + "it as one";

    /**
     * @param data a {@code --data} that is no {@code .csv}
     * @return whether its name says it holds a table in another form (.tsv, .txt, .gz, .xlsx, …), not images
     */
    static boolean tableInAnotherForm(java.nio.file.Path data) {
        String name = String.valueOf(data.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(".tsv", ".txt", ".gz", ".zip", ".xls", ".xlsx", ".ods", ".tab", ".data",
                ".dat").anyMatch(name::endsWith);
    }

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

    @Option(names = "--missing", defaultValue = TableSchema.DEFAULT_MISSING_MARKER, paramLabel = "TEXT",
            description = "The text of a missing cell in a .csv --data, e.g. NA, instead of ?; an empty cell is "
            + "missing too (default: ${DEFAULT-VALUE}).")
    String missingMarker;

    /** @return true when no label column was given, or a blank one */
    boolean labelMissing() {
        return label == null || label.isBlank();
    }

    /**
     * Prints a note for each column worth one ({@link ColumnAdvice}): read as categories although nearly all its
     * values are numbers, or a different value in every row.
     *
     * @param table the table as read
     * @param log where the notes go
     */
    static void adviseOnColumns(Table table, PrintWriter log) {
        ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE).forEach(line -> log.println("note: " + line));
    }

    /**
     * As {@link #adviseOnColumns(Table, PrintWriter)}, and, from the cells as written, numeric columns written with
     * leading zeros ({@link ColumnAdvice#leadingZeros}, which a command that writes added rows respells) and numbers
     * that look grouped by thousands dots ({@link ColumnAdvice#thousandsDots}), and one number written with and
     * without trailing zeros, as versions are ({@link dev.augment.table.TrailingZeroColumn}).
     *
     * @param table the table as read
     * @param cells its cells as written, in layout order
     * @param log where the notes go
     */
    static void adviseOnColumns(Table table, java.util.List<String[]> cells, PrintWriter log) {
        adviseOnColumns(table, log);
        ColumnAdvice.leadingZeros(table, cells, ColumnRemedies.COMMAND_LINE).forEach(line -> log.println("note: "
                + line));
        ColumnAdvice.thousandsDots(table, cells).forEach(line -> log.println("note: " + line));
        ColumnAdvice.fewCellsDecimals(table, cells).forEach(line -> log.println("note: " + line));
        dev.augment.table.TrailingZeroColumn.find(table, cells).forEach(c -> log.println("note: "
                + c.advice(ColumnRemedies.COMMAND_LINE)));
    }

    /** @return the given column types, as {@link TableReader#overrides(List, List)} takes them */
    Map<String, ColumnKind> overrides() {
        return TableReader.overrides(unquoted(numeric), unquoted(categorical));
    }

    /**
     * @param names a list option's entries as split at commas outside double quotes
     * @return each entry without the double quotes around it (a doubled quote inside as one), as {@code --class}
     *     takes them: {@code --categorical '"Income, USD"'} kept its quotes and named no column (a fresh user, 6 Dec)
     */
    static List<String> unquoted(List<String> names) {
        if (names == null) {
            return null;
        }
        return names.stream().map(name -> {
            String bare = name.strip();
            return bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")
                    ? bare.substring(1, bare.length() - 1).replace("\"\"", "\"") : name;
        }).toList();
    }
}
