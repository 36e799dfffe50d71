package dev.augment.onnx;

/**
 * One layer of an exported generator, with its weights as plain arrays: what the ONNX exporter
 * turns into graph nodes. Training code produces these from its own network; nothing here depends
 * on the framework that trained it.
 */
public sealed interface GeneratorLayer {

    /**
     * A fully connected layer, {@code y = x W^T + b}.
     *
     * @param weight row-major {@code [outputs, inputs]}
     * @param bias {@code [outputs]}
     * @param outputs output width
     * @param inputs input width
     */
    record Dense(float[] weight, float[] bias, int outputs, int inputs) implements GeneratorLayer {
        /** Checks the array sizes. */
        public Dense {
            if (weight.length != outputs * inputs || bias.length != outputs) {
                throw new IllegalArgumentException("dense layer arrays do not match " + outputs + "x" + inputs);
            }
        }
    }

    /**
     * Batch normalisation in inference mode, over axis 1.
     *
     * @param gamma scale
     * @param beta shift
     * @param runningMean running mean
     * @param runningVar running variance
     * @param epsilon the epsilon used in training
     */
    record BatchNorm(float[] gamma, float[] beta, float[] runningMean, float[] runningVar, float epsilon)
            implements GeneratorLayer {
        /** Checks the array sizes. */
        public BatchNorm {
            int n = gamma.length;
            if (beta.length != n || runningMean.length != n || runningVar.length != n) {
                throw new IllegalArgumentException("batch norm arrays differ in length");
            }
        }
    }

    /**
     * A 2-D convolution with stride 1 and "same" zero padding.
     *
     * @param weight {@code [filters, channels, kernel, kernel]} row-major
     * @param bias {@code [filters]}
     * @param filters output channels
     * @param channels input channels
     * @param kernel kernel height and width (odd)
     */
    record Conv(float[] weight, float[] bias, int filters, int channels, int kernel) implements GeneratorLayer {
        /** Checks the array sizes. */
        public Conv {
            if (weight.length != filters * channels * kernel * kernel || bias.length != filters || kernel % 2 == 0) {
                throw new IllegalArgumentException("conv layer arrays do not match " + filters + "x" + channels
                        + "x" + kernel + "x" + kernel);
            }
        }
    }

    /** @param alpha the slope for negative inputs */
    record LeakyRelu(float alpha) implements GeneratorLayer { }

    /** Rectified linear unit. */
    record Relu() implements GeneratorLayer { }

    /** Hyperbolic tangent. */
    record Tanh() implements GeneratorLayer { }

    /**
     * Reshapes {@code [N, c*h*w]} to {@code [N, c, h, w]}.
     *
     * @param channels c
     * @param height h
     * @param width w
     */
    record ToImage(int channels, int height, int width) implements GeneratorLayer { }

    /** Reshapes {@code [N, c, h, w]} to {@code [N, c*h*w]}. */
    record Flatten() implements GeneratorLayer { }

    /**
     * Pixel shuffle: {@code [N, c*r*r, h, w]} to {@code [N, c, h*r, w*r]} (ONNX DepthToSpace, mode CRD).
     *
     * @param factor r
     */
    record PixelShuffle(int factor) implements GeneratorLayer { }
}
