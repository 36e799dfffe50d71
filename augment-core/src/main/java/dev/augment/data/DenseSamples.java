package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled samples as dense arrays: one row of feature values per sample, in the schema's feature order,
 * and the class index of each sample. The arrays are shared, not copied; treat them as read-only.
 *
 * @param features one row of {@code schema.featureCount()} values per sample
 * @param classIndices the class index (into {@code schema.labels()}) of each sample
 * @param schema what the samples are
 */
public record DenseSamples(float[][] features, int[] classIndices, SampleSchema schema) {

    /**
     * Checks that there is one class index per row, every row is as wide as the schema, every value is finite
     * and every index is a class.
     *
     * @param features one row of {@code schema.featureCount()} values per sample
     * @param classIndices the class index (into {@code schema.labels()}) of each sample
     * @param schema what the samples are
     */
    public DenseSamples {
        if (features.length != classIndices.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + classIndices.length
                    + " class indices");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != schema.featureCount()) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length
                        + " features but the schema has " + schema.featureCount());
            }
            if (classIndices[i] < 0 || classIndices[i] >= schema.classCount()) {
                throw new IllegalArgumentException("row " + i + " has class index " + classIndices[i]
                        + " but the schema has " + schema.classCount() + " classes");
            }
            for (int j = 0; j < features[i].length; j++) {
                if (!Float.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("row " + i + ", feature '" + schema.featureNames().get(j)
                            + "' is " + features[i][j] + "; samples must be finite");
                }
            }
        }
    }

    /**
     * Reads every example of a source into dense arrays. Tribuo examples are sparse, so a feature an
     * example leaves out is zero. This is the way every source reaches training and evaluation, so it is also
     * the last guard against NaN and infinite values (augment's own sources refuse them when they load).
     *
     * @param source the examples
     * @param schema the schema that names the source's features and labels
     * @return the samples, in source order
     * @throws IllegalArgumentException when an example has a label or a feature the schema does not name
     * @throws InvalidDataException when a value is NaN or infinite, naming the source's location
     *                              ({@link TribuoExamples#location}), the example
     *                              index, the feature and the value
     */
    public static DenseSamples from(DataSource<Label> source, SampleSchema schema) {
        Map<String, Integer> featureIndex = indexOf(schema.featureNames());
        Map<String, Integer> classIndex = indexOf(schema.labels());
        List<float[]> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Example<Label> example : TribuoExamples.of(source)) {
            String label = example.getOutput().getLabel();
            Integer c = classIndex.get(label);
            if (c == null) {
                throw new IllegalArgumentException("label '" + label + "' of example " + rows.size()
                        + " is not in the schema labels " + schema.labels());
            }
            TribuoExamples.requireFinite(example, rows.size(), source);
            float[] row = new float[schema.featureCount()];
            for (Feature feature : example) {
                Integer at = featureIndex.get(feature.getName());
                if (at == null) {
                    throw new IllegalArgumentException("feature '" + feature.getName() + "' of example "
                            + rows.size() + " is not in the schema");
                }
                row[at] = (float) feature.getValue();
            }
            rows.add(row);
            classes.add(c);
        }
        return new DenseSamples(rows.toArray(new float[0][]), classes.stream().mapToInt(Integer::intValue).toArray(),
                schema);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    /** @return the number of samples */
    public int size() {
        return features.length;
    }

    /**
     * @param classIndex a class index
     * @return the samples of that class, in order, with the same schema
     * @throws IllegalArgumentException when the index is not a class of the schema
     */
    public DenseSamples ofClass(int classIndex) {
        if (classIndex < 0 || classIndex >= schema.classCount()) {
            throw new IllegalArgumentException("class index " + classIndex + " is not in 0.."
                    + (schema.classCount() - 1));
        }
        int count = countsPerClass()[classIndex];
        float[][] rows = new float[count][];
        int[] classes = new int[count];
        int next = 0;
        for (int i = 0; i < features.length; i++) {
            if (classIndices[i] == classIndex) {
                rows[next] = features[i];
                classes[next] = classIndex;
                next++;
            }
        }
        return new DenseSamples(rows, classes, schema);
    }

    /** @return the number of samples of each class, indexed by class index */
    public int[] countsPerClass() {
        int[] counts = new int[schema.classCount()];
        for (int c : classIndices) {
            counts[c]++;
        }
        return counts;
    }
}
