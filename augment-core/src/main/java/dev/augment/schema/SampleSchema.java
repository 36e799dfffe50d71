package dev.augment.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a generator produces and what a data source holds: feature names exactly as the Tribuo
 * {@code DataSource} names them, the sample shape, the value range and the label vocabulary.
 *
 * <p>{@code labels} are the Tribuo label strings (what {@code Label#getLabel()} returns, e.g. "7" for
 * an IDX file); {@code classNames} are the matching human-readable names (e.g. "Sneaker"). Both are
 * indexed by class index, which is the {@code label} input of the ONNX contract.
 *
 * @param featureNames feature names in sample order
 * @param shape (channels, height, width) for images, or (featureCount) for tabular data
 * @param minValue the smallest value a feature takes in the source's own scale
 * @param maxValue the largest value a feature takes in the source's own scale
 * <p>{@code examplesPerClass} records how many training examples each class had when a generator was
 * trained (schema version 2). It is empty when that is unknown: a data source's own schema, or a
 * generator written with schema version 1. A class whose count is known to be zero was never learned
 * ({@link #learned(int)}).
 *
 * @param labels Tribuo label strings, by class index
 * @param classNames human-readable class names, by class index
 * @param examplesPerClass training examples of each class, by class index, none negative; empty when unknown
 */
public record SampleSchema(List<String> featureNames, List<Integer> shape, double minValue, double maxValue,
                           List<String> labels, List<String> classNames, List<Long> examplesPerClass) {

    /** The version of this schema's serialised form, stored in the ONNX metadata. */
    public static final int VERSION = 2;

    /** The oldest serialised version still read: version 1 has no {@code examplesPerClass}. */
    public static final int OLDEST_READABLE_VERSION = 1;

    /** Validates the schema; every field but {@code examplesPerClass} is mandatory. */
    public SampleSchema {
        // a model's metadata may lack a field or hold a null: said by name, not as a NullPointerException
        requireComplete("featureNames", featureNames);
        requireComplete("shape", shape);
        requireComplete("labels", labels);
        requireComplete("classNames", classNames);
        featureNames = List.copyOf(featureNames);
        shape = List.copyOf(shape);
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        examplesPerClass = examplesPerClass == null ? List.of() : List.copyOf(examplesPerClass);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("schema has no features");
        }
        if (featureNames.stream().distinct().count() != featureNames.size()) {
            // Tribuo keys an example's features by name: a repeated name would lose one of them
            throw new IllegalArgumentException("schema feature names are not distinct: " + repeated(featureNames)
                    + " appears more than once");
        }
        if (shape.stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("schema shape " + shape + " has a dimension below 1");
        }
        // in long, each factor at most the feature count: an int product wrapped, and [1, 784, 268435457] held 784
        // features (a fresh user's forged model, 6 Dec)
        long product = 1;
        for (int d : shape) {
            product = d > featureNames.size() ? -1 : product * d;
            if (product < 0 || product > featureNames.size()) {
                product = -1;
                break;
            }
        }
        if (shape.isEmpty() || product != featureNames.size()) {
            throw new IllegalArgumentException("schema shape " + shape + " does not hold "
                    + featureNames.size() + " features");
        }
        if (!Double.isFinite(minValue) || !Double.isFinite(maxValue)) {
            throw new IllegalArgumentException("schema value range [" + minValue + ", " + maxValue + "] is not finite");
        }
        if (!Double.isFinite(maxValue - minValue)) {
            // -1e308 to 1e308: each bound finite, the width not, and a slack of it let Infinity through (6 Dec)
            throw new IllegalArgumentException("schema value range [" + minValue + ", " + maxValue + "] is wider "
                    + "than a double holds");
        }
        if (!(maxValue > minValue)) {
            throw new IllegalArgumentException("schema value range [" + minValue + ", " + maxValue + "] is empty");
        }
        if (labels.isEmpty() || labels.size() != classNames.size()) {
            throw new IllegalArgumentException("schema needs one class name per label, got " + labels.size()
                    + " labels and " + classNames.size() + " names");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("schema labels are not distinct: " + labels);
        }
        if (!examplesPerClass.isEmpty() && examplesPerClass.size() != labels.size()) {
            throw new IllegalArgumentException("schema needs one example count per class, got "
                    + examplesPerClass.size() + " counts for " + labels.size() + " classes");
        }
        if (examplesPerClass.stream().anyMatch(n -> n == null || n < 0)) {
            throw new IllegalArgumentException("schema example counts must not be negative: " + examplesPerClass);
        }
        if (!examplesPerClass.isEmpty() && examplesPerClass.stream().allMatch(n -> n == 0)) {
            // every class unlearned: 'generate --class all' divided by zero, and score judged nothing with exit 0
            throw new IllegalArgumentException("schema records no training examples for any class, so the generator "
                    + "learned none; train it again on data with examples");
        }
    }

    private static void requireComplete(String field, List<?> values) {
        if (values == null) {
            throw new IllegalArgumentException("schema has no " + field);
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("schema " + field + " holds a null");
        }
    }

    private static String repeated(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return names.stream().filter(n -> !seen.add(n)).findFirst().map(n -> "'" + n + "'").orElse("a name");
    }

    /**
     * A schema whose training example counts are unknown, as a data source describes itself.
     *
     * @param featureNames feature names in sample order
     * @param shape (channels, height, width) for images, or (featureCount) for tabular data
     * @param minValue the smallest value a feature takes in the source's own scale
     * @param maxValue the largest value a feature takes in the source's own scale
     * @param labels Tribuo label strings, by class index
     * @param classNames human-readable class names, by class index
     */
    public SampleSchema(List<String> featureNames, List<Integer> shape, double minValue, double maxValue,
                        List<String> labels, List<String> classNames) {
        this(featureNames, shape, minValue, maxValue, labels, classNames, List.of());
    }

    /**
     * @param counts training examples of each class, by class index
     * @return a copy recording these counts
     * @throws IllegalArgumentException when there is not one count per class or a count is negative
     */
    public SampleSchema withExamplesPerClass(long[] counts) {
        List<Long> list = new ArrayList<>(counts.length);
        for (long n : counts) {
            list.add(n);
        }
        return new SampleSchema(featureNames, shape, minValue, maxValue, labels, classNames, list);
    }

    /** @return true when the training example counts are recorded */
    public boolean examplesKnown() {
        return !examplesPerClass.isEmpty();
    }

    /**
     * @param classIndex a class index
     * @return the training examples of that class, or empty when unknown
     */
    public OptionalLong examplesOf(int classIndex) {
        return examplesKnown() ? OptionalLong.of(examplesPerClass.get(classIndex)) : OptionalLong.empty();
    }

    /**
     * @param classIndex a class index
     * @return false only when the class is known to have had no training examples; unknown counts
     *     (schema version 1) count as learned
     */
    public boolean learned(int classIndex) {
        return examplesOf(classIndex).orElse(1) > 0;
    }

    /** @return the number of features in one sample */
    public int featureCount() {
        return featureNames.size();
    }

    /** @return the number of classes */
    public int classCount() {
        return labels.size();
    }

    /** @return true when the samples are images of shape (channels, height, width) */
    public boolean isImage() {
        return shape.size() == 3;
    }

    /** @return image channels; 1 for tabular data */
    public int channels() {
        return isImage() ? shape.get(0) : 1;
    }

    /** @return image height; 1 for tabular data */
    public int height() {
        return isImage() ? shape.get(1) : 1;
    }

    /** @return image width; the feature count for tabular data */
    public int width() {
        return isImage() ? shape.get(2) : featureNames.size();
    }

    /**
     * The rule every class name and label keeps, wherever it is read (a model's metadata, a names file): they become
     * folder names and {@code classes.csv} cells.
     *
     * @param name a class name or label
     * @return what is wrong with it ("is empty", "holds a NUL character", "holds bytes that are not UTF-8
     *     (U+FFFD)"), or null when nothing is
     */
    public static String nameFault(String name) {
        return name.isBlank() ? "is empty" : name.indexOf('\0') >= 0 ? "holds a NUL character"
                : name.indexOf('\uFFFD') >= 0 ? "holds bytes that are not UTF-8 (U+FFFD)" : null;
    }
}
