package dev.augment.data;

import dev.augment.table.ColumnAdvice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Images that are, value for value, images of another class too: an image of two labels no classifier can learn, and a
 * GAN learns one distribution for two classes. Found by exact content, one group per distinct image (comparing every
 * pair of a hash's images took n² for many blank images), and counted per pair of classes as the images of either
 * found in the other (counting pairs of images made 20 blank images in each of two folders "400 shared", 6 Dec).
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
     * @return the pairs of classes that share images, e.g. {@code 'a' and 'b' have 12 images found pixel for pixel in
     *     the other}, at most {@value #NAMED_PAIRS} and then "and N more pairs", joined by "; "; empty when none do
     */
    public static Optional<String> pairs(float[][] rows, int[] classes, List<String> labels) {
        List<Object> keys = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            keys.add(java.nio.FloatBuffer.wrap(row)); // equal and hashed by content
        }
        return pairs(keys, classes, labels);
    }

    /**
     * As {@link #pairs(float[][], int[], List)}, for images of bytes.
     *
     * @param rows the images' bytes, one array per image
     * @param classes each image's class index
     * @param labels the labels, by class index
     * @return the pairs of classes that share images, or empty
     */
    public static Optional<String> pairs(byte[][] rows, int[] classes, List<String> labels) {
        List<Object> keys = new ArrayList<>(rows.length);
        for (byte[] row : rows) {
            keys.add(java.nio.ByteBuffer.wrap(row));
        }
        return pairs(keys, classes, labels);
    }

    private static Optional<String> pairs(List<Object> keys, int[] classes, List<String> labels) {
        Map<Object, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> shared = new TreeMap<>();
        for (List<Integer> group : groups.values()) {
            Map<Integer, Integer> perClass = new TreeMap<>();
            group.forEach(i -> perClass.merge(classes[i], 1, Integer::sum));
            List<Integer> inGroup = new ArrayList<>(perClass.keySet());
            for (int a = 0; a < inGroup.size(); a++) {
                for (int b = a + 1; b < inGroup.size(); b++) {
                    shared.merge("'" + ColumnAdvice.shown(labels.get(inGroup.get(a))) + "' and '"
                            + ColumnAdvice.shown(labels.get(inGroup.get(b))) + "'", perClass.get(inGroup.get(a))
                            + perClass.get(inGroup.get(b)), Integer::sum);
                }
            }
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        List<String> pairs = new ArrayList<>();
        shared.forEach((pair, count) -> pairs.add(pair + " have " + count + " images found pixel for pixel in the "
                + "other"));
        return Optional.of(String.join("; ", pairs.subList(0, Math.min(NAMED_PAIRS, pairs.size())))
                + (pairs.size() > NAMED_PAIRS ? " and " + (pairs.size() - NAMED_PAIRS) + " more pairs" : ""));
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
        return pairs(samples.features(), samples.classIndices(), samples.schema().labels()).map(pairs -> "note: "
                + data + ": classes " + pairs + " (the same pixels in both): each such image is an example of two "
                + "classes, which no classifier can learn; remove the copies from the class they do not belong to");
    }
}
