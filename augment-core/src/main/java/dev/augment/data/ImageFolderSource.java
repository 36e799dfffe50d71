package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.SampleSchema;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A folder of images, one sub-folder per class: {@code root/<class>/*.png|*.jpg|*.jpeg}.
 *
 * <p>Classes are the sub-folder names in sorted order, by number when every name is a number ({@code 2} before
 * {@code 10}; folders starting with "." are skipped); they are both
 * the Tribuo labels and, by default, the class names. When the root holds a {@link ClassMap}
 * ({@code classes.csv}, which {@code augment generate} writes), it decides instead: classes in its index
 * order, with its labels and names, each read from its folder. Other files are ignored. Every image must have the
 * same size. Images are decoded by {@link ImageDecoder} to the values Pillow gives (any PNG colour type and
 * bit depth; baseline and progressive JPEG, grey, YCbCr, CMYK or YCCK; 16-bit samples keep their high byte,
 * alpha is dropped, palettes are expanded). The samples are grey (one channel) when every image is grey
 * (grey or grey + alpha PNGs of any bit depth, palette PNGs with an all-grey palette, grey JPEGs), else RGB
 * (three channels, a grey image repeated in each). Features are the bytes in (channel, row, column) order,
 * named as Tribuo's IDX reader would name them, values 0..255 (never NaN or infinite); as there, zero pixels
 * are left out of the examples, except that an all-zero image keeps every feature at 0 ({@link TribuoExamples}).
 * Each example carries its file as the metadata {@value #FILE_KEY}.
 */
public final class ImageFolderSource extends PixelTableSource
        implements org.tribuo.ConfigurableDataSource<Label> {

    /**
     * Metadata key of each example: its image file, relative to the folder read ({@code cat/0001.jpg}, with '/'), so
     * that code and oversample's PNG output can tell which file each real image, and each random-oversampling copy of
     * one, is.
     */
    public static final String FILE_KEY = "augment.file";

    /** The flags file {@code augment oversample} writes beside the class folders of its image output. */
    private static final String ADDED_FLAGS = AddedExamples.CSV_FLAGS;

    // an image-folder user had no OLCUT route to a GAN of their own folders (a fresh user, 7 Dec): the folder is a
    // component, its provenance a configuration that rebuilds it
    @com.oracle.labs.mlrg.olcut.config.Config(mandatory = true, description = "The folder holding one sub-folder of "
            + "images per class (or the train/ or test/ folder of a layout with both).")
    private Path root;
    @com.oracle.labs.mlrg.olcut.config.Config(description = "Class names: fashion-mnist, cifar10, mnist, or a "
            + "file of one name per line; default the folder names (or the folder's classes.csv).")
    private String names;
    @com.oracle.labs.mlrg.olcut.config.Config(description = "The SHA-256 (64 hex digits) of the images' content the "
            + "folder must give; optional. Filled in when read, so a configuration extracted from a model's "
            + "provenance rebuilds its data only from the same images.")
    private String contentSha256;
    @com.oracle.labs.mlrg.olcut.config.ConfigurableName
    private String configName;

    private Optional<String> colourNote;
    private Optional<String> orientationNote;
    private Optional<String> depthNote;
    private Optional<String> generatedNote;
    private ImageFolderSourceProvenance provenance;
    private List<String> skipped;
    /** For a split of a train/ and test/ layout, the folder holding both; else null. */
    private Path splitLayout;
    /** {@link #sharedImagesNote()}, found on the first call (a pass over every image). */
    private Optional<String> sharedImagesNote;

    /**
     * Reads every image below a root folder, with the folder names as class names.
     *
     * @param root the folder holding one sub-folder per class
     */
    public ImageFolderSource(Path root) {
        this(root, (String) null);
    }

    /**
     * Reads every image below a root folder.
     *
     * @param root the folder holding one sub-folder per class
     * @param names class names as for {@link ClassNames#resolve}; null means the folder names
     * @throws InvalidDataException when the root is missing or has no class folders, a class folder has no
     *                              images, an image cannot be read, or images differ in size
     */
    public ImageFolderSource(Path root, String names) {
        this(root, names, read(root, names));
    }

    private ImageFolderSource(Path root, String names, Read read) {
        super(read.contents());
        this.root = root;
        this.names = absoluteFile(names);
        use(read);
    }

    /**
     * A relative names file was recorded as given, where root is made absolute, so a configuration rebuilt from the
     * provenance in another folder did not find it (a re-check, 7 Dec).
     *
     * @return a names file's absolute path; a built-in list's name, or null, as it is
     */
    private static String absoluteFile(String names) {
        if (names == null || ClassNames.builtIn(names).isPresent()) {
            return names;
        }
        try {
            Path file = Path.of(names);
            return Files.isRegularFile(file) ? PhysicalPaths.absolute(file).toString() : names;
        } catch (java.nio.file.InvalidPathException notAPath) {
            return names;
        }
    }

    /** For OLCUT, which sets the {@code @Config} fields and then calls {@link #postConfig()}. */
    private ImageFolderSource() {
    }

    /**
     * Used by OLCUT: reads the configured folder.
     *
     * @throws com.oracle.labs.mlrg.olcut.config.PropertyException naming {@code root} (or {@code names}) for a folder
     *     that cannot be read as images by class, and {@code contentSha256} for images whose content has another
     *     digest
     */
    @Override
    public void postConfig() {
        String component = configName == null ? "" : configName;
        if (contentSha256 != null && !contentSha256.strip().matches("[0-9a-fA-F]{64}")) {
            // a malformed digest was said as a changed folder (a re-check, 7 Dec)
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(component, "contentSha256", "contentSha256 "
                    + "must be the 64 hex digits a configuration extracted from the provenance records, was '"
                    + contentSha256 + "'");
        }
        Read read;
        try {
            read = read(root, names);
        } catch (InvalidDataException e) {
            // no cause: OLCUT would print the one-line reason twice, and the reason is all there is
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(component,
                    e.getMessage().contains("--names") || e.getMessage().contains("class names") ? "names" : "root",
                    e.getMessage());
        } catch (dev.augment.errors.InvalidSettingException e) {
            // ClassNames refuses names that do not fit the folders as a setting: OLCUT named no property (7 Dec)
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(component, "names", e.getMessage());
        }
        String read256 = read.contents().table().sha256();
        if (contentSha256 != null && !contentSha256.strip().equalsIgnoreCase(read256)) {
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(component, "contentSha256",
                    "contentSha256 is not that of the images in " + root + " (" + read256 + ") but "
                    + contentSha256.strip() + ": the folder has changed since this configuration was recorded, so "
                    + "the examples would differ; put those images back, or leave contentSha256 out to read the "
                    + "folder as it is now");
        }
        names = absoluteFile(names);
        load(read.contents());
        use(read);
    }

    private void use(Read read) {
        this.colourNote = read.colourNote();
        this.orientationNote = read.orientationNote();
        this.depthNote = read.depthNote();
        this.generatedNote = read.generatedNote();
        this.contentSha256 = read.contents().table().sha256();
        this.provenance = new ImageFolderSourceProvenance(this, contentSha256, read.contents().table().size(),
                read.contents().description());
    }

    /**
     * @return the configuration of this folder (root, names and the content's SHA-256) with, as instance values, the
     *     content's SHA-256, the image count, a description and when it was read; OLCUT's
     *     {@code ProvenanceUtil.extractConfiguration} rebuilds the source from it
     */
    @Override
    public org.tribuo.provenance.ConfiguredDataSourceProvenance getProvenance() {
        return provenance;
    }

    /**
     * Reads one split of a folder with {@code train/} and {@code test/} sub-folders; {@link #skipped()} then also
     * names what lies beside them (a class folder or file there belongs to neither split).
     *
     * <p>A {@value ClassMap#FILE} in the folder above the split (beside {@code train/} and {@code test/}) maps the
     * classes of every split without one of its own: one put there was ignored without a word (a re-check, 6 Dec).
     * A split folder read by itself ({@link #ImageFolderSource(Path, String)} of a {@code train/} or {@code test/})
     * reads it too.
     *
     * @param split the split's folder, holding one sub-folder per class
     * @param names class names as for {@link ClassNames#resolve}; null means the folder names
     * @return the source
     * @throws InvalidDataException as {@link #ImageFolderSource(Path, String)}, and when the split has a class map of
     *     its own that differs from the one above it
     */
    public static ImageFolderSource ofSplit(Path split, String names) {
        ImageFolderSource source = new ImageFolderSource(split, names); // a split's name: read() finds the map above
        source.splitLayout = split.toAbsolutePath().getParent();
        return source;
    }

    /**
     * What one read gives: the examples, the notes on mixed grey and colour images and on EXIF orientations, and the
     * description of the images that carry generate's mark ({@link GeneratedPng}).
     */
    record Read(Contents contents, Optional<String> colourNote, Optional<String> orientationNote,
                Optional<String> generatedNote, Optional<String> depthNote) {
    }

    /**
     * Every note the command line prints about the folder, for code that reads it through Tribuo: 16-bit detail,
     * EXIF orientation, colour among grey, generated images, look-alike class folders, images in two classes, entries
     * left unread (a fresh user found none of them reached code, 6 Dec). Each is computed when asked.
     *
     * @return the notes, each one line (or two, for depth and alpha) without the "note: " prefix; empty when none
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        java.util.stream.Stream.of(colourNote(), orientationNote(), depthNote(), generatedNote(), lookalikeNote(),
                sharedImagesNote(), skippedNote()).flatMap(Optional::stream)
                .forEach(n -> notes.add(n.startsWith("note: ") ? n.substring("note: ".length()) : n));
        return notes;
    }

    /**
     * @return when some images carry {@link GeneratedPng}'s mark (files augment generate wrote, wherever they were
     *     copied to), a sentence naming the folder, how many of its images and of each class's they are ("… holds 50
     *     images augment generate wrote … among its 110: class 'cat' 50 of 60: those examples are generated"); else
     *     empty
     */
    public Optional<String> generatedNote() {
        return generatedNote;
    }

    /**
     * @return for a folder whose images are mostly grey but some in colour, one note line naming how many and the
     *     first: every image is then read as RGB (the grey ones repeated in each channel), which a user of grey data
     *     (a grey generator, 28x28x1 features) would not expect; or, when every colour image is grey stored as RGB (R =
     *     G = B), a line saying so, with the way to one channel; empty when the images are all grey or all colour
     */
    public Optional<String> colourNote() {
        return colourNote;
    }

    /**
     * @return one note line naming how many JPEGs carry an EXIF orientation, which is not applied (the stored pixels
     *     are read, as Pillow's {@code Image.open} reads them), and the first; empty when none does
     */
    public Optional<String> orientationNote() {
        return orientationNote;
    }

    /**
     * @return a note line naming how many 16-bit images hold only samples below a sixteenth of their range (the
     *     first named): augment keeps a wide sample's high byte, which then holds at most 16 levels (12-bit data) or
     *     nothing (0..255 stored in 16 bits reads black); and one naming how many images hold their shape only in
     *     the dropped alpha channel; the two joined by a line break; empty when neither applies
     */
    public Optional<String> depthNote() {
        return depthNote;
    }

    /**
     * Class folders that a person reads as one class but that are several: equal but for case or spaces round them
     * ({@code Cat}, {@code cat}; {@code 1}, {@code 1 }), or the same number ({@code 1}, {@code 01}). Each is a class of
     * its own, which is easily a mistake in how the folders were made (a fresh user, 4 Dec: folders {@code 1} and
     * {@code 1 } trained as two classes without a word, and {@code inspect} showed both as "1").
     *
     * @return one note line naming each group (the first five, then a count), or empty when there is none
     */
    public Optional<String> lookalikeNote() {
        return lookalikeFolders();
    }

    /**
     * Images that are, pixel for pixel, images of another class too: a class folder copied under another name made
     * every image of it an example of both classes, without a word (a re-check, 5 Dec). An image of two labels no
     * classifier can learn, and a GAN learns one distribution for two classes.
     *
     * @return one note line naming the pairs of classes that share images and how many, or empty when none do
     */
    public Optional<String> sharedImagesNote() {
        // once: the command line prints it and the plugin's warnings() carry it, each asking (a review, 6 Dec)
        if (sharedImagesNote == null) {
            sharedImagesNote = findSharedImages();
        }
        return sharedImagesNote;
    }

    private Optional<String> findSharedImages() {
        PixelTable table = table();
        return CrossClassCopies.pairs(table.pixels(), table.classes(), schema().labels(), table.files())
                .map(pairs -> "note: " + root
                + ": class folders " + pairs + " (the same pixels in both): each such image is an example of "
                + "more than one class, which no classifier can learn; remove the copies from the folder they do not "
                + "belong to");
    }

    private Optional<String> lookalikeFolders() {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String folder : schema().labels()) {
            // NFKC too: café written with its accent apart (macOS's folder names) is the café of a Linux folder, and
            // a no-break or zero-width space or fullwidth letters made folders no reader tells apart (5 Dec)
            String loose = ClassNames.fold(folder);
            java.math.BigInteger number = ImageFolderLayout.folderNumber(loose);
            String key = number != null ? "number " + number : "text " + loose;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(folder);
        }
        List<String> alike = groups.values().stream().filter(g -> g.size() > 1)
                .map(g -> g.stream().map(f -> "'" + dev.augment.table.ColumnAdvice.shown(f) + "'")
                        .collect(java.util.stream.Collectors.joining(" and ")))
                .toList();
        if (alike.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("note: " + root + ": class folders " + String.join("; ", alike.subList(0,
                Math.min(5, alike.size()))) + (alike.size() > 5 ? " and " + (alike.size() - 5) + " more groups" : "")
                + " differ only in case, spaces or invisible characters, underscores, hyphens beside a letter, a full "
                + "stop, comma or quote at either end, letter width, leading zeros or how an accent is written (shown "
                + "escaped), and each is a class of its own; if "
                + "they are one class, put their images in one folder");
    }

    /**
     * What this source did not read, so that a caller can say so: files beside the class folders (an image there
     * belongs to no class; {@code classes.csv}, {@code generated.json} and hidden files are left out of the list),
     * folders of the root whose
     * names start with "." or that are {@code __MACOSX} (each would have been a class), and inside class folders
     * sub-folders, files that are not .png, .jpg or .jpeg, and images whose names start with "." (other hidden
     * files, such as .DS_Store, are left out of the list).
     *
     * @return those entries, as paths relative to the root with a trailing "/" for folders, in sorted order (listed
     *     on the first call, not when the images are read)
     */
    public synchronized List<String> skipped() {
        if (skipped == null) {
            List<String> all = new ArrayList<>(splitLayout == null ? List.of()
                    : ImageFolderLayout.besideTheSplits(splitLayout));
            all.addAll(ImageFolderLayout.skippedEntries(root));
            skipped = List.copyOf(all);
        }
        return skipped;
    }

    /**
     * @return one note line naming what {@link #skipped()} lists (the first five, then a count), or empty when
     *     nothing was skipped
     */
    public Optional<String> skippedNote() {
        return skippedNote(null);
    }

    /**
     * @param other the source read from the other split, or null
     * @return {@link #skippedNote()}, without the entries beside {@code train/} and {@code test/} when {@code other}
     *     is the other split of the same layout, whose note names them ({@code score} and {@code evaluate} printed
     *     them twice, once per split: a fresh user, 4 Dec)
     */
    public Optional<String> skippedNote(SchemaDataSource other) {
        boolean namedByOther = splitLayout != null && other instanceof ImageFolderSource folder
                && splitLayout.equals(folder.splitLayout) && !root.equals(folder.root);
        List<String> left = skipped().stream().filter(e -> !(namedByOther && e.startsWith("../"))).toList();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        // a name holding a newline broke the one-line note (a fresh user, 4 Dec): control characters are escaped
        String listed = left.subList(0, Math.min(5, left.size())).stream().map(dev.augment.table.ColumnAdvice::shown)
                .collect(java.util.stream.Collectors.joining(", "))
                + (left.size() > 5 ? " and " + (left.size() - 5) + " more" : "");
        return Optional.of("note: " + root + ": skipped " + left.size() + (left.size() == 1 ? " entry that is" :
                " entries that are") + " not read as data (" + listed + "); only .png, .jpg and .jpeg files directly "
                + "in class folders are read, files beside the class folders belong to no class, "
                + (left.stream().anyMatch(e -> e.startsWith("../"))
                ? "entries beside train/ and test/ (../) belong to neither split, " : "")
                + "and folders starting with '.' or that systems keep (recycle bins, __MACOSX, lost+found, ...) are "
                + "not classes"
                + (left.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).matches("\\.\\./(val|valid|validation)/"))
                ? validationAdvice() : "")
                + unreadImagesAdvice(left, root)
                + subFolderImagesAdvice(left)
                // oversample's flags (FlaggedSampleWriters' synthetic.csv): the folder is its output, read as real
                + (left.contains(ADDED_FLAGS) ? "; " + ADDED_FLAGS + " flags the examples augment oversample added, "
                + "and a folder read as data keeps no flags: every image here counts as real" : ""));
    }

    /**
     * @return the note's clause counting the skipped images in formats this source does not decode (GIF, BMP, WebP …,
     *     {@link ImageFolderLayout#isUnreadImageName}), which the first five entries listed may not show: a class
     *     with a few of them trains without them (one with as many as its PNGs and JPEGs is refused); empty for none
     */
    private static String unreadImagesAdvice(List<String> left, Path root) {
        List<String> unread = left.stream().filter(e -> !e.endsWith("/") && ImageFolderLayout.isUnreadImageName(e))
                .toList();
        if (unread.isEmpty()) {
            return "";
        }
        long classes = unread.stream().map(e -> e.contains("/") ? e.substring(0, e.lastIndexOf('/')) : "").distinct()
                .count();
        // those beside a PNG or JPEG of their name are most likely converted already: told to convert them again
        // after an in-place conversion (a re-check, 7 Dec)
        long beside = unread.stream().filter(e -> ImageFolderLayout.hasReadTwin(root.resolve(e))).count();
        return "; " + unread.size() + " of them " + (unread.size() == 1 ? "is an image" : "are images") + " in a "
                + "format augment does not read (GIF, BMP, WebP, TIFF, HEIC …), in " + classes + " folder"
                + (classes == 1 ? "" : "s") + (beside == 0 ? ": convert them to PNG or JPEG to have them read"
                : ", " + beside + " beside a PNG or JPEG of " + (beside == 1 ? "its" : "their") + " name (converted "
                + "copies? then move the originals out)" + (beside == unread.size() ? "" : "; convert the other "
                + (unread.size() - beside) + " to PNG or JPEG to have them read"));
    }

    /**
     * @return the note's clause counting the images in class folders' sub-folders ({@code cat/2019/}), which are not
     *     read, with the advice for the first class folder holding them ({@link ImageFolderLayout#moveUp}):
     *     the note named the sub-folder as an entry, like a stray folder, and 3 of a class's 7 photos were left out
     *     while ROS added a copy of the rest (a re-check, 7 Dec); a class folder with as many there as its own is
     *     refused; empty when no sub-folder holds an image
     */
    private String subFolderImagesAdvice(List<String> left) {
        java.util.Map<String, Long> imagesByFolder = new java.util.LinkedHashMap<>();
        for (String entry : left) {
            String[] parts = entry.split("/");
            // a NAS's thumbnails (@eaDir) or a hidden .thumbs/ are no images of the class (a re-check, 7 Dec)
            if (entry.endsWith("/") && parts.length == 2 && !ImageFolderLayout.isHidden(parts[1])) {
                long images = ImageFolderLayout.imagesBelow(root.resolve(entry));
                if (images > 0) {
                    imagesByFolder.put(entry, images);
                }
            }
        }
        if (imagesByFolder.isEmpty()) {
            return "";
        }
        long total = imagesByFolder.values().stream().mapToLong(Long::longValue).sum();
        String first = imagesByFolder.keySet().iterator().next();
        String listed = imagesByFolder.entrySet().stream().limit(3).map(e -> dev.augment.table.ColumnAdvice.shown(
                e.getKey()) + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                + (imagesByFolder.size() > 3 ? " and " + (imagesByFolder.size() - 3) + " more folders" : "");
        long classes = imagesByFolder.keySet().stream().map(e -> e.substring(0, e.indexOf('/'))).distinct().count();
        String firstClass = first.substring(0, first.indexOf('/'));
        return "; " + total + " image" + (total == 1 ? " is" : "s are") + " in class folders' sub-folders ("
                + listed + "), which are not read: if they belong to the class, "
                + (classes > 1 ? "in each of those " + classes + " class folders (the command for " + firstClass
                + "/ here) " : "") + ImageFolderLayout.moveUp(root.resolve(firstClass));
    }

    /**
     * @return the note's clause on a validation folder beside the splits: rename it test/ when the layout has no test
     *     split; with one, it is simply not read (a fresh user, 5 Dec, with train/, test/ and val/ was told to name it
     *     test/)
     */
    private String validationAdvice() {
        boolean hasTest;
        try (java.util.stream.Stream<Path> entries = Files.list(splitLayout)) {
            hasTest = entries.anyMatch(
                    p -> Files.isDirectory(p) && Split.TEST.isFolderName(p.getFileName().toString()));
        } catch (IOException e) {
            hasTest = false;
        }
        return hasTest ? "; a validation folder is not read (augment uses train/ and test/ only): move its images into "
                + "train/ to train on them"
                : "; a validation folder is not read: name it test/ to use it as the test split";
    }

    private static Read read(Path root, String names) {
        return read(root, names, Runtime.getRuntime().maxMemory());
    }

    /** @param heap the bytes the pixels and feature names may take at the most ({@link #requireHeapFor}) */
    static Read read(Path root, String names, long heap) {
        // a split folder given itself (evaluate --train DIR/train --test DIR/test) reads the map beside it, as the
        // split layout does: DIR/classes.csv was ignored without a word (a re-check, 6 Dec night)
        Path absolute = PhysicalPaths.absolute(root);
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        boolean split = Split.TRAIN.isFolderName(name) || Split.TEST.isFolderName(name);
        return read(root, names, heap, classMapFile(root, split ? absolute.getParent() : null));
    }

    /**
     * @param root a folder of class folders
     * @param layoutTop the folder above a split's folder, or null when {@code root} is not one split of a layout
     * @return the class map that applies to {@code root}: its own, else the layout's top one, else none
     * @throws InvalidDataException when both exist and map the classes differently (which one was meant cannot be
     *     told)
     */
    private static Optional<Path> classMapFile(Path root, Path layoutTop) {
        Path own = root.resolve(ClassMap.FILE);
        Path top = layoutTop == null ? null : layoutTop.resolve(ClassMap.FILE);
        boolean topToo = top != null && Files.isRegularFile(top);
        if (Files.isRegularFile(own)) {
            if (topToo && !ClassMap.read(top).entries().equals(ClassMap.read(own).entries())) {
                throw new InvalidDataException(top, "maps the classes otherwise than " + own + ", which the split "
                        + "reads; make the two the same, or delete the one you do not mean");
            }
            return Optional.of(own);
        }
        return topToo ? Optional.of(top) : Optional.empty();
    }

    /**
     * A layout's own folder, holding train/ and test/, given as the folder of class folders (a configuration's root,
     * as the command line's --data takes it) was told to "fix or delete classes.csv", or that test/ "is not a class
     * folder" (a re-check, 7 Dec).
     *
     * @throws InvalidDataException when the folder's sub-folders are a train and a test split and nothing else
     */
    private static void refuseSplitLayout(Path root) {
        List<String> folders = new ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .forEach(folders::add);
        } catch (IOException | RuntimeException unreadable) {
            return; // the class folders' own reading names it
        }
        // train/ and test/ may be classes of images, or named as classes by a classes.csv: only folders of folders
        if (folders.size() == 2 && folders.stream().anyMatch(Split.TRAIN::isFolderName)
                && folders.stream().anyMatch(Split.TEST::isFolderName) && !DataSources.splitNamesAreClasses(root)
                && folders.stream().allMatch(f -> holdsAFolder(root.resolve(f)))) {
            String train = folders.stream().filter(Split.TRAIN::isFolderName).findFirst().orElseThrow();
            throw new InvalidDataException(root, "holds a train and a test split (" + String.join("/ and ",
                    folders.stream().sorted().toList()) + "/), not class folders: read one split, "
                    + root.resolve(train) + " (ImageFolderSource.ofSplit, or DataSources.open(folder, Split.TRAIN, "
                    + "names), which read the classes.csv beside them)");
        }
    }

    private static boolean holdsAFolder(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            // a hidden .ipynb_checkpoints/ in class folders named train/ and test/ made them a layout (7 Dec)
            return entries.anyMatch(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** @param mapFile the {@value ClassMap#FILE} that orders and names the classes, if any */
    private static Read read(Path root, String names, long heap, Optional<Path> mapFile) {
        AddedExamples.refuseImageFolder(root);
        refuseSplitLayout(root);
        List<Path> folders = ImageFolderLayout.classFolders(root);
        ImageFolderLayout.requireNotOneClassFolder(root, folders);
        ImageFolderLayout.requireSortedIntoClasses(root, folders);
        Optional<ClassMap> classMap = mapFile.map(ClassMap::read);
        List<Path> classDirs = classMap.map(map -> ImageFolderLayout.mappedFolders(root, map, mapFile.get(), folders))
                .orElse(folders);
        List<String> labels = classMap.map(ClassMap::labels)
                .orElseGet(() -> classDirs.stream().map(d -> d.getFileName().toString()).toList());
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        boolean allGrey = true;
        int colour = 0;
        Path firstColour = null;
        int[] colourOfClass = new int[classDirs.size()];
        int turned = 0;
        Path firstTurned = null;
        int narrow = 0;
        Path firstNarrow = null;
        int alphaOnly = 0;
        Path firstAlphaOnly = null;
        Path first = null;
        int greyAsRgb = 0;
        int width = 0;
        int height = 0;
        List<List<Path>> files = ImageFolderLayout.imageFiles(classDirs);
        long[] generated = new long[classDirs.size()];
        java.util.BitSet marked = new java.util.BitSet();
        long count = files.stream().mapToLong(List::size).sum();
        DamagedImages damaged = new DamagedImages(root);
        for (int c = 0; c < classDirs.size(); c++) {
            for (Path file : files.get(c)) {
                Path firstFile = first;
                int firstWidth = width;
                int firstHeight = height;
                // before the pixels are decoded: one huge image among small ones filled the heap first
                DecodedImage image;
                try {
                    image = ImageDecoder.decode(file, firstFile == null ? CheckedImageReading.SizeCheck.ANY
                            : (w, h) -> requireSize(root, files, file, w, h, firstFile, firstWidth, firstHeight));
                } catch (InvalidDataException refusal) {
                    if (damaged.count(file, refusal)) {
                        continue;
                    }
                    throw damaged.withFound(refusal);
                }
                if (first == null) {
                    first = file;
                    width = image.width();
                    height = image.height();
                    requireHeapFor(root, count, width, height, image.channels(), heap);
                }
                if (image.turned() && turned++ == 0) {
                    firstTurned = file;
                }
                if (image.narrowWide() && narrow++ == 0) {
                    firstNarrow = file;
                }
                if (image.alphaOnly() && alphaOnly++ == 0) {
                    firstAlphaOnly = file;
                }
                allGrey &= image.isGrey();
                if (!image.isGrey() && colour++ == 0) {
                    firstColour = file;
                }
                boolean greyStoredAsRgb = !image.isGrey() && equalPlanes(image.samples());
                greyAsRgb += greyStoredAsRgb ? 1 : 0;
                // grey photos saved as RGB (R = G = B) are grey to the eye and to the class note (a re-check, 7 Dec)
                colourOfClass[c] += image.isGrey() || greyStoredAsRgb ? 0 : 1;
                pixels.add(image.samples());
                classes.add(c);
                if (image.generated()) {
                    generated[c]++;
                    marked.set(pixels.size() - 1);
                }
            }
        }
        damaged.refuseAny();
        int channels = allGrey ? 1 : 3;
        int area = width * height;
        if (!allGrey) {
            pixels.replaceAll(p -> p.length == area ? repeat(p, 3) : p);
        }
        List<String> featureNames = PixelTable.featureNames(channels * area);
        // each example names its file, which oversample's PNG output renamed without a record (a fresh user, 6 Dec)
        String[] relative = files.stream().flatMap(List::stream).map(f -> root.relativize(f).toString()
                .replace(java.io.File.separatorChar, '/')).toArray(String[]::new);
        PixelTable table = new PixelTable(featureNames.toArray(new String[0]),
                labels.stream().map(Label::new).toList(), pixels.toArray(new byte[0][]),
                classes.stream().mapToInt(Integer::intValue).toArray(), marked, relative);
        List<String> classNames = ClassNames.resolve(names, labels, classMap.map(ClassMap::names).orElse(labels));
        if (names != null) {
            // bare folders are sorted, and a classes.csv fixes each index's class: names given by index in another
            // order would land on the wrong class (a fresh user's --names swapped sandals and T-shirts)
            if (classMap.isPresent()) {
                classMap.get().requireNamesAgree(mapFile.get().getParent(), classNames);
            } else {
                ImageFolderLayout.requireFolderNamesAgree(root, labels, classNames);
            }
        }
        if (classMap.isPresent()) {
            ClassNames.requireNoLabelSwap(mapFile.get(), classNames, labels);
        }
        SampleSchema schema = new SampleSchema(featureNames, List.of(channels, height, width), 0, 255, labels,
                classNames);
        String byClass = colourByClass(labels, files, colourOfClass);
        Optional<String> mixed = colour == 0 ? Optional.empty() : colour == pixels.size() && greyAsRgb < colour
                ? (byClass.isEmpty() ? Optional.empty() : Optional.of("note: " + root + ": " + byClass.substring(2)
                + " (the grey ones stored as RGB, R = G = B)"))
                : greyAsRgb == colour
                // grey photos saved as RGB PNGs trained a 3-channel GAN, and a grey model was refused with "a model
                // trained on this kind of data" (a fresh user, 6 Dec)
                ? Optional.of("note: " + root + ": " + (colour == pixels.size() ? "every image is" : colour + " of "
                + pixels.size() + " images are") + " grey stored as RGB (R = G = B in every pixel; the first: "
                + root.relativize(firstColour) + "), so every image is read as 3 channels, as Pillow gives them; save "
                + "them as greyscale (e.g. mogrify -colorspace Gray -type Grayscale) for one channel, as a grey model "
                + "needs")
                : Optional.of("note: " + root + ": " + colour + " of " + pixels.size() + " images " + (colour == 1
                ? "is" : "are") + " in colour (the first: " + root.relativize(firstColour) + "), so every image is read "
                + "as 3-channel RGB, the grey ones repeated in each channel; convert " + (colour == 1 ? "it" : "them")
                + " to greyscale if the data is grey" + byClass);
        Optional<String> rotated = Optional.empty();
        if (turned > 0) {
            // a fresh user (4 Dec): phone photos saved sideways with an EXIF flag trained sideways without a word
            rotated = Optional.of("note: " + root + ": " + turned + " of " + pixels.size() + " images " + (turned == 1
                    ? "carries" : "carry") + " an EXIF orientation (the first: " + root.relativize(firstTurned) + "), "
                    + "which is not applied: they are read as stored, as Pillow's Image.open reads them, not as a "
                    + "viewer shows them; rotate them first (exiftran -ai, or mogrify -auto-orient) if the view is "
                    + "what you mean");
        }
        Optional<String> depth = narrow == 0 ? Optional.empty() : Optional.of("note: " + root + ": " + narrow + " of "
                + pixels.size() + " images " + (narrow == 1 ? "is" : "are") + " 16-bit with every sample below 4096 "
                + "(the first: " + root.relativize(firstNarrow) + "), and augment keeps a 16-bit sample's high byte, "
                + "which then holds at most 16 levels (values below 256 read black); scale them to 8 bits by their own "
                + "range first if their detail matters");
        if (alphaOnly > 0) {
            String alpha = "note: " + root + ": " + alphaOnly + " of " + pixels.size() + " images " + (alphaOnly == 1
                    ? "has its" : "have their") + " shape only in the alpha channel, over one colour (the first: "
                    + root.relativize(firstAlphaOnly) + "), and augment drops alpha as Pillow's convert does, so "
                    + (alphaOnly == 1 ? "it reads" : "they read") + " as blank images; flatten them onto a background "
                    + "first (e.g. mogrify -background white -flatten)";
            depth = Optional.of(depth.map(d -> d + System.lineSeparator()).orElse("") + alpha);
        }
        return new Read(new Contents(table, schema, "image folder " + root.toAbsolutePath()), mixed, rotated,
                generatedNote(root, classNames, generated, files), depth);
    }

    /**
     * @return "" unless some classes are wholly grey and others wholly colour; then the text naming them, since a
     *     classifier or a generator can learn the colour as the class (class folders of grey-and-alpha scans beside
     *     colour photos got only the count of colour images: a fresh user, 7 Dec)
     */
    private static String colourByClass(List<String> labels, List<List<Path>> files, int[] colourOfClass) {
        List<String> grey = new ArrayList<>();
        List<String> coloured = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            String shown = "'" + dev.augment.table.ColumnAdvice.shown(labels.get(c)) + "'";
            if (!files.get(c).isEmpty() && colourOfClass[c] == 0) {
                grey.add(shown);
            } else if (!files.get(c).isEmpty() && colourOfClass[c] == files.get(c).size()) {
                coloured.add(shown);
            }
        }
        if (grey.isEmpty() || coloured.isEmpty()) {
            return "";
        }
        return "; every image of " + listed(grey) + " is grey and every image of " + listed(coloured) + " in colour, "
                + "so a classifier or generator can learn the colour as the class: make the classes alike in colour";
    }

    /** @return up to three names joined, with how many more */
    private static String listed(List<String> names) {
        return (names.size() == 1 ? "class " : "classes ") + String.join(", ", names.subList(0, Math.min(3,
                names.size()))) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
    }

    /** @return whether a 3-channel image's planes are equal: grey stored as RGB */
    private static boolean equalPlanes(byte[] samples) {
        int area = samples.length / 3;
        for (int i = 0; i < area; i++) {
            if (samples[i] != samples[area + i] || samples[i] != samples[2 * area + i]) {
                return false;
            }
        }
        return samples.length % 3 == 0;
    }

    /** The words of {@link #generatedNote()} when every image carries generate's mark. */
    static final String ONLY_MARKED = " holds only images augment generate wrote";

    private static Optional<String> generatedNote(Path root, List<String> classNames, long[] generated,
                                                  List<List<Path>> files) {
        long marked = java.util.Arrays.stream(generated).sum();
        long total = files.stream().mapToLong(List::size).sum();
        if (marked == 0) {
            return Optional.empty();
        }
        if (marked == total) {
            return Optional.of(root + ONLY_MARKED + " (each PNG file carries its mark): "
                    + "every example in it is generated");
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < generated.length; c++) {
            if (generated[c] > 0) {
                classes.add("'" + classNames.get(c) + "' " + generated[c] + " of " + files.get(c).size());
            }
        }
        return Optional.of(root + " holds " + marked + " image" + (marked == 1 ? "" : "s") + " augment generate wrote "
                + "(each such PNG file carries its mark) among its " + total + ", by class " + String.join(", ", classes)
                + ": those examples are generated");
    }

    /** What one feature name costs on the heap, about: the string, its bytes and its entries in the name lists. */
    static final int BYTES_PER_FEATURE_NAME = 150;

    /**
     * Refuses, before the rest are decoded, images that would not fit in Java's whole heap: a fresh user's folder of
     * 80 phone photos (4032 x 3024) was read for 18 s and then ran out of heap with advice to give Java more, where
     * resizing is the fix (no GAN here trains on such images). The pixels are counted at one byte
     * per value, as read, plus the schema's feature name for each value of one image ({@value #BYTES_PER_FEATURE_NAME}
     * bytes each, the string and its place in the name lists: a fresh user's 50 photos of 3000 x 2000 passed a check
     * of the pixels alone and ran out of heap in their 18 million names); training needs about five times the
     * pixels, which the heap settings' advice covers.
     *
     * @param root the data folder, for the message
     * @param count the images to read
     * @param width the first image's width, which every other image must have
     * @param height its height
     * @param channels its channels (1 grey, 3 colour)
     * @param heap the bytes Java's heap can grow to (-Xmx)
     * @throws InvalidDataException naming the size, the need and both fixes
     */
    static void requireHeapFor(Path root, long count, int width, int height, int channels, long heap) {
        long values = width * (long) height * channels;
        long bytes = count * values + BYTES_PER_FEATURE_NAME * values;
        if (bytes > heap) {
            // the copy and any file name: '*/*.jpg' matched no camera's DSC_0001.JPG and resized the originals, and
            // the first image's size was said to be every image's (a fresh user, 7 Dec)
            // a whole path: '--data .' gave 'cp -r . .-32', which cp refuses half-way, inside the data; and both
            // splits of a train/test layout, not train/ alone into the layout (a re-check, 7 Dec)
            Path data = PhysicalPaths.absolute(root);
            // a split only beside its pair: a lone class folder named train copied its whole parent (a re-check)
            boolean split = data.getParent() != null && data.getFileName() != null && java.util.Arrays.stream(
                    Split.values()).anyMatch(s -> s.isFolderName(data.getFileName().toString())
                    && besideItsPair(data, s == Split.TRAIN ? Split.TEST : Split.TRAIN));
            Path whole = split ? data.getParent() : data;
            String copy = shellQuoted(whole + "-32");
            int digits = 1;
            while (digits < 6 && String.format(Locale.ROOT, "%." + digits + "f", bytes / 1e9)
                    .equals(String.format(Locale.ROOT, "%." + digits + "f", heap / 1e9))) {
                digits++; // "0.1 GB, more than the heap's 0.1 GB" (a re-check, 7 Dec)
            }
            String gb = "%." + digits + "f";
            throw new InvalidDataException(root, String.format(Locale.ROOT, "%,d images, the first of %d x %d pixels, "
                    + "need about " + gb + " GB at that size (a byte per pixel value and a Tribuo feature name per "
                    + "value), more than Java's whole heap (-Xmx, " + gb + " GB); resize copies of them first "
                    + "(augment's GANs train on small images, the shipped models on 28 x 28 and 32 x 32; e.g. cp -r %s "
                    + "%s && mogrify -resize 32x32! %s/*/*%s), or give Java more heap (AUGMENT_JAVA_OPTS=-Xmx...)",
                    count, width, height, bytes / 1e9, heap / 1e9, shellQuoted(whole.toString()), copy, copy,
                    split ? "/*" : ""));
        }
    }

    /** @return whether the folder's parent holds a folder of the other split ({@link Split#isFolderName}) */
    private static boolean besideItsPair(Path folder, Split other) {
        try (java.util.stream.Stream<Path> siblings = Files.list(folder.getParent())) {
            return siblings.anyMatch(p -> Files.isDirectory(p) && other.isFolderName(p.getFileName().toString()));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** @return the text as one shell word: single-quoted where it holds anything but safe characters */
    static String shellQuoted(String text) {
        return dev.augment.io.ShellWords.word(text);
    }

    private static void requireSize(Path root, List<List<Path>> files, Path file, int width, int height, Path first,
                                    int firstWidth, int firstHeight) {
        if (width != firstWidth || height != firstHeight) {
            throw new InvalidDataException(file, "image is " + width + "x" + height + " (width x height) but " + first
                    + ", the first image read, is " + firstWidth + "x" + firstHeight + "; all images must have the "
                    + "same size (resize or remove whichever of the two is the odd one)"
                    + quarterTurnHint(file, width, height, first, firstWidth, firstHeight)
                    + ImageSizeCensus.describe(root, files.stream().flatMap(List::stream).toList()));
        }
    }

    /**
     * @return when the two sizes are each other's turned a quarter and one of the files is a JPEG whose EXIF
     *     orientation (5 to 8) turns it so, a hint naming it: a portrait phone photo stored landscape looks, in a
     *     viewer, just like the other photos (a fresh user, 4 Dec); else ""
     */
    private static String quarterTurnHint(Path file, int width, int height, Path first, int firstWidth,
                                          int firstHeight) {
        if (width != firstHeight || height != firstWidth) {
            return "";
        }
        for (Path p : List.of(file, first)) {
            int orientation;
            try {
                orientation = JpegHeader.read(Files.readAllBytes(p)).orientation();
            } catch (IOException e) {
                continue; // only the hint is lost
            }
            if (orientation >= 5 && orientation <= 8) {
                return "; " + p.getFileName() + " carries an EXIF orientation (" + orientation + ") that turns it a "
                        + "quarter, so a viewer shows both the same size, but images are read as stored: rotate the "
                        + "files first (exiftran -ai, or mogrify -auto-orient)";
            }
        }
        return "";
    }

    private static byte[] repeat(byte[] plane, int times) {
        byte[] out = new byte[plane.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(plane, 0, out, i * plane.length, plane.length);
        }
        return out;
    }

    /** @return the root folder */
    public Path root() {
        return root;
    }

    @Override
    public Path location() {
        return root;
    }

    @Override
    public String toString() {
        return "ImageFolderSource(root=" + root + ", size=" + size() + ")";
    }
}
