package dev.augment.eval.quality;

import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * A Tribuo logistic regression (Tribuo's defaults: AdaGrad, 5 epochs, fixed seed) trained on real
 * samples with features scaled to [0, 1]; used to check that generated samples belong to the class
 * they were asked for.
 */
public final class PixelClassifier {

    private final SampleSchema schema;
    private final Model<Label> model;

    private PixelClassifier(SampleSchema schema, Model<Label> model) {
        this.schema = schema;
        this.model = model;
    }

    /**
     * @param schema the samples' schema
     * @param features real samples in feature scale
     * @param classIndices their classes
     * @return the trained classifier
     */
    public static PixelClassifier train(SampleSchema schema, float[][] features, int[] classIndices) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("augment quality check: real training samples", new LabelFactory()),
                new LabelFactory());
        for (int i = 0; i < features.length; i++) {
            dataset.add(example(schema, features[i], schema.labels().get(classIndices[i])));
        }
        return new PixelClassifier(schema, new LogisticRegressionTrainer().train(dataset));
    }

    /**
     * @param samples samples in feature scale
     * @return the predicted class index of each
     */
    public int[] predict(float[][] samples) {
        List<Example<Label>> examples = new ArrayList<>(samples.length);
        for (float[] sample : samples) {
            examples.add(example(schema, sample, LabelFactory.UNKNOWN_LABEL.getLabel()));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        int[] classes = new int[samples.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = schema.labels().indexOf(predictions.get(i).getOutput().getLabel());
        }
        return classes;
    }

    private static Example<Label> example(SampleSchema schema, float[] values, String label) {
        String[] names = schema.featureNames().toArray(String[]::new);
        double[] scaled = new double[values.length];
        double span = schema.maxValue() - schema.minValue();
        for (int j = 0; j < values.length; j++) {
            scaled[j] = (values[j] - schema.minValue()) / span;
        }
        return new ArrayExample<>(new Label(label), names, scaled);
    }
}
