package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.PhysicalPaths;
import dev.augment.table.ColumnKind;
import dev.augment.table.CsvTableSource;
import dev.augment.table.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a data set from a path, recognising its layout. This is the one entry point the command line uses.
 *
 * <p>Accepted layouts, tried in this order:
 * <ul>
 *   <li>"images,labels": two IDX files joined by a comma;</li>
 *   <li>a single {@code .bin} file: one CIFAR-10 binary batch;</li>
 *   <li>a folder holding {@code train-images-idx3-ubyte[.gz]} and {@code train-labels-idx1-ubyte[.gz]}
 *       ({@code t10k-} for the test split): an IDX pair, as MNIST and Fashion-MNIST ship (or with a dot before the
 *       type, {@code train-images.idx3-ubyte}, as copies on Kaggle name them);</li>
 *   <li>a folder holding {@code data_batch_*.bin} ({@code test_batch.bin} for the test split), or one whose
 *       {@code cifar-10-batches-bin/} sub-folder does: CIFAR-10;</li>
 *   <li>a folder with {@code train/} and {@code test/} sub-folders (in any case: {@code Train/}, {@code TEST/}): the
 *       one for the split, read as below; with only one of them (holding class folders), that split alone, the
 *       other refused by name;</li>
 *   <li>a folder of class sub-folders of images;</li>
 *   <li>a single {@code .csv} file: a table with a header row and a label column ({@link #openTable}); only
 *       through {@link #open(Path, Split, String, String)}, which names the label column. A table has no
 *       train/test split: every split reads the whole file.</li>
 * </ul>
 */
public final class DataSources {

    /** What {@link #open} accepts, for error messages. */
    public static final String LAYOUTS = "expected a folder with train-images-idx3-ubyte[.gz] and "
            + "train-labels-idx1-ubyte[.gz] (t10k-* for test), a folder with images-idx3-ubyte and labels-idx1-ubyte "
            + "(as augment writes IDX), a folder with CIFAR-10 data_batch_*.bin "
            + "(test_batch.bin for test), a single CIFAR-10 .bin file, a folder of class sub-folders of "
            + ".png/.jpg images (optionally under train/ and test/), \"images,labels\" IDX files, or (where a label "
            + "column is named) a .csv table";

    /** The images file of an IDX pair without a split prefix, as {@code augment generate --format idx} writes it. */
    public static final String IDX_IMAGES = "images-idx3-ubyte";

    /** The labels file of an IDX pair without a split prefix, as {@code augment generate --format idx} writes it. */
    public static final String IDX_LABELS = "labels-idx1-ubyte";

    /** The file name ending of a CSV table. */
    public static final String CSV_SUFFIX = ".csv";

    private static final Pattern BATCH = Pattern.compile("data_batch_(\\d{1,9})\\.bin");

    private DataSources() {
    }

    /**
     * Whether a data set has a test part of its own: {@code Split.TEST} on a layout without one (flat class folders,
     * one IDX pair, generate's output) reads the training examples again, and a test figure is then a training
     * figure (the README's example reported one without a word: a fresh user, 6 Dec).
     *
     * @param path a folder in one of the accepted layouts
     * @return whether it holds a test split: {@code t10k-*} IDX files, CIFAR-10's {@code test_batch}, or a
     *     {@code test/} (or {@code testing/}) folder of class folders beside the training one
     */
    public static boolean hasTestSplit(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        if (splitIdxFile(path, Split.TEST.idxPrefix() + "-images", "idx3-ubyte").isPresent()) {
            return true;
        }
        for (Path dir : List.of(path, path.resolve("cifar-10-batches-bin"))) {
            if (Files.isDirectory(dir) && !cifarBatches(dir, Split.TEST).isEmpty()) {
                return true;
            }
        }
        if (splitNamesAreClasses(path)) {
            return false;
        }
        Path test = splitFolder(path, Split.TEST);
        return Files.isDirectory(test) && hasSubFolder(test);
    }

    /**
     * @return whether the folder's {@code classes.csv} lists a class folder named as a split ({@code train/},
     *     {@code test/}): generate writes classes so named (PASCAL VOC has a class {@code train}), and every reader
     *     then refused its own output as a broken split layout, its class map notwithstanding (a fresh user, 6 Dec)
     */
    static boolean splitNamesAreClasses(Path dir) {
        try {
            return ClassMap.readIfPresent(dir).map(map -> map.entries().stream().anyMatch(e -> Split.TRAIN.isFolderName(
                    e.folder()) || Split.TEST.isFolderName(e.folder()))).orElse(false);
        } catch (RuntimeException unreadable) {
            return false; // a classes.csv augment cannot read is reported where the folder is read
        }
    }

    /**
     * Opens a data set that is not a table.
     *
     * @param path a folder or file in one of the accepted layouts
     * @param split which part to read where the layout has both
     * @param names class names for {@link ClassNames#resolve}, or null for the layout's default: Fashion-MNIST
     *              names for IDX data whose file or folder name contains "fashion", digits for other IDX data,
     *              CIFAR-10 names for CIFAR-10, folder names for image folders
     * @return the data source
     * @throws InvalidDataException when the path is missing, matches no layout or holds bad data, or is a
     *     {@code .csv} table (use {@link #open(Path, Split, String, String)})
     */
    public static SchemaDataSource open(Path path, Split split, String names) {
        if (isTable(path)) {
            throw new InvalidDataException(path, "a CSV table is read only with the name of its label column, which "
                    + "this reader is not given; " + LAYOUTS);
        }
        return open(path, split, names, null);
    }

    /**
     * Opens a data set, a CSV table included.
     *
     * @param path a folder or file in one of the accepted layouts, or a {@code .csv} table
     * @param split which part to read where the layout has both (a table has one part: the whole file)
     * @param names class names for {@link ClassNames#resolve}, or null for the layout's default; not used for a table
     * @param label the label column of a {@code .csv} table; null for the other layouts
     * @return the data source ({@link CsvTableSource} for a table)
     * @throws InvalidDataException when the path is missing, matches no layout or holds bad data
     * @throws InvalidSettingException (setting {@code label}) when the path is a table and no label column is given
     */
    public static SchemaDataSource open(Path path, Split split, String names, String label) {
        return open(path, split, names, label, Map.of());
    }

    /**
     * Opens a data set, a CSV table included, forcing the kind of some table columns.
     *
     * @param path a folder or file in one of the accepted layouts, or a {@code .csv} table
     * @param split which part to read where the layout has both (a table has one part: the whole file)
     * @param names class names for {@link ClassNames#resolve}, or null for the layout's default; not used for a table
     * @param label the label column of a {@code .csv} table; null for the other layouts
     * @param overrides kinds forced on some columns of a table, by header (see {@link #openTable}); not used otherwise
     * @return the data source ({@link CsvTableSource} for a table)
     * @throws InvalidDataException when the path is missing, matches no layout or holds bad data
     * @throws InvalidSettingException (setting {@code label}) when the path is a table and no label column is given;
     *     (setting {@code numeric} or {@code categorical}) when an override names the label column; an override naming a
     *     column not in the header is an {@link InvalidDataException}
     */
    public static SchemaDataSource open(Path path, Split split, String names, String label,
                                        Map<String, ColumnKind> overrides) {
        return open(path, split, names, label, overrides, TableSchema.DEFAULT_MISSING_MARKER);
    }

    /**
     * As {@link #open(Path, Split, String, String, Map)}, with a table's missing-value marker.
     *
     * @param path the data path
     * @param split which split of a layout that has two; a table has one
     * @param names class names for {@link ClassNames#resolve}, or null for the layout's default; not used for a table
     * @param label the label column of a {@code .csv} table; null for the other layouts
     * @param overrides kinds forced on some columns of a table, by header; not used otherwise
     * @param missingMarker the text of a table's missing cell (an empty cell is missing too); not used otherwise
     * @return the data source ({@link CsvTableSource} for a table)
     * @throws InvalidDataException when the path is missing, matches no layout or holds bad data
     * @throws InvalidSettingException (setting {@code label}) when the path is a table and no label column is given;
     *     (setting {@code missing}) for a marker a cell cannot be
     */
    public static SchemaDataSource open(Path path, Split split, String names, String label,
                                        Map<String, ColumnKind> overrides, String missingMarker) {
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            // a device or a pipe (/dev/zero) would be read without end
            throw new InvalidDataException(path, "not a regular file or folder; give a data file or folder");
        }
        if (isTable(path)) {
            if (label == null || label.isEmpty()) {
                throw new InvalidSettingException("label", "is required: '" + path + "' is a CSV table; "
                        + dev.augment.table.ColumnAdvice.labelAdvice(path));
            }
            return new CsvTableSource(path, label, overrides, missingMarker);
        }
        String text = path.toString();
        if (text.contains(",") && !Files.exists(path)) {
            String[] parts = text.split(",", -1);
            // "images," read the empty second path as the current folder ("augment: : is a folder"), and
            // "images,labels,labels" joined the last two into one path (a fresh user, 5 Dec)
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new InvalidSettingException("data", "'" + text + "' is not a pair of files: give exactly the "
                        + "images file and its labels file, as images,labels");
            }
            return new IdxImageSource(Path.of(parts[0].strip()), Path.of(parts[1].strip()), names);
        }
        if (!Files.exists(path)) {
            java.util.Optional<String> uri = dev.augment.io.UriPaths.problem(path, "the data");
            if (uri.isPresent() && text.regionMatches(true, 0, "file:", 0, 5)) {
                throw new InvalidDataException(path, uri.get());
            }
            if (text.matches("(?i)[a-z][a-z0-9+.-]+:/.*")) {
                // the address, mangled to one slash by the path, was "data not found" (a fresh user, 6 Dec)
                throw new InvalidDataException(path, "a web or cloud address, not a local folder or file; download the "
                        + "data first and give the folder it is in");
            }
            throw new InvalidDataException(path, "data not found; " + LAYOUTS);
        }
        if (Files.isRegularFile(path)) {
            if (path.getFileName().toString().endsWith(".bin")) {
                return new Cifar10Source(List.of(path), names);
            }
            if (ImageFolderLayout.isImageName(path.getFileName().toString())
                    || ImageFolderLayout.isUnreadImageName(path.getFileName().toString())) {
                Path classFolder = PhysicalPaths.absolute(path).getParent();
                Path above = classFolder == null ? null : classFolder.getParent();
                throw new InvalidDataException(path, "is one image; give the folder that holds one sub-folder of "
                        + "images per class" + (above == null ? "" : " (perhaps " + above + ")"));
            }
            if (ARCHIVE.matcher(path.getFileName().toString()).matches()) {
                throw new InvalidDataException(path, "is an archive; unpack it and give the folder it holds (for "
                        + "example unzip, or tar -xzf)");
            }
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*idx[13].*")) {
                // one file of an IDX pair got the generic list of layouts (a fresh user, 5 Dec)
                throw new InvalidDataException(path, "is one file of an IDX pair; give the images file and its labels "
                        + "file together, as --data images,labels, or the folder that holds both");
            }
            throw new InvalidDataException(path, "not a recognised data file; " + LAYOUTS);
        }
        Optional<Path> images = splitIdxFile(path, split.idxPrefix() + "-images", "idx3-ubyte");
        Optional<Path> labels = splitIdxFile(path, split.idxPrefix() + "-labels", "idx1-ubyte");
        if (images.isPresent() != labels.isPresent()) {
            requireNotOneFilesOwnFolder(path, images.orElseGet(labels::orElseThrow));
        }
        if (images.isPresent() || labels.isPresent()) {
            refuseClassFoldersBeside(path, "the IDX files " + images.map(Path::getFileName).orElse(null) + " and "
                    + labels.map(Path::getFileName).orElse(null), images.orElse(null), labels.orElse(null));
            return new IdxImageSource(
                    images.orElseGet(() -> path.resolve(split.idxPrefix() + "-images-idx3-ubyte.gz")),
                    labels.orElseGet(() -> path.resolve(split.idxPrefix() + "-labels-idx1-ubyte.gz")), names);
        }
        if (split == Split.TEST && splitIdxFile(path, Split.TRAIN.idxPrefix() + "-images", "idx3-ubyte").isPresent()) {
            // the training split's IDX files without the test split's: "no data set found" described the very files
            // the folder holds (a fresh user, 5 Dec)
            throw new InvalidDataException(path, "has the training split's IDX files (train-*) but no test split's: "
                    + "add t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz] beside them (or, as Kaggle "
                    + "unpacks them, each in a folder of its own name)");
        }
        // augment's own IDX output: one set, no split prefix, a classes.csv beside it (read by IdxImageSource)
        Optional<Path> ownImages = idxFile(path, IDX_IMAGES);
        Optional<Path> ownLabels = idxFile(path, IDX_LABELS);
        if (ownImages.isPresent() || ownLabels.isPresent()) {
            refuseClassFoldersBeside(path, "the IDX files " + IDX_IMAGES + " and " + IDX_LABELS,
                    ownImages.orElse(null), ownLabels.orElse(null));
            return new IdxImageSource(ownImages.orElseGet(() -> path.resolve(IDX_IMAGES)),
                    ownLabels.orElseGet(() -> path.resolve(IDX_LABELS)), names);
        }
        for (Path dir : List.of(path, path.resolve("cifar-10-batches-bin"))) {
            List<Path> batches = cifarBatches(dir, split);
            if (!batches.isEmpty()) {
                refuseClassFoldersBeside(path, "CIFAR-10's binary batches", batches.get(0), null);
                return new Cifar10Source(batches, names);
            }
        }
        if (splitNamesAreClasses(path)) {
            requireNotTheTrainingSplit(path, split);
            return new ImageFolderSource(path, names);
        }
        Path train = splitFolder(path, Split.TRAIN);
        Path test = splitFolder(path, Split.TEST);
        if (Files.isDirectory(train) && Files.isDirectory(test)) {
            return ImageFolderSource.ofSplit(split == Split.TRAIN ? train : test, names);
        }
        // train/ (or test/) alone, holding class folders: one split of a split layout, not a class of images
        // named "train", whose folder would hold images rather than folders
        Path only = Files.isDirectory(train) ? train : Files.isDirectory(test) ? test : null;
        if (only != null && hasSubFolder(only)) {
            Path wanted = split == Split.TRAIN ? train : test;
            if (only.equals(wanted)) {
                // as a split, so that what lies beside it (a val/ folder of the Keras layout) is named, not dropped
                return ImageFolderSource.ofSplit(only, names);
            }
            throw new InvalidDataException(path, "has a " + only.getFileName() + "/ folder of classes but no "
                    + wanted.getFileName() + "/ folder for the " + split.name().toLowerCase(Locale.ROOT)
                    + " split" + (split == Split.TEST ? " (or a testing/ folder)" : " (or a training/ folder)") + "; "
                    + validationFolder(path).filter(v -> split == Split.TEST)
                    .map(v -> "its " + v + "/ folder is not read: rename it test/ to use it as the test split, ")
                    .orElse("") + "add it, or give the class folders themselves");
        }
        if (hasSubFolder(path)) {
            requireNotTheTrainingSplit(path, split);
            return new ImageFolderSource(path, names);
        }
        long loose = ImageFolderLayout.imagesIn(path);
        long unreadLoose = ImageFolderLayout.unreadImagesIn(path);
        if (loose == 0 && unreadLoose > 0) {
            Path parent = PhysicalPaths.absolute(path).getParent(); // '.' names the folder itself
            throw new InvalidDataException(path, "holds " + unreadLoose + " image" + (unreadLoose == 1 ? "" : "s")
                    + " in formats augment does not read (GIF, BMP, WebP …; convert them to PNG or JPEG) and no "
                    + "class folders; augment reads a folder with one sub-folder of images per class: if this is one "
                    + "class's folder, give the folder that holds it and the other classes' folders"
                    + (parent == null ? "" : " (perhaps " + parent + ")"));
        }
        if (loose > 0) {
            // one class's folder given as the data (a fresh user, 5 Dec, was told "no data set found")
            Path parent = PhysicalPaths.absolute(path).getParent(); // '.' names the folder itself
            Optional<String> named;
            try (Stream<Path> files = Files.list(path)) {
                named = ImageFolderLayout.classesInFileNames(files.filter(f -> Files.isRegularFile(f)
                        && ImageFolderLayout.isImageName(f.getFileName().toString())).sorted().toList());
            } catch (IOException e) {
                named = Optional.empty();
            }
            if (named.isPresent()) {
                // Kaggle's Dogs vs Cats (cat.0.jpg) was sent to its parent, read as one class (a fresh user, 6 Dec)
                throw new InvalidDataException(path, "holds " + loose + " images whose names carry their class ("
                        + named.get() + ") but no class folders; augment reads one sub-folder of images per class: "
                        + "sort them, e.g. cd " + dev.augment.generate.output.AtomicOutputDirectory.shellWord(
                        path.toString()) + " && for f in *; do c=\"${f%%[._-]*}\"; mkdir -p \"../by-class/$c\" && cp "
                        + "\"$f\" \"../by-class/$c/\"; done, and give the by-class folder beside it");
            }
            throw new InvalidDataException(path, "holds " + loose + " image" + (loose == 1 ? "" : "s") + " but no "
                    + "class folders; augment reads a folder with one sub-folder of images per class: if this is one "
                    + "class's folder, give the folder that holds it and the other classes' folders"
                    + (parent == null ? "" : " (perhaps " + parent + ")"));
        }
        List<String> tables = csvFilesIn(path);
        if (sparkParts(path).size() > 1) {
            // Spark's x.csv/ folder of parts: the advice to give the first part trained on half the rows (7 Dec)
            throw new InvalidDataException(path, "holds the " + tables.size() + " part files of one table, as Spark "
                    + "writes a CSV (" + tables.get(0) + ", …); join them into one file under one header (e.g. "
                    + "head -n 1 " + tables.get(0) + " > all.csv; for f in part-*.csv; do tail -n +2 \"$f\" >> "
                    + "all.csv; done) and give it with --label COLUMN");
        }
        if (!tables.isEmpty()) {
            // generate --format csv writes samples.csv in a folder; the folder was told only the list of layouts
            // (a fresh user, 5 Dec)
            throw new InvalidDataException(path, "holds no image data set but " + (tables.size() == 1
                    ? "a CSV table, " : "CSV tables: ") + String.join(", ", tables) + "; a table is read as the file "
                    + "itself, with its label column named (--data " + path.resolve(likelyTrainingTable(tables))
                    + " --label COLUMN), where a command reads "
                    + "tables; " + LAYOUTS);
        }
        List<String> archives = archivesIn(path);
        if (!archives.isEmpty()) {
            // the commonest download: the folder holds the archive, which "no data set found" never named (6 Dec)
            throw new InvalidDataException(path, "holds no data set but " + (archives.size() == 1 ? "an archive, "
                    : "archives: ") + String.join(", ", archives) + "; unpack it here (for example unzip, or tar "
                    + "-xzf) and give the folder it makes");
        }
        String unpaired = unpairedData(path);
        if (unpaired != null) {
            throw new InvalidDataException(path, unpaired);
        }
        throw new InvalidDataException(path, "no data set found in this folder; " + LAYOUTS);
    }

    /**
     * @return what a folder holds that no layout pairs, with the way to read it: IDX files of other names (EMNIST's
     *     {@code emnist-letters-train-images-idx3-ubyte.gz}) or of the test split alone, CIFAR-10's test batch alone,
     *     or CIFAR-10's Python (pickled) batches; null when none (each was "no data set found": a fresh user, 6 Dec)
     */
    private static String unpairedData(Path folder) {
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return null;
        }
        List<String> idx = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).matches(".*idx[13][-.]ubyte.*"))
                .toList();
        List<String> packed = idx.stream().filter(n -> n.toLowerCase(Locale.ROOT).matches(".*\\.(bz2|xz|zst|lz4|7z)"))
                .toList();
        if (!packed.isEmpty()) {
            // told to give a pair that was then refused as bzip2 (a fresh user, 6 Dec)
            String tool = packed.get(0).endsWith(".bz2") ? "bunzip2" : packed.get(0).endsWith(".xz") ? "unxz"
                    : packed.get(0).endsWith(".zst") ? "unzstd" : packed.get(0).endsWith(".lz4") ? "unlz4" : "7z x";
            return "holds compressed IDX files (" + String.join(", ", packed.subList(0, Math.min(4, packed.size())))
                    + (packed.size() > 4 ? ", …" : "") + "), which augment reads only as gzip (.gz) or plain; "
                    + "decompress them here (" + tool + ") and give the folder again";
        }
        if (!idx.isEmpty()) {
            // the training pair first: a folder of both splits was offered its t10k (test) files
            List<String> ordered = java.util.stream.Stream.concat(idx.stream().filter(n -> n.startsWith("train")),
                    idx.stream().filter(n -> !n.startsWith("train"))).toList();
            String images = ordered.stream().filter(n -> n.contains("idx3")).findFirst().orElse(null);
            String labels = images == null ? null : idx.stream().filter(n -> n.contains("idx1")
                    && n.replace("labels", "images").replace("idx1", "idx3").equals(images)).findFirst().orElse(null);
            return "holds IDX files under names augment does not pair as a training split (" + String.join(", ",
                    idx.subList(0, Math.min(4, idx.size()))) + (idx.size() > 4 ? ", …" : "") + "); give an images "
                    + "file and its labels file together, as --data " + (labels != null ? folder.resolve(images) + ","
                    + folder.resolve(labels) : "IMAGES,LABELS");
        }
        if (names.contains("test_batch.bin")) {
            return "holds CIFAR-10's test batch but no training batches (data_batch_1.bin …); give the batch itself "
                    + "to read it, as --data " + folder.resolve("test_batch.bin");
        }
        if (names.contains("data_batch_1") || names.contains("test_batch")) {
            return "holds CIFAR-10's Python version (pickled batches, as torchvision downloads it), which augment "
                    + "does not read; download the binary version (cifar-10-binary.tar.gz, with data_batch_1.bin …) or "
                    + "give the images as class folders";
        }
        return null;
    }

    /** Archive names, as a file given itself is told to be one. */
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(zip|tar|tgz|tar\\.gz|tar\\.bz2|tar\\.xz|7z|rar)");

    /** @return the archives in a folder, by name, sorted (the first three); empty when it cannot be listed */
    private static List<String> archivesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> ARCHIVE.matcher(n).matches()).sorted().limit(3).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * @param folder a folder
     * @return the CSV part files of one table, as Spark writes a CSV ({@code x.csv/part-00000-….csv}: every CSV
     *     file of the folder), by name; empty when the folder holds none or other CSV files
     */
    public static List<String> sparkParts(Path folder) {
        List<String> tables = csvFilesIn(folder);
        return tables.stream().allMatch(t -> t.startsWith("part-")) ? tables : List.of();
    }

    /**
     * @param tables a folder's CSV files, by name
     * @return the one to offer as {@code --data}: a name with {@code train} in it, else the first; a Kaggle download's
     *     {@code test.csv}, which has no label column, was offered before its {@code train.csv} (a fresh user, 7 Dec)
     */
    static String likelyTrainingTable(List<String> tables) {
        return tables.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("train")).findFirst()
                .orElse(tables.get(0));
    }

    /**
     * @param folder a {@code --data} or {@code --train} given
     * @return "a folder holding the CSV tables test.csv, train.csv: give one file as --data (e.g. --data
     *     kag/train.csv)", for a folder of CSV files but Spark's part files; empty otherwise
     */
    public static java.util.Optional<String> tablesFolder(Path folder) {
        return tablesFolder(folder, null);
    }

    /**
     * @param folder a {@code --data} or {@code --train} given
     * @param label the {@code --label} given, or null
     * @return as {@link #tablesFolder(Path)}, offering a table whose header holds the label column, or saying that
     *     none does: glass.csv's {@code Type} was offered diabetes.csv, the first by name (a fresh user, 7 Dec)
     */
    public static java.util.Optional<String> tablesFolder(Path folder, String label) {
        if (!Files.isDirectory(folder)) {
            return java.util.Optional.empty();
        }
        List<String> tables = csvFilesIn(folder);
        if (tables.isEmpty() || !sparkParts(folder).isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> holding = label == null ? tables
                : tables.stream().filter(t -> headerHolds(folder.resolve(t), label)).toList();
        return java.util.Optional.of("a folder holding the CSV table" + (tables.size() == 1 ? " " : "s ")
                + String.join(", ", tables.subList(0, Math.min(5, tables.size()))) + (tables.size() > 5 ? " and "
                + (tables.size() - 5) + " more" : "") + ": give one file as --data " + (holding.isEmpty()
                ? "(none of them has a column '" + label + "' in its first line)"
                : "(e.g. --data " + folder.resolve(likelyTrainingTable(holding)) + ")"));
    }

    /**
     * @return whether the file's header, split at commas, semicolons, tabs or bars outside quotes and unquoted, holds
     *     the column, in any case; Excel's {@code sep=;} line before it is skipped, a line may end in CR alone, and
     *     bytes that are not UTF-8 are read as Latin-1 too: a semicolon or Latin-1 table holding it was said to have
     *     none, and a header past 64 KB or a quoted name holding a comma (re-checks, 7 Dec)
     */
    private static boolean headerHolds(Path csv, String column) {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(csv))) {
            byte[] line = firstLine(in);
            if (new String(line, java.nio.charset.StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT)
                    .startsWith("sep=")) {
                line = firstLine(in);
            }
            for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.charset.StandardCharsets.ISO_8859_1)) {
                String header = new String(line, charset).replace("\uFEFF", "");
                for (char separator : new char[] {',', ';', '\t', '|'}) {
                    // opencsv, as TableReader reads a table: quoted names keep their commas
                    String[] cells = new com.opencsv.RFC4180ParserBuilder().withSeparator(separator).build()
                            .parseLine(header);
                    if (cells != null && java.util.Arrays.stream(cells).anyMatch(c -> c.strip()
                            .equalsIgnoreCase(column.strip()))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The most bytes of a header line read: a genome table's 8 000 columns fit many times over. */
    private static final int LONGEST_HEADER = 16 << 20;

    /** @return the bytes up to the next LF, CR or the end, at most {@link #LONGEST_HEADER} */
    private static byte[] firstLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.size() < LONGEST_HEADER) {
            if (b == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            line.write(b);
        }
        return line.toByteArray();
    }

    /** @return the {@code .csv} files in a folder but the class map, by name, sorted; empty when it cannot be listed */
    private static List<String> csvFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(CSV_SUFFIX) && !n.equals(ClassMap.FILE))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Opens a CSV table.
     *
     * @param csv the CSV file, with a header row
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header; the others are inferred
     * @return the table as a Tribuo data source
     * @throws InvalidDataException when the file cannot be read as a labelled table, or an override names a column
     *     not in the header
     * @throws InvalidSettingException (setting {@code numeric} or {@code categorical}) when an override names the
     *     label column
     */
    public static CsvTableSource openTable(Path csv, String labelColumn, Map<String, ColumnKind> overrides) {
        return new CsvTableSource(csv, labelColumn, overrides);
    }

    /**
     * @param path a data path
     * @return true when it names a CSV table: a path ending in {@value #CSV_SUFFIX} (any case) that is not a folder
     * @throws InvalidDataException when it is an image folder's {@link ClassMap} file, naming the folder to give
     *     instead
     */
    public static boolean isTable(Path path) {
        Path name = path.getFileName();
        boolean table = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(CSV_SUFFIX)
                && !Files.isDirectory(path);
        if (table && name.toString().equals(ClassMap.FILE) && ClassMap.hasItsHeader(path)) {
            // a fresh user (5 Dec) gave generate's class map as the data: read as a table, it asked for --label, then
            // said each class had one row
            Path folder = path.toAbsolutePath().getParent();
            throw new InvalidDataException(path, "is the class map of the image folder " + folder + " (written by "
                    + "augment generate or oversample), not a table of examples; give the folder as the data (--data "
                    + folder + ")");
        }
        return table;
    }

    /**
     * @return the file of one split's IDX pair, named as MNIST ships it ({@code train-images-idx3-ubyte[.gz]}) or as
     *     copies on Kaggle name it ({@code train-images.idx3-ubyte}, a dot before the type), in that order; a
     *     folder of the Kaggle names was "no data set found" (a fresh user, 4 Dec)), directly in {@code dir} or in a
     *     folder of the file's own name inside it
     * @throws InvalidDataException when two of those places hold files that differ: Kaggle's zip has both a flat
     *     file and a folder of the other spelling, and a user's edited copy in one was passed over without a word
     *     (a fresh user, 5 Dec)
     */
    private static Optional<Path> splitIdxFile(Path dir, String stem, String type) {
        List<Path> found = new ArrayList<>();
        for (String name : List.of(stem + "-" + type, stem + "." + type)) {
            idxFile(dir, name).ifPresent(found::add);
            Path folder = anyCase(dir, name);
            if (Files.isDirectory(folder)) {
                // Kaggle's MNIST zip unpacks each file into a folder of its own name; those folders were read as
                // image classes and refused as "no .png, .jpg or .jpeg image" (a fresh user, 5 Dec). Its copy is
                // compared too when a flat file of that name (name.gz) is beside it: a differing copy there was
                // passed over without a word (a fresh user, 5 Dec)
                idxFile(folder, name).ifPresent(found::add);
            }
        }
        for (Path other : found.subList(Math.min(1, found.size()), found.size())) {
            if (!sameBytes(found.get(0), other)) {
                throw new InvalidDataException(dir, "holds two copies of the " + stem + " file that differ, "
                        + dir.relativize(found.get(0)) + " and " + dir.relativize(other)
                        + "; remove the one you do not mean to read");
            }
        }
        return found.stream().findFirst();
    }

    /**
     * @return {@code name.gz} or {@code name} in {@code dir}, the gzipped one when both hold the same bytes
     * @throws InvalidDataException when both exist and differ: a user who unpacked the file and edited it beside the
     *     archive had the archive read without a word (a fresh user, 4 Dec)
     */
    private static Optional<Path> idxFile(Path dir, String name) {
        Path gz = anyCase(dir, name + ".gz");
        Path raw = anyCase(dir, name);
        if (Files.isRegularFile(gz) && Files.isRegularFile(raw) && !sameBytes(gz, raw)) {
            throw new InvalidDataException(dir, "holds both " + name + " and " + name + ".gz, and they differ; "
                    + "remove the one you do not mean to read");
        }
        return Stream.of(gz, raw).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The training split's folder given as the data was read as both splits when a test split was asked for, and
     * judged the generator against its own training images, with only a note (a fresh user, 5 Dec).
     *
     * @throws InvalidDataException naming the folder above, when the test split is asked of a train/ (training/)
     *     folder that has a test/ (testing/) folder beside it
     */
    private static void requireNotTheTrainingSplit(Path path, Split split) {
        Path folder = PhysicalPaths.absolute(path);
        Path above = folder.getParent();
        if (split != Split.TEST || above == null || folder.getFileName() == null
                || !Split.TRAIN.isFolderName(folder.getFileName().toString())) {
            return;
        }
        Path test = splitFolder(above, Split.TEST);
        if (Files.isDirectory(test)) {
            throw new InvalidDataException(path, "is the training split of " + above + ", whose test split is "
                    + test.getFileName() + "/: give " + above + " as the data to use both");
        }
    }

    /**
     * Kaggle's MNIST zip puts each IDX file in a folder of its own name; one such folder given as the data holds one
     * file of the pair, and the other was "not found" under a name made up from the folder (a fresh user, 5 Dec).
     *
     * @throws InvalidDataException naming the folder above, when {@code dir} is named as the one file it holds
     */
    private static void requireNotOneFilesOwnFolder(Path dir, Path file) {
        Path name = PhysicalPaths.absolute(dir).getFileName();
        String own = file.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
        if (name != null && name.toString().equalsIgnoreCase(own)) {
            throw new InvalidDataException(dir, "holds one file of an IDX pair, in a folder of its own name (as "
                    + "Kaggle's MNIST zip unpacks); give the folder above it, which holds the other file's folder too ("
                    + PhysicalPaths.absolute(dir).getParent() + ")");
        }
    }

    /**
     * @return {@code dir/name} when it exists, else the one file whose name is {@code name} in another case
     *     ({@code TRAIN-IMAGES.IDX3-UBYTE}, as some Windows and zip tools write it: a fresh user, 5 Dec, was told "no
     *     data set found"), else {@code dir/name}
     */
    private static Path anyCase(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact) || !Files.isDirectory(dir)) {
            return exact;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> spelled = entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).toList();
            return spelled.size() == 1 ? spelled.get(0) : exact;
        } catch (IOException e) {
            return exact;
        }
    }

    /**
     * @return whether the two files hold the same bytes once unpacked, each gunzipped when its name ends in
     *     {@code .gz} (false when either cannot be read)
     */
    private static boolean sameBytes(Path first, Path second) {
        if (first.equals(second)) {
            return true;
        }
        try (java.io.InputStream a = unpacked(first);
             java.io.InputStream b = unpacked(second)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            while (true) {
                int n = a.readNBytes(x, 0, x.length);
                int m = b.readNBytes(y, 0, y.length);
                if (n != m || !java.util.Arrays.equals(x, 0, n, y, 0, m)) {
                    return false;
                }
                if (n == 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static java.io.InputStream unpacked(Path file) throws IOException {
        java.io.InputStream in = Files.newInputStream(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return new java.io.BufferedInputStream(in, 1 << 16);
        }
        try {
            return new java.io.BufferedInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static List<Path> cifarBatches(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        if (split == Split.TEST) {
            Path test = dir.resolve("test_batch.bin");
            return Files.isRegularFile(test) ? List.of(test) : List.of();
        }
        List<Path> batches;
        try (Stream<Path> entries = Files.list(dir)) {
            batches = entries.filter(p -> BATCH.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(DataSources::batchNumber)).toList();
        } catch (IOException e) {
            throw new InvalidDataException(dir, "folder cannot be listed: " + e.getMessage(), e);
        }
        for (int i = 0; i < batches.size(); i++) {
            // data_batch_1..5 is CIFAR-10's layout: a gap is a batch lost in a copy or an extraction, a fifth of the
            // data read without a word (a fresh user, 4 Dec)
            if (batchNumber(batches.get(i)) != i + 1) {
                throw new InvalidDataException(dir, "data_batch_" + (i + 1) + ".bin is missing, but "
                        + batches.get(i).getFileName() + " is there (an interrupted copy or extraction?); copy the "
                        + "batch again, or number the batches you mean to use from 1 without gaps");
            }
        }
        return batches;
    }

    private static long batchNumber(Path batch) {
        Matcher m = BATCH.matcher(batch.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /**
     * @return the split's folder in {@code dir}: the one folder named {@code train/} or {@code training/} (or
     *     {@code test/}, {@code testing/}) in any case ({@code Train/}, as many downloaded data sets spell it; see
     *     {@link Split#isFolderName}); the exact short name when there is none
     * @throws InvalidDataException when several folders have such a name ({@code train/} and {@code Train/} on a
     *     case-sensitive file system, or {@code train/} and {@code training/}): reading one would drop the other's
     *     images silently
     */
    private static Path splitFolder(Path dir, Split split) {
        Path exact = dir.resolve(split.folderName());
        if (!Files.isDirectory(dir)) {
            return exact;
        }
        List<Path> spelled;
        try (Stream<Path> entries = Files.list(dir)) {
            spelled = entries.filter(p -> Files.isDirectory(p)
                    && split.isFolderName(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new InvalidDataException(dir, "folder cannot be listed: " + e.getMessage(), e);
        }
        if (spelled.size() > 1) {
            throw new InvalidDataException(dir, "has " + spelled.size() + " folders for the " + split.folderName()
                    + " split (" + String.join(", ", spelled.stream().map(p -> p.getFileName() + "/").toList())
                    + "); keep one");
        }
        return spelled.isEmpty() ? exact : spelled.get(0);
    }

    /**
     * @return the name of a Keras or PyTorch validation folder ({@code val/}, {@code valid/}, {@code validation/}, any
     *     case) in {@code dir}: beside a lone {@code train/}, the test split the user has (a fresh user, 4 Dec, was
     *     told only that no test/ folder exists)
     */
    private static Optional<String> validationFolder(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).matches(
                            "(val|valid|validation)([ _-]?(set|data|images|imgs))?")).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty(); // only the hint is lost
        }
    }

    /**
     * Refuses a folder that holds a data file set (an IDX pair, CIFAR-10's batches) and also class folders of images:
     * the files were read and the images beside them left out without a word (a fresh user, 6 Dec, who had added a
     * class folder of their own photos beside Fashion-MNIST's files). A folder that holds only one of the data
     * files (Kaggle's layout: each IDX file in a folder of its own name) is no class folder.
     *
     * @param path the data folder
     * @param read what would be read, in words
     * @param files the data files (or null), whose own folders are not class folders
     * @throws InvalidDataException when a sub-folder holds images
     */
    private static void refuseClassFoldersBeside(Path path, String read, Path... files) {
        List<String> classFolders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path sub : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = sub.getFileName().toString();
                boolean holdsAFile = java.util.Arrays.stream(files).anyMatch(f -> f != null
                        && sub.equals(f.getParent()));
                if (!ImageFolderLayout.isHidden(sub) && !holdsAFile && ImageFolderLayout.imagesIn(sub) > 0) {
                    classFolders.add(name + "/");
                }
            }
        } catch (IOException e) {
            return; // reading the data files reports a folder that cannot be listed
        }
        if (!classFolders.isEmpty()) {
            throw new InvalidDataException(path, "holds " + read + " and also folders of images ("
                    + String.join(", ", classFolders.subList(0, Math.min(3, classFolders.size())))
                    + (classFolders.size() > 3 ? " and " + (classFolders.size() - 3) + " more" : "")
                    + "), which would be left out: augment reads one data set per folder; move the image folders "
                    + "into a folder of their own and give that, or move the data files out");
        }
    }

    private static boolean hasSubFolder(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> Files.isDirectory(p)
                    && !ImageFolderLayout.isHidden(p));
        } catch (IOException e) {
            throw new InvalidDataException(dir, "folder cannot be listed: " + e.getMessage(), e);
        }
    }
}
