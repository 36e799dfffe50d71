package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.tribuo.data.columnar.ColumnarIterator;
import org.tribuo.data.csv.CSVIterator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class map that travels with generated output, {@code classes.csv}: which class each index,
 * label and folder stands for, so that reading the output back gives the generator's labels and names
 * whatever became of them in file names.
 *
 * <p>The file is UTF-8 CSV (RFC 4180, every text field quoted, lines ending in '\n') with the header
 * {@code index,label,name,folder}: the class index of the generator (the byte an IDX labels file
 * holds), its Tribuo label (the {@code label} column of a CSV output), its class name, and the folder
 * of its images (PNG output; empty for IDX and CSV). It lists the classes the output holds, in index
 * order.
 *
 * @param entries one per class, indices ascending and distinct, labels distinct, folders distinct
 *                where given
 */
public record ClassMap(List<Entry> entries) {

    /** The file name, inside the output folder. */
    public static final String FILE = "classes.csv";

    private static final List<String> HEADER = List.of("index", "label", "name", "folder");

    /**
     * @param file a file
     * @return whether its first line names a class map's columns ({@code index,label,name,folder}, in any order, as
     *     the map's reader asks); false when it cannot be read
     */
    public static boolean hasItsHeader(Path file) {
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && java.util.Arrays.stream(first.replace("\uFEFF", "").split(",")).map(String::strip)
                    .toList().containsAll(HEADER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * One class.
     *
     * @param index the generator's class index, at least 0
     * @param label the Tribuo label
     * @param name the class name
     * @param folder the folder of its images, or "" when the output has no folders
     */
    public record Entry(int index, String label, String name, String folder) {

        /** Checks the index and that no field is null. */
        public Entry {
            if (index < 0 || label == null || name == null || folder == null) {
                throw new IllegalArgumentException("a class map entry needs an index of at least 0 and a label, "
                        + "name and folder (maybe empty), was " + index + ", " + label + ", " + name + ", " + folder);
            }
        }
    }

    /** Checks order and uniqueness. */
    public ClassMap {
        entries = List.copyOf(entries);
        Set<String> labels = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (i > 0 && e.index() <= entries.get(i - 1).index()) {
                throw new IllegalArgumentException("class map indices must ascend, got " + entries.get(i - 1).index()
                        + " then " + e.index());
            }
            if (!labels.add(e.label())) {
                throw new IllegalArgumentException("class map lists label '" + e.label() + "' twice");
            }
            if (!names.add(e.name())) {
                // a generator cannot hold two classes of one name: it would be trained and then refused
                throw new IllegalArgumentException("class map lists name '" + e.name() + "' twice");
            }
            if (!e.folder().isEmpty() && !folders.add(e.folder())) {
                throw new IllegalArgumentException("class map lists folder '" + e.folder() + "' twice");
            }
        }
    }

    /**
     * @param schema the generator's schema
     * @param written which classes the output holds, by class index
     * @param folders the folder of each class by class index, or null when the output has no folders
     * @return the map of the written classes
     */
    public static ClassMap of(SampleSchema schema, boolean[] written, List<String> folders) {
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < schema.classCount(); c++) {
            if (written[c]) {
                entries.add(new Entry(c, schema.labels().get(c), schema.classNames().get(c),
                        folders == null ? "" : folders.get(c)));
            }
        }
        return new ClassMap(entries);
    }

    /**
     * Names given by index ({@code --names}) to data that carry this map must be its names: the map fixes which class
     * each index is, so a list in another order (the user's, or the alphabetical one) would silently give the
     * images of one class another's name. Compared ignoring case and everything but letters and digits.
     *
     * @param dir the folder holding the map, for the message
     * @param given the class names {@link ClassNames#resolve} made of {@code --names}, in index order
     * @throws InvalidSettingException (setting {@code names}) naming the first class whose given name differs
     */
    public void requireNamesAgree(Path dir, List<String> given) {
        List<String> names = names();
        for (int c = 0; c < names.size() && c < given.size(); c++) {
            if (!looseName(names.get(c)).equals(looseName(given.get(c)))) {
                throw new InvalidSettingException("names", "names class " + c + " '" + given.get(c) + "', but "
                        + dir.resolve(FILE) + " names it '" + names.get(c) + "' (label '" + entries.get(c).label()
                        + "'); the class map already names the classes, so leave --names out, or edit its name "
                        + "column to rename them");
            }
        }
    }

    /**
     * @return the name composed (NFC), lower-cased, with only its letters and digits, as names given by hand are
     *     compared: {@code --names café} typed on Linux (composed) for a folder copied from a Mac (decomposed, the
     *     accent a mark of its own) was refused with two names that look the same (a fresh user, 4 Dec)
     */
    static String looseName(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** @return the labels, in index order */
    public List<String> labels() {
        return entries.stream().map(Entry::label).toList();
    }

    /** @return the names, in index order */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /**
     * Writes {@value #FILE} into a folder.
     *
     * @param dir the output folder
     * @throws IOException when the file cannot be written
     */
    public void write(Path dir) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER) + "\n");
            for (Entry e : entries) {
                out.write(e.index() + "," + quoted(e.label()) + "," + quoted(e.name()) + "," + quoted(e.folder()) + "\n");
            }
        }
    }

    /**
     * @param dir a folder that may hold {@value #FILE}
     * @return the class map, or empty when the folder has none
     * @throws InvalidDataException when the file is there but unreadable or malformed
     */
    public static Optional<ClassMap> readIfPresent(Path dir) {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Reads a class map with Tribuo's CSV reader.
     *
     * @param file a {@value #FILE}
     * @return the class map
     * @throws InvalidDataException when the file is missing, not UTF-8, lacks a column, or has a bad or
     *                              repeated index, label, name or folder
     */
    public static ClassMap read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVIterator rows = new CSVIterator(in, ',', '"')) {
            if (!rows.getFields().containsAll(HEADER)) {
                // a classes.csv of another program's: augment reads every classes.csv in a data folder as its own
                throw new InvalidDataException(file, "class map header is " + rows.getFields() + "; expected "
                        + String.join(",", HEADER) + " (augment reads a classes.csv in a data folder as the map it "
                        + "writes; if this one is another program's, rename or move it)");
            }
            while (rows.hasNext()) {
                ColumnarIterator.Row row = rows.next();
                Map<String, String> cells = row.getRowData();
                entries.add(new Entry(index(file, cells.get("index")), cells.get("label"), cells.get("name"),
                        cells.get("folder")));
            }
            return new ClassMap(entries);
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file, "class map is not UTF-8 text", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidDataException(file, "class map cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidDataException(file, "bad class map: " + e.getMessage(), e);
        }
    }

    private static int index(Path file, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDataException(file, "class map index '" + text + "' is not a whole number");
        }
    }

    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
