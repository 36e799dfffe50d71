package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Human-readable class names: the built-in lists for Fashion-MNIST, MNIST and CIFAR-10, or a names file
 * (UTF-8, one name per line in class-index order; blank lines are ignored).
 */
public final class ClassNames {

    /** Fashion-MNIST's ten classes, by label 0..9. */
    public static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's ten classes: the digits "0".."9". */
    public static final List<String> MNIST = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** CIFAR-10's ten classes, by label 0..9, as in the data set's {@code batches.meta.txt}. */
    public static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "fashion-mnist", FASHION_MNIST, "mnist", MNIST, "cifar10", CIFAR10);

    private ClassNames() {
    }

    /**
     * @param key "fashion-mnist", "mnist" or "cifar10" (case ignored; "cifar-10" and "fashion_mnist" also work)
     * @return the built-in list, or empty when there is none by that name
     */
    public static Optional<List<String>> builtIn(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.equals("cifar-10")) {
            k = "cifar10";
        } else if (k.equals("fashionmnist")) {
            k = "fashion-mnist";
        }
        return Optional.ofNullable(BUILT_IN.get(k));
    }

    /**
     * A built-in names list given to data of another image shape: {@code --names fashion-mnist} on CIFAR-10's batches
     * called airplanes T-shirts, and {@code --names cifar10} on Fashion-MNIST called garments airplanes, without a word
     * (a fresh user, 6 Dec).
     *
     * @param spec the {@code --names} value (null: none given)
     * @param shape the data's image shape, [channels, height, width]
     * @throws InvalidSettingException (setting {@code names}) when the spec names a built-in list whose data set's
     *     images have another shape (CIFAR-10: 3×32×32; Fashion-MNIST and MNIST: 1×28×28)
     */
    static void requireBuiltInFitsShape(String spec, List<Integer> shape) {
        if (spec == null) {
            return;
        }
        Optional<List<String>> list = builtIn(spec);
        if (list.isEmpty()) {
            return;
        }
        List<Integer> expected = list.get() == CIFAR10 ? List.of(3, 32, 32) : List.of(1, 28, 28);
        if (!expected.equals(shape)) {
            throw new dev.augment.errors.InvalidSettingException("names", spec + " names the classes of "
                    + (list.get() == CIFAR10 ? "CIFAR-10, whose images are 3×32×32 colour" : list.get() == MNIST
                    ? "MNIST, whose images are 1×28×28 grey" : "Fashion-MNIST, whose images are 1×28×28 grey")
                    + ", but this data's images are " + shape.get(0) + "×" + shape.get(1) + "×" + shape.get(2)
                    + ": another data set's names? give this data's own (a names file), or leave --names out");
        }
    }

    /**
     * @return what makes a names file unreadable, for the one line: UTF-16 (Notepad's "Unicode", by its byte-order
     *     mark) or the first line holding a byte UTF-8 does not allow, each with the fix; the bare line named neither
     *     (a fresh user, 6 Dec)
     */
    private static String whyNotUtf8(Path file) {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            in.mark(2);
            if (dev.augment.io.TextEncoding.isUtf16(in.readNBytes(2))) {
                return ": it is UTF-16 (Notepad's \"Unicode\"); save it as UTF-8, e.g. iconv -f utf-16 -t utf-8 "
                        + dev.augment.generate.output.AtomicOutputDirectory.shellWord(file.toString()) + " > names.txt";
            }
            in.reset();
            long line = dev.augment.io.TextEncoding.firstNonUtf8Line(in);
            return line == 0 ? "" : ": line " + line + " holds a byte UTF-8 does not allow (a Latin-1 or Windows-1252 "
                    + "letter?); save the file as UTF-8";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Reads a names file.
     *
     * @param file a UTF-8 text file, one class name per line, in class-index order, or each line the class index and
     *     the name ({@code 9 Ankle boot}, {@code 0,T-shirt/top}) in any order
     * @return the names by class index, trimmed, blank lines and a byte-order mark left out
     * @throws InvalidDataException when the file is missing, unreadable, not UTF-8 or holds no names
     */
    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            // a named pipe or a device exists: "not found" sent the user looking for it (a fresh user, 6 Dec)
            throw new InvalidDataException(file, "class names file " + (Files.isDirectory(file) ? "is a folder"
                    : Files.exists(file) ? "is not a regular file (a pipe, device or socket)" : "not found")
                    + "; give fashion-mnist, mnist, cifar10 or a UTF-8 file with one name per line");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file, "class names file is not UTF-8 text" + whyNotUtf8(file), e);
        } catch (IOException e) {
            throw new InvalidDataException(file, "class names file cannot be read: " + e.getMessage(), e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            // the byte-order mark Windows Notepad writes: it became part of the first class's name
            lines.set(0, lines.get(0).substring(1));
        }
        for (int i = 0; i < lines.size(); i++) {
            // the rule the model's metadata keeps: a NUL went into the model, which every command then refused as
            // "edited or damaged after export" (a fresh user, 6 Dec); blank lines are left out below
            String fault = lines.get(i).isBlank() ? null : dev.augment.schema.SampleSchema.nameFault(lines.get(i));
            if (fault != null) {
                throw new InvalidDataException(file, "line " + (i + 1) + " of the class names file " + fault
                        + ", which no class name may; remove it");
            }
        }
        List<String> names = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new InvalidDataException(file, "class names file holds no names; put one name per line");
        }
        return byTheirIndex(file, names);
    }

    /** A line that starts with its class index: {@code 9 Ankle boot}, {@code 0,T-shirt/top}, {@code 3\tcat}. */
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile(
            "(\\d{1,9})\\s*[,;:\\t ]\\s*(\\S.*)");

    /**
     * A names file whose every line carries its class index (Keras's and TensorFlow's labels.txt, an exported
     * class_id,name CSV) was read by line order: sorted by name, every class got another's name, and a model baked it
     * in (a fresh user, 6 Dec). Read by the indices when they are 0 … K-1; refused when they are other numbers.
     */
    private static List<String> byTheirIndex(Path file, List<String> lines) {
        List<java.util.regex.Matcher> parts = lines.stream().map(INDEXED::matcher).toList();
        if (!parts.stream().allMatch(java.util.regex.Matcher::matches)) {
            return lines;
        }
        String[] named = new String[lines.size()];
        for (java.util.regex.Matcher line : parts) {
            int index = Integer.parseInt(line.group(1));
            if (index >= named.length || named[index] != null) {
                throw new InvalidDataException(file, "every line starts with a number, as a class index does ('"
                        + lines.get(0) + "'), but the numbers are not the indices 0 to " + (named.length - 1) + " once "
                        + "each; write the names alone, one per line in class-index order, or number them from 0");
            }
            named[index] = line.group(2).strip();
        }
        return List.of(named);
    }

    private static long blankLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().filter(String::isBlank).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return a number's value as text ("01", "1.0" and fullwidth "１" give "1"), else the name as folded */
    private static String numberKey(String name) {
        String folded = fold(name);
        try {
            return new java.math.BigDecimal(folded).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return folded;
        }
    }

    /**
     * @return the name as a reader sees it: the tables' look-alike spelling ({@code ColumnAdvice.looseSpelling}: case,
     *     spaces, invisible characters, underscores, how an accent is written) of its compatibility form (NFKC), as a
     *     fullwidth {@code ｃａｔ} in a class name reads as {@code cat}
     */
    static String fold(String name) {
        return dev.augment.table.ColumnAdvice.looseSpelling(java.text.Normalizer.normalize(name,
                java.text.Normalizer.Form.NFKC));
    }

    /**
     * Names given to numbered labels (IDX, CIFAR-10) must not be another class's label: names {@code 1, 0} for labels
     * {@code 0, 1} were taken, and every output then held label 1 under the name 0 (a fresh user, 5 Dec). Class folders
     * are checked by their own rule ({@link ImageFolderLayout}).
     *
     * @param spec the names as given (a file), or null
     * @param names the names resolved, by class index
     * @param labels the labels, by class index
     * @throws InvalidDataException naming the class, its label and the other class
     */
    static void requireNoLabelSwap(String spec, List<String> names, List<String> labels) {
        if (spec == null || builtIn(spec).isPresent()) {
            return;
        }
        requireNoLabelSwap(Path.of(spec), names, labels);
    }

    /**
     * As {@link #requireNoLabelSwap(String, List, List)} for names from any file: a names file, or a hand-written
     * {@code classes.csv} (names 1, 0 for labels 0, 1 were taken from one, and {@code --counts 1=2} then grew label 0:
     * a fresh user, 5 Dec).
     *
     * @param source the file the names came from, for the message
     */
    static void requireNoLabelSwap(Path source, List<String> names, List<String> labels) {
        List<String> labelKeys = labels.stream().map(ClassNames::numberKey).toList();
        for (int i = 0; i < names.size(); i++) {
            // "01" or "1.0" for label 1 is the same number to a reader, and "--counts 1" and "01" then picked two
            // different classes (a fresh user, 5 Dec)
            String key = numberKey(names.get(i));
            // another class's exact label is a swap first; then a name that reads as its own label is none, even
            // where two labels read alike (Cat and cat, café composed and decomposed): generate's own classes.csv
            // for such classes was refused, and then their names swapped exactly were taken (a fresh user, 7 Dec)
            int exact = labels.indexOf(names.get(i));
            int other = exact >= 0 ? exact : names.get(i).equals(labels.get(i)) || key.equals(labelKeys.get(i)) ? -1
                    : labelKeys.indexOf(key);
            if (other >= 0 && other != i) {
                throw new InvalidDataException(source, "names class " + i + " (label '"
                        + dev.augment.table.ColumnAdvice.shown(labels.get(i)) + "') '"
                        + dev.augment.table.ColumnAdvice.shown(names.get(i)) + "', the label of class " + other
                        + ", which would swap their classes; give the names in label order, or other names");
            }
        }
    }

    /**
     * @param list a built-in list of names
     * @param labels the data's labels
     * @return the list's name of each label, when every label is one of its names written loosely ({@link
     *     ClassMap#looseName}: case, '/' written '_' as generate's folders write it) and no two take one name
     */
    static Optional<List<String>> namedByList(List<String> list, List<String> labels) {
        Map<String, String> byLoose = new java.util.HashMap<>();
        list.forEach(n -> byLoose.put(ClassMap.looseName(n), n));
        List<String> names = labels.stream().map(l -> byLoose.get(ClassMap.looseName(l))).toList();
        if (labels.isEmpty() || names.contains(null) || names.stream().distinct().count() != names.size()) {
            return Optional.empty();
        }
        return Optional.of(names);
    }

    /**
     * Resolves the class names for a data set.
     *
     * @param spec a built-in list name, a names file, or null for the defaults
     * @param labels the data set's Tribuo labels, by class index
     * @param defaults the names to use when {@code spec} is null; ignored (the labels are used instead)
     *                 when their number differs from the number of labels, unless they are a built-in list and
     *                 the labels some of its class numbers (each label then takes its class's name)
     * @return one name per label; the list's own names when a built-in {@code spec} names every label ({@link
     *     #namedByList})
     * @throws InvalidSettingException when a built-in list has the wrong number of names
     * @throws InvalidDataException when a names file is bad or has the wrong number of names
     */
    public static List<String> resolve(String spec, List<String> labels, List<String> defaults) {
        if (spec == null) {
            return defaults.size() == labels.size() ? List.copyOf(defaults)
                    : BUILT_IN.containsValue(defaults) ? byLabelIndex(defaults, labels).orElse(List.copyOf(labels))
                    : List.copyOf(labels);
        }
        Optional<List<String>> builtIn = builtIn(spec);
        if (builtIn.isPresent()) {
            Optional<List<String>> named = namedByList(builtIn.get(), labels);
            if (named.isPresent()) {
                // folders already named by the list (cat, dog, ship of CIFAR-10's ten): a subset was refused as
                // "not among its class numbers; give a names file instead" (a fresh user, 7 Dec); also as augment's
                // generate writes them (T-shirt_top) or in other case (sneaker: a re-check, 7 Dec)
                return named.get();
            }
            if (builtIn.get().size() != labels.size()) {
                Optional<List<String>> some = byLabelIndex(builtIn.get(), labels);
                if (some.isPresent()) {
                    return some.get();
                }
                // which labels are neither its names nor its numbers: "cat, dog, zebra ... not among its class
                // numbers" for two of CIFAR-10's names (a re-check, 7 Dec)
                Map<String, String> loose = new java.util.HashMap<>();
                builtIn.get().forEach(n -> loose.put(ClassMap.looseName(n), n));
                List<String> strangers = labels.stream().filter(l -> !loose.containsKey(ClassMap.looseName(l)))
                        .toList();
                boolean someNamed = strangers.size() < labels.size();
                // every label one of its names, two of them the same one: "of which [] are not among its names"
                // (Coat and coat; a re-check, 7 Dec)
                Map<String, List<String>> byName = new java.util.TreeMap<>();
                labels.forEach(l -> byName.computeIfAbsent(loose.getOrDefault(ClassMap.looseName(l), ""),
                        k -> new java.util.ArrayList<>()).add(l));
                String twice = byName.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue().size() > 1)
                        .findFirst().map(e -> "labels " + e.getValue() + " all take its name '" + e.getKey()
                        + "'; merge them, or give a names file").orElse("");
                throw new InvalidSettingException("names", "'" + spec + "' lists " + builtIn.get().size()
                        + " names but the data has " + labels.size() + " classes " + labels + ", " + (strangers
                        .isEmpty() && !twice.isEmpty() ? "and its " + twice : (someNamed ? "of which " + strangers
                        + (strangers.size() == 1 ? " is" : " are") + " not among its names" : "which are not among "
                        + "its names or its class numbers 0-" + (builtIn.get().size() - 1)) + "; leave --names out "
                        + "(the labels name the classes), or give a names file"));
            }
            return builtIn.get();
        }
        Path file = Path.of(spec);
        List<String> names = read(file);
        if (names.size() != labels.size()) {
            long blank = names.size() < labels.size() ? blankLines(file) : 0; // left out, they explain too few
            throw new InvalidDataException(file, "lists " + names.size() + " class names but the data has "
                    + labels.size() + " classes " + labels + (blank == 0 ? "" : " (" + blank + " blank line"
                    + (blank == 1 ? " was" : "s were") + " left out: a blank line names no class)")
                    + "; put one name per line in class-index order");
        }
        java.util.Map<String, Integer> folded = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                // a generator cannot hold two classes of one name: it would be trained and then refused
                throw new InvalidDataException(file, "lists the name '" + names.get(i) + "' twice (names "
                        + (names.indexOf(names.get(i)) + 1) + " and " + (i + 1) + "); give each class its own name");
            }
            Integer same = folded.putIfAbsent(fold(names.get(i)), i);
            if (same != null) {
                // café typed on two machines (NFC, NFD), Cat and cat, a no-break space: two classes a user cannot tell
                // apart, which generate's folders then told apart as café and café_1 (a fresh user, 5 Dec)
                throw new InvalidDataException(file, "lists '" + dev.augment.table.ColumnAdvice.shown(names.get(same))
                        + "' and '" + dev.augment.table.ColumnAdvice.shown(names.get(i)) + "' (names " + (same + 1)
                        + " and " + (i + 1) + "), which differ "
                        + "only in case, accents' encoding, width or invisible characters; give each class a name "
                        + "of its own");
            }
        }
        requireNotTheDefaultsReordered(file, names, labels, defaults);
        return names;
    }

    /**
     * Data of some of a built-in set's classes, labelled by their numbers in it (Fashion-MNIST without its ankle
     * boots: labels 0–8) lost the names, and {@code --names fashion-mnist} was refused for its ten names (a fresh
     * user, 6 Dec): each label that is a class number of the set takes that class's name.
     *
     * @return the built-in names of the labels, when every label is a class number of the set (0, 1, … written
     *     plainly) and there are fewer labels than names; else empty
     */
    private static Optional<List<String>> byLabelIndex(List<String> builtIn, List<String> labels) {
        if (labels.isEmpty() || labels.size() >= builtIn.size()) {
            return Optional.empty();
        }
        List<String> names = new java.util.ArrayList<>();
        for (String label : labels) {
            if (!label.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(label) >= builtIn.size()) {
                return Optional.empty();
            }
            names.add(builtIn.get(Integer.parseInt(label)));
        }
        return Optional.of(List.copyOf(names));
    }

    /**
     * The data's own names (Fashion-MNIST's, known from its file names) given in another order, sorted by name as
     * {@code sorted(os.listdir())} or a LabelEncoder gives them, named every class as another, silently (a fresh
     * user, 6 Dec): refused, as the same names in another order are beside a {@code classes.csv}.
     */
    private static void requireNotTheDefaultsReordered(Path file, List<String> names, List<String> labels,
                                                       List<String> defaults) {
        // a built-in list only: a classes.csv's names in another order are refused where the map is read, by name
        if (!BUILT_IN.containsValue(defaults) || defaults.equals(labels)
                || !dev.augment.schema.UnicodeSpelling.sameNamesInAnotherOrder(defaults, names)) {
            return;
        }
        int moved = 0;
        while (names.get(moved).equals(defaults.get(moved))) {
            moved++;
        }
        throw new InvalidDataException(file, "lists the data's own class names in another order: class " + moved
                + " would be called '" + names.get(moved) + "' where the data calls it '" + defaults.get(moved)
                + "'; give the names in class-index order (" + String.join(", ", defaults) + "), or leave --names out");
    }
}
