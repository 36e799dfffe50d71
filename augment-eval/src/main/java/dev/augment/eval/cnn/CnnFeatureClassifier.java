package dev.augment.eval.cnn;

import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidSettingException;

import java.util.Arrays;
import java.util.List;

/**
 * The evaluation's small CNN ({@link CnnTrainer}'s default network: convolutions of 32 and 64 channels, a
 * dense layer of {@value #HIDDEN_UNITS} units) trained directly on dense images, without going through a
 * Tribuo dataset (a Tribuo example costs about three times the memory of a float row, too much for the
 * 50 000 colour images of CIFAR-10 in a few GB of heap). It classifies images and gives their
 * penultimate-layer features: the {@value #HIDDEN_UNITS} activations of the dense layer after its ReLU,
 * the space in which the quality check measures coverage and Fréchet distance (as FID uses an Inception
 * network's last pooling layer).
 *
 * <p>Images are rows of {@code channels × height × width} values in (channel, row, column) order, the
 * order of augment's image schemas; the network reads each value divided by an input divisor (255 for
 * 0–255 pixels), the scaled copy being made once, straight into the network's input. Training is as
 * {@link CnnTrainer}'s: Adam, a fixed number of steps of a fixed batch size, seeded weights and batch
 * order. The weights are held as plain arrays; each {@link #apply(float[][])} rebuilds the network in
 * DJL (PyTorch engine) and frees it before returning, so no DJL type or native resource leaves this
 * package. Immutable and safe to share between threads.
 */
public final class CnnFeatureClassifier {

    /** Units of the dense layer, which is also the size of a feature vector. */
    public static final int HIDDEN_UNITS = CnnTrainer.DEFAULT_HIDDEN_UNITS;
    private static final int FIRST_FILTERS = CnnTrainer.DEFAULT_FIRST_FILTERS;
    private static final int SECOND_FILTERS = CnnTrainer.DEFAULT_SECOND_FILTERS;

    private final CnnArchitecture architecture;
    private final double inputDivisor;
    private final CnnWeights weights;

    private CnnFeatureClassifier(CnnArchitecture architecture, double inputDivisor, CnnWeights weights) {
        this.architecture = architecture;
        this.inputDivisor = inputDivisor;
        this.weights = weights;
    }

    /**
     * Trains the network.
     *
     * @param imageShape {@code [channels, height, width]}, height and width at least 4
     * @param inputDivisor every value is divided by it before the network reads it, &gt; 0
     * @param images training images, one row of {@code channels × height × width} values each
     * @param classes class index of each image, in {@code [0, classCount)}
     * @param classCount number of classes, at least 2
     * @param steps optimiser steps, ≥ 1
     * @param batchSize images per step, ≥ 1 (at most the number of images is used)
     * @param learningRate Adam's learning rate, &gt; 0
     * @param seed seed of the initial weights and the batch order
     * @param cancellation checked before every optimiser step
     * @return the trained classifier
     * @throws InvalidSettingException when {@code steps}, {@code batchSize}, {@code learningRate} or
     *     {@code inputDivisor} is out of range
     * @throws IllegalArgumentException when the shape, the rows or the classes do not fit together
     * @throws dev.augment.train.TrainingDivergedException when training diverges
     * @throws dev.augment.cancel.CancelledException when the token is cancelled
     */
    public static CnnFeatureClassifier train(List<Integer> imageShape, double inputDivisor, float[][] images,
                                             int[] classes, int classCount, int steps, int batchSize,
                                             double learningRate, long seed, CancellationToken cancellation) {
        if (steps < 1) {
            throw new InvalidSettingException("steps", "must be at least 1, was " + steps);
        }
        if (batchSize < 1) {
            throw new InvalidSettingException("batchSize", "must be at least 1, was " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSettingException("learningRate", "must be positive and finite, was " + learningRate);
        }
        if (!(inputDivisor > 0) || Double.isInfinite(inputDivisor)) {
            throw new InvalidSettingException("inputDivisor", "must be positive and finite, was " + inputDivisor);
        }
        if (imageShape.size() != 3) {
            throw new IllegalArgumentException("an image shape is [channels, height, width], was " + imageShape);
        }
        if (images.length == 0 || images.length != classes.length) {
            throw new IllegalArgumentException("training needs images with one class index each, had "
                    + images.length + " images and " + classes.length + " class indices");
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes to tell apart, had "
                    + classCount);
        }
        CnnArchitecture architecture = new CnnArchitecture(imageShape.get(0), imageShape.get(1), imageShape.get(2),
                FIRST_FILTERS, SECOND_FILTERS, HIDDEN_UNITS, classCount);
        for (int c : classes) {
            if (c < 0 || c >= classCount) {
                throw new IllegalArgumentException("class index " + c + " is outside [0, " + classCount + ")");
            }
        }
        float[] weights = new float[images.length];
        Arrays.fill(weights, 1f);
        CnnWeights trained = CnnTraining.train(architecture, flatten(architecture, inputDivisor, images), classes,
                weights, steps, batchSize, (float) learningRate, seed, cancellation);
        return new CnnFeatureClassifier(architecture, inputDivisor, trained);
    }

    /**
     * Runs images through the network.
     *
     * @param images rows of {@code channels × height × width} values in the scale of the training images
     * @return each image's predicted class and penultimate features
     * @throws IllegalArgumentException when a row has the wrong length
     */
    public Outputs apply(float[][] images) {
        int count = images.length;
        float[] features = new float[count * HIDDEN_UNITS];
        int[] predicted = new int[count];
        if (count > 0) {
            try (CnnInference network = new CnnInference(architecture, weights)) {
                network.penultimate(flatten(architecture, inputDivisor, images), count, features, predicted);
            }
        }
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = Arrays.copyOfRange(features, i * HIDDEN_UNITS, (i + 1) * HIDDEN_UNITS);
        }
        return new Outputs(predicted, rows);
    }

    /** @return the number of trained values (weights and biases) */
    public long parameterCount() {
        return weights.size();
    }

    private static float[] flatten(CnnArchitecture architecture, double divisor, float[][] images) {
        int pixels = architecture.pixels();
        float[] flat = new float[Math.multiplyExact(images.length, pixels)];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, the "
                        + architecture.channels() + "×" + architecture.height() + "×" + architecture.width()
                        + " network reads " + pixels);
            }
            for (int j = 0; j < pixels; j++) {
                flat[i * pixels + j] = (float) (images[i][j] / divisor);
            }
        }
        return flat;
    }

    /**
     * What the network makes of some images.
     *
     * @param predicted class index of each image (the largest logit)
     * @param features the penultimate features of each image, {@value #HIDDEN_UNITS} values each
     */
    public record Outputs(int[] predicted, float[][] features) {
        /** Checks there is one prediction per feature row. */
        public Outputs {
            if (predicted.length != features.length) {
                throw new IllegalArgumentException(predicted.length + " predictions but " + features.length
                        + " feature rows");
            }
        }
    }
}
