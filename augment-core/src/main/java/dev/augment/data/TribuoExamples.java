package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.nio.file.Path;

/**
 * Sparse Tribuo examples that stay valid when every value is zero.
 *
 * <p>Like Tribuo's own IDX reader, the examples leave out features whose value is zero (Tribuo reads a
 * missing feature as zero). But Tribuo refuses an example without features ({@code MutableDataset.add}:
 * "Example had duplicate features, invalid features or no features"), and a model cannot predict an example
 * none of whose features it knows ("No features found in Example"). So an all-zero row (a black image) keeps
 * every feature, each with the explicit value 0: it is a valid example for training and for prediction by any
 * model trained on the same feature names, and it means the same as the sparse form. Only all-zero rows pay
 * for the explicit zeros.
 *
 * <p>It also holds the check every path from a Tribuo source to training applies: no NaN or infinite value.
 */
public final class TribuoExamples {

    private TribuoExamples() {
    }

    /**
     * @param output the example's output (its label)
     * @param names the feature names, one per value
     * @param values the dense values, in the order of {@code names}; not kept
     * @param <T> the output type
     * @return an example with the non-zero values, or with every feature at 0 when all values are zero
     * @throws IllegalArgumentException when names and values differ in length or there are no names
     */
    public static <T extends Output<T>> ArrayExample<T> sparse(T output, String[] names, double[] values) {
        if (names.length != values.length || names.length == 0) {
            throw new IllegalArgumentException(names.length + " feature names for " + values.length + " values");
        }
        boolean[] nonZero = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            nonZero[i] = values[i] != 0;
        }
        return present(output, names, values, nonZero);
    }

    /**
     * An example with the features a reader says are present, zeros included: Tribuo's CSV reader gives a numeric
     * column's feature whenever its cell is not missing, so a 0 there is a present 0 (which XGBoost, for one, does
     * not read as missing), not an absent feature. A row with no feature present keeps every feature at 0, as
     * {@link #sparse} does.
     *
     * @param output the example's output (its label)
     * @param names the feature names, one per value
     * @param values the dense values, in the order of {@code names}; not kept
     * @param present per feature, whether it is in the example
     * @param <T> the output type
     * @return the example
     * @throws IllegalArgumentException when names, values and presence differ in length or there are no names
     */
    public static <T extends Output<T>> ArrayExample<T> present(T output, String[] names, double[] values,
                                                                boolean[] present) {
        if (names.length != values.length || names.length != present.length || names.length == 0) {
            throw new IllegalArgumentException(names.length + " feature names for " + values.length + " values and "
                    + present.length + " presence flags");
        }
        int kept = 0;
        for (boolean p : present) {
            kept += p ? 1 : 0;
        }
        if (kept == 0) {
            return new ArrayExample<>(output, names.clone(), new double[names.length]);
        }
        String[] keptNames = new String[kept];
        double[] keptValues = new double[kept];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                keptNames[next] = names[i];
                keptValues[next++] = values[i];
            }
        }
        return new ArrayExample<>(output, keptNames, keptValues);
    }

    /**
     * Repairs an example from a reader that leaves out zeros, such as Tribuo's {@code IDXDataSource}, which
     * yields an all-zero image as an example without features.
     *
     * @param example any example
     * @param names every feature name of the data
     * @param <T> the output type
     * @return the example itself when it has features, else a copy (output, weight) with every feature at 0
     */
    public static <T extends Output<T>> Example<T> withFeatures(Example<T> example, String[] names) {
        if (example.size() > 0) {
            return example;
        }
        ArrayExample<T> repaired = new ArrayExample<>(example.getOutput(), names.clone(), new double[names.length]);
        repaired.setWeight(example.getWeight());
        return repaired;
    }

    /**
     * Refuses an example with a NaN or infinite feature value, which Tribuo would refuse later without saying
     * which example or feature.
     *
     * @param example an example of {@code source}
     * @param index its index in the source, from 0
     * @param source the source, named in the message by {@link #location}
     * @throws InvalidDataException naming the source, the example index, the feature and the value
     */
    public static void requireFinite(Example<?> example, long index, DataSource<?> source) {
        for (Feature feature : example) {
            if (!Double.isFinite(feature.getValue())) {
                throw new InvalidDataException(location(source), "example " + index + ", feature '"
                        + feature.getName() + "' is " + feature.getValue() + "; NaN and infinite values cannot "
                        + "be trained on: fix or remove that example");
            }
        }
    }

    /**
     * The examples of a source, for a for-each loop, with a source whose {@code iterator()} returns null named: a
     * broken custom source gave a bare {@code NullPointerException} on {@code hasNext()} (a Tribuo user, 6 Dec).
     *
     * @param source any source
     * @param <T> the output type
     * @return its examples, each call to {@code iterator()} asking the source again
     * @throws dev.augment.errors.InvalidSettingException from {@code iterator()}, setting {@code source}, when the
     *     source returns null
     */
    public static <T extends Output<T>> Iterable<Example<T>> of(DataSource<T> source) {
        return () -> {
            java.util.Iterator<Example<T>> examples = source.iterator();
            if (examples == null) {
                throw new dev.augment.errors.InvalidSettingException("source", "source " + source.getClass().getName()
                        + " returned null from iterator(); a Tribuo DataSource must return an iterator (an empty one "
                        + "when it has no examples)");
            }
            return examples;
        };
    }

    /**
     * @param source any source
     * @return its {@link SchemaDataSource#location()}, else a path made of its {@code toString()}, for messages
     */
    public static Path location(DataSource<?> source) {
        if (source instanceof SchemaDataSource known) {
            return known.location();
        }
        // a Tribuo source's toString can hold its whole configuration (CSVDataSource: over a thousand characters);
        // its provenance names the file it read, where it read one
        try {
            for (com.oracle.labs.mlrg.olcut.util.Pair<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> entry
                    : source.getProvenance()) {
                if (FILE_FIELDS.contains(entry.getA()) && entry.getB() != null) {
                    String value = String.valueOf(entry.getB());
                    return value.startsWith("file:") ? Path.of(java.net.URI.create(value)) : Path.of(value);
                }
            }
        } catch (RuntimeException e) {
            // a provenance that cannot be read or a value that is no path: fall back to the class name
        }
        if (source == null) {
            return Path.of("null");
        }
        // an anonymous class has no simple name: its runtime name names the class that wrote it (Example$1)
        String name = source.getClass().getSimpleName();
        if (name.isEmpty()) {
            String runtime = source.getClass().getName();
            name = "a " + runtime.substring(runtime.lastIndexOf('.') + 1) + " source";
        }
        return Path.of(name);
    }

    /** The provenance fields in which Tribuo's file sources record their file. */
    private static final java.util.Set<String> FILE_FIELDS = java.util.Set.of("dataPath", "dataFile", "path", "file");
}
