package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How a folder of class folders maps to classes and images, for {@link ImageFolderSource}: which sub-folders are
 * classes and in what order (by number when every name is a number, else in text order, or as a {@link ClassMap}
 * says), which files of a class folder are its images ({@code .png}, {@code .jpg}, {@code .jpeg} in any case,
 * hidden ones left out), what is left unread (for the source's note), and the checks that refuse a layout read the
 * wrong way (one class's folder given as the data, names given by index that disagree with the folders, a link to
 * nothing). Reads names and listings only, never pixels.
 */
final class ImageFolderLayout {

    private ImageFolderLayout() {
    }

    /**
     * @param name a file name
     * @return whether it names an image this source reads: it ends {@code .png}, {@code .jpg} or {@code .jpeg}, or
     *     JPEG's other extensions ({@code .jfif}, {@code .jpe}, …), in any case (a name holding a newline too)
     */
    static boolean isImageName(String name) {
        // JPEG's other extensions too (.jfif, which browsers on Windows save; .jpe): the decoder goes by content
        // (a fresh user's .jfif images were skipped as a format augment does not read, 6 Dec)
        return name.toLowerCase(Locale.ROOT).matches("(?s).*\\.(png|jpe?g|jpe|jfif?|jif|pjpeg|pjp)");
    }

    /**
     * @return entries beside train/ and test/, as "../name" ("../name/" for a folder); hidden ones and the
     *     {@value ClassMap#FILE} both splits read left out
     */
    static List<String> besideTheSplits(Path layout) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(layout)) {
            for (Path entry : top.sorted().toList()) {
                String name = entry.getFileName().toString();
                boolean folder = Files.isDirectory(entry);
                if (isHidden(entry) || (folder && (Split.TRAIN.isFolderName(name) || Split.TEST.isFolderName(name)))
                        || !folder && name.equals(ClassMap.FILE)) { // read: it maps the classes of both splits
                    continue;
                }
                out.add("../" + name + (folder ? "/" : ""));
            }
        } catch (IOException e) {
            return List.of(); // only the note is lost
        }
        return out;
    }

    /**
     * @return what a read of {@code root} leaves out, as {@link ImageFolderSource#skipped()} lists it: files beside
     *     the class folders (not {@code classes.csv}, {@code generated.json} or hidden ones), hidden class folders,
     *     and in class folders their
     *     sub-folders, files that are not images and images whose names start with "."; empty when a listing fails
     */
    static List<String> skippedEntries(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path entry : top.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (!Files.isDirectory(entry)) {
                    if (!name.startsWith(".") && !name.equals(ClassMap.FILE) && !name.equals(GenerationRecord.FILE)) {
                        out.add(name); // an image beside the class folders belongs to no class
                    }
                    continue;
                }
                if (isHidden(entry)) {
                    out.add(name + "/");
                    continue;
                }
                try (Stream<Path> inside = Files.list(entry)) {
                    for (Path file : inside.sorted().toList()) {
                        String fileName = file.getFileName().toString();
                        boolean image = isImageName(fileName);
                        if (Files.isDirectory(file)) {
                            out.add(name + "/" + fileName + "/");
                        } else if (image && !Files.isRegularFile(file)) {
                            // a pipe or a device named x.png was left out without a word (a fresh user, 5 Dec)
                            out.add(name + "/" + fileName + " (not a regular file)");
                        } else if (image ? fileName.startsWith(".") : !fileName.startsWith(".")) {
                            out.add(name + "/" + fileName);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return List.of(); // the folders were just read; a listing that fails now only loses the note
        }
        return List.copyOf(out);
    }

    /**
     * Names given by index (--names) to folders that already name their classes must be those names: the folders are
     * sorted alphabetically, so a list in another order (Fashion-MNIST's) would silently call the 'Ankle boot' folder
     * 'T-shirt/top'. Folders named by number (0, 1, …, taken in number order) take any names, but not the number of
     * another folder (names 2, 1, 10 for folders 1, 2, 10 would swap two classes: a list written for another order;
     * a fresh user, 4 Dec). Compared ignoring case and everything but letters and digits, since a folder cannot be
     * called 'T-shirt/top'.
     *
     * @throws InvalidSettingException (setting {@code names}) naming the first folder whose given name differs
     */
    static void requireFolderNamesAgree(Path root, List<String> folders, List<String> given) {
        if (folders.stream().allMatch(f -> folderNumber(f) != null)) {
            for (int c = 0; c < folders.size(); c++) {
                java.math.BigInteger number = folderNumber(given.get(c).strip());
                int other = number == null ? -1 : numberedFolder(folders, number);
                if (other >= 0 && other != c) {
                    throw new InvalidSettingException("names", "names class " + c + " (folder '" + folders.get(c)
                            + "') '" + given.get(c) + "', the number of another folder in " + root + " ('"
                            + folders.get(other) + "', class " + other + "; numbered folders are taken in number "
                            + "order), which would swap their classes; give the names in number order, or other names");
                }
            }
            return;
        }
        for (int c = 0; c < folders.size(); c++) {
            if (!ClassMap.looseName(folders.get(c)).equals(ClassMap.looseName(given.get(c)))) {
                throw new InvalidSettingException("names", "names class " + c + " '" + given.get(c) + "', but its "
                        + "folder in " + root + " is '" + folders.get(c) + "' (folders are taken in alphabetical "
                        + "order); the folders already name the classes, so leave --names out, or add a "
                        + ClassMap.FILE + " to choose the order and names");
            }
        }
    }

    /** @return the index of the numbered folder whose number is {@code number} (leading zeros ignored), or -1 */
    private static int numberedFolder(List<String> folders, java.math.BigInteger number) {
        for (int c = 0; c < folders.size(); c++) {
            if (number.equals(folderNumber(folders.get(c)))) {
                return c;
            }
        }
        return -1;
    }

    /** @return the number a folder name of decimal digits only names ("02" is 2), or null for any other name */
    static java.math.BigInteger folderNumber(String name) {
        return name.matches("\\d+") ? new java.math.BigInteger(name) : null;
    }

    /**
     * A folder holding images itself beside a single sub-folder, or as many as a class folder inside it holds or
     * more, is most likely one class's folder with a sub-folder of its own: read as classes, its images would be
     * dropped (they belong to no class) and the sub-folder trained as the only class. A few stray images beside large
     * class folders stay a note.
     *
     * @throws InvalidDataException naming the counts and the two fixes
     */
    static void requireNotOneClassFolder(Path root, List<Path> folders) {
        long beside = imagesIn(root);
        if (beside == 0) {
            return;
        }
        long smallest = folders.stream().mapToLong(ImageFolderLayout::imagesIn).min().orElse(0);
        // one sub-folder beside images of its own: a class folder with, say, its rejects; read as classes it would
        // be a one-class set of the sub-folder alone, whatever the counts
        if (folders.size() == 1 && smallest == 0 && list(folders.get(0), Files::isDirectory).stream()
                .anyMatch(d -> imagesIn(d) > 0)) {
            // a preview image beside images/{cat,dog} was called one class's folder (a fresh user, 5 Dec)
            throw new InvalidDataException(root, "holds " + beside + " image" + (beside == 1 ? "" : "s") + " itself "
                    + "beside the folder '" + folders.get(0).getFileName() + "', whose sub-folders look like the class "
                    + "folders: give " + folders.get(0) + " as the data (the images beside it belong to no class)");
        }
        if (folders.size() == 1 || beside >= smallest) {
            throw new InvalidDataException(root, "holds " + beside + " image" + (beside == 1 ? "" : "s") + " itself "
                    + "beside " + (folders.size() == 1 ? "its sub-folder '" + folders.get(0).getFileName() + "' ("
                    : folders.size() + " sub-folders (the smallest with ") + smallest + "): it looks like one class's "
                    + "folder, and images outside a class folder belong to no class; give the folder that holds the "
                    + "class folders, or move these images into a class folder of their own");
        }
    }

    /** Names of a folder that holds a data set's images rather than one class's: a split, or a plain images folder. */
    private static final java.util.regex.Pattern NOT_A_CLASS = java.util.regex.Pattern.compile(
            "(?i)(train|training|test|testing|val|valid|validation|images?|imgs?|data|pictures|photos)"
                    + "([_ -]?(set|data|images))?");

    /**
     * Refuses a data set of one class whose folder holds unsorted images: a lone {@code train/} of Kaggle's Dogs vs
     * Cats ({@code cat.0.jpg}, {@code dog.0.jpg}) and {@code images/} beside a {@code labels.csv} each trained a
     * one-class model named after the folder, without a word (a fresh user, 6 Dec). A single class folder of another
     * name, without either sign, is read (a generator of one class is a real use).
     *
     * @throws InvalidDataException naming what was found and the command that sorts the images into class folders
     */
    static void requireSortedIntoClasses(Path root, List<Path> folders) {
        if (folders.size() != 1 || Files.isRegularFile(root.resolve(ClassMap.FILE))) {
            return;
        }
        Path only = folders.get(0);
        String name = only.getFileName().toString();
        List<Path> images = list(only, p -> Files.isRegularFile(p) && isImageName(p.getFileName().toString()));
        if (images.isEmpty()) {
            return;
        }
        String firstImage = images.get(0).getFileName().toString();
        // a CSV of labels: it names the images and has a label-like header (a photographer's credits.csv beside one
        // class's photos was taken for labels: a re-check, 6 Dec)
        Optional<Path> table = list(root, p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(
                Locale.ROOT).endsWith(".csv") && !p.getFileName().toString().equals(ClassMap.FILE)).stream()
                .filter(csv -> mentions(csv, firstImage) && LABEL_HEADER.matcher(firstLine(csv)).find()).findFirst();
        String where = dev.augment.generate.output.AtomicOutputDirectory.shellWord(root.toString());
        if (table.isPresent()) {
            String csv = table.get().getFileName().toString();
            throw new InvalidDataException(root, "holds one folder, '" + name + "/', which would be read as a single "
                    + "class, while " + csv + " beside it names its images: the labels are in a table, and augment "
                    + "reads one sub-folder of images per class; sort them, e.g. cd " + where + " && tail -n +2 " + csv
                    + " | while IFS=, read f c; do mkdir -p \"by-class/$c\" && cp \"" + name + "/$f\" "
                    + "\"by-class/$c/\"; done (file name first, label second), and give " + root.resolve("by-class")
                    + oneOnPurpose(name));
        }
        Optional<String> prefixes = classesInFileNames(images);
        if (prefixes.isPresent() || NOT_A_CLASS.matcher(name).matches()) {
            throw new InvalidDataException(root, "holds one folder, '" + name + "/', which would be read as a single "
                    + "class named '" + name + "'" + prefixes.map(p -> ", while its images carry their class in their "
                    + "names (" + p + ")").orElse(", a name for a data set's images, not a class") + "; augment reads "
                    + "one sub-folder of images per class" + prefixes.map(p -> ": sort them, e.g. cd "
                    + dev.augment.generate.output.AtomicOutputDirectory.shellWord(only.toString()) + " && for f in *; "
                    + "do c=\"${f%%[._-]*}\"; mkdir -p \"../by-class/$c\" && cp \"$f\" \"../by-class/$c/\"; done, "
                    + "and give " + root.resolve("by-class")).orElse(" (" + name + "/cat, " + name + "/dog, …)")
                    + oneOnPurpose(name));
        }
    }

    /**
     * @param images a flat folder's images
     * @return "cat.* 6, dog.* 2" when at least nine in ten names start with one of two to twenty words followed by
     *     '.', '_' or '-' (Kaggle's {@code cat.0.jpg}), each word shared by at least two images; else empty
     */
    static Optional<String> classesInFileNames(List<Path> images) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("(\\p{L}[\\p{L} ]*?)[._-].*");
        for (Path image : images) {
            java.util.regex.Matcher m = word.matcher(image.getFileName().toString());
            if (m.matches()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        counts.values().removeIf(n -> n < 2);
        // photos of one class from two cameras (IMG_, DSC_) were told to be sorted into classes IMG and DSC (6 Dec)
        counts.keySet().removeIf(prefix -> CAMERA_PREFIXES.contains(prefix.toLowerCase(Locale.ROOT)));
        int covered = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (counts.size() < 2 || counts.size() > 20 || covered * 10 < images.size() * 9) {
            return Optional.empty();
        }
        return Optional.of(counts.entrySet().stream().limit(5).map(e -> e.getKey() + ".* " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + (counts.size() > 5 ? ", …" : ""));
    }

    /** @return how to keep the folder as one class on purpose: a class map, which this check leaves alone */
    private static String oneOnPurpose(String name) {
        return "; if '" + name + "' is one class on purpose, put a " + ClassMap.FILE + " beside it (index,label,name,"
                + "folder, then 0," + name + "," + name + "," + name + ")";
    }

    /** A header that names a label column: label, class, category, target, diagnosis, species, y, breed, type. */
    private static final java.util.regex.Pattern LABEL_HEADER = java.util.regex.Pattern.compile(
            "(?i)(^|[,;\\t\"])\\s*(labels?|class(es)?|category|categories|target|diagnosis|species|y|breed|type)"
                    + "\\s*(\"|[,;\\t]|$)");

    /** Names that cameras and phones give photos (IMG_0001, DSC_0001, PXL_…): no class words. */
    private static final java.util.Set<String> CAMERA_PREFIXES = java.util.Set.of("img", "dsc", "dscn", "dscf",
            "pxl", "dji", "gopr", "gp", "mvimg", "screenshot", "photo", "image", "frame", "pic", "p", "sam", "wp");

    /** @return the file's first line, or "" when it cannot be read */
    private static String firstLine(Path file) {
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** @return whether the file's first 1 MB holds the text */
    private static boolean mentions(Path file, String text) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the images in formats left unread directly in a folder, hidden ones left out; 0 when unlistable */
    static long unreadImagesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")
                    && isUnreadImageName(p.getFileName().toString()) && Files.isRegularFile(p)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return the images (by extension, hidden ones left out) directly in a folder; 0 when it cannot be listed */
    static long imagesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && isImageName(name)
                        && Files.isRegularFile(p);
            }).count();
        } catch (IOException e) {
            return 0; // a folder that cannot be listed fails where it is read, with its own message
        }
    }

    static List<Path> classFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, Files.exists(root) ? "is not a folder; expected a folder "
                    + "holding one sub-folder of images per class" : "image folder not found");
        }
        List<Path> dirs = list(root, Files::isDirectory);
        if (dirs.isEmpty()) {
            String name = root.getFileName() == null ? "" : root.getFileName().toString();
            boolean split = Split.TRAIN.isFolderName(name) || Split.TEST.isFolderName(name);
            // class folders named train/ and test/ (or training/, testing/) are read as the splits (a fresh user,
            // 5 Dec)
            // IDX files in D/train and D/test were told only of class folders (a fresh user, 5 Dec)
            boolean idx = split && list(root, Files::isRegularFile).stream().anyMatch(f -> f.getFileName().toString()
                    .toLowerCase(java.util.Locale.ROOT).matches(".*idx[13].*"));
            throw new InvalidDataException(root, "no class folders; expected one sub-folder of images per class"
                    + (split && imagesIn(root) > 0 ? " (a folder named " + name + "/ beside its pair is read as a "
                    + "split; if " + name + " is a class, rename its folder)" : "")
                    + (idx ? " (it holds IDX files: train/ and test/ folders are read as image class folders; put IDX "
                    + "splits in one folder as train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, or give " + root + " itself as the data)"
                    : ""));
        }
        refuseOneFolderTwice(root, dirs);
        for (Path dir : dirs) {
            if (dir.getFileName().toString().indexOf('\uFFFD') >= 0) {
                // a Latin-1 name (unzip of a Windows zip) became the class 'caf\uFFFD' without a word, and two such
                // names one string, which failed as a bug (a fresh user, 6 Dec)
                throw new InvalidDataException(dir, "the folder's name is not UTF-8 text (bytes of another encoding, "
                        + "as unzip leaves the names of a zip made on Windows), so it cannot be a class's name; "
                        + "rename it, e.g. convmv -f cp1252 -t utf8 -r --notest "
                        + dev.augment.generate.output.AtomicOutputDirectory.shellWord(root.toString()));
            }
        }
        return inNumberOrderWhenNumbered(dirs);
    }

    /**
     * A class folder that is a link to another class folder made every image of it an example of both classes,
     * without a word (a re-check, 5 Dec): no classifier can learn an image of two labels.
     */
    private static void refuseOneFolderTwice(Path root, List<Path> dirs) {
        java.util.Map<Path, Path> byRealPath = new java.util.HashMap<>();
        for (Path dir : dirs) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (java.io.IOException e) {
                continue; // read, and reported, with its images
            }
            Path earlier = byRealPath.putIfAbsent(real, dir);
            if (earlier != null) {
                Path link = Files.isSymbolicLink(dir) ? dir : earlier;
                Path other = link == dir ? earlier : dir;
                throw new InvalidDataException(root, "class folders '" + earlier.getFileName() + "' and '"
                        + dir.getFileName() + "' are one folder ('" + link.getFileName() + "' is a link to '"
                        + other.getFileName() + "'): each image would be an example of both classes; remove the link, "
                        + "or give each class its own folder");
            }
        }
    }

    /**
     * Folders named by number alone ({@code 0} to {@code 11}) in the order of their numbers, so that folder
     * {@code 2} is class 2, not class 4 after {@code 10} and {@code 11} as text order has it (a names file given by
     * index then named ten of twelve classes wrongly, and IDX output labelled folder 2's images 4); any other set of
     * names keeps text order.
     */
    static List<Path> inNumberOrderWhenNumbered(List<Path> dirs) {
        if (!dirs.stream().allMatch(d -> folderNumber(d.getFileName().toString()) != null)) {
            return dirs;
        }
        return dirs.stream().sorted(java.util.Comparator.comparing(
                (Path d) -> folderNumber(d.getFileName().toString()))
                .thenComparing(d -> d.getFileName().toString())).toList();
    }

    /** The class folders in the class map's order; every folder must be listed and every listed one exist. */
    static List<Path> mappedFolders(Path root, ClassMap map, List<Path> found) {
        return mappedFolders(root, map, root.resolve(ClassMap.FILE), found);
    }

    /** As {@link #mappedFolders(Path, ClassMap, List)}, with the map read from {@code file} (named in refusals). */
    static List<Path> mappedFolders(Path root, ClassMap map, Path file, List<Path> found) {
        Map<String, Path> byName = new HashMap<>();
        found.forEach(dir -> byName.put(dir.getFileName().toString(), dir));
        List<Path> ordered = new ArrayList<>();
        for (ClassMap.Entry entry : map.entries()) {
            Path dir = byName.remove(entry.folder());
            if (dir == null) {
                throw new InvalidDataException(file, "class '" + entry.name() + "' has folder '" + entry.folder()
                        + "', which is not a class folder of " + root + "; fix or delete " + ClassMap.FILE);
            }
            ordered.add(dir);
        }
        if (!byName.isEmpty()) {
            throw new InvalidDataException(file, "does not list folder '" + byName.keySet().iterator().next()
                    + "'; add it or delete " + ClassMap.FILE + " to use the folder names");
        }
        return ordered;
    }

    /**
     * @param classDirs the class folders
     * @return each one's images ({@link #imageFiles(Path)}), in order
     * @throws InvalidDataException for the first class folder at fault; when several are mostly in formats left
     *     unread, the refusal names them all (it named the first alone, and a fresh user converted class by class)
     */
    static List<List<Path>> imageFiles(List<Path> classDirs) {
        List<Path> mostlyUnread = classDirs.stream().filter(ImageFolderLayout::isMostlyUnread).toList();
        List<List<Path>> files = classDirs.stream().map(d -> imageFiles(d, mostlyUnread.stream()
                .filter(other -> !other.equals(d)).toList())).toList();
        refuseNamesNotUtf8(files);
        return files;
    }

    /**
     * Image files whose names are not UTF-8 were read, but recorded as {@code caf\uFFFD.png}, a file that does not
     * exist, and two such files under one name (a fresh user, 7 Dec); a folder so named was already refused.
     */
    private static void refuseNamesNotUtf8(List<List<Path>> files) {
        List<Path> odd = files.stream().flatMap(List::stream)
                .filter(f -> f.getFileName().toString().indexOf('\uFFFD') >= 0).toList();
        if (!odd.isEmpty()) {
            Path root = odd.get(0).getParent().getParent();
            throw new InvalidDataException(odd.get(0), "the file's name is not UTF-8 text (bytes of another encoding, "
                    + "as unzip leaves the names of a zip made on Windows)" + (odd.size() == 1 ? ""
                    : odd.size() == 2 ? ", nor is 1 other image file's" : ", nor are " + (odd.size() - 1)
                    + " other image files' names") + ", so it cannot be named in "
                    + "what augment writes; rename them, e.g. convmv -f cp1252 -t utf8 -r --notest "
                    + dev.augment.generate.output.AtomicOutputDirectory.shellWord(root == null ? "."
                    : root.toString()));
        }
    }

    static List<Path> imageFiles(Path classDir) {
        return imageFiles(classDir, List.of());
    }

    /** @return the name of a hidden file of the folder named like an image ({@code ._a.jpg}), if any */
    private static java.util.Optional<String> hiddenImageNamed(Path classDir) {
        try (Stream<Path> entries = Files.list(classDir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && isImageName(n))
                    .sorted().findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** @return whether the folder holds images read and at least as many left unread (refused as a class) */
    private static boolean isMostlyUnread(Path classDir) {
        List<Path> files = list(classDir, Files::isRegularFile);
        return mostlyUnread(files.stream().filter(p -> isImageName(p.getFileName().toString())).toList(),
                files.stream().filter(p -> isUnreadImageName(p.getFileName().toString())).toList());
    }

    /**
     * @param readFiles a class folder's PNGs and JPEGs
     * @param unread its images in formats this source does not read
     * @return whether the class would be read as the few it reads: some are read and at least as many are not, unless
     *     every unread image has a PNG or JPEG of its name beside it, taken as converted (the GIFs kept by an in-place
     *     mogrify, as advised, were counted again and refused again: a fresh user, 7 Dec; only every one, since a name
     *     shared by other pictures would hide the rest: a re-check, 7 Dec)
     */
    private static boolean mostlyUnread(List<Path> readFiles, List<Path> unread) {
        java.util.Set<String> readStems = readStems(readFiles);
        return !readFiles.isEmpty() && unread.size() >= readFiles.size()
                && !unread.stream().allMatch(p -> readStems.contains(stem(p)));
    }

    private static java.util.Set<String> readStems(List<Path> readFiles) {
        java.util.Set<String> stems = new java.util.HashSet<>();
        readFiles.forEach(p -> stems.add(stem(p)));
        return stems;
    }

    private static List<Path> imageFiles(Path classDir, List<Path> alsoMostlyUnread) {
        // one listing for the images, the unread ones and the other files
        List<Path> regular = list(classDir, Files::isRegularFile);
        List<Path> files = regular.stream().filter(p -> isImageName(p.getFileName().toString())).toList();
        if (files.isEmpty() && !list(classDir, Files::isDirectory).isEmpty()) {
            throw new InvalidDataException(classDir, "holds folders but no .png, .jpg or .jpeg images, so it is not a "
                    + "class folder; " + tooDeepAdvice(classDir));
        }
        requireNoImageWithoutExtension(classDir, regular);
        requireMostlyReadable(classDir, files, regular.stream()
                .filter(p -> isUnreadImageName(p.getFileName().toString())).toList(), alsoMostlyUnread);
        List<Path> others = files.isEmpty() ? regular : List.of();
        if (others.stream().anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                .matches(".*idx[13][-.]ubyte(\\.gz)?"))) {
            // an IDX data set one level down (data/fm/*-ubyte.gz, torchvision's FashionMNIST/raw/) was told to
            // convert its images to PNG (a fresh user, 5 Dec)
            throw new InvalidDataException(classDir, "holds IDX files, so it is a data set's folder, not a class "
                    + "folder: give " + classDir + " as the data");
        }
        if (!others.isEmpty()) {
            // GIFs or BMPs only: the folder is not empty, and the files are why (a fresh user, 4 Dec)
            throw new InvalidDataException(classDir, "class folder holds " + others.size() + " file"
                    + (others.size() == 1 ? "" : "s") + " but no .png, .jpg or .jpeg image (first: "
                    + others.get(0).getFileName() + "); convert the images to PNG or JPEG, or remove the folder");
        }
        if (files.isEmpty()) {
            hiddenImageNamed(classDir).ifPresent(hidden -> {
                // a folder of macOS's ._x.jpg files alone was "empty: no .jpg images" beside an ls showing .jpg files
                // (a fresh user, 7 Dec)
                throw new InvalidDataException(classDir, "class folder holds no images but hidden files named like "
                        + "images (first: " + hidden + "), which are never read" + (hidden.startsWith("._")
                        ? ": '._' files are macOS metadata, not images; copy the images themselves"
                        // a hidden .000.png was told of macOS's '._' files (a fresh user, 7 Dec)
                        : ": a name starting with '.' is hidden; rename the images without the leading '.'")
                        + ", or remove the folder");
            });
            throw new InvalidDataException(classDir, "empty class folder: no .png, .jpg or .jpeg images; add images "
                    + "or remove the folder (a class folder is its images: train's --allow-empty-classes keeps a label "
                    + "without examples of IDX or CIFAR-10 data, not an empty folder)");
        }
        requireFewImagesInSubFolders(classDir, files.size());
        return files;
    }

    /**
     * A class folder whose sub-folders hold as many images as it does itself (photos filed by year, cat/2019/) lost
     * them from the class, and ROS then grew the class with copies of the rest; the note named the sub-folder as one
     * entry not read (a fresh user, 6 Dec). As for unread formats, fewer are left to the note.
     */
    private static void requireFewImagesInSubFolders(Path classDir, long read) {
        List<Path> subFolders = list(classDir, Files::isDirectory);
        long below = subFolders.stream().mapToLong(ImageFolderLayout::imagesBelow).sum();
        if (below >= read) {
            throw new InvalidDataException(classDir, "holds " + read + " image" + (read == 1 ? "" : "s")
                    + " and " + below + " more in its sub-folders (" + names(subFolders) + "), which are not read: "
                    + "only images directly in a class folder are; " + moveUp(classDir));
        }
    }

    /**
     * @return the images in a folder and in its sub-folders, to a depth of {@value #DEPTH_BELOW} (hidden ones left
     *     out), through links to folders: a sub-folder that was a link went uncounted, and its images unread without
     *     a word (a re-check, 7 Dec); a loop of links is walked without following them
     */
    static long imagesBelow(Path folder) {
        return below(folder).stream().filter(p -> Files.isRegularFile(p) && isImageName(p.getFileName().toString())
                && java.util.stream.StreamSupport.stream(folder.relativize(p).spliterator(), false)
                .noneMatch(part -> isHidden(part.toString()))).count();
    }

    /**
     * @return the paths below the folder, to a depth of {@value #DEPTH_BELOW}, through links to folders (as the advised
     *     {@code find -L} goes: a linked outside folder holding cat/ and dog/ was told to move up, a re-check, 7 Dec);
     *     without following links where they loop; empty when the folder cannot be read
     */
    private static List<Path> below(Path folder) {
        try (Stream<Path> walk = Files.walk(folder, DEPTH_BELOW, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return walk.toList();
        } catch (IOException | java.io.UncheckedIOException loop) {
            try (Stream<Path> walk = Files.walk(folder, DEPTH_BELOW)) {
                return walk.toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                return List.of();
            }
        }
    }

    /** How deep below a class folder images in sub-folders are counted, and class-like folders looked for. */
    private static final int DEPTH_BELOW = 8;

    private static String names(List<Path> folders) {
        return folders.stream().limit(3).map(f -> f.getFileName() + "/").collect(java.util.stream.Collectors.joining(
                ", ")) + (folders.size() > 3 ? " and " + (folders.size() - 3) + " more" : "");
    }

    /**
     * @return what to do with a class folder's images in its sub-folders: when the sub-folders are named like the
     *     class folders beside it ({@code extra/cat}, {@code extra/dog}), or it is {@code augment generate}'s output,
     *     it is a second set of the data filed by class, not one class, and moving its images up would merge the
     *     classes (a fresh user, 7 Dec); else the shell command that moves them up, each renamed by its path
     *     ({@code 2019/0000.jpg} to {@code 2019_0000.jpg}): {@code mv -n} of photos of the same name in two years
     *     left half of them behind and gave the same advice again (a fresh user, 7 Dec)
     */
    static String moveUp(Path classDir) {
        List<Path> below = below(classDir);
        java.util.Optional<String> linkIntoData = linkIntoTheData(classDir, below);
        if (linkIntoData.isPresent()) {
            // cat/fromdog -> ../dog was told to move dog's images up into cat (a re-check, 7 Dec)
            return linkIntoData.get() + ": do not move its images up, which would merge the classes; remove the link";
        }
        List<String> classLike = classNamedSubFolders(classDir, below);
        boolean generated = below.stream().anyMatch(p -> p.getFileName().toString().equals(GenerationRecord.FILE)
                && Files.isRegularFile(p));
        if (generated || !classLike.isEmpty()) {
            return (generated ? "it holds augment generate's output (" + GenerationRecord.FILE + "), one folder per "
                    + "class" : "folders in it are named like the class folders beside it (" + String.join(", ",
                    classLike.stream().limit(3).map(n -> n + "/").toList()) + "): it looks like a second set of the "
                    + "data filed by class") + ", not one class; do not move its images up, which would merge the "
                    + "classes: give it as data of its own, or move each sub-folder's images into the class folder of "
                    + "its name";
        }
        // through links (find -L), hidden files (macOS's ._ files) left where they are, a name taken prefixed with _
        // until free, and -- before names that start with '-' (a re-check, 7 Dec)
        String folder = dev.augment.generate.output.AtomicOutputDirectory.shellWord(classDir.toString());
        return "move them up, each named by its path so that no two names clash (2019/0000.jpg becomes "
                + "2019_0000.jpg), e.g. (cd " + folder + " && find -L . -mindepth 2 -type f ! -path '*/.*'"
                + SYSTEM_FOLDERS.stream().sorted().map(f -> " ! -ipath '*/" + f + "/*'").collect(
                java.util.stream.Collectors.joining()) + " -exec sh "
                + "-c 'for f; do t=$(printf %s \"${f#./}\" | tr / _); while [ -e \"$t\" ]; do t=\"_$t\"; done; "
                + "mv -n -- \"$f\" \"$t\"; done' sh {} +)";
    }

    /**
     * @param below the paths below the class folder ({@link #below})
     * @return "folder 'fromdog' in it is a link to …/dog, inside the data folder" for the first link below the class
     *     folder (as deep as images count) whose target is the data folder, holds it, or lies inside it outside the
     *     class folder (another class's folder, a loop back to the data); empty when there is none
     */
    private static java.util.Optional<String> linkIntoTheData(Path classDir, List<Path> below) {
        Path root = classDir.getParent();
        if (root == null) {
            return java.util.Optional.empty();
        }
        try {
            Path data = root.toRealPath();
            Path own = classDir.toRealPath();
            return below.stream().filter(Files::isSymbolicLink).filter(Files::isDirectory).map(link -> {
                try {
                    Path target = link.toRealPath();
                    // a hidden folder of the data (.pool) holds no class (a re-check, 7 Dec)
                    boolean intoData = data.startsWith(target) || target.startsWith(data) && !target.startsWith(own)
                            && !isHidden(data.relativize(target).getName(0).toString());
                    return intoData ? "folder '" + classDir.relativize(link) + "' in it is a link to " + target
                            + (data.startsWith(target) ? ", which holds the data folder (a loop)" : ", inside the data "
                            + "folder") : null;
                } catch (IOException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param below the paths below the class folder ({@link #below})
     * @return the folders in the class folder, to a depth of {@value #DEPTH_BELOW}, named as class folders beside it
     *     are (compared without case), by their paths from it, in order
     */
    private static List<String> classNamedSubFolders(Path classDir, List<Path> below) {
        Path root = classDir.getParent();
        if (root == null) {
            return List.of();
        }
        java.util.Set<String> siblings = list(root, Files::isDirectory).stream().filter(d -> !d.equals(classDir))
                .map(d -> d.getFileName().toString().toLowerCase(Locale.ROOT)).collect(
                        java.util.stream.Collectors.toSet());
        // at any depth below, as deep as images are counted: extra/batch2/{cat,dog} beside cat/ and dog/ (a
        // re-check, 7 Dec)
        return below.stream().filter(p -> !p.equals(classDir) && Files.isDirectory(p)
                && siblings.contains(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                .map(p -> classDir.relativize(p).toString()).sorted().toList();
    }

    /**
     * Class folders one level too deep: a wrapper folder given as the data ({@code data/images/{cat,dog}} given as
     * {@code data}), or splits named otherwise than train/ and test/ ({@code val/} beside {@code train/}). A fresh user
     * (5 Dec) was told only to "give the folder that holds the class folders".
     *
     * @param classDir a folder read as a class that holds folders and no images
     * @return what to give instead
     */
    private static String tooDeepAdvice(Path classDir) {
        Path root = classDir.getParent();
        String name = classDir.getFileName().toString();
        if (root != null && Files.isSymbolicLink(classDir) && holdsItsFolder(classDir, root)) {
            // a link self -> . was told to give the folder the user had given (a fresh user, 7 Dec)
            return "it is a link back to the data folder or one holding it (a loop): remove the link";
        }
        if (name.toLowerCase(Locale.ROOT).matches("(val|valid|validation|dev|eval)([ _-]?(set|data|images|imgs))?")) {
            return "it looks like a validation split: augment reads splits named train/ and test/ (or training/ and "
                    + "testing/), so rename it test/ or move its class folders into train/";
        }
        if (root != null && list(root, Files::isDirectory).size() == 1) {
            // down a chain of single folders (data/a/b/{cat,dog}) to the one whose sub-folders hold images
            Path holder = classDir;
            for (int depth = 0; depth < 8; depth++) {
                List<Path> inside = list(holder, Files::isDirectory);
                if (inside.stream().anyMatch(d -> imagesIn(d) > 0)) {
                    return "its sub-folders look like the class folders: give " + holder + " as the data";
                }
                if (inside.size() != 1 || imagesIn(holder) > 0) {
                    break;
                }
                holder = inside.get(0);
            }
        }
        if (root != null && list(root, Files::isDirectory).stream().anyMatch(d -> !d.equals(classDir)
                && imagesIn(d) > 0) && imagesBelow(classDir) > 0) {
            // its siblings are class folders: this class files its photos by year (cat/2019/), and was told to give
            // the folder it had given (a fresh user, 6 Dec)
            return "its images are in its sub-folders (" + names(list(classDir, Files::isDirectory)) + ", "
                    + imagesBelow(classDir) + " images), while only images directly in a class folder are read; "
                    + moveUp(classDir);
        }
        // CLASS/train and CLASS/test (Kaggle downloads) were told to give the folder given (a fresh user, 6 Dec)
        java.util.Set<String> splits = list(classDir, Files::isDirectory).stream().map(d -> d.getFileName().toString()
                .toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        if (!splits.isEmpty() && splits.stream().allMatch(d -> d.matches("train|training|test|testing|val|valid"
                + "|validation")) && list(classDir, Files::isDirectory).stream().anyMatch(d -> imagesIn(d) > 0)) {
            return "its sub-folders are splits (" + String.join(", ", new java.util.TreeSet<>(splits)) + "), one "
                    + "set per class; augment reads the splits above the classes, train/CLASS and test/CLASS: "
                    + "rearrange it, e.g. from " + (root == null ? "it"
                    : dev.augment.generate.output.AtomicOutputDirectory.shellWord(root.toString()))
                    + ": for c in */; do for s in train test; do mkdir -p ../by-split/$s/$c && mv $c$s/* "
                    + "../by-split/$s/$c; done; done";
        }
        return "give the folder that holds the class folders as the data";
    }

    /** @return whether the link's target is the folder that holds it, or a folder above that */
    private static boolean holdsItsFolder(Path link, Path folder) {
        try {
            return folder.toRealPath().startsWith(link.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * JPEGs saved without an extension (as scrapers and browsers save them) were skipped with the general note: 12 of
     * a class's 20 images left out, exit 0 (a fresh user, 7 Dec). A file named without any extension that starts as a
     * PNG or JPEG does ({@link dev.augment.io.FileMagic#kind}) is refused, with the fix.
     *
     * @throws InvalidDataException naming how many, the first and the fix
     */
    private static void requireNoImageWithoutExtension(Path classDir, List<Path> regular) {
        List<Path> unnamed = regular.stream().filter(p -> p.getFileName().toString().indexOf('.') < 0)
                .filter(p -> imageExtension(p).isPresent()).toList();
        if (unnamed.isEmpty()) {
            return;
        }
        // the commands rename only the files found to be images, each by its content: a loop over every file without
        // an extension renamed a README too, into a .jpg the next run refused (a re-check, 7 Dec)
        // never over a file of that name: photo beside photo.png replaced it (mv -n, and a free name; a re-check)
        java.util.Set<Path> planned = new java.util.HashSet<>(); // two renames to one name (a re-check, 7 Dec)
        String fix = unnamed.size() <= 3 ? unnamed.stream().map(p -> "mv -n -- " + shellQuoted(p) + " "
                + shellQuoted(freeName(p, imageExtension(p).orElseThrow(), planned)))
                .collect(java.util.stream.Collectors.joining("; "))
                // "--": a data path starting with '-' was read as options (a re-check, 7 Dec)
                : "for f in " + shellQuoted(classDir) + "/*; do case \"${f##*/}\" in *.*) ;; *) case \"$(file -L -b "
                + "--mime-type -- \"$f\")\" in image/jpeg) mv -n -- \"$f\" \"$f.jpg\" ;; image/png) mv -n -- "
                + "\"$f\" \"$f.png\" ;; esac ;; esac; done";
        throw new InvalidDataException(classDir, "class folder holds " + unnamed.size() + " PNG or JPEG image"
                + (unnamed.size() == 1 ? "" : "s") + " named without an extension (first: " + unnamed.get(0)
                .getFileName() + ", " + (imageExtension(unnamed.get(0)).orElseThrow().equals(".png") ? "a PNG"
                : "a JPEG") + "), which augment does not read: it reads .png, .jpg and .jpeg files; add the extension "
                // the loop's own note stood inside its parentheses, and copying them all broke the command (a
                // re-check, 7 Dec)
                + "their content has (" + fix + ")" + (unnamed.size() <= 3 ? "" : "; mv -n keeps a file already of "
                + "that name: rename what is left by hand") + ", or move them out of the folder");
    }

    /** @return the file with the extension added, or with -1, -2, … before it when that name is taken */
    private static Path freeName(Path file, String extension, java.util.Set<Path> planned) {
        Path named = file.resolveSibling(file.getFileName() + extension);
        for (int i = 1; Files.exists(named, java.nio.file.LinkOption.NOFOLLOW_LINKS) || planned.contains(named); i++) {
            named = file.resolveSibling(file.getFileName() + "-" + i + extension);
        }
        planned.add(named);
        return named;
    }

    /** @return a path quoted for a POSIX shell ({@link dev.augment.io.ShellWords#word}) */
    private static String shellQuoted(Path path) {
        return dev.augment.io.ShellWords.word(path.toString());
    }

    /** @return ".png" or ".jpg" for a file that starts as a PNG or a JPEG does, else empty */
    private static java.util.Optional<String> imageExtension(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return dev.augment.io.FileMagic.kind(in.readNBytes(12)).flatMap(k -> k.equals("a PNG image")
                    ? java.util.Optional.of(".png") : k.equals("a JPEG image") ? java.util.Optional.of(".jpg")
                    : java.util.Optional.empty());
        } catch (IOException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /** Image formats a user keeps class images in that this source does not decode: they are left out, not read. */
    private static final java.util.regex.Pattern UNREAD_IMAGE = java.util.regex.Pattern.compile(
            "(?s).*\\.(gif|bmp|webp|tiff?|heic|heif|avif|apng|jxl|jp2|j2k|jpx|p[bgpn]m)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * @param name a file name
     * @return whether it names an image in a format this source leaves unread (GIF, BMP, WebP, TIFF, HEIC, AVIF,
     *     APNG, JPEG XL, JPEG 2000 or Netpbm, by extension in any case)
     */
    static boolean isUnreadImageName(String name) {
        return UNREAD_IMAGE.matcher(name).matches();
    }

    /**
     * A class folder whose images are mostly in formats left unread would train on its few PNGs and JPEGs alone: a
     * fresh user's class of 18 WebP and 2 JPEG images became a class of 2 with only the general "skipped" note (5 Dec).
     * Fewer unread images than read ones stay in that note, which counts them.
     *
     * @throws InvalidDataException naming the counts, the formats and the fix, when the unread images are at least as
     *     many as the read ones (and there is at least one read)
     */
    private static void requireMostlyReadable(Path classDir, List<Path> readFiles, List<Path> unread,
                                              List<Path> alsoMostlyUnread) {
        if (!mostlyUnread(readFiles, unread)) {
            return;
        }
        int read = readFiles.size();
        java.util.Set<String> readStems = readStems(readFiles);
        java.util.SortedSet<String> formats = new java.util.TreeSet<>();
        Map<String, Long> globs = new java.util.LinkedHashMap<>(); // each extension as spelled, for mogrify's globs
        unread.forEach(p -> {
            String n = p.getFileName().toString();
            formats.add(n.substring(n.lastIndexOf('.')).toLowerCase(Locale.ROOT));
            globs.merge("*" + n.substring(n.lastIndexOf('.')), 1L, Long::sum);
        });
        String mogrify = globs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.joining(" "));
        throw new InvalidDataException(classDir, "class folder holds " + unread.size() + " image"
                + (unread.size() == 1 ? "" : "s") + " in formats augment does not read (" + String.join(", ", formats)
                + "; first: " + unread.get(0).getFileName() + ") beside only " + read + " .png/.jpg/.jpeg; the class "
                + "would be read as " + (read == 1 ? "that one" : "those " + read) + " alone: "
                + convertAdvice(classDir, mogrify, clash(readStems, unread)) + ", or move them out of the folder"
                + (alsoMostlyUnread.isEmpty() ? "" : (alsoMostlyUnread.size() == 1
                ? "; so does the class folder " : "; so do the class folders ")
                + alsoMostlyUnread.stream().map(d -> String.valueOf(d.getFileName()))
                .collect(java.util.stream.Collectors.joining(", "))));
    }

    /**
     * @return the name shared by an unread image and a PNG or JPEG of the folder, which an in-place mogrify would
     *     overwrite with the converted copy (a fresh user, 5 Dec), if any
     */
    private static java.util.Optional<String> clash(java.util.Set<String> readStems, List<Path> unread) {
        return unread.stream().map(ImageFolderLayout::stem).filter(readStems::contains).findFirst();
    }

    /**
     * @return how to convert the unread images: into another folder first where a name is shared (the in-place
     *     command came first, and run as given it overwrote two real PNGs: a fresh user, 7 Dec), else in place with
     *     the originals moved out after
     */
    private static String convertAdvice(Path classDir, String globs, java.util.Optional<String> clash) {
        // from the class folder: the globs alone, run from the project's folder, matched nothing (a re-check, 7 Dec)
        String in = "cd " + shellQuoted(classDir) + " && ";
        return clash.map(s -> "convert the others into another folder, since '" + s + "' is also the name of a PNG or "
                + "JPEG here, which converting in place would overwrite (for example " + in + "mkdir converted && "
                + "mogrify -path converted -format png " + globs + "), then move them back under names of their own")
                .orElse("convert the others to PNG or JPEG and move the originals out (for example " + in
                + "mogrify -format png " + globs + ", then move " + globs + " out of the folder)");
    }

    /**
     * @param image an image in a format this source does not read
     * @return whether a PNG or JPEG of its name (any case of the extension) lies beside it
     */
    static boolean hasReadTwin(Path image) {
        String name = image.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        for (String extension : List.of(".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG")) {
            if (Files.isRegularFile(image.resolveSibling(base + extension))) {
                return true;
            }
        }
        return false;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a file or folder name
     * @return whether it is left out of the classes and images: a name starting with "." (hidden), or
     *     {@code __MACOSX}, the AppleDouble metadata folder that unzipping a macOS-made archive leaves beside the class
     *     folders (a fresh user, 4 Dec, was told to "give the folder that holds the class folders", which they had);
     *     and the folders systems keep beside data (Synology's {@code @eaDir} of thumbnails and {@code #recycle},
     *     Windows' {@code $RECYCLE.BIN} and {@code System Volume Information}, {@code lost+found}, Python's
     *     {@code __pycache__}), which were taken for classes, thumbnails and all (a fresh user, 6 Dec)
     */
    static boolean isHidden(String name) {
        return name.startsWith(".") || SYSTEM_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Folders that systems and tools keep in a folder of data, never a class ({@link #isHidden}), lower-cased: any
     * case counts (NTFS's {@code $Recycle.Bin}), and NAS shares' recycle bins and snapshots (a re-check, 6 Dec).
     */
    private static final java.util.Set<String> SYSTEM_FOLDERS = java.util.Set.of("__macosx", "@eadir", "#recycle",
            "$recycle.bin", "system volume information", "lost+found", "__pycache__", "@recycle", "#snapshot",
            "@recently-snapshot");

    /**
     * Old Windows recycle bins' names, which are words a class may be named too (waste sorting's 'recycled'): a class
     * folder of that name was skipped, images and all, and training went on with fewer classes (a fresh user, 6 Dec).
     */
    private static final java.util.Set<String> WINDOWS_BIN_NAMES = java.util.Set.of("recycled", "recycler");

    /**
     * @param entry a file or folder
     * @return {@link #isHidden(String)} of its name, or whether it is an old Windows recycle bin: named
     *     {@code RECYCLED} or {@code RECYCLER} (any case) and holding the bin's own {@code desktop.ini} (naming its
     *     class id) or {@code INFO2} file or a folder per user ({@code S-1-5-…}); a folder of that name without them
     *     is read as a class
     */
    static boolean isHidden(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (isHidden(name)) {
            return true;
        }
        if (!WINDOWS_BIN_NAMES.contains(name.toLowerCase(Locale.ROOT)) || !Files.isDirectory(entry)) {
            return false;
        }
        try (Stream<Path> inside = Files.list(entry)) {
            // Windows writes a desktop.ini into ordinary folders too (an icon, a sync tool's): only the bin's own,
            // which names the recycle bin's class id, tells a bin (a re-check, 6 Dec)
            return inside.anyMatch(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.equals("info2") || n.startsWith("s-1-5-") || n.equals("desktop.ini") && namesTheBin(p);
            });
        } catch (IOException e) {
            return false; // read as a class; its listing reports what fails
        }
    }

    /** @return whether a desktop.ini names the recycle bin's class id, {645FF040-5081-101B-9F08-00AA002F954E} */
    private static boolean namesTheBin(Path desktopIni) {
        try (java.io.InputStream in = Files.newInputStream(desktopIni)) {
            byte[] head = in.readNBytes(4096);
            // written in UTF-16 or an ANSI code page: the id's ASCII letters, any NUL bytes between them dropped
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "");
            return text.toUpperCase(Locale.ROOT).contains("645FF040-5081-101B-9F08-00AA002F954E");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the entries of a folder that {@code keep} accepts, hidden ones left out, sorted
     * @throws InvalidDataException for a symbolic link to nothing (a class folder or image on an unmounted drive):
     *     neither a folder nor a file, it would be left out without a word
     */
    private static List<Path> list(Path dir, Predicate<Path> keep) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> shown = entries.filter(p -> !isHidden(p)).sorted().toList();
            for (Path entry : shown) {
                if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
                    throw new InvalidDataException(entry, "is a link to " + Files.readSymbolicLink(entry)
                            + ", which does not exist; mount or restore it, or remove the link");
                }
            }
            return shown.stream().filter(keep).toList();
        } catch (IOException e) {
            throw new InvalidDataException(dir, "folder cannot be listed: " + e.getMessage(), e);
        }
    }
}
