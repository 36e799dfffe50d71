package dev.augment.eval.cnn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.io.Serial;
import java.io.Serializable;

/**
 * The network's shape: {@code conv3×3(firstFilters, pad 1) → ReLU → maxpool 2×2 → conv3×3(secondFilters,
 * pad 1) → ReLU → maxpool 2×2 → dense(hiddenUnits) → ReLU → dense(classes)}; the output is logits, one
 * per class (softmax is applied by the loss and at prediction). Input {@code [N, channels, height, width]}.
 *
 * @param channels image channels, ≥ 1
 * @param height image height, ≥ 4 (two 2×2 poolings)
 * @param width image width, ≥ 4
 * @param firstFilters channels of the first convolution, ≥ 1
 * @param secondFilters channels of the second convolution, ≥ 1
 * @param hiddenUnits width of the dense layer, ≥ 1
 * @param classes outputs, ≥ 1
 */
record CnnArchitecture(int channels, int height, int width, int firstFilters, int secondFilters, int hiddenUnits,
                       int classes) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the sizes. */
    CnnArchitecture {
        if (channels < 1 || height < CnnTrainer.MIN_IMAGE_SIDE || width < CnnTrainer.MIN_IMAGE_SIDE
                || firstFilters < 1 || secondFilters < 1 || hiddenUnits < 1 || classes < 1) {
            throw new IllegalArgumentException("network sizes out of range: image " + channels + "×" + height + "×"
                    + width + " (at least 1×4×4), filters " + firstFilters + ", " + secondFilters + ", hidden "
                    + hiddenUnits + ", classes " + classes);
        }
        // the fields are assigned after this body, so count from the parameters
        long parameters = parameterCount(channels, height, width, firstFilters, secondFilters, hiddenUnits, classes);
        if (parameters > MAX_PARAMETERS) {
            // the weights live in one Java float array (CnnWeights), and DJL would try to allocate them first
            throw new IllegalArgumentException("a network of filters " + firstFilters + ", " + secondFilters
                    + " and hidden " + hiddenUnits + " on a " + channels + "×" + height + "×" + width + " image has "
                    + parameters + " weights, more than the " + MAX_PARAMETERS + " it can hold; choose smaller sizes");
        }
    }

    /** The most weights and biases a network may have: what one Java array of floats holds. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE - 8;

    /** @return the number of weights and biases: both convolutions, the hidden layer and the output layer */
    long parameterCount() {
        return parameterCount(channels, height, width, firstFilters, secondFilters, hiddenUnits, classes);
    }

    private static long parameterCount(int channels, int height, int width, int firstFilters, int secondFilters,
                                       int hiddenUnits, int classes) {
        long first = (long) firstFilters * channels * 9 + firstFilters;
        long second = (long) secondFilters * firstFilters * 9 + secondFilters;
        long flattened = (long) secondFilters * (height / 2 / 2) * (width / 2 / 2);
        long hidden = flattened * hiddenUnits + hiddenUnits;
        long output = (long) hiddenUnits * classes + classes;
        return first + second + hidden + output;
    }

    /** @return a fresh, uninitialised DJL block of this shape */
    SequentialBlock build() {
        Shape pool = new Shape(2, 2);
        return new SequentialBlock()
                .add(conv(firstFilters)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(pool, pool))
                .add(conv(secondFilters)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(pool, pool))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hiddenUnits).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * @param batch examples in a batch
     * @return {@code [batch, channels, height, width]}
     */
    Shape inputShape(int batch) {
        return new Shape(batch, channels, height, width);
    }

    /** @return values in one input image */
    int pixels() {
        return channels * height * width;
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }
}
