package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The auxiliary classifier of CTAB-GAN (Zhao et al. 2021, "CTAB-GAN: Effective Table Data Synthesizing",
 * section 3.3): a network that learns the class of real encoded rows, and whose cross-entropy on generated rows
 * (against the class they were conditioned on) is added to the generator's loss. Per hidden width
 * {@code dense -> LeakyReLU(0.2) -> Dropout(0.5)}, then a dense layer to one logit per class.
 *
 * <p>Why: CTGAN's critic sees the class only as part of a packed input of {@code pac} rows, so nothing forces a
 * generated row to look like its own class. On glass (six classes of 9–76 rows) the per-class synthetic columns
 * had up to four times the real spread and a classifier trained on them reached about half of real-only macro-F1;
 * with this loss about nine tenths (README, "Small classes"). The classifier is not exported: only the generator is.
 */
final class AuxiliaryClassifier {

    /** Dropout probability of the hidden layers. */
    static final float DROPOUT = 0.5f;

    private final List<DenseLayer> hidden = new ArrayList<>();
    private final DenseLayer output;

    /**
     * @param manager owns the weights
     * @param rowWidth width of an encoded row
     * @param classes number of classes
     * @param widths hidden widths, at least one
     * @param random initialises the weights
     */
    AuxiliaryClassifier(NDManager manager, int rowWidth, int classes, int[] widths, UniformRandomProvider random) {
        int width = rowWidth;
        for (int w : widths) {
            hidden.add(new DenseLayer(manager, width, w, random));
            width = w;
        }
        output = new DenseLayer(manager, width, classes, random);
    }

    /**
     * @param rows encoded (or activated generated) rows {@code [n, rowWidth]}
     * @param oneHot their classes, one-hot {@code [n, classes]}
     * @param training apply dropout (the engine's seeded generator draws the masks)
     * @return the mean cross-entropy of the rows' predicted classes against {@code oneHot}, a scalar
     */
    NDArray crossEntropy(NDArray rows, NDArray oneHot, boolean training) {
        return logits(rows, training).logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    private NDArray logits(NDArray rows, boolean training) {
        NDArray x = rows;
        NDManager manager = rows.getManager();
        for (DenseLayer layer : hidden) {
            NDArray h = layer.forward(x);
            // The slope and mask are constants of the backward pass: built from comparisons, no gradient.
            NDArray slope = h.gt(0f).toType(DataType.FLOAT32, false).mul(1 - PacDiscriminator.SLOPE)
                    .add(PacDiscriminator.SLOPE);
            if (training) {
                NDArray keep = manager.randomUniform(0f, 1f, new Shape(h.getShape().get(0), h.getShape().get(1)))
                        .gte(DROPOUT).toType(DataType.FLOAT32, false).div(1 - DROPOUT);
                slope = slope.mul(keep);
            }
            x = h.mul(slope);
        }
        return output.forward(x);
    }

    /** @return every trainable array, in a fixed order */
    List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>();
        hidden.forEach(layer -> all.addAll(layer.parameters()));
        all.addAll(output.parameters());
        return all;
    }
}
