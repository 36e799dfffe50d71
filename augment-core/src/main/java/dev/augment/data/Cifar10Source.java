package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code data_batch_5.bin}, {@code test_batch.bin}).
 *
 * <p>Each record is one label byte (0..9) followed by 3072 pixel bytes: 1024 red, 1024 green, 1024 blue,
 * each a 32x32 image in row-major order. That is (channel, row, column) order, so pixel byte {@code j} of a
 * record becomes feature {@code j}, named as Tribuo's IDX reader would name it: "0000".."3071". As in
 * Tribuo's IDX reader, zero pixels are left out of the (sparse) examples, except that an all-zero image keeps
 * every feature at 0 ({@link TribuoExamples}). The schema has shape (3, 32, 32), values 0..255, labels "0".."9"
 * and by default the CIFAR-10 class names (airplane ... truck). Pixels are bytes, so no value can be NaN or
 * infinite.
 *
 * <p>The records are kept as bytes and become Tribuo examples as they are iterated.
 */
public final class Cifar10Source extends PixelTableSource {

    /** Bytes of one image: 3 channels of 32x32. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;

    /** Bytes of one record: the label byte and the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private static final int CLASSES = 10;

    private final List<Path> files;

    /**
     * Reads one batch file with the CIFAR-10 class names.
     *
     * @param file a CIFAR-10 binary batch
     */
    public Cifar10Source(Path file) {
        this(List.of(file), null);
    }

    /**
     * Reads batch files, in the order given.
     *
     * @param files one or more CIFAR-10 binary batches
     * @param names class names as for {@link ClassNames#resolve}; null means the CIFAR-10 names
     * @throws InvalidDataException when a file is missing, is not a whole number of records or has a label
     *                              byte above 9
     */
    public Cifar10Source(List<Path> files, String names) {
        super(read(files, names));
        this.files = List.copyOf(files);
    }

    private static Contents read(List<Path> files, String names) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given");
        }
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Path file : files) {
            readBatch(file, pixels, classes);
        }
        // batches of fewer classes that their batches.meta.txt names (apple, pear) take those classes and names: told
        // to give 10 names, then to allow 8 empty classes, they ended in a model of 8 classes never learned (a fresh
        // user, 7 Dec)
        // with --names too: the names then name those classes (with them, the data was 10 classes again: a re-check)
        List<String> meta = metaNames(files.get(0));
        boolean ownClasses = meta.size() >= 2 && meta.size() <= CLASSES && !meta.equals(ClassNames.CIFAR10)
                && meta.stream().distinct().count() == meta.size()
                && classes.stream().allMatch(c -> c < meta.size());
        List<String> labels = IntStream.range(0, ownClasses ? meta.size() : CLASSES).mapToObj(Integer::toString)
                .toList();
        List<Label> tribuoLabels = labels.stream().map(Label::new).toList();
        PixelTable table = new PixelTable(PixelTable.featureNames(IMAGE_BYTES).toArray(new String[0]), tribuoLabels,
                pixels.toArray(new byte[0][]), classes.stream().mapToInt(Integer::intValue).toArray());
        if (names == null && !ownClasses) {
            refuseOtherMetaNames(files.get(0), classes.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        ClassNames.requireBuiltInFitsShape(names, List.of(3, 32, 32));
        List<String> classNames = ownClasses && names == null ? meta
                : ClassNames.resolve(names, labels, ownClasses ? meta : ClassNames.CIFAR10);
        ClassNames.requireNoLabelSwap(names, classNames, labels);
        if (names != null) {
            refuseMetaNamesReordered(files.get(0), classNames);
        }
        SampleSchema schema = new SampleSchema(PixelTable.featureNames(IMAGE_BYTES), List.of(3, 32, 32), 0, 255,
                labels, classNames);
        return new Contents(table, schema, "CIFAR-10 binary batches " + files);
    }

    /** The file beside CIFAR-10's batches that names its classes, one per line. */
    static final String META = "batches.meta.txt";

    /**
     * Batches of other classes in CIFAR-10's format, whose {@value #META} names them (apple, pear), were given
     * CIFAR-10's names, and the advice to allow the empty classes baked airplane and automobile into the model (a
     * fresh user, 5 Dec).
     */
    private static void refuseOtherMetaNames(Path firstBatch, int highestLabel) {
        Path meta = firstBatch.toAbsolutePath().resolveSibling(META);
        List<String> named = metaNames(firstBatch);
        if (!named.isEmpty() && named.size() <= highestLabel && named.size() < CLASSES) {
            // fewer names than the labels held: told to give 10 names, and then to allow empty classes (a re-check)
            throw new InvalidDataException(meta, "names " + named.size() + " class" + (named.size() == 1 ? "" : "es")
                    + " (labels 0 to " + (named.size() - 1) + ") but the batches hold label " + highestLabel + "; add "
                    + "a line naming each label up to " + highestLabel + ", one per line in label order");
        }
        if (named.stream().distinct().count() != named.size()) {
            throw new InvalidDataException(meta, "names a class twice; give each label its own name, one per line in "
                    + "label order");
        }
        if (!named.isEmpty() && !named.equals(ClassNames.CIFAR10)) {
            throw new InvalidDataException(meta, "names the classes '" + String.join("', '", named.subList(0,
                    Math.min(5, named.size()))) + (named.size() > 5 ? "', …" : "'") + ", not CIFAR-10's ('"
                    + String.join("', '", ClassNames.CIFAR10.subList(0, 3)) + "', …), which the batches would "
                    + "otherwise be given; give --names, a file of " + CLASSES + " names in label order (0 to "
                    + (CLASSES - 1) + ")");
        }
    }

    /**
     * --names holding the classes {@value #META} names beside the batches, in another order, swapped classes without a
     * word (6 Dec).
     */
    private static void refuseMetaNamesReordered(Path firstBatch, List<String> given) {
        List<String> named = metaNames(firstBatch);
        if (named.size() == given.size() && !named.equals(given) && new java.util.HashSet<>(named).equals(
                new java.util.HashSet<>(given))) {
            int first = java.util.stream.IntStream.range(0, named.size()).filter(i -> !named.get(i).equals(
                    given.get(i))).findFirst().orElse(0);
            throw new InvalidDataException(firstBatch.toAbsolutePath().resolveSibling(META), "names the classes of "
                    + "--names in another order (label " + first + " is '" + named.get(first) + "' there, '"
                    + given.get(first) + "' in --names), so the batches' classes would be swapped; give the names in "
                    + META + "'s order, or leave --names out to use that file's");
        }
    }

    /** @return the names {@value #META} beside the batch holds, one per line; empty when there is none */
    private static List<String> metaNames(Path firstBatch) {
        Path meta = firstBatch.toAbsolutePath().resolveSibling(META);
        if (!Files.isRegularFile(meta)) {
            return List.of();
        }
        try {
            return Files.readAllLines(meta, java.nio.charset.StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // a file of another kind under that name: nothing to compare
        }
    }

    /** The largest batch file read: 1 GiB, 35 times CIFAR-10's own batches. */
    private static final long MAX_BATCH_BYTES = 1L << 30;

    private static void readBatch(Path file, List<byte[]> pixels, List<Integer> classes) {
        if (Files.isDirectory(file)) {
            throw new InvalidDataException(file, "is a folder, expected a CIFAR-10 .bin batch file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(file, "CIFAR-10 batch file not found");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BATCH_BYTES) {
                // read whole, a file of GBs ran the heap out with advice to give Java more (a fresh user, 6 Dec)
                throw new InvalidDataException(file, String.format(java.util.Locale.ROOT, "%.1f GB, more than a "
                        + "CIFAR-10 batch augment reads (%d MB; the dataset's batches are %.1f MB each): not a batch, "
                        + "or a file an unfinished copy filled; copy it again", size / 1e9, MAX_BATCH_BYTES >> 20,
                        10_000 * RECORD_BYTES / 1e6));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidDataException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new InvalidDataException(file, "empty file: no CIFAR-10 records");
        }
        if (bytes.length % RECORD_BYTES != 0) {
            throw new InvalidDataException(file, "truncated or not CIFAR-10: " + bytes.length + " bytes is not a "
                    + "whole number of " + RECORD_BYTES + "-byte records (1 label byte + 3072 pixels), "
                    + bytes.length % RECORD_BYTES + " bytes left over");
        }
        for (int offset = 0; offset < bytes.length; offset += RECORD_BYTES) {
            int label = Byte.toUnsignedInt(bytes[offset]);
            if (label >= CLASSES) {
                throw new InvalidDataException(file, "record " + offset / RECORD_BYTES + " has label byte " + label
                        + " but CIFAR-10 labels are 0..9 (CIFAR-100 files, with two label bytes, are not supported)");
            }
            classes.add(label);
            pixels.add(Arrays.copyOfRange(bytes, offset + 1, offset + RECORD_BYTES));
        }
    }

    /** @return the batch files read, in order */
    public List<Path> files() {
        return files;
    }

    @Override
    public Path location() {
        return files.get(0);
    }

    @Override
    public String toString() {
        return "Cifar10Source(files=" + files + ", size=" + size() + ")";
    }
}
