package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * What ROS and SMOTE drew from on an {@link AugmentingDataSource}'s first complete read (the one made when it was
 * built, else its first complete pass): per class, an order-sensitive 64-bit digest of the real examples they pick from
 * (each feature's name and value, the metadata, which a ROS copy keeps, by content ({@link #valueHash}), then the
 * weight, example by example). Both methods pick examples by their position in the class, so a source that gives a
 * class's examples in another order, or with other values, on a later pass (a shuffling source, a database query
 * without {@code ORDER BY}) would make other added examples under the same seed and the same provenance; a later pass
 * is compared with the first and refused instead. Classes nothing is drawn from are not digested: their order does not
 * change what is added. The digest detects change, it is not a cryptographic hash. Thread-safe.
 */
final class DrawnFromDigests {

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private long[] firstPass;
    /** Every class's {@link #content} digest on the first pass, whatever is drawn from it. */
    private long[] firstContents;

    /**
     * @param sum the class's content digest so far (0 before its first example)
     * @param example its next example
     * @return the digest with the example added, whatever the order: a class nothing is drawn from may come in
     *     another order, but not with other values (an example edited after the source was read went into a dataset
     *     whose provenance's sourceDigest described the first values: a Tribuo user, 7 Dec)
     */
    static long content(long sum, Example<Label> example) {
        return sum + mix(0x5EED, add(0, example));
    }

    /**
     * @param digest the class's digest so far (0 before its first example)
     * @param example its next example
     * @return the digest with the example added
     */
    static long add(long digest, Example<Label> example) {
        long h = mix(digest, example.size());
        for (Feature feature : example) {
            h = mix(h, feature.getName().hashCode());
            h = mix(h, Double.doubleToLongBits(feature.getValue()));
        }
        // a ROS copy keeps its original's metadata (a user's id): duplicates reordered would copy other ids
        for (java.util.Map.Entry<String, Object> entry : new java.util.TreeMap<>(example.getMetadata()).entrySet()) {
            h = mix(h, entry.getKey().hashCode());
            h = mix(h, valueHash(entry.getValue()));
        }
        return mix(h, Float.floatToIntBits(example.getWeight()));
    }

    /**
     * @param value a metadata value
     * @return a hash of its content: an array's elements ({@code byte[]} of raw bytes), an object's own
     *     {@code hashCode}; for an object of a class without one, only its class's name, since its identity hash
     *     differs on every read: a source that makes its examples anew on each read, with a {@code byte[]} in their
     *     metadata, was refused as giving "other values" (a fresh Tribuo user, 7 Dec)
     */
    static int valueHash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value.getClass().isArray()) {
            return java.util.Arrays.deepHashCode(new Object[] {value});
        }
        try {
            boolean ownHash = value.getClass().getMethod("hashCode").getDeclaringClass() != Object.class;
            return ownHash ? value.hashCode() : value.getClass().getName().hashCode();
        } catch (NoSuchMethodException e) {
            return value.getClass().getName().hashCode();
        }
    }

    /**
     * @param labels the classes' labels, by class index
     * @param counts each class's real examples
     * @param digests each class's {@link #add} digest of a whole read, in order
     * @return 16 hex digits that change when a class's examples change (a row cut, added or edited) or come in
     *     another order (which changes what ROS and SMOTE draw), for a configuration to check its source with; not a
     *     cryptographic hash
     */
    static String sourceDigest(List<String> labels, int[] counts, long[] digests) {
        long h = 0;
        for (int c = 0; c < labels.size(); c++) {
            h = mix(h, labels.get(c).hashCode());
            h = mix(h, counts[c]);
            h = mix(h, digests[c]);
        }
        return String.format("%016x", h);
    }

    private static long mix(long h, long value) {
        long x = (h ^ value) * MULTIPLIER;
        return x ^ (x >>> 29);
    }

    /**
     * Takes the read made when the source was built as the first pass, so that the first iteration is checked too: a
     * shuffling source read once at construction and once by a dataset gave other SMOTE examples than a rerun under
     * the same seed and provenance, without a word (a fresh Tribuo user, 5 Dec).
     *
     * @param digests every class's digest of the construction read, by class index
     * @param contents every class's {@link #content} digest of the construction read, by class index
     * @param drawnFrom per class, the examples ROS or SMOTE add from it; classes with none are not compared
     */
    synchronized void recordConstructionRead(long[] digests, long[] contents, int[] drawnFrom) {
        firstContents = contents.clone();
        firstPass = new long[digests.length];
        for (int c = 0; c < digests.length; c++) {
            firstPass[c] = drawnFrom[c] > 0 ? digests[c] : 0;
        }
    }

    /**
     * Records the first complete pass's digests, or compares a later pass's with them.
     *
     * @param digests this pass's digest of each class, by class index (0 for classes nothing is drawn from)
     * @param contents this pass's {@link #content} digest of every class, by class index
     * @param plan the plan, for the class names
     * @throws InvalidSettingException (setting "source") naming the classes whose examples changed values (a class
     *     nothing is drawn from, in any order) or order or values (a class ROS or SMOTE draw from)
     */
    synchronized void requireSameAsFirstPass(long[] digests, long[] contents, AugmentationPlan plan) {
        if (firstPass == null) {
            firstPass = digests.clone();
            firstContents = contents.clone();
            return;
        }
        List<String> edited = new ArrayList<>();
        for (int c = 0; c < contents.length; c++) {
            // a class ROS or SMOTE draw from is compared by order and values below, in one message
            if (plan.added().fromReal()[c] == 0 && contents[c] != firstContents[c]) {
                edited.add(named(plan, c));
            }
        }
        if (!edited.isEmpty()) {
            throw new InvalidSettingException("source", "source gave the examples of class" + (edited.size() == 1
                    ? " " : "es ") + String.join(", ", edited) + " with other values on this read than on the first "
                    + "(made when it was built), so the dataset would not be the data its provenance describes (the "
                    + "sourceDigest and the counts added are the first read's); it must give the same examples on "
                    + "every read: were they changed after it was built (an edited file, a transformation in place)? "
                    + "build the AugmentingDataSource again after the change");
        }
        List<String> changed = new ArrayList<>();
        for (int c = 0; c < digests.length; c++) {
            if (digests[c] != firstPass[c]) {
                changed.add(named(plan, c));
            }
        }
        if (!changed.isEmpty()) {
            throw new InvalidSettingException("source", "source gave the examples of class" + (changed.size() == 1
                    ? " " : "es ") + String.join(", ", changed) + " in another order or with other values on this "
                    + "read than on the first pass; ROS and SMOTE pick examples by their position, so this pass would "
                    + "add other examples than the first under the same seed; it must give the same examples in the "
                    + "same order on every read (copy a shuffling or one-shot source into a ListDataSource first: "
                    + "new ListDataSource<>(new ArrayList<>(examples), factory, provenance); or were its examples "
                    + "changed in place after an earlier read, by a transformation?)");
        }
    }

    private static String named(AugmentationPlan plan, int c) {
        return "'" + dev.augment.table.ColumnAdvice.shown(plan.schema().classNames().get(c)) + "' (label '"
                + dev.augment.table.ColumnAdvice.shown(plan.schema().labels().get(c)) + "')";
    }
}
