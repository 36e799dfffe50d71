package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * CTGAN's discriminator body (Xu et al. 2019, reference code): per hidden width
 * {@code dense -> LeakyReLU(0.2) -> Dropout(0.5)}, then a dense output layer. The critic ({@link PacDiscriminator})
 * and the auxiliary classifier ({@link AuxiliaryClassifier}) are both one of these. Each hidden activation is
 * computed as {@code h * slope}, where {@code slope} (LeakyReLU's derivative times the dropout mask, no gradient)
 * is kept, so that the critic can write out its input gradient.
 */
final class LeakyDenseStack {

    /** Slope of LeakyReLU for negative inputs. */
    static final float SLOPE = 0.2f;
    /** Dropout probability. */
    static final float DROPOUT = 0.5f;

    final List<DenseLayer> hidden = new ArrayList<>();
    final DenseLayer output;

    /**
     * @param manager owns the weights
     * @param inputWidth width of an input row
     * @param widths hidden widths
     * @param outputs width of the output layer
     * @param random initialises the weights, layer by layer in order
     */
    LeakyDenseStack(NDManager manager, int inputWidth, int[] widths, int outputs, UniformRandomProvider random) {
        int width = inputWidth;
        for (int w : widths) {
            hidden.add(new DenseLayer(manager, width, w, random));
            width = w;
        }
        output = new DenseLayer(manager, width, outputs, random);
    }

    /**
     * One pass.
     *
     * @param output {@code [n, outputs]}
     * @param slopes per hidden layer, the derivative of {@code dropout(LeakyReLU(h))} with respect to {@code h}
     */
    record Pass(NDArray output, List<NDArray> slopes) { }

    /**
     * @param x {@code [n, inputWidth]}
     * @param training apply dropout (masks from the engine's generator)
     * @return the output and the slopes
     */
    Pass forward(NDArray x, boolean training) {
        List<NDArray> slopes = new ArrayList<>();
        NDManager manager = x.getManager();
        for (DenseLayer layer : hidden) {
            NDArray h = layer.forward(x);
            NDArray slope = h.gt(0f).toType(DataType.FLOAT32, false).mul(1 - SLOPE).add(SLOPE);
            if (training) {
                NDArray keep = manager.randomUniform(0f, 1f, new Shape(h.getShape().get(0), h.getShape().get(1)))
                        .gte(DROPOUT).toType(DataType.FLOAT32, false).div(1 - DROPOUT);
                slope = slope.mul(keep);
            }
            slopes.add(slope);
            x = h.mul(slope);
        }
        return new Pass(output.forward(x), slopes);
    }

    /** @return every trainable array, in a fixed order */
    List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>();
        hidden.forEach(layer -> all.addAll(layer.parameters()));
        all.addAll(output.parameters());
        return all;
    }
}
