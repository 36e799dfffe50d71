package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.augment.onnx.GeneratorLayer;
import dev.augment.train.NativeScalar;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * CTGAN's generator: {@code x = concat(z, one-hot class)}, then per hidden width a residual block
 * {@code x = concat(relu(bn(dense(x))), x)}, then a dense layer to the encoded row's width. The output
 * is raw: {@link OutputActivation} applies tanh and Gumbel-softmax in training, and the decoder takes
 * argmaxes of the raw logits after training.
 */
final class TableGenerator {

    final List<DenseLayer> dense = new ArrayList<>();
    final List<BatchNormLayer> norms = new ArrayList<>();
    final DenseLayer output;
    final int latentDim;
    final int classes;

    /**
     * @param manager owns the weights
     * @param latentDim noise width
     * @param classes number of classes (the width of the conditional vector)
     * @param hidden widths of the residual blocks
     * @param outputs width of an encoded row
     * @param random initialises the weights
     */
    TableGenerator(NDManager manager, int latentDim, int classes, int[] hidden, int outputs,
                   UniformRandomProvider random) {
        this.latentDim = latentDim;
        this.classes = classes;
        int width = latentDim + classes;
        for (int h : hidden) {
            dense.add(new DenseLayer(manager, width, h, random));
            norms.add(new BatchNormLayer(manager, h));
            width += h;
        }
        output = new DenseLayer(manager, width, outputs, random);
    }

    /**
     * @param z noise {@code [n, latentDim]}
     * @param condition one-hot classes {@code [n, classes]}
     * @param training batch-norm batch statistics (updating the running ones) when true
     * @return raw output {@code [n, outputs]}
     */
    NDArray forward(NDArray z, NDArray condition, boolean training) {
        NDArray x = z.concat(condition, 1);
        for (int i = 0; i < dense.size(); i++) {
            NDArray h = norms.get(i).forward(dense.get(i).forward(x), training);
            x = h.maximum(NativeScalar.of(h.getManager(), 0f)).concat(x, 1);
        }
        return output.forward(x);
    }

    /** @return every trainable array, in a fixed order */
    List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>();
        for (int i = 0; i < dense.size(); i++) {
            all.addAll(dense.get(i).parameters());
            all.addAll(norms.get(i).parameters());
        }
        all.addAll(output.parameters());
        return all;
    }

    /** @return the residual blocks' layers, dense then batch norm per block, for the exporter */
    List<GeneratorLayer> exportBlocks() {
        List<GeneratorLayer> layers = new ArrayList<>();
        for (int i = 0; i < dense.size(); i++) {
            layers.add(dense.get(i).export());
            layers.add(norms.get(i).export());
        }
        return layers;
    }
}
