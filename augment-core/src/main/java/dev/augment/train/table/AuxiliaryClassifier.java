package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/**
 * The auxiliary classifier of CTAB-GAN (Zhao et al. 2021, "CTAB-GAN: Effective Table Data Synthesizing",
 * section 3.3): a network that learns the class of real encoded rows, and whose cross-entropy on generated rows
 * (against the class they were conditioned on) is added to the generator's loss. A {@link LeakyDenseStack} (the
 * critic's body) to one logit per class.
 *
 * <p>Why: CTGAN's critic sees the class only as part of a packed input of {@code pac} rows, so nothing forces a
 * generated row to look like its own class. On glass (six classes of 9–76 rows) the per-class synthetic columns
 * had up to four times the real spread and a classifier trained on them reached about half of real-only macro-F1;
 * with this loss about nine tenths (docs/table-gan-recipes.md, "Small classes"). The classifier is not exported: only
 * the generator is.
 */
final class AuxiliaryClassifier {

    private final LeakyDenseStack layers;

    /**
     * @param manager owns the weights
     * @param rowWidth width of an encoded row
     * @param classes number of classes
     * @param widths hidden widths, at least one
     * @param random initialises the weights
     */
    AuxiliaryClassifier(NDManager manager, int rowWidth, int classes, int[] widths, UniformRandomProvider random) {
        layers = new LeakyDenseStack(manager, rowWidth, widths, classes, random);
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
        return layers.forward(rows, training).output();
    }

    /** @return every trainable array, in a fixed order */
    List<NDArray> parameters() {
        return layers.parameters();
    }
}
