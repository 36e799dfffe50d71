package dev.augment.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * @param labels Tribuo label strings, by class index
 * @param classNames human-readable class names, by class index
 */
public record SampleSchema(List<String> featureNames, List<Integer> shape, double minValue, double maxValue,
                           List<String> labels, List<String> classNames) {

    /** The version of this schema's serialised form, stored in the ONNX metadata. */
    public static final int VERSION = 1;

    /** Validates the schema; every field is mandatory. */
    public SampleSchema {
        featureNames = List.copyOf(featureNames);
        shape = List.copyOf(shape);
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("schema has no features");
        }
        int product = shape.stream().reduce(1, (a, b) -> a * b);
        if (shape.isEmpty() || product != featureNames.size()) {
            throw new IllegalArgumentException("schema shape " + shape + " does not hold "
                    + featureNames.size() + " features");
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
     * Finds a class by Tribuo label, by class name (case and separators ignored) or by index.
     *
     * @param query a label such as "7", a name such as "sneaker" or "ankle-boot", or an index
     * @return the class index, or empty when nothing matches
     */
    public Optional<Integer> findClass(String query) {
        String wanted = normalise(query);
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equals(query) || normalise(classNames.get(i)).equals(wanted)) {
                return Optional.of(i);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (normalise(labels.get(i)).equals(wanted)) {
                return Optional.of(i);
            }
        }
        if (query.matches("\\d{1,9}")) {
            int index = Integer.parseInt(query);
            if (index < labels.size()) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
