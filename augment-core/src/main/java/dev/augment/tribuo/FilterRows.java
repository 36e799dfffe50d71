package dev.augment.tribuo;

import dev.augment.data.Standardisation;
import dev.augment.data.TribuoExamples;
import dev.augment.data.UnitScale;
import dev.augment.oversample.filter.FilterClassifier;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows the plugin's GAN filter classifier ({@link FilterClassifier}) sees, as the evaluation's filter sees
 * them: an example becomes a dense row over the generator's feature names (a missing feature is 0), in the
 * source's scale. For the classifier, rows of an image go to [0, 1] ({@link UnitScale}) with zeros left out (as
 * the image evaluation's {@code TribuoData} does); other rows (tables) are
 * standardised with the real rows' statistics ({@link Standardisation}, as the table evaluation's
 * {@code TableClassifiers} does). Candidates are converted with the same
 * statistics as the real rows.
 */
final class FilterRows {

    private final SampleSchema schema;
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final Label[] labels;

    /** @param schema the generator's schema, which the source matches */
    FilterRows(SampleSchema schema) {
        this.schema = schema;
        this.names = schema.featureNames().toArray(String[]::new);
        for (int d = 0; d < names.length; d++) {
            index.put(names[d], d);
        }
        this.labels = schema.labels().stream().map(Label::new).toArray(Label[]::new);
    }

    /**
     * @param example an example whose feature names the schema has (others are ignored)
     * @return its values over the schema's features, 0 where it has none
     */
    float[] row(Example<Label> example) {
        float[] row = new float[names.length];
        for (Feature feature : example) {
            Integer d = index.get(feature.getName());
            if (d != null) {
                row[d] = (float) feature.getValue();
            }
        }
        return row;
    }

    /**
     * @param real the real rows the classifier learns
     * @return how the classifier's rows, real and candidates, become Tribuo examples
     */
    FilterClassifier.Examples examples(float[][] real) {
        if (schema.isImage()) {
            UnitScale unitScale = UnitScale.of(schema);
            return (description, rows, classes) -> dataset(description, rows, classes, unitScale::apply, true);
        }
        Standardisation standardisation = Standardisation.fit(Arrays.asList(real));
        return (description, rows, classes) -> dataset(description, rows, classes,
                row -> toDoubles(standardisation.apply(row)), false);
    }

    private static double[] toDoubles(float[] row) {
        double[] values = new double[row.length];
        for (int d = 0; d < row.length; d++) {
            values[d] = row[d];
        }
        return values;
    }

    /** One row's values for the classifier. */
    private interface Conversion {
        double[] apply(float[] row);
    }

    private MutableDataset<Label> dataset(String description, float[][] rows, int[] classes, Conversion conversion,
                                          boolean sparse) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description,
                new LabelFactory()), new LabelFactory());
        for (int i = 0; i < rows.length; i++) {
            double[] values = conversion.apply(rows[i]);
            dataset.add(sparse ? TribuoExamples.sparse(labels[classes[i]], names, values)
                    : new ArrayExample<>(labels[classes[i]], names, values));
        }
        return dataset;
    }
}
