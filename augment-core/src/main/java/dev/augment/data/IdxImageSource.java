package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.OutputFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.provenance.DataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pair of IDX files, images and labels, in the MNIST / Fashion-MNIST format (gzip or raw), read by
 * Tribuo's own {@link IDXDataSource}.
 *
 * <p>Both files are checked first, so that a bad file gives an {@link InvalidDataException} naming it:
 * missing, wrong magic number, images neither 3-dimensional (count, rows, columns) nor 4-dimensional (count,
 * channels, rows, columns, as {@code augment generate --format idx} writes colour images) or labels not
 * 1-dimensional, truncated, trailing
 * data, a NaN or infinite pixel in float or double images (naming the image, the pixel's feature and the
 * value), labels that are not non-negative integers, or different counts in the two files.
 *
 * <p>The examples, feature names and provenance are Tribuo's: features are named "%0Nd" where N is the
 * number of digits of the feature count ("000".."783" for 28x28, "0000".."3071" for 3x32x32, in (channel, row,
 * column) order), zero pixels are left out (an all-zero image keeps every feature at 0, see {@link #iterator()}),
 * and labels are the integers "0", "1", ... The schema has shape (1, rows, columns), or (channels, rows, columns)
 * for 4-dimensional images, the value range 0..255 for ubyte
 * images (the range of the type for byte; the observed range for short, int, float and double, where one value
 * more than a thousand times beyond every other is refused as a marker or damage), and
 * labels "0".."K-1" where K is the largest label plus one.
 *
 * <p>When the labels file's folder holds a {@link ClassMap} ({@code classes.csv}, which {@code augment generate
 * --format idx} and {@code augment oversample --format idx} write beside their files), it decides instead: a
 * label byte is the class {@code index} of the map, the example's label is that entry's {@code label} and the
 * schema's classes are the map's, in its order, with its names (where {@code names} is not given). A byte the map
 * does not list is an {@link InvalidDataException}. Without this, IDX output of classes {@code 2} and {@code 5}
 * read back as classes 0..5, and a model's named classes as numbers.
 */
public final class IdxImageSource implements SchemaDataSource {

    private final IDXDataSource<Label> delegate;
    private final SampleSchema schema;
    private final Path images;
    private final String[] featureNames;
    private final Map<String, Label> mapped;

    /**
     * Reads an IDX pair with default class names (see {@link #IdxImageSource(Path, Path, String)}).
     *
     * @param images the images file, e.g. {@code train-images-idx3-ubyte.gz}
     * @param labels the labels file, e.g. {@code train-labels-idx1-ubyte.gz}
     */
    public IdxImageSource(Path images, Path labels) {
        this(images, labels, null);
    }

    /**
     * Reads an IDX pair.
     *
     * @param images the images file, e.g. {@code train-images-idx3-ubyte.gz}
     * @param labels the labels file, e.g. {@code train-labels-idx1-ubyte.gz}
     * @param names class names as for {@link ClassNames#resolve}; null means the Fashion-MNIST names when the
     *              images file's name, its folder's name (or, for Kaggle's folder of the file's own name, the folder
     *              above) contains "fashion" (any case) and there are ten classes, else the labels
     * @throws InvalidDataException when either file is bad or they disagree
     */
    public IdxImageSource(Path images, Path labels, String names) {
        this.images = images;
        if (sameFile(images, labels)) {
            // "labels,labels" was asked whether the pair was swapped (a fresh user, 5 Dec)
            throw new InvalidDataException(images, "is given as both the images and the labels file; give the images "
                    + "file, then its labels file: images,labels");
        }
        IdxFile header = IdxFile.checkImages(images);
        AddedExamples.refuseIdx(labels);
        int[] classes = IdxFile.readLabels(labels);
        if (classes.length != header.count()) {
            throw new InvalidDataException(images, "holds " + header.count() + " images but labels file "
                    + labels + " holds " + classes.length + " labels; use the labels file that belongs to it");
        }
        try {
            this.delegate = new IDXDataSource<>(images, labels, new LabelFactory());
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException(images, "Tribuo's IDX reader failed: " + e.getMessage(), e);
        }
        Optional<ClassMap> classMap = ClassMap.readIfPresent(AddedExamples.folderOf(labels));
        List<String> labelNames;
        List<String> classNames;
        if (classMap.isPresent()) {
            this.mapped = byteLabels(classMap.get(), classes, labels);
            labelNames = classMap.get().labels();
            classNames = ClassNames.resolve(names, labelNames, classMap.get().names());
            if (names != null) {
                classMap.get().requireNamesAgree(AddedExamples.folderOf(labels), classNames);
            }
            ClassNames.requireNoLabelSwap(AddedExamples.folderOf(labels).resolve(ClassMap.FILE), classNames,
                    labelNames);
        } else {
            this.mapped = Map.of();
            int maxLabel = 0;
            for (int c : classes) {
                maxLabel = Math.max(maxLabel, c);
            }
            refuseStrayLabels(labels, classes, maxLabel);
            if (names == null) {
                // with names, the labels are indices of a known set, some empty (Fashion-MNIST's footwear, 5, 7 and
                // 9, with --names fashion-mnist: a re-check, 6 Dec)
                refuseLabelCodes(labels, classes, maxLabel);
            }
            labelNames = new ArrayList<>();
            for (int i = 0; i <= maxLabel; i++) {
                labelNames.add(Integer.toString(i));
            }
            ClassNames.requireBuiltInFitsShape(names, List.of(header.channels(), header.rows(), header.columns()));
            // a subset of the classes takes Fashion-MNIST's names only in its shape: a shop's own 4-class 8×8 set
            // in a folder named fashion-shop was called T-shirts and trousers (a re-check, 6 Dec night)
            boolean fashionShape = header.channels() == 1 && header.rows() == 28 && header.columns() == 28;
            classNames = ClassNames.resolve(names, labelNames, namesFashion(images)
                    && (labelNames.size() == ClassNames.FASHION_MNIST.size() || fashionShape)
                    ? ClassNames.FASHION_MNIST : labelNames);
            ClassNames.requireNoLabelSwap(names, classNames, labelNames);
        }
        int features = header.channels() * header.rows() * header.columns();
        double[] range = valueRange(images, header.type(), features);
        this.featureNames = PixelTable.featureNames(features).toArray(new String[0]);
        this.schema = new SampleSchema(List.of(featureNames), List.of(header.channels(), header.rows(),
                header.columns()), range[0], range[1], labelNames, classNames);
    }

    /** The smallest largest label read as codes rather than class indices: labels within 0–19 are a class set. */
    static final int FEWEST_CODE = 20;

    /** More than this many unused label values below the largest label, with few examples above them, is damage. */
    static final int STRAY_GAP = 5;

    /**
     * Classes are the labels 0 to the largest: one damaged label byte (200 among 0–9) made 190 empty classes, which
     * {@code train} offered to keep with {@code --allow-empty-classes} (a 201-class model) and {@code --names
     * fashion-mnist} refused as 10 names for 201 classes. When more than {@value #STRAY_GAP} label values between the
     * smallest label used and the largest are unused, and at most 3 examples lie above the first of them, those
     * examples are named (labels 1–10, as EMNIST letters use, the same). A label just above the others (10 among
     * 0–9) cannot be told from a class of its own.
     */
    private static void refuseStrayLabels(Path labels, int[] classes, int maxLabel) {
        // the values used, ascending: an array up to the largest label ran out of memory for labels near 2^31
        int[] used = java.util.stream.IntStream.of(classes).distinct().sorted().toArray();
        int smallest = used.length == 0 ? 0 : used[0];
        int firstUnused = java.util.stream.IntStream.range(1, used.length).filter(i -> used[i] != used[i - 1] + 1)
                .map(i -> used[i - 1] + 1).findFirst().orElse(-1);
        long unused = used.length == 0 ? 0 : (long) maxLabel - smallest + 1 - used.length;
        int[] beyond = java.util.stream.IntStream.range(0, classes.length).filter(i -> classes[i] > firstUnused)
                .limit(4).toArray();
        if (firstUnused < 0 || unused <= STRAY_GAP || beyond.length > 3) {
            return;
        }
        String stray = java.util.Arrays.stream(beyond).mapToObj(i -> "example " + i + " has label " + classes[i])
                .collect(java.util.stream.Collectors.joining(", "));
        throw new InvalidDataException(labels, stray + ", beyond the other examples' labels (" + smallest + " to "
                + (firstUnused - 1) + ") with " + unused + " label values between them unused: a damaged label byte? "
                + "fix " + (beyond.length == 1 ? "that example's label or remove it" : "those examples' labels or "
                + "remove them") + "; if the labels are right, list the classes in a classes.csv beside the labels "
                + "file (index,label,name,folder, as augment's IDX output writes it)");
    }

    /**
     * Refuses labels that are codes rather than class indices: more label values below the largest unused than used
     * (codes 1000, 1100, …, 1900 made 1 901 classes, 1 891 of them empty, and {@code oversample} said only that class
     * 0 had no examples: a fresh user, 6 Dec). Fewer unused values than {@value #STRAY_GAP} are a subset's gaps
     * (classes 0, 2, 4 kept of 0–4), which train names as empty classes.
     */
    private static void refuseLabelCodes(Path labels, int[] classes, int maxLabel) {
        int[] used = java.util.stream.IntStream.of(classes).distinct().sorted().toArray();
        long unused = (long) maxLabel + 1 - used.length;
        if (unused <= Math.max(STRAY_GAP, used.length) || maxLabel < FEWEST_CODE) {
            return; // a subset of a small class set (5, 7 and 9 of 0–9) is classes, some empty, as before
        }
        String values = java.util.stream.IntStream.of(used).limit(4).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", ")) + (used.length > 4 ? ", …" : "");
        throw new InvalidDataException(labels, "its labels are " + used.length + " distinct value"
                + (used.length == 1 ? "" : "s") + " (" + values + ") up to " + maxLabel + ", which leaves " + unused
                + " classes from 0 to " + maxLabel + " without examples: IDX labels are class indices 0..K-1; renumber "
                + "them 0 to " + (used.length - 1) + ", or list the classes in a classes.csv beside the labels file "
                + "(index,label,name,folder, as augment's IDX output writes it)");
    }

    /**
     * @return Tribuo's label text of each byte ("5") to the map's label for that index, for every byte the
     *         labels file holds
     * @throws InvalidDataException for a byte the map lists no class for
     */
    private static Map<String, Label> byteLabels(ClassMap map, int[] classes, Path labels) {
        Map<Integer, String> byIndex = new HashMap<>();
        for (ClassMap.Entry entry : map.entries()) {
            byIndex.put(entry.index(), entry.label());
        }
        Map<String, Label> mapped = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            String label = byIndex.get(classes[i]);
            if (label == null) {
                throw new InvalidDataException(labels, "entry " + i + " is class index " + classes[i] + ", which "
                        + AddedExamples.folderOf(labels).resolve(ClassMap.FILE) + " lists no class for (it lists indices "
                        + map.entries().stream().map(e -> Integer.toString(e.index())).toList()
                        + "); use the classes.csv written with these files, or delete it to read the bytes as labels");
            }
            mapped.putIfAbsent(Integer.toString(classes[i]), new Label(label));
        }
        return Map.copyOf(mapped);
    }

    /**
     * The schema's value range: the type's for ubyte and byte images; the observed one for short, int, float and
     * double. Pixels of 0..255 stored as int32 gave a model of range ±2.1e9 that generated values 10^7 times beyond
     * the data (a fresh user, 5 Dec).
     *
     * @throws InvalidDataException when one value lies {@value #OUTLIER_FACTOR} times beyond every other (a float's
     *     largest value as a missing-value marker set the range to 3.4e38, and every generated pixel near it)
     */
    private double[] valueRange(Path images, int type, int featureCount) {
        if (type == IdxFile.UBYTE) {
            return new double[] {0, 255};
        }
        if (type == IdxFile.BYTE) {
            return new double[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double nextMin = Double.POSITIVE_INFINITY;
        double nextMax = Double.NEGATIVE_INFINITY;
        int minAt = -1;
        int maxAt = -1;
        int index = 0;
        for (Example<Label> example : delegate) {
            if (example.size() < featureCount) {
                nextMin = Math.min(nextMin, Math.max(min, 0));
                nextMax = Math.max(nextMax, Math.min(max, 0));
                min = Math.min(min, 0);
                max = Math.max(max, 0);
            }
            for (Feature feature : example) {
                double value = feature.getValue();
                // the next value is the next distinct one: a marker in two cells made itself its own "next" and
                // passed (a re-check, 5 Dec)
                if (value < min) {
                    nextMin = min;
                    min = value;
                    minAt = index;
                } else if (value < nextMin && value != min) {
                    nextMin = value;
                }
                if (value > max) {
                    nextMax = max;
                    max = value;
                    maxAt = index;
                } else if (value > nextMax && value != max) {
                    nextMax = value;
                }
            }
            index++;
        }
        refuseOutlier(images, max, nextMax, min, maxAt, "largest");
        refuseOutlier(images, -min, -nextMin, -max, minAt, "smallest");
        return new double[] {min, max > min ? max : min + 1};
    }

    /** How far beyond every other value one value may lie before it is taken for a marker or damage. */
    static final double OUTLIER_FACTOR = 1000;

    /**
     * Refuses one value far beyond every other: more than {@link #OUTLIER_FACTOR} times the next one's size (at least
     * 1), or, for data whose values all lie below 1, farther from the next than {@link #OUTLIER_FACTOR} times the
     * others' whole range (values in [0, 0.01] and one 50.0 passed the first rule alone: a fresh user, 5 Dec).
     *
     * @param extreme the largest value (the smallest, negated)
     * @param next the next one on that side
     * @param otherEnd the value at the other end (negated with {@code extreme})
     */
    private static void refuseOutlier(Path images, double extreme, double next, double otherEnd, int at,
                                      String which) {
        if (at < 0 || !Double.isFinite(next)) {
            return;
        }
        double othersRange = next - otherEnd;
        boolean farBeyondItsSize = extreme > OUTLIER_FACTOR * Math.max(Math.abs(next), 1);
        boolean farBeyondTheRange = othersRange > 0 && extreme - next > OUTLIER_FACTOR * othersRange;
        if (!farBeyondItsSize && !farBeyondTheRange) {
            return;
        }
        double shown = which.equals("largest") ? extreme : -extreme;
        double other = which.equals("largest") ? next : -next;
        double low = which.equals("largest") ? otherEnd : other;
        double high = which.equals("largest") ? other : -otherEnd;
        throw new InvalidDataException(images, "image " + at + " holds " + shown + ", the " + which + " value, more "
                + "than " + (long) OUTLIER_FACTOR + " times beyond every other (the next is " + other
                + (farBeyondItsSize ? "" : "; the others lie in [" + low + ", " + high + "]") + "): a "
                + "missing-value marker or damage sets the model's whole value range; replace it with a value of the "
                + "data's range, or drop that image");
    }

    /** @return the number of examples */
    public int size() {
        return delegate.size();
    }

    @Override
    public SampleSchema schema() {
        return schema;
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return delegate.getOutputFactory();
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return delegate.getProvenance();
    }

    /**
     * @return Tribuo's examples, except that an all-zero image, which Tribuo's reader yields without features
     *         (an example Tribuo itself then refuses), has every feature at 0 ({@link TribuoExamples})
     */
    @Override
    public Iterator<Example<Label>> iterator() {
        Iterator<Example<Label>> examples = delegate.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return examples.hasNext();
            }

            @Override
            public Example<Label> next() {
                return relabelled(TribuoExamples.withFeatures(asciiNamed(examples.next()), featureNames));
            }
        };
    }

    /**
     * Tribuo's {@code IDXDataSource} names pixels by {@code String.format} in the JVM's default locale: under an
     * Arabic, Persian, Bengali, Marathi or Thai one "٠٩٦", where this source's schema, and every generator, say
     * "096" (a fresh user, 7 Dec).
     *
     * @return the example with its features named by the schema's ASCII names, when they are named otherwise
     */
    private Example<Label> asciiNamed(Example<Label> example) {
        if (example.size() == 0
                || example.iterator().next().getName().chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return example;
        }
        String[] names = new String[example.size()];
        double[] values = new double[example.size()];
        int i = 0;
        for (Feature feature : example) {
            names[i] = featureNames[Integer.parseInt(feature.getName())]; // parseInt reads every locale's digits
            values[i++] = feature.getValue();
        }
        ArrayExample<Label> renamed = new ArrayExample<>(example.getOutput(), names, values);
        renamed.setWeight(example.getWeight());
        return renamed;
    }

    private Example<Label> relabelled(Example<Label> example) {
        Label label = mapped.get(example.getOutput().getLabel());
        if (label == null || label.getLabel().equals(example.getOutput().getLabel())) {
            return example;
        }
        List<Feature> features = new ArrayList<>(example.size());
        example.forEach(features::add);
        ArrayExample<Label> copy = new ArrayExample<>(label, features);
        copy.setWeight(example.getWeight());
        return copy;
    }

    @Override
    public Path location() {
        return images;
    }

    @Override
    public String toString() {
        return "IdxImageSource(" + delegate + ")";
    }

    /** @return whether both paths name one existing file */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Digits kept under {@code fashion-lab/mnist/} were named as Fashion-MNIST's classes, because any folder above the
     * file counted (a fresh user, 5 Dec). Only the file's name and its folder's count, and, where the folder is named
     * as the file (Kaggle's zip), the folder above.
     *
     * @param images the images file
     * @return whether those names say Fashion-MNIST
     */
    static boolean namesFashion(Path images) {
        Path file = PhysicalPaths.absolute(images);
        List<String> near = new ArrayList<>();
        near.add(String.valueOf(file.getFileName()));
        Path folder = file.getParent();
        if (folder != null && folder.getFileName() != null) {
            String name = folder.getFileName().toString();
            near.add(name);
            String own = near.get(0).replaceFirst("(?i)\\.gz$", "");
            if (name.equalsIgnoreCase(own) && folder.getParent() != null && folder.getParent().getFileName() != null) {
                near.add(folder.getParent().getFileName().toString());
            }
        }
        return near.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("fashion"));
    }
}
