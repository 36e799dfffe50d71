package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.TribuoExamples;
import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a source: checks that it matches a generator's schema and counts its examples of each
 * class. A {@link SchemaDataSource} must have exactly the generator's feature names, shape and labels;
 * any other source must use only the generator's feature names and labels.
 *
 * @param realCounts the source's examples of each class, by class index of the generator's schema
 */
record SourceScan(int[] realCounts) {

    /**
     * @param source the source to scan
     * @param schema the generator's schema
     * @return the class counts
     * @throws InvalidSettingException for field "source", naming the first difference
     * @throws dev.augment.errors.InvalidDataException when a value is NaN or infinite
     */
    static SourceScan of(DataSource<Label> source, SampleSchema schema) {
        boolean checkFeatures = true;
        if (source instanceof SchemaDataSource schemaSource) {
            compare(schemaSource.schema(), schema);
            checkFeatures = false;
        }
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < schema.classCount(); c++) {
            classIndex.put(schema.labels().get(c), c);
        }
        Set<String> features = new HashSet<>(schema.featureNames());
        int[] counts = new int[schema.classCount()];
        long index = 0;
        for (Example<Label> example : source) {
            String label = example.getOutput().getLabel();
            Integer c = classIndex.get(label);
            if (c == null) {
                throw mismatch("example " + index + " of the source has label '" + label
                        + "', which the generator does not know; its labels are " + schema.labels());
            }
            if (checkFeatures) {
                for (Feature feature : example) {
                    if (!features.contains(feature.getName())) {
                        throw mismatch("example " + index + " of the source has feature '" + feature.getName()
                                + "', which is not a feature of the generator (its " + schema.featureCount()
                                + " features are named " + preview(schema.featureNames()) + ")");
                    }
                }
            }
            TribuoExamples.requireFinite(example, index, source);
            counts[c]++;
            index++;
        }
        return new SourceScan(counts);
    }

    private static void compare(SampleSchema source, SampleSchema generator) {
        if (!source.featureNames().equals(generator.featureNames())) {
            List<String> a = source.featureNames();
            List<String> b = generator.featureNames();
            if (a.size() != b.size()) {
                throw mismatch("the source has " + a.size() + " features but the generator has " + b.size());
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    throw mismatch("feature " + i + " is named '" + a.get(i) + "' in the source but '" + b.get(i)
                            + "' in the generator");
                }
            }
        }
        if (!source.shape().equals(generator.shape())) {
            throw mismatch("the source's shape is " + source.shape() + " but the generator's is " + generator.shape());
        }
        if (!source.labels().equals(generator.labels())) {
            throw mismatch("the source's labels are " + source.labels() + " but the generator's are "
                    + generator.labels());
        }
    }

    private static String preview(List<String> names) {
        return names.size() <= 4 ? names.toString()
                : "'" + names.get(0) + "', '" + names.get(1) + "' .. '" + names.get(names.size() - 1) + "'";
    }

    private static InvalidSettingException mismatch(String difference) {
        return new InvalidSettingException("source", "source does not match the generator's schema: " + difference);
    }
}
