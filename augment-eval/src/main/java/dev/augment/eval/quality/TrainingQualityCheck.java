package dev.augment.eval.quality;

import dev.augment.errors.InvalidSettingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.eval.metrics.ManifoldMetrics;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;

import java.util.ArrayList;
import java.util.List;

import static dev.augment.eval.quality.QualitySamples.firstOfClass;
import static dev.augment.eval.quality.QualitySamples.round;
import static dev.augment.eval.quality.QualitySamples.rows;
import static dev.augment.eval.quality.QualitySamples.share;
import static dev.augment.eval.quality.QualitySamples.unit;

/**
 * The check the trainer runs (issue 5): per class, label consistency (share of generated samples a
 * logistic regression trained on the real training data assigns to the requested class) and
 * coverage / precision of the samples against real held-out samples of that class (k-nearest-neighbour
 * manifolds, Naeem et al. 2020, k = 5) in the space of the 50 leading principal components of the real
 * training pixels (scaled to [0, 1]); coverage in raw pixel space is recorded beside it. The same
 * measures applied to real training samples in place of generated ones give the reference each target
 * is set against.
 *
 * <p>Score: the smallest, over classes, of {@code consistency / (0.9 * realRecall)} and
 * {@code coverage / 0.75}; at least 1 means every class meets the model-card targets. With one class, label
 * consistency is not measured (JSON {@code null}; {@code labelConsistencyNotJudged} says why) and coverage alone
 * decides.
 */
public final class TrainingQualityCheck implements QualityCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double CONSISTENCY_FACTOR = 0.9;
    private static final double COVERAGE_TARGET = 0.75;
    /** How many principal components coverage is measured in, at most (all the features of smaller data). */
    public static final int PCA_COMPONENTS = 50;

    /**
     * @param features the samples' feature count
     * @return the principal components coverage is measured in: {@value #PCA_COMPONENTS}, or every feature of data
     *     with fewer (4×4 images failed with "PCA needs … 1..16 components", exit 1; a fresh user, 5 Dec)
     */
    public static int pcaComponents(int features) {
        return Math.min(PCA_COMPONENTS, features);
    }
    private static final int PCA_FIT_SAMPLES = 10_000;

    private final SampleSchema schema;
    private final PixelClassifier classifier;
    private final PcaProjection pca;
    private final List<float[][]> heldOutByClass;
    private final List<float[][]> heldOutPixels;
    private final double[] realRecall;
    private final double[] realCoverage;
    private final double[] realPixelCoverage;
    private final int samplesPerClass;
    private final long seed;
    private final ManifoldMetrics manifold;

    /**
     * @param schema the schema
     * @param train real training samples (feature scale) and their classes
     * @param trainClasses classes of {@code train}
     * @param heldOut real held-out samples, e.g. the official test split
     * @param heldOutClasses their classes
     * @param samplesPerClass generated samples per class, also the cap on real samples per class used
     * @param seed noise seed of the generated samples
     */
    public TrainingQualityCheck(SampleSchema schema, float[][] train, int[] trainClasses, float[][] heldOut,
                                int[] heldOutClasses, int samplesPerClass, long seed) {
        this(schema, train, trainClasses, heldOut, heldOutClasses, samplesPerClass, seed, new CancellationToken());
    }

    /**
     * As above, stopping soon after a cancel.
     *
     * @param cancellation checked throughout every neighbour search (minutes for tens of thousands of samples)
     * @throws dev.augment.cancel.CancelledException from {@link #evaluate} when cancelled while it measures
     */
    public TrainingQualityCheck(SampleSchema schema, float[][] train, int[] trainClasses, float[][] heldOut,
                                int[] heldOutClasses, int samplesPerClass, long seed,
                                CancellationToken cancellation) {
        this.manifold = ManifoldMetrics.withDefaults().withCancellation(cancellation);
        if (samplesPerClass < 10) {
            throw new IllegalArgumentException("the quality check needs at least 10 samples per class, got "
                    + samplesPerClass);
        }
        this.schema = schema;
        this.samplesPerClass = samplesPerClass;
        this.seed = seed;
        // a Tribuo fit of tens of seconds on 60 000 images, which cannot look at the token itself
        this.classifier = dev.augment.cancel.AbandonableCall.call("training the pixel judge", cancellation,
                () -> PixelClassifier.train(schema, train, trainClasses));
        int k = schema.classCount();
        // an eigendecomposition of the pixels' covariance: minutes for 3 072 colour features, blind to the token
        float[][] fitSamples = unit(schema, java.util.Arrays.copyOf(train, Math.min(train.length, PCA_FIT_SAMPLES)));
        this.pca = dev.augment.cancel.AbandonableCall.call("fitting the pixel judge's principal components",
                cancellation, () -> PcaProjection.fit(fitSamples, pcaComponents(schema.featureCount())));
        heldOutByClass = new ArrayList<>();
        heldOutPixels = new ArrayList<>();
        realRecall = new double[k];
        realCoverage = new double[k];
        realPixelCoverage = new double[k];
        for (int c = 0; c < k; c++) {
            float[][] held = firstOfClass(heldOut, heldOutClasses, c, samplesPerClass);
            float[][] trainOfClass = firstOfClass(train, trainClasses, c, samplesPerClass);
            if (held.length < 10 || trainOfClass.length < 10) {
                throw new InvalidSettingException("checkSamples", "needs at least 10 real examples of every class in "
                        + "the training and the held-out data, and class " + schema.classNames().get(c) + " has "
                        + trainOfClass.length + " and " + held.length + "; set it to 0 to train without the check");
            }
            heldOutPixels.add(unit(schema, held));
            heldOutByClass.add(pca.project(heldOutPixels.get(c)));
            realRecall[c] = share(classifier.predict(held), c);
            realCoverage[c] = manifold.compute(heldOutByClass.get(c), pca.project(unit(schema, trainOfClass)))
                    .coverage();
            realPixelCoverage[c] = manifold.compute(heldOutPixels.get(c), unit(schema, trainOfClass)).coverage();
        }
    }

    @Override
    public Score evaluate(ClassSampler sampler) {
        ObjectNode details = JSON.createObjectNode();
        details.put("featureSpace", pcaComponents(schema.featureCount()) + " leading principal components of the "
                + "real training pixels scaled to [0, 1] (pixelCoverage: raw pixels scaled to [0, 1])");
        details.put("classifier", "Tribuo LogisticRegressionTrainer (AdaGrad, 5 epochs) on the real training data");
        details.put("k", manifold.k());
        details.put("samplesPerClass", samplesPerClass);
        details.put("seed", seed);
        OneClassJudge.noteIn(schema, details);
        boolean judgesLabels = OneClassJudge.judgesLabels(schema);
        ArrayNode rows = details.putArray("perClass");
        double score = Double.POSITIVE_INFINITY;
        double sumConsistency = 0;
        double sumCoverage = 0;
        for (int c = 0; c < schema.classCount(); c++) {
            float[][] generated = rows(sampler.sample(c, samplesPerClass, seed), schema.featureCount());
            double consistency = share(classifier.predict(generated), c);
            float[][] generatedPixels = unit(schema, generated);
            ManifoldMetrics.Result m = manifold.compute(heldOutByClass.get(c), pca.project(generatedPixels));
            double pixelCoverage = manifold.compute(heldOutPixels.get(c), generatedPixels).coverage();
            ObjectNode row = rows.addObject();
            row.put("class", schema.classNames().get(c));
            putJudged(row, "labelConsistency", consistency, judgesLabels);
            row.put("classifierRecallOnRealTest", round(realRecall[c]));
            putJudged(row, "consistencyTarget", CONSISTENCY_FACTOR * realRecall[c], judgesLabels);
            row.put("coverage", round(m.coverage()));
            row.put("precision", round(m.precision()));
            row.put("realTrainCoverage", round(realCoverage[c]));
            row.put("pixelCoverage", round(pixelCoverage));
            row.put("realTrainPixelCoverage", round(realPixelCoverage[c]));
            boolean met = (!judgesLabels || consistency >= CONSISTENCY_FACTOR * realRecall[c])
                    && m.coverage() >= COVERAGE_TARGET;
            row.put("targetsMet", met);
            // A class the real classifier never recalls (possible on a small validation split) sets no
            // consistency target; its coverage still counts.
            double consistencyRatio = judgesLabels && realRecall[c] > 0
                    ? consistency / (CONSISTENCY_FACTOR * realRecall[c])
                    : Double.POSITIVE_INFINITY;
            score = Math.min(score, Math.min(consistencyRatio, m.coverage() / COVERAGE_TARGET));
            sumConsistency += consistency;
            sumCoverage += m.coverage();
        }
        ObjectNode summary = details.putObject("summary");
        summary.put("score", round(score));
        putJudged(summary, "meanLabelConsistency", sumConsistency / schema.classCount(), judgesLabels);
        summary.put("meanCoverage", round(sumCoverage / schema.classCount()));
        return new Score(score, details);
    }

    private static void putJudged(ObjectNode node, String field, double value, boolean judged) {
        if (judged) {
            node.put(field, round(value));
        } else {
            node.putNull(field);
        }
    }
}
