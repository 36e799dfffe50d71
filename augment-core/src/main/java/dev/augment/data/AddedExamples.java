package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.tribuo.data.csv.CSVIterator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to read {@code augment oversample}'s output back as data while it holds examples that oversample added.
 * Its output holds the real examples and the added ones, told apart only by flags beside them: an IDX1 ubyte file
 * {@value #IDX_FLAGS} (IDX), a {@value #CSV_FLAGS} of {@code file,label,synthetic} (PNG folders) or of
 * {@code row,label,synthetic} (beside a table's {@code samples.csv}), or a last column {@value #FLAG_COLUMN} (an
 * image {@code samples.csv}). A reader of the data keeps no flags, so every added example would count as real: a
 * "real only" arm, a test split, a second oversampling's class sizes or a generator's provenance would take them
 * for real ones. Where every flag is 0 (nothing was added), the output is real data and is read.
 *
 * <p>Each check reads only files named as oversample names them, with the header it writes, so a user's own
 * {@code synthetic.csv} of another layout is left alone.
 */
public final class AddedExamples {

    /** IDX flags: an IDX1 ubyte file of one flag per example, in the order of the labels file. */
    public static final String IDX_FLAGS = "synthetic-idx1-ubyte";
    /** CSV flags beside PNG folders ({@code file,label,synthetic,source}) or a table ({@code row,label,synthetic}). */
    public static final String CSV_FLAGS = "synthetic.csv";
    /** The flag column of an image {@code samples.csv}, its last. */
    public static final String FLAG_COLUMN = "synthetic";

    private AddedExamples() {
    }

    /**
     * @param labels an IDX labels file
     * @throws InvalidDataException when its folder holds {@value #IDX_FLAGS} with a flag of 1
     */
    static void refuseIdx(Path labels) {
        Path flags = folderOf(labels).resolve(IDX_FLAGS);
        if (!Files.isRegularFile(flags)) {
            // a user who gzipped every file of the folder (gzip *-ubyte), whose IDX files are still read
            flags = folderOf(labels).resolve(IDX_FLAGS + ".gz");
            if (!Files.isRegularFile(flags)) {
                return;
            }
        }
        long added = 0;
        long total = 0;
        try (InputStream in = flags.getFileName().toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(flags)) : Files.newInputStream(flags)) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8 || header[2] != 0x08 || header[3] != 1) {
                return; // not a ubyte IDX1 file: not oversample's
            }
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    added += buffer[i] != 0 ? 1 : 0;
                }
                total += n;
            }
        } catch (IOException e) {
            throw new InvalidDataException(flags, "cannot be read: " + e.getMessage(), e);
        }
        refuseIfAdded(folderOf(labels), flags, added, total);
    }

    /**
     * Tribuo's own {@code IDXDataSource} over oversample's IDX output reads every example as real (augment's readers
     * refuse that folder; a fresh user, 4 Dec, found the plugin took 4 ROS copies as real through Tribuo's reader).
     *
     * @param source any Tribuo source
     * @throws InvalidDataException when it is an {@code IDXDataSource} whose labels file's folder holds
     *     {@value #IDX_FLAGS} with a flag of 1
     */
    public static void refuseTribuoIdx(org.tribuo.DataSource<?> source) {
        // the source's provenance, not its class: a ListDataSource copy keeps the IDXDataSource's provenance, and an
        // AggregateDataSource lists its parts' (a fresh user, 4 Dec, got the copies counted as real through both)
        refuseIdxIn(source.getProvenance(), 0);
    }

    /**
     * Tribuo's own CSV readers ({@code CSVDataSource}, {@code CSVLoader}) over oversample's CSV output read its added
     * rows as real: a table's {@code samples.csv} (flags in {@value #CSV_FLAGS} beside it) without a word, and an
     * image CSV's flag column as a feature that gives the answer away (a Tribuo user, 6 Dec, got 232 SMOTE rows taken
     * for real; augment's own table reader refuses them).
     *
     * @param source any Tribuo source
     * @throws InvalidDataException as {@link #refuseTable} for a CSV file its provenance names, where a
     *     {@value #CSV_FLAGS} or a class map lies beside it
     */
    public static void refuseTribuoCsv(org.tribuo.DataSource<?> source) {
        for (Path file : GeneratedOutput.filesOf(source.getProvenance())) {
            Path folder = folderOf(file);
            if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    || !Files.isRegularFile(file) || !Files.isRegularFile(folder.resolve(CSV_FLAGS))
                    && !Files.isRegularFile(folder.resolve(ClassMap.FILE))) {
                continue;
            }
            List<String> header;
            List<String[]> rows = new java.util.ArrayList<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVIterator csv = new CSVIterator(in, ',', '"')) {
                header = csv.getFields();
                while (csv.hasNext()) {
                    var cells = csv.next().getRowData();
                    rows.add(header.stream().map(h -> cells.getOrDefault(h, "")).toArray(String[]::new));
                }
            } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                continue; // Tribuo's reader says what is wrong with the file
            }
            refuseTable(file, header, rows);
        }
    }

    /** Walks a provenance tree (a few levels: sources nest shallowly) for Tribuo IDX sources' labels files. */
    private static void refuseIdxIn(com.oracle.labs.mlrg.olcut.provenance.Provenance provenance, int depth) {
        if (provenance == null || depth > 6) {
            return;
        }
        if (provenance instanceof org.tribuo.datasource.IDXDataSource.IDXDataSourceProvenance idx
                && idx.getConfiguredParameters().get("outputPath") instanceof com.oracle.labs.mlrg.olcut.provenance
                .primitives.FileProvenance file && file.getValue() != null) {
            refuseIdx(file.getValue().toPath());
        }
        if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance object) {
            for (com.oracle.labs.mlrg.olcut.util.Pair<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> entry
                    : object) {
                refuseIdxIn(entry.getB(), depth + 1);
            }
        } else if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.ListProvenance<?> list) {
            for (com.oracle.labs.mlrg.olcut.provenance.Provenance item : list) {
                refuseIdxIn(item, depth + 1);
            }
        }
    }

    /**
     * @param root a folder of class folders
     * @throws InvalidDataException when it holds oversample's {@value #CSV_FLAGS} ({@code file,label,synthetic})
     *     with a flag of 1
     */
    static void refuseImageFolder(Path root) {
        countFlags(root.resolve(CSV_FLAGS), List.of("file", "label", FLAG_COLUMN), -1, null);
    }

    /**
     * @param csv a table file
     * @param header its header
     * @param rows its rows' cells, in the header's order
     * @throws InvalidDataException when it is oversample's table output holding added rows, under any name: flagged
     *     in a {@value #CSV_FLAGS} beside it ({@code row,label,synthetic}, one flag per row of the table; flags of
     *     another row count that mark added rows are refused too, since rows were then added or removed) or, for
     *     image rows, in its last column {@value #FLAG_COLUMN} (with oversample's {@code classes.csv} beside it)
     */
    public static void refuseTable(Path csv, List<String> header, List<String[]> rows) {
        if (csv.getFileName() == null || csv.getFileName().toString().equals(CSV_FLAGS)) {
            return;
        }
        Path folder = folderOf(csv);
        // the flags beside the table, whatever it is now called (a user renamed samples.csv to glass-aug.csv), when
        // they flag as many rows as it has; of another count, when the table holds a row they flag as added
        countFlags(folder.resolve(CSV_FLAGS), List.of("row", "label", FLAG_COLUMN), rows.size(),
                flags -> holdsAddedRows(csv, folder, header, rows, flags));
        int last = header.size() - 1;
        // image rows only (label first, as oversample writes them): a table whose label column is named synthetic
        // was called oversample's output with half its rows added (a fresh user, 6 Dec)
        // without its classes.csv (samples.csv copied on its own: a re-check, 6 Dec), when the columns between are
        // pixels named by index, as oversample writes images
        boolean pixels = last > 1 && header.subList(1, last).stream().allMatch(h -> h.matches("\\d+"));
        if (last < 1 || !header.get(0).matches("label(_\\d+)?")
                || !header.get(last).matches(FLAG_COLUMN + "(_\\d+)?")
                || !Files.isRegularFile(folder.resolve(ClassMap.FILE)) && !pixels) {
            return;
        }
        long added = 0;
        for (String[] row : rows) {
            if (row.length <= last || !row[last].equals("0") && !row[last].equals("1")) {
                return; // not a column of flags
            }
            added += row[last].equals("1") ? 1 : 0;
        }
        if (added > 0) {
            throw new InvalidDataException(csv, "this is augment oversample's output: " + added + " of its "
                    + rows.size() + " rows were added (1 in its last column, " + header.get(last) + "), and that "
                    + "column would be read as a feature and every row as real; give the real data oversample read, or "
                    + "remove the " + header.get(last) + " column to use every row as real on purpose");
        }
    }

    /**
     * @param dataRows the data's row count, which the flags must match, or -1 for any count
     * @param otherCount for flags of another count than {@code dataRows} that mark added rows: whether the data
     *     holds one of them (given each flag in order), which refuses it; null when it cannot be told
     */
    private static void countFlags(Path flags, List<String> expectedHeader, long dataRows,
                                   java.util.function.Predicate<List<Boolean>> otherCount) {
        if (!Files.isRegularFile(flags)) {
            return;
        }
        long added = 0;
        long total = 0;
        List<Boolean> each = new java.util.ArrayList<>();
        try (Reader in = Files.newBufferedReader(flags, StandardCharsets.UTF_8);
             CSVIterator rows = new CSVIterator(in, ',', '"')) {
            List<String> fields = rows.getFields();
            // PNG flags gained a source column (6 Dec): the expected columns first, as before
            if (fields.size() < expectedHeader.size()
                    || !fields.subList(0, expectedHeader.size()).equals(expectedHeader)) {
                return; // another file of that name
            }
            while (rows.hasNext()) {
                String flag = rows.next().getRowData().get(FLAG_COLUMN);
                added += "1".equals(flag) ? 1 : 0;
                total++;
                if (otherCount != null) {
                    each.add("1".equals(flag));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return; // not a CSV oversample wrote
        }
        if (dataRows < 0 || total == dataRows) {
            refuseIfAdded(folderOf(flags), flags, added, total);
        } else if (added > 0 && otherCount != null && otherCount.test(each)) {
            // a row deleted or appended since (a fresh user, 2 Dec): the flags no longer say which rows are real, and
            // read without them all 241 added rows of a glass output counted as real
            String name = flags.getFileName().toString();
            throw new InvalidDataException(folderOf(flags), "holds augment oversample's " + name + ", which flags "
                    + added + " of " + total + " rows as added, beside a table of " + dataRows + " rows that holds "
                    + "rows oversample added (or can no longer be told apart from them): rows were added or removed "
                    + "since, and every row would be read as real; give the real data oversample read (or "
                    + "oversample's output unchanged), or, to use every row as real on purpose, delete " + name
                    + alsoClassMap(folderOf(flags)));
        }
    }

    private static void refuseIfAdded(Path data, Path flags, long added, long total) {
        if (added == 0) {
            return;
        }
        String name = flags.getFileName().toString();
        // the flags' own counts: examples deleted since (the added PNGs) leave them as oversample wrote them
        throw new InvalidDataException(data, "this is augment oversample's output: its " + name + " flags " + added
                + " of " + total + " examples as added, and data read here counts every example as "
                + "real, so a model, an evaluation or another oversampling would take them for real ones; give the "
                + "real data oversample read, or, to use every example as real on purpose, delete " + name
                + alsoClassMap(data));
    }

    /**
     * @return " and classes.csv (…)" where the folder holds a CSV output with its class map: without the flags, that
     *     pair is generate's layout, and the next run warned that every row might be generated (a re-check, 6 Dec)
     */
    private static String alsoClassMap(Path folder) {
        if (!Files.isRegularFile(folder.resolve(ClassMap.FILE))) {
            return "";
        }
        // the IDX and PNG layouts too: a real + SMOTE output with its flags deleted, as told, was then called
        // generate's output, "every example in it generated" (a fresh user, 6 Dec)
        String layout = Files.isRegularFile(folder.resolve(dev.augment.generate.output.CsvSampleWriter.FILE))
                ? "samples.csv" : Files.isRegularFile(folder.resolve(DataSources.IDX_IMAGES)) ? DataSources.IDX_IMAGES
                : GeneratedOutput.numberedPngClasses(folder) ? "class folders of numbered PNG files" : null;
        return layout == null ? "" : " and " + ClassMap.FILE + " (beside " + layout + " without the flags, it reads as "
                + "generate's output" + (layout.equals(DataSources.IDX_IMAGES) ? "; the classes are then named by "
                + "their labels" : "") + ")";
    }

    /**
     * Whether a table of another row count than its folder's flags holds a row they flag as added: one of its rows is
     * an added row of oversample's {@code samples.csv} beside it, on the columns both hold, by name (cells compared
     * with runs of white space as one space), more often than that file's real rows hold it. True when that cannot be
     * told: the table is {@code samples.csv} itself (edited in place), or {@code samples.csv} is gone or unreadable. A
     * user's other table kept in the folder (the real data, or the real rows cut out) holds none and is read (a fresh
     * user, 2 Dec, was refused both).
     */
    private static boolean holdsAddedRows(Path csv, Path folder, List<String> header, List<String[]> rows,
                                          List<Boolean> flags) {
        Path samples = folder.resolve(dev.augment.generate.output.CsvSampleWriter.FILE);
        try {
            if (!Files.isRegularFile(samples) || Files.isSameFile(samples, csv)) {
                return true;
            }
        } catch (IOException e) {
            return true;
        }
        java.util.Set<String> added = new java.util.HashSet<>();
        java.util.Map<String, Integer> real = new java.util.HashMap<>();
        List<String> tableColumns = header.stream().map(AddedExamples::cell).toList();
        int[] inTableOrder;
        try (Reader in = Files.newBufferedReader(samples, StandardCharsets.UTF_8);
             CSVIterator output = new CSVIterator(in, ',', '"')) {
            // by column name, on the columns both hold: a copy with its columns reordered or one dropped let the
            // added rows through (a fresh user, 2 Dec)
            List<String> common = output.getFields().stream()
                    .filter(f -> tableColumns.contains(cell(f))).toList();
            if (common.size() * 2 <= output.getFields().size()) {
                return false; // another table, sharing at most half the output's columns
            }
            inTableOrder = common.stream().mapToInt(f -> tableColumns.indexOf(cell(f))).toArray();
            for (int r = 0; output.hasNext(); r++) {
                var cells = output.next().getRowData();
                String key = key(common.stream().map(cells::get).toList());
                if (r < flags.size() && flags.get(r)) {
                    added.add(key);
                } else {
                    real.merge(key, 1, Integer::sum);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return true;
        }
        // a ROS copy equals its real row: an added row is in the table when its row is there more often than
        // among the output's real rows
        java.util.Map<String, Integer> inTable = new java.util.HashMap<>();
        for (String[] row : rows) {
            String key = key(java.util.Arrays.stream(inTableOrder).mapToObj(i -> i < row.length ? row[i] : "")
                    .toList());
            if (added.contains(key) && inTable.merge(key, 1, Integer::sum) > real.getOrDefault(key, 0)) {
                return true;
            }
        }
        return false;
    }

    private static String key(List<String> cells) {
        return String.join("\u0001", cells.stream().map(AddedExamples::cell).toList());
    }

    private static String cell(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    /**
     * @return the folder a file is in, where the files that go with it lie: its real one when it is reached through a
     *     link (a link to an output's {@code samples.csv} elsewhere was read as real data, 2 Dec), else its absolute
     *     parent
     */
    static Path folderOf(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath();
        }
        Path parent = real.getParent();
        return parent == null ? real : parent;
    }
}
