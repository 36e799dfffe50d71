package dev.augment.data;

import dev.augment.table.ColumnAdvice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Images (or table rows) that are, value for value, examples of another class too: an image of two labels no classifier
 * can learn, and a GAN learns one distribution for two classes. Found by exact content, one group per distinct image
 * (comparing every pair of a hash's images took n² for many blank images), and counted per pair of classes as the
 * distinct images they share and the examples of either that are one of them (counting pairs of images made 20 blank
 * images in each of two folders "400 shared", 6 Dec), with the first two files where the images came from files.
 */
public final class CrossClassCopies {

    /** Pairs of classes named; the rest are counted. */
    private static final int NAMED_PAIRS = 5;

    private CrossClassCopies() {
    }

    /**
     * @param rows the images' values, one array per image, all of one length
     * @param classes each image's class index
     * @param labels the labels, by class index
     * @return the pairs of classes that share images, e.g. {@code 'a' and 'b' share 6 images pixel for pixel (12
     *     examples of the two)}, at most {@value #NAMED_PAIRS} and then "and N more pairs", joined by "; "; empty
     *     when none do
     */
    public static Optional<String> pairs(float[][] rows, int[] classes, List<String> labels) {
        List<Object> keys = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            keys.add(java.nio.FloatBuffer.wrap(row)); // equal and hashed by content
        }
        return shared(keys, classes, labels, null).text("images", "pixel for pixel");
    }

    /**
     * As {@link #pairs(float[][], int[], List)}, for images of bytes read from files, which are named.
     *
     * @param rows the images' bytes, one array per image
     * @param classes each image's class index
     * @param labels the labels, by class index
     * @param files each image's file, or null when they came from one file
     * @return the pairs of classes that share images, with each pair's first two files when known, or empty
     */
    public static Optional<String> pairs(byte[][] rows, int[] classes, List<String> labels, String[] files) {
        List<Object> keys = new ArrayList<>(rows.length);
        for (byte[] row : rows) {
            keys.add(java.nio.ByteBuffer.wrap(row));
        }
        return shared(keys, classes, labels, files).text("images", "pixel for pixel");
    }

    /**
     * One pair of classes' shared examples.
     *
     * @param distinct the distinct images (or rows) found in both classes
     * @param examples the examples of either class that are one of them (the copies in both, together)
     * @param first the first such pair of files, one of each class, or null when unnamed
     */
    private record PairCount(int distinct, int examples, String first) {
        PairCount plus(PairCount other) {
            return new PairCount(distinct + other.distinct, examples + other.examples, first);
        }
    }

    /**
     * @param byPair per pair of classes, what they share
     * @param inTwo the examples whose values some example of another class has too
     */
    private record Shared(Map<String, PairCount> byPair, long inTwo) {
        /**
         * "'a' and 'b' share 3 images pixel for pixel (6 examples; first: a/1.png and b/7.png)": the count was of the
         * examples in both together, "6 images" for 3 copied (a fresh user, 7 Dec), and no file was named.
         */
        Optional<String> text(String things, String how) {
            if (byPair.isEmpty()) {
                return Optional.empty();
            }
            List<String> pairs = new ArrayList<>();
            byPair.forEach((pair, count) -> pairs.add(pair + " share " + count.distinct() + " "
                    + (count.distinct() == 1 ? things.substring(0, things.length() - 1) : things) + " " + how + " ("
                    + count.examples() + " examples of the two" + (count.first() == null ? "" : "; first: "
                    + count.first()) + ")"));
            return Optional.of(String.join("; ", pairs.subList(0, Math.min(NAMED_PAIRS, pairs.size())))
                    + (pairs.size() > NAMED_PAIRS ? " and " + (pairs.size() - NAMED_PAIRS) + " more pairs" : ""));
        }
    }

    private static Shared shared(List<Object> keys, int[] classes, List<String> labels, String[] files) {
        Map<Object, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, PairCount> shared = new TreeMap<>();
        long inTwo = 0;
        for (List<Integer> group : groups.values()) {
            Map<Integer, Integer> perClass = new TreeMap<>();
            Map<Integer, Integer> firstOfClass = new HashMap<>();
            for (int i : group) {
                perClass.merge(classes[i], 1, Integer::sum);
                firstOfClass.putIfAbsent(classes[i], i);
            }
            inTwo += perClass.size() > 1 ? group.size() : 0;
            List<Integer> inGroup = new ArrayList<>(perClass.keySet());
            for (int a = 0; a < inGroup.size(); a++) {
                for (int b = a + 1; b < inGroup.size(); b++) {
                    String first = files == null ? null : ColumnAdvice.shown(files[firstOfClass.get(inGroup.get(a))])
                            + " and " + ColumnAdvice.shown(files[firstOfClass.get(inGroup.get(b))]);
                    shared.merge("'" + ColumnAdvice.shown(labels.get(inGroup.get(a))) + "' and '"
                            + ColumnAdvice.shown(labels.get(inGroup.get(b))) + "'", new PairCount(1,
                            perClass.get(inGroup.get(a)) + perClass.get(inGroup.get(b)), first), PairCount::plus);
                }
            }
        }
        return new Shared(shared, inTwo);
    }

    /**
     * The note for image data read otherwise than from class folders (IDX files, CIFAR-10 batches), which the
     * folders' own note did not cover: 30 identical images under labels 0, 1 and 2 trained without a word (a fresh
     * user, 6 Dec).
     *
     * @param samples the images as read
     * @param data where they were read, for the note
     * @return the note, or empty when no image is one of two classes
     */
    public static Optional<String> note(DenseSamples samples, Object data) {
        // by class name, as every other line names them: CIFAR-10 batches' 'airplane', not '0' (a re-check, 6 Dec)
        return pairs(samples.features(), samples.classIndices(), samples.schema().classNames()).map(pairs -> "note: "
                + data + ": classes " + pairs + " (the same pixels in both): each such image is an example of "
                + "more than one class, which no classifier can learn; remove the copies from the class they do not "
                + "belong to");
    }

    /** The least share of a table's rows lying in two classes for the note: one such pair in soybean's 683 is noise. */
    static final double TABLE_SHARE = 0.01;

    /**
     * The note for a table: rows whose every value is the same under two labels. A classifier of probabilities can
     * learn such a row's mix of labels, so only a share of at least {@value #TABLE_SHARE} of the rows is named: 20 of
     * 30 rows labelled both p and q trained without a word (a re-check, 6 Dec).
     *
     * @param table a table as read by {@code TableReader}
     * @param data where it was read, for the note
     * @return the note, or empty
     */
    public static Optional<String> note(dev.augment.table.Table table, Object data) {
        List<Object> keys = new ArrayList<>(table.rows());
        for (int r = 0; r < table.rows(); r++) {
            keys.add(List.of(java.nio.DoubleBuffer.wrap(table.numeric()[r]), java.nio.IntBuffer.wrap(
                    table.category()[r])));
        }
        Shared shared = shared(keys, table.classes(), table.schema().labels(), null);
        long inTwo = shared.inTwo();
        if (inTwo < 2 || inTwo < TABLE_SHARE * table.rows()) {
            return Optional.empty();
        }
        return shared.text("rows", "value for value").map(pairs ->
                "note: " + data + ": classes " + pairs + " (" + inTwo + " of the " + table.rows() + " rows): a "
                + "classifier can only learn which label such a row has more often, and generated and SMOTE rows near "
                + "them take either; if those labels are typing errors, correct them");
    }
}
