package dev.augment.eval.cnn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A Tribuo trainer for a small convolutional network on images, trained with DJL's PyTorch engine:
 * two 3×3 convolutions (32 and 64 channels by default, padding 1) each followed by ReLU and 2×2 max
 * pooling, a dense layer of 128 ReLU units and a softmax over the labels; Adam, a fixed number of steps
 * of a fixed batch size, loss weighted by each example's Tribuo weight. The result is a {@link CnnModel}.
 *
 * <p><b>Where the image comes from.</b> Examples are images of {@code channels × height × width}
 * features, named either as {@code featureNames} lists them in (channel, row, column) order or, when
 * that list is empty, by one prefix and the pixel's number ({@link NumberedPixelNames}): the zero-padded index as
 * Tribuo's {@code IDXDataSource} and augment's sources name them ("000".."783" for 1×28×28), or a CSV header's
 * {@code 0}..{@code 783} or {@code pixel1}..{@code pixel784}, in the numbers' order (not Tribuo's text order), or a
 * grey image's row and column, {@code 1x1}..{@code 28x28} ({@link GridPixelNames}), in (row, column) order.
 * With the shape left at 0×0×0 it is inferred from the training data: a square gray image when the number of
 * features is a square, RGB when a third of it is. Tribuo leaves zero features out of examples, so a pixel that is
 * zero in every training example is missing from the dataset and inference then fails (numbered names with gaps
 * are refused, not read as another shape; names that are not numbered are taken in sorted order, which cannot be
 * checked): give the shape (or a {@link SampleSchema}) for such data. Every feature of the training data must be a
 * pixel.
 * Values are divided by {@code inputDivisor}: 255 for raw 0–255 pixels, 1 (the default) for data
 * already scaled to [0, 1] (as augment's evaluation gives it).
 *
 * <p><b>Seeding.</b> As Tribuo's SGD trainers do, the seed starts a {@link SplittableRandom} in
 * {@link #postConfig()}, and each {@code train} call splits it under a lock and counts the invocation,
 * so a trainer rebuilt from a model's provenance and given the same invocation count trains the same
 * model. The split seeds both the initial weights and the batch order; on one machine and thread
 * setting, equal data and seed give equal predictions.
 *
 * <p>Configurable with OLCUT; settings are checked in {@link #postConfig()}, which the constructors
 * call, and a bad one throws {@link InvalidSettingException} naming the field.
 */
public final class CnnTrainer implements Trainer<Label> {

    /** Steps of the benchmark runs (about 8.5 passes over 60 000 images at batch 128). */
    public static final int DEFAULT_STEPS = 4000;
    /** The smallest image height and width the network takes: two 2×2 poolings need at least 4 pixels a side. */
    public static final int MIN_IMAGE_SIDE = 4;
    /** Examples per step. */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Adam's learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Channels of the first 3x3 convolution. */
    public static final int DEFAULT_FIRST_FILTERS = 32;
    /** Channels of the second 3x3 convolution. */
    public static final int DEFAULT_SECOND_FILTERS = 64;
    /** Units of the dense (penultimate) layer. */
    public static final int DEFAULT_HIDDEN_UNITS = 128;

    /** Set by OLCUT to the component's name in a configuration file; null when built in code. */
    @com.oracle.labs.mlrg.olcut.config.ConfigurableName
    private String configName;

    @Config(description = "Image channels; 0 with height and width 0 infers a square image from the data.")
    private int channels = 0;
    @Config(description = "Image height in pixels (at least 4), or 0 to infer.")
    private int height = 0;
    @Config(description = "Image width in pixels (at least 4), or 0 to infer.")
    private int width = 0;
    @Config(description = "Feature names in (channel, row, column) order; empty for pixels named by one prefix and "
            + "their number (000..783, 0..783, pixel1..pixel784), taken in the numbers' order, or 1x1..28x28.")
    private List<String> featureNames = new ArrayList<>();
    @Config(description = "Every feature value is divided by this (255 for raw pixels, 1 for scaled data).")
    private double inputDivisor = 1.0;
    @Config(description = "Channels of the first 3x3 convolution.")
    private int firstFilters = DEFAULT_FIRST_FILTERS;
    @Config(description = "Channels of the second 3x3 convolution.")
    private int secondFilters = DEFAULT_SECOND_FILTERS;
    @Config(description = "Units of the dense layer.")
    private int hiddenUnits = DEFAULT_HIDDEN_UNITS;
    @Config(description = "Optimiser steps.")
    private int steps = DEFAULT_STEPS;
    @Config(description = "Examples per step (at most the dataset's size is used).")
    private int batchSize = DEFAULT_BATCH_SIZE;
    @Config(description = "Adam's learning rate.")
    private double learningRate = DEFAULT_LEARNING_RATE;
    @Config(description = "Seed of the initial weights and the batch order.")
    private long seed = Trainer.DEFAULT_SEED;

    private SplittableRandom rng;
    private int invocationCount;
    /** Not configuration: how a caller stops a training run; never cancelled unless {@link #cancelledBy} is used. */
    private CancellationToken cancellation = new CancellationToken();

    /** For OLCUT. */
    private CnnTrainer() {
    }

    /**
     * A trainer that infers a square image from the training data, for values already in [0, 1].
     *
     * @param steps optimiser steps, ≥ 1
     * @param batchSize examples per step, ≥ 1
     * @param learningRate Adam's learning rate, &gt; 0
     * @param seed the seed
     * @throws InvalidSettingException for a value out of range
     */
    public CnnTrainer(int steps, int batchSize, double learningRate, long seed) {
        this(0, 0, 0, List.of(), 1.0, steps, batchSize, learningRate, seed);
    }

    /**
     * A trainer for the images a schema describes, named as it names them.
     *
     * @param schema an image schema (shape {@code [channels, height, width]})
     * @param inputDivisor every value is divided by it: {@code schema.maxValue()} for the source's own
     *     values, 1 for data already scaled to [0, 1]
     * @param steps optimiser steps, ≥ 1
     * @param batchSize examples per step, ≥ 1
     * @param learningRate Adam's learning rate, &gt; 0
     * @param seed the seed
     * @throws InvalidSettingException when the schema is null or not an image, or a value is out of range
     */
    public CnnTrainer(SampleSchema schema, double inputDivisor, int steps, int batchSize, double learningRate,
                      long seed) {
        this(imageChannels(schema), schema.height(), schema.width(), namesUnlessIndexed(schema), inputDivisor,
                steps, batchSize, learningRate, seed);
    }

    /** The largest value, after division, taken as scaled data; 0–255 pixels divided by 1 reach 255. */
    static final double LARGEST_SCALED_VALUE = 16;

    /**
     * Raw 0–255 pixels from Tribuo's IDXDataSource, given to the constructor for values in [0, 1], trained without a
     * word to 0.736 test accuracy where divided by 255 they reached 0.838 (a fresh user, 5 Dec).
     *
     * @throws InvalidSettingException (setting {@code inputDivisor}) when a value beyond {@value #LARGEST_SCALED_VALUE}
     *     is left undivided by the trainer for values in [0, 1] (the constructor without a schema)
     */
    private void requireScaled(float[] values, int examples) {
        // also for a shape given: an OLCUT configuration that sets the shape leaves inputDivisor at 1 unless told, and
        // trained on raw pixels without a word (a Tribuo user, 6 Dec)
        if (inputDivisor != 1.0) {
            requireUnscaled(values, examples);
            return;
        }
        float largest = 0;
        for (float value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest > LARGEST_SCALED_VALUE) {
            throw new InvalidSettingException("inputDivisor", "inputDivisor is 1 (values already in [0, 1]), but "
                    + "the training values reach " + largest + "; raw pixels train a worse CNN: construct it with "
                    + "new CnnTrainer(schema, schema.maxValue(), …) (255 for 8-bit pixels), set inputDivisor to 255 in "
                    + "its configuration, or scale the data first");
        }
    }

    /**
     * The mirror of {@link #requireScaled}: data already in [0, 1] given to a trainer that divides by 255 trained on
     * values of at most 1/255 without a word, to 0.616 test accuracy against 0.792 (a Tribuo user, 6 Dec), and the
     * model's predict-time note then advised raw pixels it had never seen. Fractional values are required, so that
     * a black-and-white image of 0/1 pixels is not taken for scaled data.
     *
     * @throws InvalidSettingException (setting {@code inputDivisor}) when every value, undivided, is at most 1 and
     *     some are fractional; at least 1% of the examples so (and the rest not) is logged
     */
    private void requireUnscaled(float[] divided, int examples) {
        int pixels = divided.length / examples;
        int scaled = 0;
        for (int e = 0; e < examples; e++) {
            boolean small = true;
            boolean fractional = false;
            for (int p = e * pixels; p < (e + 1) * pixels && small; p++) {
                double raw = divided[p] * inputDivisor;
                small = Math.abs(raw) <= 1.0 + 1e-4; // 1 divided and multiplied back in float is 1.0000001
                fractional |= Math.abs(raw - Math.rint(raw)) > 1e-3;
            }
            scaled += small && fractional ? 1 : 0;
        }
        if (scaled == examples) {
            throw new InvalidSettingException("inputDivisor", "inputDivisor is " + inputDivisor + ", but every "
                    + "training value is already in [-1, 1] and some are fractional, so the CNN would train on values "
                    + "of at most " + (float) (1 / inputDivisor) + ": the data look scaled already; use inputDivisor 1 "
                    + "(new CnnTrainer(steps, batchSize, learningRate, seed) for [0, 1] values), or give the raw "
                    + "pixels");
        }
        if (scaled > 0 && scaled * 100L >= examples) {
            // 999 scaled examples and one raw one trained without a word (a re-check, 6 Dec); logged, not refused, as
            // an evaluation's generated examples of a collapsed generator (near-black images) might look the same
            java.util.logging.Logger.getLogger(CnnTrainer.class.getName()).warning("inputDivisor is " + inputDivisor
                    + ", and " + scaled + " of the " + examples + " training examples have every value in [-1, 1], "
                    + "some fractional, as scaled data has, while the others do not: give every example on one scale");
        }
    }

    private CnnTrainer(int channels, int height, int width, List<String> featureNames, double inputDivisor,
                       int steps, int batchSize, double learningRate, long seed) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.featureNames = new ArrayList<>(featureNames);
        this.inputDivisor = inputDivisor;
        this.steps = steps;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.seed = seed;
        postConfig();
    }

    /**
     * Checks every setting and starts the random stream from the seed.
     *
     * @throws InvalidSettingException naming the field, when built in code
     * @throws com.oracle.labs.mlrg.olcut.config.PropertyException naming the component and the field, when built by
     *     OLCUT (which reported an InvalidSettingException as "RuntimeException thrown by postConfig" without the
     *     property: a Tribuo user, 7 Dec)
     */
    @Override
    public synchronized void postConfig() {
        if (configName == null) {
            check();
            return;
        }
        try {
            check();
        } catch (InvalidSettingException e) {
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(e, configName, e.setting(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new com.oracle.labs.mlrg.olcut.config.PropertyException(e, configName, "featureNames",
                    e.getMessage());
        }
    }

    private void check() {
        boolean inferred = channels == 0 && height == 0 && width == 0;
        if (!inferred && (channels < 1 || height < 4 || width < 4)) {
            // the field out of range: a bad width was reported as "channels" (a re-check, 7 Dec)
            String set = channels < 0 ? "channels" : height > 0 && height < 4 || height < 0 ? "height"
                    : width > 0 && width < 4 || width < 0 ? "width" : null;
            throw new InvalidSettingException(set != null ? set : channels < 1 ? "channels" : height < 4 ? "height"
                    : "width",
                    "channels, height and width must all be 0 (inferred) or at least 1, 4 and 4, were " + channels
                    + ", " + height + ", " + width);
        }
        if (!featureNames.isEmpty() && (inferred || featureNames.size() != channels * height * width)) {
            throw new InvalidSettingException("featureNames", "has " + featureNames.size() + " names but the image "
                    + "has " + (inferred ? "an inferred shape" : channels * height * width + " pixels")
                    + "; give one name per pixel with the shape, or none");
        }
        requirePositive("firstFilters", firstFilters);
        requirePositive("secondFilters", secondFilters);
        requirePositive("hiddenUnits", hiddenUnits);
        requirePositive("steps", steps);
        requirePositive("batchSize", batchSize);
        if (!(inputDivisor > 0) || Double.isInfinite(inputDivisor)) {
            throw new InvalidSettingException("inputDivisor", "must be positive and finite, was " + inputDivisor);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSettingException("learningRate", "must be positive and finite, was " + learningRate);
        }
        if (!featureNames.isEmpty()) {
            new ImageLayout(channels, height, width, featureNames);
        }
        rng = new SplittableRandom(seed);
        invocationCount = 0;
    }

    /**
     * Lets a caller stop training: the token is checked before every optimiser step, and a cancelled one ends
     * {@code train} with {@link dev.augment.cancel.CancelledException} within one step. It is not part of the
     * configuration or the provenance.
     *
     * @param token the caller's token, e.g. cancelled on SIGINT
     * @return this trainer
     */
    public CnnTrainer cancelledBy(CancellationToken token) {
        this.cancellation = Objects.requireNonNull(token, "token");
        return this;
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    /**
     * @param examples the training data: images with labels and weights
     * @param runProvenance extra provenance stored in the model
     * @param invocationCount the invocation to reproduce, or {@link #INCREMENT_INVOCATION_COUNT}
     * @return the trained model
     * @throws IllegalArgumentException when the data is empty, has unknown labels or one label only, has features that
     *     are not pixels of the image (or an image shape cannot be inferred from it), or every weight is 0
     * @throws dev.augment.train.TrainingDivergedException when training diverges
     * @throws dev.augment.cancel.CancelledException when the token given to {@link #cancelledBy} is cancelled
     */
    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("cannot train a CNN on an empty dataset");
        }
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("the training data has " + examples.getOutputInfo().getUnknownCount()
                    + " examples with an unknown label");
        }
        layout(examples.getFeatureIDMap()); // a shape problem is named first: it is the one a user can least see
        if (examples.getOutputInfo().size() < 2) {
            // one label gives the softmax nothing to separate: DJL stops with "gradient values are all zeros"
            throw new IllegalArgumentException("the training data has one label only ("
                    + examples.getOutputInfo().getDomain() + "); a classifier needs examples of at least 2 labels");
        }
        SplittableRandom local;
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            if (invocationCount != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocationCount);
            }
            local = rng.split();
            trainerProvenance = getProvenance();
            this.invocationCount++;
        }
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = examples.getOutputIDInfo();
        ImageLayout layout = layout(features);
        CnnArchitecture architecture = new CnnArchitecture(layout.channels(), layout.height(), layout.width(),
                firstFilters, secondFilters, hiddenUnits, labels.size());
        int n = examples.size();
        float[] images = new float[n * layout.pixels()];
        int[] classes = new int[n];
        float[] weights = new float[n];
        int i = 0;
        OtherSizes otherSizes = new OtherSizes();
        for (Example<Label> example : examples) {
            layout.fill(example, inputDivisor, images, i * layout.pixels());
            classes[i] = labels.getID(example.getOutput());
            weights[i] = example.getWeight();
            otherSizes.check(layout, example, i);
            i++;
        }
        otherSizes.require(layout, n);
        requireScaled(images, n);
        boolean anyWeight = false;
        for (float w : weights) {
            anyWeight |= w > 0;
        }
        if (!anyWeight) {
            // every gradient is 0: the model kept its random start and predicted as such, without a word (6 Dec)
            throw new IllegalArgumentException("every one of the " + n + " training examples has Tribuo weight 0, so "
                    + "the CNN would learn nothing and keep its random start; give the examples weights above 0");
        }
        CnnWeights trained = CnnTraining.train(architecture, images, classes, weights, steps, batchSize,
                (float) learningRate, local.nextLong(), cancellation);
        ModelProvenance provenance = new ModelProvenance(CnnModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new CnnModel("cnn-model", provenance, features, labels, layout, inputDivisor, architecture, trained);
    }

    private ImageLayout layout(ImmutableFeatureMap features) {
        ImageLayout layout;
        if (channels == 0) {
            layout = ImageLayout.inferSquare(features);
            if (layout == null || Math.min(layout.height(), layout.width()) < 4) {
                throw new IllegalArgumentException("cannot infer a square image from " + features.size()
                        + " features (" + (layout == null ? ImageLayout.whyNot(features) : "an image under 4 × 4")
                        + "); set channels, height and width (and inputDivisor 255 for raw 8-bit pixels), and "
                        + "featureNames where the names do not say each pixel's place");
            }
        } else if (featureNames.isEmpty()) {
            // pixels named 0..783 or pixel1..pixel784 (a CSV read by Tribuo's CSVLoader) were refused as "not a
            // pixel" of the zero-padded 000..783 (a Tribuo user, 7 Dec)
            NumberedPixelNames numbered = NumberedPixelNames.of(features);
            GridPixelNames grid = channels == 1 ? GridPixelNames.of(features) : null;
            int pixels = channels * height * width;
            layout = grid != null ? new ImageLayout(channels, height, width, grid.inOrder(height, width))
                    : numbered == null ? ImageLayout.indexNamed(channels, height, width)
                    : new ImageLayout(channels, height, width, numbered.inOrder(numbered.first(pixels), pixels));
        } else {
            layout = new ImageLayout(channels, height, width, featureNames);
        }
        String stranger = layout.firstStranger(features);
        if (stranger != null) {
            throw new IllegalArgumentException("feature '" + stranger + "' is not a pixel of the " + layout
                    + " image (pixels are named " + layout.names().get(0) + ".." + layout.names().get(layout.pixels()
                    - 1) + ")");
        }
        return layout;
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    /**
     * Moves the random stream to where it is after {@code count} train calls.
     *
     * @param count the invocation count, ≥ 0
     */
    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be non-negative, was " + count);
        }
        rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            rng.split();
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        String shape = channels == 0 ? "from the data" : channels + "x" + height + "x" + width;
        return "CnnTrainer(image=" + shape + ",inputDivisor=" + inputDivisor + ",conv=" + firstFilters + "/"
                + secondFilters + ",hidden=" + hiddenUnits + ",steps=" + steps + ",batchSize=" + batchSize
                + ",learningRate=" + learningRate + ",seed=" + seed + ")";
    }

    private static void requirePositive(String setting, int value) {
        if (value < 1) {
            throw new InvalidSettingException(setting, "must be at least 1, was " + value);
        }
    }

    private static int imageChannels(SampleSchema schema) {
        if (schema == null) {
            throw new InvalidSettingException("schema", "schema must describe the images, was null; use the "
                    + "constructor without a schema to infer a square image from the data");
        }
        if (!schema.isImage()) {
            throw new InvalidSettingException("schema", "describes tabular data " + schema.shape()
                    + "; the CNN needs images [channels, height, width]");
        }
        return schema.channels();
    }

    private static List<String> namesUnlessIndexed(SampleSchema schema) {
        List<String> indexed = ImageLayout.indexNamed(schema.channels(), schema.height(), schema.width()).names();
        return schema.featureNames().equals(indexed) ? List.of() : schema.featureNames();
    }
}
