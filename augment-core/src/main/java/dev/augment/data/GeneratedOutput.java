package dev.augment.data;

import dev.augment.io.PhysicalPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recognises output of {@code augment generate} given back as data: a folder holding generate's
 * {@link GenerationRecord} ({@value GenerationRecord#FILE}; with more examples than it lists, a mixed folder; beside
 * oversample's synthetic flags, oversample's output of generated data), a file of another name beside a record (that
 * output renamed, when its count allows), images carrying {@link GeneratedPng}'s mark among real ones, or, for output
 * written before the record existed, augment's {@value ClassMap#FILE} beside {@value DataSources#IDX_IMAGES},
 * {@code samples.csv}, or class folders of numbered PNG files ({@code 000001.png}, …) without oversample's flags
 * ({@link AddedExamples}); Tribuo's own sources are judged by the files their provenance names.
 * {@code score --data} of such a folder compared a generator's
 * samples with its own samples and reported a perfect score without a word, and two outputs put in {@code D/train}
 * and {@code D/test} were evaluated as "real" data (fresh users, 5 Dec): every reader of data now asks this class,
 * for each split it reads ({@link #describe(SchemaDataSource)}).
 */
public final class GeneratedOutput {

    /** The words of the guess from the layout alone, which the images' own marks overrule. */
    private static final String LOOKS_LIKE = " looks like augment generate's output";

    private GeneratedOutput() {
    }

    /**
     * @param data a data path as given: a folder, or a file of one (its folder is named)
     * @return a sentence naming it as generated output ("… is augment generate's output (…): every example in it is
     *     generated", "… holds …: 6 of its 7 examples are generated", "… lies beside augment generate's record …"), or
     *     empty when it is not one (or cannot be listed)
     */
    public static Optional<String> describe(Path data) {
        Path absolute = PhysicalPaths.absolute(data);
        if (Files.isDirectory(absolute)) {
            return describeFolder(absolute, data.toString());
        }
        boolean generatesName = generatesName(absolute);
        Path shown = data.getParent() != null ? data.getParent() : absolute.getParent();
        if (absolute.getParent() == null) {
            return Optional.empty();
        }
        if (generatesName) {
            return describeFolder(absolute.getParent(), String.valueOf(shown));
        }
        // generate's files renamed beside its record (train-images-idx3-ubyte, synth.csv) were read as real without a
        // word (a fresh user, 5 Dec); a file of another name there may be that output renamed
        return GenerationRecord.readIfPresent(absolute.getParent())
                .filter(unused -> !flagged(absolute.getParent()))
                // a real file beside it whose count cannot be the record's (t10k's 10 000 against 100) is not named
                .filter(record -> {
                    long count = idxCount(absolute);
                    return count < 0 || count == record.examples();
                })
                .map(record -> data + " lies beside augment generate's record (" + shown.resolve(GenerationRecord.FILE)
                        + ": " + record.summary() + "): if it is that output renamed, every example in it is generated");
    }

    /** @return the count in an IDX file's header (gzipped or not), or -1 when the file is no IDX file */
    private static long idxCount(Path file) {
        try (java.io.InputStream raw = Files.newInputStream(file);
             java.io.DataInputStream in = new java.io.DataInputStream(file.getFileName().toString().toLowerCase(
                     java.util.Locale.ROOT).endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || (magic & 0xff) < 1 || (magic & 0xff) > 4) {
                return -1;
            }
            return Integer.toUnsignedLong(in.readInt());
        } catch (IOException | RuntimeException notIdx) {
            return -1;
        }
    }

    /** @return whether augment oversample's synthetic flags lie in the folder */
    private static boolean flagged(Path folder) {
        return Files.exists(folder.resolve(AddedExamples.IDX_FLAGS))
                || Files.exists(folder.resolve(AddedExamples.CSV_FLAGS));
    }

    /**
     * @param source a split as read (its {@link SchemaDataSource#location()}: a folder of class folders, an IDX images
     *     file or a CSV file)
     * @return as {@link #describe(Path)}, for the folder the split was read from; else, for an image folder, its
     *     images that carry generate's mark ({@link GeneratedPng}, {@link ImageFolderSource#generatedNote()})
     */
    public static Optional<String> describe(SchemaDataSource source) {
        Optional<String> byFolder = describe(source.location());
        if (!(source instanceof ImageFolderSource folder)) {
            return byFolder;
        }
        boolean someMarked = folder.generatedNote().filter(note -> !note.contains(ImageFolderSource.ONLY_MARKED))
                .isPresent();
        if (byFolder.isPresent() && !(byFolder.get().contains(LOOKS_LIKE) && someMarked)) {
            return byFolder;
        }
        // numbered PNG files of which only some carry generate's mark are no generate output, whose every file
        // carries it: "every example in it is generated" was untrue of 3 marked files among 1003 (a re-check, 6 Dec)
        // generated PNG files copied among real ones: the folder's record stayed behind, their mark did not
        return folder.generatedNote();
    }

    /**
     * Tribuo's own sources ({@code IDXDataSource}, {@code CSVDataSource}) over generate's output: the plugin warned only
     * for augment's sources (a fresh user, 5 Dec, wrapped the README's IDXDataSource example). Their provenance names
     * the files read.
     *
     * @param source any Tribuo source
     * @return as {@link #describe(Path)}, for each file its provenance names (a few levels deep, as a copy into a
     *     {@code ListDataSource} keeps its source's), one sentence per folder; empty when none is generate's output
     */
    public static Optional<String> describeTribuo(org.tribuo.DataSource<?> source) {
        java.util.Set<Path> files = new java.util.LinkedHashSet<>();
        filesIn(source.getProvenance(), 0, files);
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        files.forEach(file -> describe(file).ifPresent(found::add));
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found));
    }

    /**
     * @param provenance a Tribuo source's provenance
     * @return the local files it names (an IDX or CSV source's paths, also inside a list or an aggregate), in order
     */
    static java.util.Set<Path> filesOf(com.oracle.labs.mlrg.olcut.provenance.Provenance provenance) {
        java.util.Set<Path> files = new java.util.LinkedHashSet<>();
        filesIn(provenance, 0, files);
        return files;
    }

    private static void filesIn(com.oracle.labs.mlrg.olcut.provenance.Provenance provenance, int depth,
                                java.util.Set<Path> files) {
        if (provenance == null || depth > 6) {
            return;
        }
        if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.primitives.FileProvenance file
                && file.getValue() != null) {
            files.add(file.getValue().toPath());
        } else if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.primitives.URLProvenance url
                && url.getValue() != null && "file".equals(url.getValue().getProtocol())) {
            try {
                files.add(Path.of(url.getValue().toURI())); // CSVDataSource's dataPath
            } catch (java.net.URISyntaxException | IllegalArgumentException notAPath) {
                // not a file this reader can look at
            }
        } else if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance object) {
            for (var entry : object) {
                filesIn(entry.getB(), depth + 1, files);
            }
        } else if (provenance instanceof com.oracle.labs.mlrg.olcut.provenance.ListProvenance<?> list) {
            for (com.oracle.labs.mlrg.olcut.provenance.Provenance item : list) {
                filesIn(item, depth + 1, files);
            }
        }
    }

    /**
     * @param source a source as read
     * @return the {@link GenerationRecord} in the folder it was read from, if any, for a writer of its examples to
     *     carry forward ({@code augment oversample})
     */
    public static Optional<GenerationRecord> recordOf(SchemaDataSource source) {
        Path location = PhysicalPaths.absolute(source.location());
        Path folder = Files.isDirectory(location) ? location : location.getParent();
        if (folder == null || !Files.isDirectory(location) && !generatesName(location)) {
            // a real table put beside a record was carried forward as generated (a fresh user, 5 Dec)
            return Optional.empty();
        }
        return GenerationRecord.readIfPresent(folder).filter(record -> examplesIn(folder, record.filesFormat())
                <= record.examples()); // more than generate (or oversample) wrote: a mixed folder
    }

    private static boolean generatesName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith("samples.csv") || name.startsWith(DataSources.IDX_IMAGES)
                || name.startsWith(DataSources.IDX_LABELS);
    }

    private static Optional<String> describeFolder(Path folder, String shown) {
        Optional<GenerationRecord> record = GenerationRecord.readIfPresent(folder);
        if (record.isPresent() && record.get().carried() != null) {
            // oversample's own counts: generate's told "100 of its 102" of an output all of whose examples were
            // "of data holding generated examples" was untrue of oversample's own GAN examples (a fresh user, 6 Dec)
            return Optional.of(shown + " is augment oversample's output holding generated examples (its "
                    + GenerationRecord.FILE + "): " + record.get().summary() + (flagged(folder)
                    ? ", though it flags as real (synthetic 0) those that were in its data"
                    : "png".equals(record.get().filesFormat())
                    // the PNG files of its GAN examples carry generate's mark: "cannot be told" was untrue (6 Dec)
                    ? "; its synthetic flags are gone, but its PNG files of generated examples carry augment's mark "
                    + "(Software = augment generate), by which they are counted and can be told"
                    : "; its synthetic flags are gone, so which examples are generated cannot be told"));
        }
        if (flagged(folder)) {
            // oversample's output of generated data carries generate's record forward: its "real" examples are not
            return record.map(found -> shown + " is augment oversample's output of "
                    + "data augment generate wrote (its " + GenerationRecord.FILE + ": " + found.summary() + "): the "
                    + "examples it flags as real (synthetic 0) are generated too");
        }
        if (record.isPresent()) {
            long generated = record.get().samplesPerClass() * record.get().classes().size();
            long held = examplesIn(folder, record.get().format());
            if (held > generated) {
                // real images put into generate's class folders: "every example" would have been untrue
                return Optional.of(shown + " holds augment generate's output (its " + GenerationRecord.FILE + ": "
                        + record.get().summary() + ") and " + (held - generated) + (held - generated == 1 ? " example"
                        : " examples") + " besides: "
                        + generated + " of its " + held + " examples are generated");
            }
            return Optional.of(shown + " is augment generate's output (its " + GenerationRecord.FILE + ": "
                    + record.get().summary() + "): every example in it is generated");
        }
        Path classMap = folder.resolve(ClassMap.FILE);
        if (!Files.isRegularFile(classMap) || !ClassMap.hasItsHeader(classMap)) {
            // a user's own classes.csv beside a real samples.csv called the table generated (a fresh user, 5 Dec)
            return Optional.empty();
        }
        String layout = Files.isRegularFile(folder.resolve(DataSources.IDX_IMAGES)) ? DataSources.IDX_IMAGES
                : Files.isRegularFile(folder.resolve("samples.csv")) ? "samples.csv"
                : numberedPngClasses(folder) ? "class folders of numbered PNG files" : null;
        return Optional.ofNullable(layout).map(found -> shown + LOOKS_LIKE + " ("
                + ClassMap.FILE + " beside " + found + ", without oversample's synthetic flags and without the "
                + GenerationRecord.FILE + " generate now leaves): if it is, every example in it is generated");
    }

    /**
     * @return how many examples the folder holds in the record's format: the images in the class folders its class map
     *     names (png), the labels file's count (idx, as written: not gzipped) or the CSV's lines after the header
     *     (csv); -1 when that cannot be told
     */
    private static long examplesIn(Path folder, String format) {
        try {
            switch (format) {
                case "png" -> {
                    long files = 0;
                    for (var entry : ClassMap.readIfPresent(folder).map(ClassMap::entries).orElse(java.util.List.of())) {
                        Path classFolder = folder.resolve(entry.folder());
                        if (!entry.folder().isEmpty() && Files.isDirectory(classFolder)) {
                            try (Stream<Path> list = Files.list(classFolder)) {
                                // images as the source reads them: a .DS_Store is no example
                                files += list.filter(f -> Files.isRegularFile(f) && ImageFolderLayout.isImageName(
                                        f.getFileName().toString()) && !f.getFileName().toString().startsWith("."))
                                        .count();
                            }
                        }
                    }
                    return files;
                }
                case "idx" -> {
                    Path labels = folder.resolve(DataSources.IDX_LABELS);
                    try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(labels))) {
                        in.readInt(); // the magic number
                        return Integer.toUnsignedLong(in.readInt());
                    }
                }
                case "csv" -> {
                    try (Stream<String> lines = Files.lines(folder.resolve("samples.csv"))) {
                        return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
                    }
                }
                default -> {
                    return -1;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return -1; // the data's own reader names what is wrong with it
        }
    }

    /** @return whether the folders its class map names exist and hold only files named as generate names them */
    static boolean numberedPngClasses(Path folder) {
        try {
            var map = ClassMap.readIfPresent(folder);
            if (map.isEmpty() || map.get().entries().isEmpty()) {
                return false;
            }
            for (var entry : map.get().entries()) {
                Path classFolder = folder.resolve(entry.folder());
                if (entry.folder().isEmpty() || !Files.isDirectory(classFolder, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                try (Stream<Path> files = Files.list(classFolder)) {
                    if (!files.allMatch(f -> f.getFileName().toString().matches("\\d{6,}\\.png"))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false; // a class map or folder that cannot be read is read, and named, by the data's own reader
        }
    }
}
