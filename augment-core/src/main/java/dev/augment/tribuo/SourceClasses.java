package dev.augment.tribuo;

import dev.augment.data.SchemaDataSource;
import dev.augment.data.TribuoExamples;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classes of a source when no generator describes them (ROS and SMOTE): one pass counts the
 * examples of each label. A {@link SchemaDataSource} keeps its own schema, so its class names ("sneaker")
 * work in a policy; any other source gets a schema whose classes are its labels in sorted order (named by
 * label only) and whose features are the sorted union of its feature names.
 *
 * @param schema the classes (and features) of the source
 * @param realCounts the source's examples of each class, by class index of {@code schema}
 * @param digests each class's {@link DrawnFromDigests} digest of this read, by class index of {@code schema}
 * @param contents each class's {@link DrawnFromDigests#content} digest of this read, by class index
 * @param weighted per class index, whether any of its examples has a Tribuo weight above 0
 */
record SourceClasses(SampleSchema schema, int[] realCounts, long[] digests, long[] contents, boolean[] weighted) {

    /**
     * @param source the wrapped source
     * @param generatorSchema the generator's classes
     * @return the generator's class indices of a {@link SchemaDataSource}'s classes when they are fewer than, and
     *     among, the generator's; else empty (any other source's classes are known only by its examples, where a lost
     *     class looks the same)
     */
    static java.util.Optional<int[]> someOf(DataSource<Label> source, SampleSchema generatorSchema) {
        if (source instanceof SchemaDataSource schemaSource) {
            List<String> labels = schemaSource.schema().labels();
            if (labels.size() < generatorSchema.classCount() && generatorSchema.labels().containsAll(labels)) {
                return java.util.Optional.of(labels.stream().mapToInt(generatorSchema.labels()::indexOf).sorted()
                        .distinct().toArray());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param source the source to scan
     * @return its classes and their counts
     * @throws InvalidSettingException for field "source" when it has no examples, or a label its schema lacks
     * @throws dev.augment.errors.InvalidDataException when a value is NaN or infinite, naming the example and feature
     */
    static SourceClasses of(DataSource<Label> source) {
        if (source instanceof SchemaDataSource schemaSource) {
            SampleSchema schema = schemaSource.schema();
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < schema.classCount(); c++) {
                index.put(schema.labels().get(c), c);
            }
            int[] counts = new int[schema.classCount()];
            long[] digests = new long[schema.classCount()];
            long[] contents = new long[schema.classCount()];
            boolean[] weighted = new boolean[schema.classCount()];
            long row = 0;
            for (Example<Label> example : TribuoExamples.of(source)) {
                SourceScan.requireLabelledReal(example, row);
                TribuoExamples.requireFinite(example, row++, source);
                Integer c = index.get(example.getOutput().getLabel());
                if (c == null) {
                    throw new InvalidSettingException("source", "source has an example of label '"
                            + example.getOutput().getLabel() + "', which its schema does not list: " + schema.labels());
                }
                counts[c]++;
                digests[c] = DrawnFromDigests.add(digests[c], example);
                contents[c] = DrawnFromDigests.content(contents[c], example);
                weighted[c] |= example.getWeight() > 0;
            }
            return new SourceClasses(schema, counts, digests, contents, weighted);
        }
        Map<String, Integer> byLabel = new TreeMap<>();
        Map<String, Long> digestByLabel = new HashMap<>();
        Map<String, Long> contentByLabel = new HashMap<>();
        Set<String> weightedLabels = new HashSet<>();
        SortedSet<String> features = new TreeSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long row = 0;
        for (Example<Label> example : TribuoExamples.of(source)) {
            SourceScan.requireLabelledReal(example, row);
            TribuoExamples.requireFinite(example, row++, source);
            byLabel.merge(example.getOutput().getLabel(), 1, Integer::sum);
            if (example.getWeight() > 0) {
                weightedLabels.add(example.getOutput().getLabel());
            }
            digestByLabel.merge(example.getOutput().getLabel(), DrawnFromDigests.add(0, example),
                    (before, unused) -> DrawnFromDigests.add(before, example));
            contentByLabel.merge(example.getOutput().getLabel(), DrawnFromDigests.content(0, example),
                    (before, unused) -> DrawnFromDigests.content(before, example));
            for (Feature feature : example) {
                features.add(feature.getName());
                min = Math.min(min, feature.getValue());
                max = Math.max(max, feature.getValue());
            }
        }
        if (byLabel.isEmpty() || features.isEmpty()) {
            throw new InvalidSettingException("source", "source has no examples with features to oversample");
        }
        if (!Double.isFinite(max - Math.min(min, 0))) {
            // -1e308 beside 1e308 gave SampleSchema's IllegalArgumentException about a "schema" the user never gave
            // (a Tribuo user, 7 Dec)
            throw new InvalidSettingException("source", "source's feature values run from " + min + " to " + max
                    + ", farther apart than a double holds, so differences between examples (SMOTE's, a generator's "
                    + "scale) overflow; a value such as -Double.MAX_VALUE standing for a missing one should be left "
                    + "out of its example (Tribuo reads an absent feature as missing), or rescale the features");
        }
        List<String> labels = new ArrayList<>(byLabel.keySet());
        SampleSchema schema = new SampleSchema(List.copyOf(features), List.of(features.size()),
                Math.min(min, 0), max > Math.min(min, 0) ? max : Math.min(min, 0) + 1, labels, labels);
        boolean[] weighted = new boolean[labels.size()];
        for (int c = 0; c < weighted.length; c++) {
            weighted[c] = weightedLabels.contains(labels.get(c));
        }
        return new SourceClasses(schema, byLabel.values().stream().mapToInt(Integer::intValue).toArray(),
                labels.stream().mapToLong(digestByLabel::get).toArray(),
                labels.stream().mapToLong(contentByLabel::get).toArray(), weighted);
    }
}
