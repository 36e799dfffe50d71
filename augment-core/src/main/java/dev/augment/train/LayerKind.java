package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.augment.onnx.GeneratorLayer;

/**
 * One layer of a network, described without weights: builds the DJL block for training and, for
 * generator layers, turns the trained block into the framework-free {@link GeneratorLayer} that
 * the ONNX exporter reads. Keeping both directions in one place keeps training and export in step.
 */
sealed interface LayerKind {

    /** Batch-norm epsilon used in training and written to the export. */
    float BATCH_NORM_EPSILON = 1e-5f;

    /** @return a new, uninitialised DJL block */
    Block toBlock();

    /**
     * @param block the trained block built by {@link #toBlock()}
     * @param inputs the layer's input width (dense layers) or channels (convolutions)
     * @return the layer with its weights
     */
    GeneratorLayer export(Block block, int inputs);

    /** @param units output width */
    record Dense(int units) implements LayerKind {
        @Override
        public Block toBlock() {
            return Linear.builder().setUnits(units).build();
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            ParameterList p = block.getParameters();
            return new GeneratorLayer.Dense(floats(p, "weight"), floats(p, "bias"), units, inputs);
        }
    }

    /** Batch normalisation over axis 1 ({@link ChannelBatchNorm}). */
    record Norm() implements LayerKind {
        @Override
        public Block toBlock() {
            return new ChannelBatchNorm(BATCH_NORM_EPSILON);
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            ParameterList p = block.getParameters();
            return new GeneratorLayer.BatchNorm(floats(p, "gamma"), floats(p, "beta"), floats(p, "runningMean"),
                    floats(p, "runningVar"), BATCH_NORM_EPSILON);
        }
    }

    /**
     * @param filters output channels
     * @param kernel kernel side
     * @param stride stride
     * @param padding zero padding on each side
     */
    record Conv(int filters, int kernel, int stride, int padding) implements LayerKind {
        @Override
        public Block toBlock() {
            return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                    .optPadding(new Shape(padding, padding)).setFilters(filters).build();
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            if (stride != 1 || padding != kernel / 2) {
                throw new IllegalStateException("only stride-1 'same' convolutions are exported");
            }
            ParameterList p = block.getParameters();
            return new GeneratorLayer.Conv(floats(p, "weight"), floats(p, "bias"), filters, inputs, kernel);
        }
    }

    /** @param alpha negative slope */
    record LeakyRelu(float alpha) implements LayerKind {
        @Override
        public Block toBlock() {
            return new LambdaBlock(list -> Activation.leakyRelu(list, alpha));
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.LeakyRelu(alpha);
        }
    }

    /** Rectified linear unit. */
    record Relu() implements LayerKind {
        @Override
        public Block toBlock() {
            return Activation.reluBlock();
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.Relu();
        }
    }

    /** Hyperbolic tangent. */
    record Tanh() implements LayerKind {
        @Override
        public Block toBlock() {
            return Activation.tanhBlock();
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.Tanh();
        }
    }

    /**
     * @param channels c
     * @param height h
     * @param width w
     */
    record ToImage(int channels, int height, int width) implements LayerKind {
        @Override
        public Block toBlock() {
            return LambdaBlock.singleton(x -> x.reshape(-1, channels, height, width));
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.ToImage(channels, height, width);
        }
    }

    /** Flattens {@code [N, ...]} to {@code [N, rest]}. */
    record Flatten() implements LayerKind {
        @Override
        public Block toBlock() {
            return LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), -1));
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.Flatten();
        }
    }

    /** @param factor upscaling factor r; channels go from c*r*r to c (PyTorch pixel_shuffle order). */
    record PixelShuffle(int factor) implements LayerKind {
        @Override
        public Block toBlock() {
            return LambdaBlock.singleton(this::shuffle);
        }

        private NDArray shuffle(NDArray x) {
            Shape s = x.getShape();
            long n = s.get(0);
            long c = s.get(1) / ((long) factor * factor);
            long h = s.get(2);
            long w = s.get(3);
            return x.reshape(n, c, factor, factor, h, w).transpose(0, 1, 4, 2, 5, 3)
                    .reshape(n, c, h * factor, w * factor);
        }

        @Override
        public GeneratorLayer export(Block block, int inputs) {
            return new GeneratorLayer.PixelShuffle(factor);
        }
    }

    private static float[] floats(ParameterList parameters, String name) {
        return parameters.get(name).getArray().toFloatArray();
    }
}
