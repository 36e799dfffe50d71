package dev.augment.eval.quality;

import dev.augment.eval.protocol.TribuoData;
import dev.augment.schema.SampleSchema;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

import java.util.List;

/**
 * A Tribuo logistic regression (Tribuo's defaults: AdaGrad, 5 epochs, fixed seed) trained on real
 * samples with features scaled to [0, 1] (the evaluation's {@link TribuoData} conversion); used to
 * check that generated samples belong to the class they were asked for.
 */
public final class PixelClassifier {

    private final SampleSchema schema;
    private final TribuoData data;
    private final Model<Label> model;

    private PixelClassifier(SampleSchema schema, TribuoData data, Model<Label> model) {
        this.schema = schema;
        this.data = data;
        this.model = model;
    }

    /**
     * @param schema the samples' schema
     * @param features real samples in feature scale
     * @param classIndices their classes
     * @return the trained classifier
     */
    public static PixelClassifier train(SampleSchema schema, float[][] features, int[] classIndices) {
        TribuoData data = new TribuoData(schema);
        Model<Label> model = new LogisticRegressionTrainer()
                .train(data.dataset("augment quality check: real training samples", features, classIndices));
        return new PixelClassifier(schema, data, model);
    }

    /**
     * @param samples samples in feature scale
     * @return the predicted class index of each
     */
    public int[] predict(float[][] samples) {
        // The dataset needs a label per row; predictions do not look at it.
        List<Prediction<Label>> predictions = model.predict(
                data.dataset("samples to classify", samples, new int[samples.length]));
        int[] classes = new int[samples.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = schema.labels().indexOf(predictions.get(i).getOutput().getLabel());
        }
        return classes;
    }
}
