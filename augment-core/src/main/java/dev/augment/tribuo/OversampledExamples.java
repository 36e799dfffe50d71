package dev.augment.tribuo;

import dev.augment.data.GeneratedPng;
import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.oversample.RandomOversampler;
import dev.augment.oversample.Smote;
import dev.augment.oversample.SmoteNc;
import dev.augment.oversample.TableFeatureRows;
import dev.augment.schema.PixelGrid;
import dev.augment.table.TableSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Synthetic Tribuo examples made from one class's real examples by random oversampling or SMOTE, with
 * the one implementation in {@code dev.augment.oversample}. Works on any {@code Example<Label>}: the
 * class's examples become dense vectors over the union of the feature names seen in the class (a
 * missing feature is 0, as in Tribuo).
 *
 * <ul>
 *   <li>ROS: a copy of a real example, with exactly its feature names and values;</li>
 *   <li>SMOTE: a point on the segment between a real example and one of its k nearest neighbours of the
 *       class, with the feature names of either end (so only names real examples of the class have);</li>
 *   <li>SMOTE on a table with a categorical column ({@link TableSchema}, from a {@code CsvTableSource} or a
 *       table generator): SMOTE-NC ({@link SmoteNc}), over the table's feature names: numeric features
 *       interpolated, each categorical column's one-hot group set to the category most frequent among the
 *       k neighbours (exactly one feature of 1, none when all neighbours miss it); the example has every
 *       numeric feature some real example of the class has, and the chosen category features.</li>
 * </ul>
 *
 * <p>On 8-bit images (pixels 0..255; {@link #onPixelGrid()}) a SMOTE example's values are rounded to whole pixels
 * ({@link PixelGrid}), as GAN examples are, and a pixel only one end has that rounds to 0 is left out, as a real black
 * pixel is: unrounded, 99 % of SMOTE's pixels were fractional and 3 % lay in (0, 1), where a real image has none
 * (a Tribuo user, 5 Dec). The example then lies on the segment to the nearest whole pixel. An
 * example made from one carrying generate's mark ({@link GeneratedPng#METADATA_KEY}: a ROS copy of it, or a SMOTE
 * example with it at either end) carries the mark too, so that a writer of them marks and counts it.
 *
 * <p>Every example carries the metadata {@value SyntheticExamples#SYNTHETIC_KEY} = "true" and
 * {@value SyntheticExamples#METHOD_KEY} = "ros", "smote" or "smote-nc", and the weight given here times the real
 * weight it stands for: a ROS copy's original's, a SMOTE example the mean weight of its class's real examples (1 for
 * unweighted data). The same seed and
 * real examples (in the same order) give the same synthetic examples.
 */
final class OversampledExamples {

    private final OversamplingMethod method;
    private final Smote smote;
    private final TableSchema table;
    private final float weight;
    private final boolean pixelGrid;

    /**
     * @param method ROS or SMOTE
     * @param k SMOTE's neighbour count, at least 1
     * @param weight the Tribuo example weight of every synthetic example, in (0, 1]
     * @param table the table's schema when the examples are rows of a table, else null; SMOTE uses SMOTE-NC
     *     when it has a categorical column
     */
    OversampledExamples(OversamplingMethod method, int k, float weight, TableSchema table) {
        this(method, k, weight, table, false);
    }

    /**
     * @param pixelGrid whether the examples are 8-bit images, whose SMOTE values are rounded to whole pixels
     */
    private OversampledExamples(OversamplingMethod method, int k, float weight, TableSchema table, boolean pixelGrid) {
        if (method != OversamplingMethod.ROS && method != OversamplingMethod.SMOTE) {
            throw new IllegalArgumentException("oversampling needs ROS or SMOTE, was " + method);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new InvalidSettingException("syntheticWeight", "syntheticWeight must be in (0, 1], was " + weight);
        }
        this.method = method;
        this.smote = Smote.withDefaults(0).withK(k);
        this.table = table != null && TableFeatureRows.hasCategorical(table) ? table : null;
        this.weight = weight;
        this.pixelGrid = pixelGrid;
    }

    /** @return these settings for 8-bit images: SMOTE's values rounded to whole pixels ({@link PixelGrid}) */
    OversampledExamples onPixelGrid() {
        return new OversampledExamples(method, smote.k(), weight, table, true);
    }

    /**
     * @param method ROS or SMOTE
     * @param k SMOTE's neighbour count, at least 1
     * @param weight the Tribuo example weight of every synthetic example, in (0, 1]
     */
    OversampledExamples(OversamplingMethod method, int k, float weight) {
        this(method, k, weight, null);
    }

    /** @return the method id the examples are marked with: ros, smote or smote-nc */
    String methodId() {
        return method == OversamplingMethod.SMOTE && table != null ? SMOTE_NC : method.id();
    }

    /** The method id of SMOTE-NC examples. */
    static final String SMOTE_NC = "smote-nc";

    /**
     * Bytes held per added example while its class is made: ROS an index; SMOTE an interpolation (two indices and a
     * gap, about 32 bytes with its object header) and its list slot (SMOTE-NC also a neighbour list per base).
     */
    private static final long ROS_DRAW_BYTES = 4;
    private static final long SMOTE_DRAW_BYTES = 40;

    /** Examples² × features beyond which a class's neighbour search is logged: about 10 s on one core. */
    private static final double SLOW_NEIGHBOUR_SEARCH = 1e10;

    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(
            OversampledExamples.class.getName());

    /**
     * Refuses counts whose draws alone would not fit in half the heap: they are held while their class is made, and
     * a Tribuo user asking for 300 million got an {@code OutOfMemoryError} at the first {@code hasNext()}, with no
     * word of why.
     *
     * @param method ROS or SMOTE
     * @param fromReal per class, how many examples it adds
     * @throws EnvironmentException naming the largest class's count, the memory its draws need and the heap
     */
    /** @return this machine's physical memory in bytes, or 0 when the JVM cannot tell */
    private static long machineMemory() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    static void requireHeapForDraws(OversamplingMethod method, int[] fromReal) {
        long largest = java.util.Arrays.stream(fromReal).max().orElse(0);
        long needed = largest * (method == OversamplingMethod.ROS ? ROS_DRAW_BYTES : SMOTE_DRAW_BYTES);
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap / 2) {
            // the heap that would do, not a fixed -Xmx8g, which a user already running with 8 GB, or needing 80, was
            // told all the same (a fresh user, 6 Dec)
            long gigabytes = (long) Math.ceil(2.0 * needed / (1L << 30));
            long machine = machineMemory();
            String more = machine > 0 && gigabytes * (1L << 30) > machine
                    // in one unit: "about 24 GB, more than this machine's 25.3 GB" mixed GiB and GB (a re-check)
                    ? String.format(java.util.Locale.ROOT, "ask for fewer (that many need a heap of about %d GiB, "
                    + "more than this machine's %.1f GiB)", gigabytes, machine / (double) (1L << 30))
                    : "ask for fewer, or give Java more heap (with augment's launcher: AUGMENT_JAVA_OPTS=-Xmx"
                    + gigabytes + "g)";
            throw new dev.augment.errors.EnvironmentException(String.format(java.util.Locale.ROOT, "adding %d "
                    + "examples to one class by %s holds about %.1f GB of draws while they are made, more than half "
                    + "of this JVM's heap (%.1f GB, -Xmx); %s", largest, method.id(), needed / 1e9, heap / 1e9, more));
        }
    }

    /**
     * Refuses, before any example is made, a SMOTE whose dense grid for a class would not fit
     * ({@link #requireHeapForGrid}): the refusal came only when a dataset was being filled from the source (a Tribuo
     * user, 5 Dec). One read of the source, counting each class's feature names; nothing for ROS or SMOTE-NC (whose
     * grid spans the table's columns).
     *
     * @param source the real examples
     * @param labels the classes' labels, by class index
     * @param fromReal per class index, how many examples SMOTE adds
     */
    void requireHeapForGrids(Iterable<Example<Label>> source, List<String> labels, int[] fromReal) {
        if (method != OversamplingMethod.SMOTE || table != null) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            if (fromReal[c] > 0) {
                index.put(labels.get(c), c);
            }
        }
        if (index.isEmpty()) {
            return;
        }
        Map<Integer, Set<String>> names = new HashMap<>();
        Map<Integer, Long> members = new HashMap<>();
        for (Example<Label> example : source) {
            Integer c = index.get(example.getOutput().getLabel());
            if (c != null) {
                members.merge(c, 1L, Long::sum);
                Set<String> classNames = names.computeIfAbsent(c, k -> new HashSet<>());
                for (Feature feature : example) {
                    classNames.add(feature.getName());
                }
            }
        }
        names.forEach((c, classNames) -> requireHeapForGrid(members.get(c), classNames.size()));
    }

    /**
     * SMOTE reads a class as a dense grid, its examples × every feature name the class uses: on sparse data (a
     * bag of words, 2 000 examples of 30 words each, 100 000 names in all) that grid ran the heap out with a raw
     * {@code OutOfMemoryError} while a dataset was being filled (a fresh Tribuo user, 5 Dec).
     *
     * @param examples the class's examples
     * @param features the feature names its grid spans
     * @throws dev.augment.errors.EnvironmentException when the grid (8 bytes a cell) needs more than half the heap
     */
    static void requireHeapForGrid(long examples, long features) {
        long needed = examples * features * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap / 2) {
            throw new dev.augment.errors.EnvironmentException(String.format(java.util.Locale.ROOT, "SMOTE reads a "
                    + "class of %d examples as a dense grid over its %d feature names, about %.1f GB, more than half "
                    + "of this JVM's heap (%.1f GB, -Xmx): SMOTE is for dense features; give Java more heap (with "
                    + "augment's launcher: AUGMENT_JAVA_OPTS=-Xmx8g), reduce "
                    + "the features (e.g. keep the most frequent words), or use random oversampling (ROS)", examples,
                    features, needed / 1e9, heap / 1e9));
        }
    }

    /**
     * @param label the class's label
     * @param members the class's real examples, at least one when {@code count} is positive
     * @param count how many synthetic examples
     * @param seed the class's seed
     * @return the synthetic examples, each made as it is read (only the draws, 4 to 32 bytes per example, are
     *     held: 10 million examples of a class once filled the heap before the first was written)
     */
    Iterator<Example<Label>> make(Label label, List<Example<Label>> members, int count, long seed) {
        if (count == 0) {
            return java.util.Collections.emptyIterator();
        }
        if (method == OversamplingMethod.ROS) {
            int[] drawn = new RandomOversampler(seed).draw(members.size(), count);
            return mapped(count, i -> copy(members.get(drawn[i])));
        }
        float classWeight = meanWeight(members);
        if (table != null) {
            return smoteNc(label, members, count, seed, classWeight);
        }
        String[] names = featureNames(members); // never empty: a source example without features is refused
        double[][] dense = dense(members, names);
        if ((double) dense.length * dense.length * names.length > SLOW_NEIGHBOUR_SEARCH) {
            // 1 500 documents over 40 000 words took 70 s without a line: the JVM looked hung (a Tribuo user, 5 Dec)
            LOGGER.info(String.format(java.util.Locale.ROOT, "SMOTE: finding the %d nearest neighbours of each of "
                    + "the %d examples of class '%s' over %d features (%d examples to make); this may take minutes",
                    smote.neighboursUsed(dense.length), dense.length, label.getLabel(), names.length, count));
        }
        List<Smote.Interpolation> draws = smote.withSeed(seed).draw(dense, count);
        return mapped(count, i -> reweighted(interpolated(label, names, dense, members, draws.get(i)), classWeight));
    }

    /** @return the examples {@code 0 … count - 1} of {@code make}, each made when it is read, in order */
    private static Iterator<Example<Label>> mapped(int count, java.util.function.IntFunction<Example<Label>> make) {
        return java.util.stream.IntStream.range(0, count).<Example<Label>>mapToObj(make).iterator();
    }

    /** @return the mean Tribuo weight of the examples (1 for unweighted data) */
    private static float meanWeight(List<Example<Label>> members) {
        double sum = 0;
        for (Example<Label> member : members) {
            sum += member.getWeight();
        }
        return members.isEmpty() ? 1f : (float) (sum / members.size());
    }

    /** @return the example, its weight multiplied by the class's mean real weight */
    private static Example<Label> reweighted(Example<Label> made, float classWeight) {
        if (classWeight != 1f) {
            made.setWeight(made.getWeight() * classWeight);
        }
        return made;
    }

    private Iterator<Example<Label>> smoteNc(Label label, List<Example<Label>> members, int count, long seed,
                                             float classWeight) {
        String[] names = table.featureNames().toArray(String[]::new);
        SmoteNc.MixedRows real = TableFeatureRows.fromFeatures(table, dense(members, names));
        Iterator<SmoteNc.MixedRows> made = SmoteNc.withDefaults(seed).withK(smote.k()).rowByRow(real, count);
        boolean[] numeric = new boolean[names.length];
        boolean[] numericKept = new boolean[names.length];
        Set<String> classHas = new HashSet<>(List.of(featureNames(members)));
        for (int c : TableFeatureRows.columns(table, true)) {
            int d = table.featureOffset(c);
            numeric[d] = true;
            // a numeric feature no real example of the class has (a sparse source's, or a column missing in every
            // row of the class) stays absent, as in the real rows, rather than becoming an explicit 0
            numericKept[d] = classHas.contains(names[d]);
        }
        return mapped(count, i -> {
            double[] row = TableFeatureRows.toFeatures(table, made.next())[0];
            List<String> kept = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int d = 0; d < names.length; d++) {
                if (numeric[d] ? numericKept[d] : row[d] != 0) {
                    kept.add(names[d]);
                    values.add(row[d]);
                }
            }
            return reweighted(marked(label, kept.toArray(String[]::new), values.stream()
                    .mapToDouble(Double::doubleValue).toArray()), classWeight);
        });
    }

    /**
     * @return a copy of the real example, its label with its score (a scored label's copy had NaN: a Tribuo user,
     *     7 Dec), marked as added
     */
    private Example<Label> copy(Example<Label> real) {
        String[] names = new String[real.size()];
        double[] values = new double[real.size()];
        int i = 0;
        for (Feature feature : real) {
            names[i] = feature.getName();
            values[i++] = feature.getValue();
        }
        Example<Label> copy = marked(real.getOutput().copy(), names, values);
        copy.setWeight(weight * real.getWeight()); // a copy stands for its original, as much as the original does
        // a copy keeps its original's metadata (a user's id; a table row's augment.row, so that a file can spell it
        // as the CSV did) beside augment's marks, which Tribuo's append-only metadata keeps as they are
        real.getMetadata().forEach((key, value) -> {
            if (!copy.containsMetadata(key)) {
                copy.setMetadataValue(key, value);
            }
        });
        return copy;
    }

    private Example<Label> interpolated(Label label, String[] names, double[][] dense, List<Example<Label>> members,
                                        Smote.Interpolation draw) {
        double[] values = draw.apply(dense);
        Example<Label> base = members.get(draw.base());
        Example<Label> neighbour = members.get(draw.neighbour());
        Map<String, Integer> ends = new HashMap<>(); // how many ends hold each feature
        for (Feature feature : base) {
            ends.merge(feature.getName(), 1, Integer::sum);
        }
        for (Feature feature : neighbour) {
            ends.merge(feature.getName(), 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>();
        List<Double> keptValues = new ArrayList<>();
        for (int d = 0; d < names.length; d++) {
            Integer held = ends.get(names[d]);
            if (held == null) {
                continue;
            }
            double value = pixelGrid ? PixelGrid.round((float) values[d]) : values[d];
            if (value != 0 || !pixelGrid || held == 2) {
                kept.add(names[d]);
                keptValues.add(value);
            }
        }
        if (kept.isEmpty()) {
            // every pixel of the one end rounded to black: its pixels at 0 rather than an example of no feature
            ends.keySet().stream().sorted().forEach(name -> {
                kept.add(name);
                keptValues.add(0.0);
            });
        }
        // a class of one example is duplicated: the copy keeps its label's score, as a ROS copy does (a re-check)
        Example<Label> made = marked(draw.base() == draw.neighbour() ? base.getOutput().copy() : label,
                kept.toArray(String[]::new), keptValues.stream().mapToDouble(Double::doubleValue).toArray());
        if (base.getMetadataValue(GeneratedPng.METADATA_KEY).isPresent()
                || neighbour.getMetadataValue(GeneratedPng.METADATA_KEY).isPresent()) {
            made.setMetadataValue(GeneratedPng.METADATA_KEY, GeneratedPng.TEXT);
        }
        return made;
    }

    private Example<Label> marked(Label label, String[] names, double[] values) {
        Example<Label> example = new ArrayExample<>(label, names, values, Map.of(SyntheticExamples.SYNTHETIC_KEY,
                "true", SyntheticExamples.METHOD_KEY, methodId()));
        example.setWeight(weight);
        return example;
    }

    /** @return the sorted union of the feature names of the examples */
    static String[] featureNames(List<Example<Label>> examples) {
        SortedSet<String> names = new TreeSet<>();
        for (Example<Label> example : examples) {
            for (Feature feature : example) {
                names.add(feature.getName());
            }
        }
        return names.toArray(String[]::new);
    }

    /** @return one dense row per example over {@code names}, 0 where a feature is missing */
    static double[][] dense(List<Example<Label>> examples, String[] names) {
        requireHeapForGrid(examples.size(), names.length);
        Map<String, Integer> index = new HashMap<>();
        for (int d = 0; d < names.length; d++) {
            index.put(names[d], d);
        }
        double[][] rows = new double[examples.size()][names.length];
        for (int i = 0; i < rows.length; i++) {
            for (Feature feature : examples.get(i)) {
                Integer d = index.get(feature.getName());
                if (d != null) {
                    rows[i][d] = feature.getValue();
                }
            }
        }
        return rows;
    }
}
