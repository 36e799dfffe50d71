package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds, for one fixed list of feature names, exactly the examples {@link TribuoExamples#sparse} builds
 * (the non-zero values, or every feature at 0 for an all-zero row; features flagged kept-at-zero, a table's numeric
 * columns, are kept at 0 too, as {@link TribuoExamples#present} keeps them), without the sort Tribuo's
 * {@code ArrayExample(output, names, values)} runs on every example: the names are put in Tribuo's order
 * ({@link String#compareTo}) once, and each example is filled in that order and copied by
 * {@code ArrayExample}'s copy constructor, which keeps the order it is given. Sorting 784 names took about
 * three quarters of the time of making an example from a generated Fashion-MNIST sample.
 *
 * <p>Names that repeat have no single sorted order; then every example goes through
 * {@link TribuoExamples#sparse}, as before. Thread-safe: the fields never change after construction.
 */
final class PresortedSparseExamples {

    private final String[] names;
    /** Per feature, whether it is kept when 0 (a table's numeric column); never null. */
    private final boolean[] keptAtZero;
    /** Indices into {@link #names} in ascending name order, or null when names repeat. */
    private final int[] sortedOrder;
    /** Turns a sample's float into the example's value, by feature index. */
    private final FeatureValues values;

    /** How a sample's float becomes an example's value. */
    @FunctionalInterface
    interface FeatureValues {
        /** The float widened, as for images. */
        FeatureValues WIDENED = (feature, value) -> value;

        /**
         * @param feature the feature's index in the samples' order
         * @param value the sample's value
         * @return the example's value
         */
        double value(int feature, float value);
    }

    /**
     * @param names the feature names, one per value of a sample, in the samples' order; not kept
     * @throws IllegalArgumentException when there are no names
     */
    PresortedSparseExamples(String[] names) {
        this(names, new boolean[names.length]);
    }

    /**
     * @param names the feature names, one per value of a sample, in the samples' order; not kept
     * @param keptAtZero per feature, whether the examples keep it when its value is 0, as Tribuo's CSV reader keeps a
     *     table's numeric column ({@link dev.augment.table.TableSchema#numericFeatures()}); not kept
     * @throws IllegalArgumentException when there are no names, or the flags are not one per name
     */
    PresortedSparseExamples(String[] names, boolean[] keptAtZero) {
        this(names, keptAtZero, FeatureValues.WIDENED);
    }

    /**
     * @param names the feature names, one per value of a sample, in the samples' order; not kept
     * @param keptAtZero per feature, whether the examples keep it when its value is 0; not kept
     * @param values how each float becomes the example's value (a table's numbers: {@link
     *     dev.augment.table.TableNumbers#value}, as {@code generate --format csv} writes them)
     * @throws IllegalArgumentException when there are no names, or the flags are not one per name
     */
    PresortedSparseExamples(String[] names, boolean[] keptAtZero, FeatureValues values) {
        this.values = values;
        if (names.length == 0 || keptAtZero.length != names.length) {
            throw new IllegalArgumentException(names.length + " feature names and " + keptAtZero.length + " flags");
        }
        this.keptAtZero = keptAtZero.clone();
        this.names = names.clone();
        int[] order = IntStream.range(0, names.length).boxed()
                .sorted(Comparator.comparing(i -> this.names[i])).mapToInt(Integer::intValue).toArray();
        boolean distinct = true;
        for (int k = 1; k < order.length; k++) {
            if (this.names[order[k - 1]].equals(this.names[order[k]])) {
                distinct = false;
                break;
            }
        }
        this.sortedOrder = distinct ? order : null;
    }

    /**
     * @param output the output of every example
     * @param samples {@code count} samples, one value per name each, packed one after another
     * @param count how many examples to build
     * @param <T> the output type
     * @return one example per sample, equal to {@code TribuoExamples.sparse(output, names, sample)}, in order
     */
    <T extends Output<T>> List<ArrayExample<T>> build(T output, float[] samples, int count) {
        List<ArrayExample<T>> examples = new ArrayList<>(count);
        String[] keptNames = new String[names.length];
        double[] keptValues = new double[names.length];
        for (int row = 0; row < count; row++) {
            int offset = row * names.length;
            if (sortedOrder == null) {
                double[] values = new double[names.length];
                boolean[] present = new boolean[names.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = this.values.value(i, samples[offset + i]);
                    present[i] = !Double.isNaN(values[i]) && (values[i] != 0 || keptAtZero[i]);
                }
                examples.add(TribuoExamples.present(output, names, values, present));
                continue;
            }
            int kept = 0;
            for (int index : sortedOrder) {
                double value = values.value(index, samples[offset + index]);
                if (!Double.isNaN(value) && (value != 0 || keptAtZero[index])) { // NaN: a missing table cell
                    keptNames[kept] = names[index];
                    keptValues[kept++] = value;
                }
            }
            if (kept == 0) {
                for (int k = 0; k < sortedOrder.length; k++) {
                    keptNames[k] = names[sortedOrder[k]];
                }
                Arrays.fill(keptValues, 0.0);
                kept = sortedOrder.length;
            }
            examples.add(new ArrayExample<>(new Sorted<>(output, keptNames, keptValues, kept)));
        }
        return examples;
    }

    /**
     * A carrier for features already in order, read only by {@code ArrayExample}'s copy constructor, which
     * copies the first {@code size} names and values of an {@code ArrayExample} as they are.
     */
    private static final class Sorted<T extends Output<T>> extends ArrayExample<T> {
        private static final long serialVersionUID = 1L;

        Sorted(T output, String[] names, double[] values, int size) {
            super(output, 1f, 0);
            this.featureNames = names;
            this.featureValues = values;
            this.size = size;
        }
    }
}
