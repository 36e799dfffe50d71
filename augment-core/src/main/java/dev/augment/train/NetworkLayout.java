package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer lists of the generator and the discriminator trunk for an architecture and a schema,
 * plus the width of each layer's input (what export needs).
 *
 * @param generator generator layers applied to {@code concat(z, embedding)}
 * @param generatorInputs for each generator layer, its input width (dense) or channels (conv)
 * @param discriminator discriminator trunk layers applied to the flat sample
 * @param hidden width of the discriminator trunk's output
 */
record NetworkLayout(List<LayerKind> generator, List<Integer> generatorInputs, List<LayerKind> discriminator,
                     int hidden) {

    private static final float SLOPE = 0.2f;

    /**
     * @param schema what the networks produce and read
     * @param settings architecture, latent and embedding size
     * @return the layout
     */
    static NetworkLayout of(SampleSchema schema, GanSettings settings) {
        int in = settings.latentDim() + settings.embeddingDim();
        boolean mlp = settings.architecture() == Architecture.MLP;
        NetworkLayout layout = mlp ? mlp(schema, in) : conv(schema, in, settings.convWidth());
        long largest = mlp ? 512L * schema.featureCount()
                : Math.max((long) in, 256L) * settings.convWidth() * (schema.height() / 4) * (schema.width() / 4);
        if (!mlp && largest > MAX_WEIGHT_VALUES && settings.convWidth() > DEFAULT_CONV_WIDTH
                && largest / settings.convWidth() * DEFAULT_CONV_WIDTH <= MAX_WEIGHT_VALUES) {
            // the width, not the data: --conv-width 65536 on 28x28 images was told to resize them (a fresh user)
            long widest = MAX_WEIGHT_VALUES / (largest / settings.convWidth()) / 4 * 4;
            throw new InvalidSettingException("convWidth", String.format(java.util.Locale.ROOT, "convWidth %d makes "
                    + "the conv GAN's largest weight matrix hold %,d values (%.1f GB) for images of shape %s, over "
                    + "the 2 GB one DJL tensor or an ONNX file can hold; at most %d fits (the default is %d)",
                    settings.convWidth(), largest, largest * 4.0 / 1e9, schema.shape(), widest, DEFAULT_CONV_WIDTH));
        }
        requireHoldable(schema, settings.architecture(), largest);
        StepMemory.require(schema, settings);
        return layout;
    }

    /** The conv generator's first-stage width by default ({@code GanSettings}). */
    static final int DEFAULT_CONV_WIDTH = 64;

    /** The most float values one weight tensor may hold: DJL's PyTorch tensors and an ONNX file stop at 2 GiB. */
    static final long MAX_WEIGHT_VALUES = Integer.MAX_VALUE / Float.BYTES;

    /**
     * @param largest the values of the largest weight matrix (the MLP's 512-wide layer next to the samples; the conv
     *     networks' dense layer next to the quarter-size feature maps)
     * @throws InvalidSettingException (setting {@code data}) when it is more than {@link #MAX_WEIGHT_VALUES}: DJL
     *     would fail setting the networks up, after the whole data set was read, and no ONNX file could hold them
     */
    private static void requireHoldable(SampleSchema schema, Architecture architecture, long largest) {
        if (largest > MAX_WEIGHT_VALUES) {
            throw new InvalidSettingException("data", String.format(java.util.Locale.ROOT, "data of shape %s (%,d "
                    + "features) is too large for the %s GAN: its largest weight matrix would hold %,d values "
                    + "(%.1f GB), over the 2 GB one DJL tensor or an ONNX file can hold; resize the images (the "
                    + "shipped models are 28x28 and 32x32)", schema.shape(), schema.featureCount(),
                    architecture.name().toLowerCase(java.util.Locale.ROOT), largest, largest * 4.0 / 1e9));
        }
    }

    private static NetworkLayout mlp(SampleSchema schema, int in) {
        int f = schema.featureCount();
        List<LayerKind> g = List.of(new LayerKind.Dense(256), new LayerKind.Norm(), new LayerKind.LeakyRelu(SLOPE),
                new LayerKind.Dense(512), new LayerKind.Norm(), new LayerKind.LeakyRelu(SLOPE),
                new LayerKind.Dense(f), new LayerKind.Tanh());
        List<Integer> inputs = List.of(in, 256, 256, 256, 512, 512, 512, f);
        List<LayerKind> d = List.of(new LayerKind.Dense(512), new LayerKind.LeakyRelu(SLOPE),
                new LayerKind.Dense(256), new LayerKind.LeakyRelu(SLOPE));
        return new NetworkLayout(g, inputs, d, 256);
    }

    private static NetworkLayout conv(SampleSchema schema, int in, int base) {
        if (!schema.isImage() || schema.height() % 4 != 0 || schema.width() % 4 != 0) {
            throw new InvalidSettingException("architecture", "conv needs images whose height and width divide by 4, "
                    + "got shape " + schema.shape() + "; use mlp");
        }
        int c = schema.channels();
        int h4 = schema.height() / 4;
        int w4 = schema.width() / 4;
        List<LayerKind> g = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        add(g, inputs, new LayerKind.Dense(base * h4 * w4), in);
        add(g, inputs, new LayerKind.Norm(), base * h4 * w4);
        add(g, inputs, new LayerKind.Relu(), base * h4 * w4);
        add(g, inputs, new LayerKind.ToImage(base, h4, w4), base * h4 * w4);
        add(g, inputs, new LayerKind.Conv(base / 2 * 4, 3, 1, 1), base);
        add(g, inputs, new LayerKind.PixelShuffle(2), base / 2 * 4);
        add(g, inputs, new LayerKind.Norm(), base / 2);
        add(g, inputs, new LayerKind.Relu(), base / 2);
        add(g, inputs, new LayerKind.Conv(base / 4 * 4, 3, 1, 1), base / 2);
        add(g, inputs, new LayerKind.PixelShuffle(2), base / 4 * 4);
        add(g, inputs, new LayerKind.Norm(), base / 4);
        add(g, inputs, new LayerKind.Relu(), base / 4);
        add(g, inputs, new LayerKind.Conv(c, 3, 1, 1), base / 4);
        add(g, inputs, new LayerKind.Tanh(), c);
        add(g, inputs, new LayerKind.Flatten(), c);
        List<LayerKind> d = List.of(new LayerKind.ToImage(c, schema.height(), schema.width()),
                new LayerKind.Conv(base / 2, 4, 2, 1), new LayerKind.LeakyRelu(SLOPE),
                new LayerKind.Conv(base, 4, 2, 1), new LayerKind.LeakyRelu(SLOPE),
                new LayerKind.Flatten(), new LayerKind.Dense(256), new LayerKind.LeakyRelu(SLOPE));
        return new NetworkLayout(List.copyOf(g), List.copyOf(inputs), d, 256);
    }

    private static void add(List<LayerKind> layers, List<Integer> inputs, LayerKind layer, int input) {
        layers.add(layer);
        inputs.add(input);
    }
}
