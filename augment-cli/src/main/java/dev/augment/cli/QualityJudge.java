package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.data.DenseSamples;
import dev.augment.errors.InvalidDataException;
import dev.augment.eval.cnn.CnnTrainer;
import dev.augment.eval.quality.CnnQualityCheck;
import dev.augment.eval.quality.TrainingQualityCheck;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The judge of a quality check, as {@code score --classifier} and {@code train --check-classifier} name
 * it: {@link #PIXELS} ({@link TrainingQualityCheck}: logistic regression on pixels, coverage in principal
 * components), {@link #CNN} ({@link CnnQualityCheck}: a small CNN trained on real images, coverage and
 * Fréchet distance in its features) or {@link #AUTO} (the CNN for colour images, pixels otherwise). One
 * place builds the check for both commands.
 */
enum QualityJudge {
    AUTO, PIXELS, CNN;

    /** Default of the CNN judge's optimiser steps, for both commands' options; train's most (see below). */
    static final String DEFAULT_CNN_STEPS = "4000";

    /** The fewest steps {@link #fittedCnnSteps} gives. */
    static final int FEWEST_FITTED_CNN_STEPS = 500;

    /**
     * The CNN judge's steps for {@code train}'s check when not given: 50 passes over its training images in batches
     * of 128, at least {@value #FEWEST_FITTED_CNN_STEPS}, at most {@link #DEFAULT_CNN_STEPS}. A fixed 4 000 steps
     * spent 455 s judging a 91-image set whose GAN trained in 5 s (5 600 passes); from about 10 000 images on it is
     * the 4 000 steps as before.
     *
     * @param images the judge's training images, at least 0
     * @return the steps
     */
    static int fittedCnnSteps(int images) {
        long passes = 50L * ((images + 127L) / 128);
        return (int) Math.min(Integer.parseInt(DEFAULT_CNN_STEPS), Math.max(FEWEST_FITTED_CNN_STEPS, passes));
    }

    /**
     * @param option the option that named it, for the error
     * @param value auto, pixels or cnn, in any case
     * @return the judge
     * @throws UsageException for any other value
     */
    static QualityJudge parse(String option, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " must be auto, pixels or cnn, was '" + value + "'");
        }
    }

    /**
     * Checks the CNN's steps before any data is read (the CNN check checks them again).
     *
     * @throws UsageException when {@code steps} is below 1
     */
    static void requireCnnSteps(String option, int steps) {
        if (steps < 1) {
            throw new UsageException(option + " must be at least 1, was " + steps);
        }
    }

    /**
     * A step count given for the CNN judge when the judge is the pixel one does nothing: refused, naming why (auto
     * picks the pixel judge for grey images).
     *
     * @param given whether the step option was given
     * @param stepsOption its name, e.g. {@code --cnn-steps}
     * @param judgeOption the judge's option, e.g. {@code --classifier}
     * @param resolved the judge that will run ({@link #resolve}d)
     * @throws UsageException when the steps were given and the pixel judge runs
     */
    void refuseUnreadCnnSteps(boolean given, String stepsOption, String judgeOption, QualityJudge resolved) {
        if (given && resolved == PIXELS) {
            throw new UsageException(stepsOption + " is read only by the cnn judge, and this run's " + judgeOption
                    + " is pixels" + (this == AUTO ? " (auto picks it for grey images, tables and images under 4x4)"
                    : "")
                    + "; leave it out" + (this == AUTO ? " or, for images of at least 4x4, add " + judgeOption
                    + " cnn" : ""));
        }
    }

    /**
     * @param schema the samples to judge
     * @param option the option that named this judge, for the error
     * @param source what holds the samples, e.g. "model.onnx generates" or "--data holds", for the error
     * @return {@link #PIXELS} or {@link #CNN}: {@link #AUTO} is the CNN for 3-channel images of at least
     *     {@value CnnTrainer#MIN_IMAGE_SIDE} pixels a side (with one class, the
     *     pixel judge measures coverage and precision and leaves label consistency out)
     * @throws UsageException when the CNN (asked for, or auto's pick) would judge tabular data or one class (it is a
     *     classifier of the classes), or when it is asked for images too small for it
     */
    QualityJudge resolve(SampleSchema schema, String option, String source) {
        boolean colour = schema.isImage() && schema.channels() == 3;
        int side = CnnTrainer.MIN_IMAGE_SIDE;
        // images under 4×4 failed the CNN's own check at run time, exit 1, naming filters no user set (6 Dec)
        boolean small = schema.isImage() && (schema.shape().get(1) < side || schema.shape().get(2) < side);
        QualityJudge resolved = this == AUTO ? (colour && !small ? CNN : PIXELS) : this;
        if (resolved == CNN && small) {
            throw new UsageException(option + " cnn needs images of at least " + side + "x" + side + " pixels, and "
                    + source + " " + schema.shape().get(2) + "x" + schema.shape().get(1) + " images; use " + option
                    + " pixels");
        }
        if (resolved == CNN && !schema.isImage()) {
            throw new UsageException(option + " cnn needs images, and " + source + " tabular data " + schema.shape()
                    + "; use " + option + " pixels");
        }
        if (resolved == CNN && schema.classCount() < 2) {
            // the pixel judge's principal components of colour pixels can take many minutes: not picked silently
            throw new UsageException(option + " " + (this == AUTO ? "auto picks the cnn judge for colour images, which"
                    : "cnn") + " trains a classifier of the classes, and " + source + " one ('"
                    + schema.classNames().get(0) + "'); add --check-samples 0 to train without the check, or use "
                    + option + " pixels (coverage and precision only, slow on colour images)");
        }
        return resolved;
    }

    /**
     * Builds the check; the CNN judge is trained here, with a line on {@code log} before and after.
     *
     * @param schema the samples' schema
     * @param train real samples the judge learns from
     * @param heldOut real samples the generated ones are compared with
     * @param heldOutName what {@code heldOut} is, e.g. "test" or "validation", for the log
     * @param samplesPerClass generated samples per class, at least 10
     * @param cnnSteps optimiser steps of the CNN judge
     * @param seed seed of the judge and of the generated samples' noise
     * @param log where progress lines go
     * @param cancellation checked before every optimiser step of the CNN judge and throughout the judges' neighbour
     *     searches
     * @return the check
     * @throws IllegalStateException when called on {@link #AUTO}; resolve it first
     */
    QualityCheck build(SampleSchema schema, DenseSamples train, DenseSamples heldOut, String heldOutName,
                       int samplesPerClass, int cnnSteps, long seed, PrintWriter log,
                       CancellationToken cancellation) {
        return switch (this) {
            case PIXELS -> pixelCheck(schema, train, heldOut, samplesPerClass, seed, log, cancellation);
            case CNN -> cnnCheck(schema, train, heldOut, heldOutName, samplesPerClass, cnnSteps, seed, log,
                    cancellation);
            case AUTO -> throw new IllegalStateException("resolve the auto judge against the schema first");
        };
    }

    /** Features above which the pixel judge's principal components take minutes (CIFAR-10's 3 072 took over ten). */
    private static final int SLOW_PCA_FEATURES = 1000;

    /** The pixel judge, with a line before and after: CIFAR-sized images were minutes of silence (a fresh user). */
    private static TrainingQualityCheck pixelCheck(SampleSchema schema, DenseSamples train, DenseSamples heldOut,
                                                   int samplesPerClass, long seed, PrintWriter log,
                                                   CancellationToken cancellation) {
        int features = schema.featureCount();
        // not "real": the data may be generated, as a note before this line just said (a fresh user, 6 Dec)
        log.printf("fitting the pixel judge on %d training images (logistic regression, then %d principal "
                + "components of %d features)%s...%n", train.size(), TrainingQualityCheck.pcaComponents(features),
                features,
                // fewer images than features take the Gram matrix's route: seconds (PcaProjection)
                features > SLOW_PCA_FEATURES && train.size() >= features ? "; with this many features and images it "
                + "takes minutes (the cnn judge is faster on images)" : "");
        log.flush();
        long start = System.nanoTime();
        TrainingQualityCheck check = new TrainingQualityCheck(schema, train.features(), train.classIndices(),
                heldOut.features(), heldOut.classIndices(), samplesPerClass, seed, cancellation);
        log.printf("pixel judge fitted in %.0f s%n", (System.nanoTime() - start) / 1e9);
        log.flush();
        return check;
    }

    private static CnnQualityCheck cnnCheck(SampleSchema schema, DenseSamples train, DenseSamples heldOut,
                                            String heldOutName, int samplesPerClass, int cnnSteps, long seed,
                                            PrintWriter log, CancellationToken cancellation) {
        log.printf("training the CNN judge on %d training images (%d steps of %d)...%n", train.size(),
                cnnSteps, CnnQualityCheck.BATCH_SIZE);
        log.flush();
        long start = System.nanoTime();
        CnnQualityCheck check = new CnnQualityCheck(schema, train.features(), train.classIndices(),
                heldOut.features(), heldOut.classIndices(), samplesPerClass, cnnSteps, seed, cancellation);
        log.printf("CNN judge trained in %.0f s: accuracy %.4f on the %d real %s images%n",
                (System.nanoTime() - start) / 1e9, check.classifierTestAccuracy(), heldOut.size(), heldOutName);
        log.flush();
        return check;
    }

    /**
     * A judge draws a class's samples at once (the generator's output, its Java copy and the judge's features): 3 000
     * 000 per class grew past 23 GB of native memory until the kernel killed the run, and 1e9 overflowed into
     * "augment: -424509440" after training (a fresh user, 5 Dec). Refused before any work, with the largest that fits.
     *
     * @param option the option that gave the count, for the message
     * @param samples samples per class asked for
     * @param schema the samples' schema
     * @throws UsageException when a class's samples would need more than half of Java's heap
     */
    static void requireSamplesFit(String option, int samples, SampleSchema schema) {
        long perSample = 3L * Float.BYTES * Math.max(1, schema.featureCount());
        long heap = Runtime.getRuntime().maxMemory();
        long largest = Math.min(heap / 2 / perSample, Integer.MAX_VALUE / Math.max(1, schema.featureCount()));
        if (samples > largest) {
            throw new UsageException(String.format(java.util.Locale.ROOT, "%s %d draws %d samples of each class at "
                    + "once, about %.1f GB with their copies (%d features each), more than half of Java's heap "
                    + "(%.1f GB, -Xmx); use at most %d (the default, 1000, measures coverage well)", option, samples,
                    samples, (double) samples * perSample / 1e9, schema.featureCount(), heap / 1e9, largest));
        }
    }

    /** Fewest real examples of each class, in each split, that either judge compares generated samples with. */
    static final int FEWEST_PER_CLASS = 10;

    /**
     * Checks, before a judge is trained, that every class has {@value #FEWEST_PER_CLASS} real examples in both
     * splits, so that the user hears it in the command's terms rather than as a judge's setting.
     *
     * @param data the data's path, for the message
     * @param train the real training samples
     * @param heldOut the real samples the generated ones are compared with
     * @param heldOutName what {@code heldOut} is, e.g. "test" or "validation"
     * @param remedy what the user can do, e.g. "pass --check-samples 0 to train without the check"
     * @throws InvalidDataException naming the first class with too few examples and both of its counts
     */
    static void requireExamplesOfEveryClass(Path data, DenseSamples train, DenseSamples heldOut, String heldOutName,
                                            String remedy) {
        SampleSchema schema = train.schema();
        int[] inTrain = train.countsPerClass();
        int[] inHeldOut = heldOut.countsPerClass();
        for (int c = 0; c < schema.classCount(); c++) {
            if (inTrain[c] < FEWEST_PER_CLASS || inHeldOut[c] < FEWEST_PER_CLASS) {
                throw new InvalidDataException(data, "the quality check needs at least " + FEWEST_PER_CLASS + " real "
                        + "examples of every class in the training and the " + heldOutName + " split, and class '"
                        + schema.classNames().get(c) + "' has " + inTrain[c] + " and " + inHeldOut[c] + "; " + remedy);
            }
        }
    }
}
