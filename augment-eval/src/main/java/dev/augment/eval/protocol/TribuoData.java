package dev.augment.eval.protocol;

import dev.augment.data.TribuoExamples;
import dev.augment.data.UnitScale;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns dense rows into Tribuo datasets for the classifiers. Values are divided by the schema's
 * maximum (pixels 0–255 → [0, 1]) and clipped to [0, 1]; zeros are left out, as Tribuo treats a
 * missing feature as zero, which keeps the SGD vectors sparse, except that an all-zero row (a black image)
 * keeps every feature at 0 ({@link TribuoExamples#sparse}), so that it is a valid Tribuo example for training
 * and prediction. Feature names are the schema's. The evaluation's datasets and the training quality
 * check's classifier both convert through here.
 *
 * <p>Rows of 8-bit images (an image schema with range [0, 255]) are first rounded half up to whole pixel
 * values ({@link UnitScale}, shared with the plugin's filter), as {@code generate} writes them to IDX and PNG
 * and as the Tribuo plugin's synthetic examples are. Without this a generated background pixel of, say, 0.3 stayed a feature while the real image's 0 was left out, and Tribuo's XGBoost (the {@code forest}
 * family) reads a left-out feature as <em>missing</em>, not as 0: a forest trained on generated rows sent
 * every real background pixel down its missing-value branch (synthetic-only macro-F1 0.07 on Fashion-MNIST
 * 2%, below chance).
 */
public final class TribuoData {

    private final SampleSchema schema;
    private final String[] names;
    private final Label[] labels;
    private final UnitScale unitScale;

    /**
     * @param schema names of the features and classes
     */
    public TribuoData(SampleSchema schema) {
        this.schema = schema;
        this.names = schema.featureNames().toArray(String[]::new);
        this.labels = schema.labels().stream().map(Label::new).toArray(Label[]::new);
        this.unitScale = UnitScale.of(schema);
    }

    /** @return the Tribuo label of each class index */
    public List<Label> labels() {
        return List.of(labels);
    }

    /**
     * @param description what the data is, for the dataset's provenance
     * @param rows rows in feature scale
     * @param classes class index of each row
     * @param weights weight of each row, or null for weight 1
     * @return the dataset
     */
    public MutableDataset<Label> dataset(String description, List<float[]> rows, List<Integer> classes,
                                         float[] weights) {
        if (rows.size() != classes.size() || (weights != null && weights.length != rows.size())) {
            throw new IllegalArgumentException("rows, classes and weights differ in length: " + rows.size() + ", "
                    + classes.size() + ", " + (weights == null ? "none" : weights.length));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, new LabelFactory()), new LabelFactory());
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            examples.add(example(rows.get(i), classes.get(i), weights == null ? 1f : weights[i]));
        }
        dataset.addAll(examples);
        return dataset;
    }

    /**
     * @param description what the data is
     * @param rows rows in feature scale
     * @param classes class index of each row
     * @return an unweighted dataset
     */
    public MutableDataset<Label> dataset(String description, float[][] rows, int[] classes) {
        List<float[]> r = new ArrayList<>(rows.length);
        List<Integer> c = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            r.add(rows[i]);
            c.add(classes[i]);
        }
        return dataset(description, r, c, null);
    }

    private Example<Label> example(float[] row, int classIndex, float weight) {
        if (row.length != names.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, schema has " + names.length);
        }
        double[] values = unitScale.apply(row);
        Example<Label> example = TribuoExamples.sparse(labels[classIndex], names, values);
        example.setWeight(weight);
        return example;
    }

    /** @return the schema */
    public SampleSchema schema() {
        return schema;
    }
}
