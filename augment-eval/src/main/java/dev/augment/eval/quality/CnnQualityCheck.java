package dev.augment.eval.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.cnn.CnnFeatureClassifier;
import dev.augment.eval.cnn.CnnTrainer;
import dev.augment.eval.metrics.ManifoldMetrics;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static dev.augment.eval.quality.QualitySamples.firstOfClass;
import static dev.augment.eval.quality.QualitySamples.round;
import static dev.augment.eval.quality.QualitySamples.rows;
import static dev.augment.eval.quality.QualitySamples.share;

/**
 * The quality check of issue 9 for images, colour ones in particular, where a linear model on pixels
 * classifies poorly: a small CNN ({@link CnnFeatureClassifier}) trained on the real training split
 * judges the samples, and its penultimate-layer features are the space of every distance.
 *
 * <p>Per class: <b>label consistency</b>, the share of generated samples the CNN assigns to the class
 * they were asked for, and its ratio to the CNN's <b>recall</b> on the real test images of that class
 * (a generator cannot be expected to be recognised more reliably than real images are);
 * <b>coverage</b> and <b>precision</b> of the samples against the real held-out images of the class on
 * k-nearest-neighbour manifolds (Naeem et al. 2020, k = 5); and the <b>Fréchet distance</b> between the
 * samples and those real images ({@link FrechetDistance}, FID-style). The reference each is read against
 * is the same measure with real images in place of generated ones: real training images
 * ({@code realTrain…}, as {@link TrainingQualityCheck} does; the CNN has seen them) and, for coverage,
 * also one half of the real held-out images against the other half ({@code realHeldOutHalvesCoverage};
 * images the CNN has not seen, as it has not seen generated ones). The Fréchet distance is also given
 * for all classes pooled. The CNN's accuracy and recall count every held-out image; the distances use
 * the first {@code samplesPerClass} held-out (and training) images of each class.
 *
 * <p>Score: the smallest, over classes, of {@code consistencyRatio / 0.7} and {@code coverage / 0.5}
 * (issue 9's targets for colour images); at least 1 means every class meets them.
 */
public final class CnnQualityCheck implements QualityCheck {

    /** Target of label consistency divided by the CNN's real recall, in every class. */
    public static final double CONSISTENCY_RATIO_TARGET = 0.7;
    /** Target of coverage, in every class. */
    public static final double COVERAGE_TARGET = 0.5;
    /** Images per optimiser step of the CNN. */
    public static final int BATCH_SIZE = CnnTrainer.DEFAULT_BATCH_SIZE;
    /** Adam's learning rate for the CNN. */
    public static final double LEARNING_RATE = CnnTrainer.DEFAULT_LEARNING_RATE;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SampleSchema schema;
    private final CnnFeatureClassifier classifier;
    private final int cnnSteps;
    private final double testAccuracy;
    private final int samplesPerClass;
    private final long seed;
    private final ManifoldMetrics manifold;
    private final List<float[][]> heldOutFeatures = new ArrayList<>();
    private final double[] realRecall;
    private final double[] realTrainCoverage;
    private final double[] realHalvesCoverage;
    private final double[] realTrainFrechet;
    private final double realTrainFrechetOverall;

    /**
     * Trains the CNN and measures the real references.
     *
     * @param schema an image schema
     * @param train real training samples (feature scale)
     * @param trainClasses their classes
     * @param heldOut real held-out samples, e.g. the official test split
     * @param heldOutClasses their classes
     * @param samplesPerClass generated samples per class, also the cap on real samples per class compared
     *     with them; at least 10
     * @param cnnSteps optimiser steps of the CNN ({@value #BATCH_SIZE} images each), at least 1
     * @param seed seed of the CNN's training and noise seed of the generated samples
     * @throws InvalidSettingException when a setting is out of range or the schema is not an image
     * @throws IllegalArgumentException when a class has fewer than 10 real images in either split
     */
    public CnnQualityCheck(SampleSchema schema, float[][] train, int[] trainClasses, float[][] heldOut,
                           int[] heldOutClasses, int samplesPerClass, int cnnSteps, long seed) {
        this(schema, train, trainClasses, heldOut, heldOutClasses, samplesPerClass, cnnSteps, seed,
                new CancellationToken());
    }

    /**
     * As {@link #CnnQualityCheck(SampleSchema, float[][], int[], float[][], int[], int, int, long)}, stoppable.
     *
     * @param cancellation checked before every optimiser step of the CNN and throughout every neighbour search
     * @throws dev.augment.cancel.CancelledException when the token is cancelled while the CNN trains (and, from
     *     {@link #evaluate}, while the samples are measured)
     */
    public CnnQualityCheck(SampleSchema schema, float[][] train, int[] trainClasses, float[][] heldOut,
                           int[] heldOutClasses, int samplesPerClass, int cnnSteps, long seed,
                           CancellationToken cancellation) {
        if (samplesPerClass < 10) {
            throw new InvalidSettingException("samplesPerClass", "must be at least 10, was " + samplesPerClass);
        }
        if (cnnSteps < 1) {
            throw new InvalidSettingException("cnnSteps", "must be at least 1, was " + cnnSteps);
        }
        if (!schema.isImage()) {
            throw new InvalidSettingException("schema", "describes tabular data " + schema.shape()
                    + "; the CNN check needs images [channels, height, width]");
        }
        this.schema = schema;
        this.manifold = ManifoldMetrics.withDefaults().withCancellation(cancellation);
        this.samplesPerClass = samplesPerClass;
        this.cnnSteps = cnnSteps;
        this.seed = seed;
        int k = schema.classCount();
        List<float[][]> trainReference = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            float[][] inTrain = firstOfClass(train, trainClasses, c, samplesPerClass);
            int inHeldOut = firstOfClass(heldOut, heldOutClasses, c, samplesPerClass).length;
            if (inTrain.length < 10 || inHeldOut < 10) {
                throw new IllegalArgumentException("the quality check needs at least 10 real examples of every class "
                        + "in the training and the held-out data, and class " + schema.classNames().get(c) + " has "
                        + inTrain.length + " and " + inHeldOut);
            }
            trainReference.add(inTrain);
        }
        this.classifier = CnnFeatureClassifier.train(schema.shape(), divisor(schema), shifted(train), trainClasses, k,
                cnnSteps, BATCH_SIZE, LEARNING_RATE, seed, cancellation);
        CnnFeatureClassifier.Outputs real = classifier.apply(shifted(heldOut));
        testAccuracy = accuracy(real.predicted(), heldOutClasses);
        realRecall = new double[k];
        realTrainCoverage = new double[k];
        realHalvesCoverage = new double[k];
        realTrainFrechet = new double[k];
        List<float[]> allTrainFeatures = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            realRecall[c] = share(predictionsOfClass(real.predicted(), heldOutClasses, c), c);
            float[][] held = firstOfClass(real.features(), heldOutClasses, c, samplesPerClass);
            heldOutFeatures.add(held);
            float[][] trainFeatures = classifier.apply(shifted(trainReference.get(c))).features();
            allTrainFeatures.addAll(Arrays.asList(trainFeatures));
            realTrainCoverage[c] = manifold.compute(held, trainFeatures).coverage();
            realHalvesCoverage[c] = halvesCoverage(held);
            realTrainFrechet[c] = FrechetDistance.between(trainFeatures, held);
        }
        realTrainFrechetOverall = FrechetDistance.between(allTrainFeatures.toArray(float[][]::new), pooledHeldOut());
    }

    /** @return the CNN's accuracy on all the real held-out samples */
    public double classifierTestAccuracy() {
        return testAccuracy;
    }

    @Override
    public Score evaluate(ClassSampler sampler) {
        ObjectNode details = JSON.createObjectNode();
        details.put("featureSpace", "the CNN's penultimate layer (" + CnnFeatureClassifier.HIDDEN_UNITS
                + " ReLU units)");
        details.put("classifier", "CNN (conv " + CnnTrainer.DEFAULT_FIRST_FILTERS + ", conv "
                + CnnTrainer.DEFAULT_SECOND_FILTERS + ", dense " + CnnFeatureClassifier.HIDDEN_UNITS + "; Adam "
                + LEARNING_RATE + ", " + cnnSteps + " steps of " + BATCH_SIZE + ") on the real training data");
        details.put("classifierTestAccuracy", round(testAccuracy));
        details.put("k", manifold.k());
        details.put("samplesPerClass", samplesPerClass);
        details.put("seed", seed);
        if (java.util.Arrays.stream(realHalvesCoverage).anyMatch(Double::isNaN)) {
            details.put("realHeldOutHalvesCoverageNotMeasured", "a class's held-out images (at most samplesPerClass, "
                    + samplesPerClass + ") split in halves of at most k = " + manifold.k() + " have no k-nearest-"
                    + "neighbour manifold to measure; null where so (more samples, or more held-out images, give it)");
        }
        ArrayNode rows = details.putArray("perClass");
        double score = Double.POSITIVE_INFINITY;
        double sumConsistency = 0;
        double sumCoverage = 0;
        List<float[]> allGenerated = new ArrayList<>();
        for (int c = 0; c < schema.classCount(); c++) {
            float[][] generated = rows(sampler.sample(c, samplesPerClass, seed), schema.featureCount());
            CnnFeatureClassifier.Outputs out = classifier.apply(shifted(generated));
            allGenerated.addAll(Arrays.asList(out.features()));
            double consistency = share(out.predicted(), c);
            // A class the CNN never recalls on real images sets no consistency target; its coverage still counts.
            double ratio = realRecall[c] > 0 ? consistency / realRecall[c] : Double.POSITIVE_INFINITY;
            ManifoldMetrics.Result m = manifold.compute(heldOutFeatures.get(c), out.features());
            ObjectNode row = rows.addObject();
            row.put("class", schema.classNames().get(c));
            row.put("labelConsistency", round(consistency));
            row.put("classifierRecallOnRealTest", round(realRecall[c]));
            putFiniteOrNull(row, "consistencyRatio", ratio);
            row.put("coverage", round(m.coverage()));
            row.put("precision", round(m.precision()));
            row.put("realTrainCoverage", round(realTrainCoverage[c]));
            putFiniteOrNull(row, "realHeldOutHalvesCoverage", realHalvesCoverage[c]);
            row.put("frechetDistance", round(FrechetDistance.between(out.features(), heldOutFeatures.get(c))));
            row.put("realTrainFrechetDistance", round(realTrainFrechet[c]));
            row.put("targetsMet", ratio >= CONSISTENCY_RATIO_TARGET && m.coverage() >= COVERAGE_TARGET);
            score = Math.min(score, Math.min(ratio / CONSISTENCY_RATIO_TARGET, m.coverage() / COVERAGE_TARGET));
            sumConsistency += consistency;
            sumCoverage += m.coverage();
        }
        ObjectNode summary = details.putObject("summary");
        summary.put("score", round(score));
        summary.put("meanLabelConsistency", round(sumConsistency / schema.classCount()));
        summary.put("meanCoverage", round(sumCoverage / schema.classCount()));
        summary.put("frechetDistance", round(FrechetDistance.between(allGenerated.toArray(float[][]::new),
                pooledHeldOut())));
        summary.put("realTrainFrechetDistance", round(realTrainFrechetOverall));
        return new Score(score, details);
    }

    /** Writes the value rounded, or null when it is not finite (JSON has no NaN or infinity). */
    private static void putFiniteOrNull(ObjectNode row, String field, double value) {
        if (Double.isFinite(value)) {
            row.put(field, round(value));
        } else {
            row.putNull(field);
        }
    }

    /**
     * Coverage of the second half of a class's real held-out features against the first half; NaN when a
     * half has no more than k images.
     */
    private double halvesCoverage(float[][] held) {
        int half = held.length / 2;
        float[][] first = Arrays.copyOfRange(held, 0, half);
        float[][] second = Arrays.copyOfRange(held, half, 2 * half);
        return first.length > manifold.k() ? manifold.compute(first, second).coverage() : Double.NaN;
    }

    private float[][] pooledHeldOut() {
        List<float[]> all = new ArrayList<>();
        heldOutFeatures.forEach(h -> all.addAll(Arrays.asList(h)));
        return all.toArray(float[][]::new);
    }

    /**
     * The samples as the CNN reads them after dividing by {@link #divisor}: shifted so that the schema's
     * minimum is 0 (a copy only when the minimum is not 0 already, as for pixels).
     */
    private float[][] shifted(float[][] samples) {
        if (schema.minValue() == 0) {
            return samples;
        }
        float min = (float) schema.minValue();
        float[][] out = new float[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            out[i] = new float[samples[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = samples[i][j] - min;
            }
        }
        return out;
    }

    private static double divisor(SampleSchema schema) {
        double span = schema.maxValue() - schema.minValue();
        return span > 0 ? span : 1;
    }

    private static int[] predictionsOfClass(int[] predicted, int[] classes, int c) {
        return IntStream.range(0, classes.length).filter(i -> classes[i] == c)
                .map(i -> predicted[i]).toArray();
    }

    private static double accuracy(int[] predicted, int[] classes) {
        int hits = 0;
        for (int i = 0; i < classes.length; i++) {
            hits += predicted[i] == classes[i] ? 1 : 0;
        }
        return classes.length == 0 ? 0 : (double) hits / classes.length;
    }
}
