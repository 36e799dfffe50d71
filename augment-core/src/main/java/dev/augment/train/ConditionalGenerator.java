package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * G: {@code (z, one-hot label) -> sample in [-1, 1]}. The label goes through a learned embedding
 * (a bias-free dense layer on the one-hot vector, i.e. a lookup table) and is concatenated to z.
 */
final class ConditionalGenerator extends AbstractBlock {

    private final NetworkLayout layout;
    private final int latentDim;
    private final int classes;
    private final int embeddingDim;
    private final int features;
    private final Linear embedding;
    private final SequentialBlock trunk;

    ConditionalGenerator(NetworkLayout layout, int latentDim, int classes, int embeddingDim, int features) {
        super((byte) 1);
        this.layout = layout;
        this.latentDim = latentDim;
        this.classes = classes;
        this.embeddingDim = embeddingDim;
        this.features = features;
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(embeddingDim).optBias(false).build());
        SequentialBlock layers = new SequentialBlock();
        layout.generator().forEach(layer -> layers.add(layer.toBlock()));
        this.trunk = addChildBlock("trunk", layers);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray z = inputs.get(0);
        NDArray embedded = embedding.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow();
        return trunk.forward(store, new NDList(z.concat(embedded, 1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), features)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[1]);
        trunk.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latentDim + embeddingDim));
    }

    /**
     * Sets every batch-norm layer's running statistics to the mean and (biased) variance of its input
     * over this batch, layer by layer in order, so that inference mode afterwards computes exactly what
     * training mode computes on this batch. Used for the averaged generator, whose weights are an
     * average and whose statistics must come from those weights, never from an average of statistics.
     *
     * @param store the parameter store
     * @param z noise {@code [n, latentDim]}
     * @param oneHot labels {@code [n, classes]}
     */
    void recomputeBatchNormStatistics(ParameterStore store, NDArray z, NDArray oneHot) {
        NDArray embedded = embedding.forward(store, new NDList(oneHot), false).singletonOrThrow();
        NDArray x = z.concat(embedded, 1);
        embedded.close();
        for (Block block : trunk.getChildren().values()) {
            if (block instanceof ChannelBatchNorm) {
                // One row per value of each channel (axis 1): [n, c] as is, [n, c, h, w] moved to [n*h*w, c].
                long channels = x.getShape().get(1);
                NDArray rows = x.getShape().dimension() == 2 ? x : x.transpose(0, 2, 3, 1).reshape(-1, channels);
                NDArray mean = rows.mean(new int[] {0});
                NDArray centred = rows.sub(mean.reshape(1, -1));
                NDArray variance = centred.muli(centred).mean(new int[] {0});
                block.getParameters().get("runningMean").getArray().set(mean.toFloatArray());
                block.getParameters().get("runningVar").getArray().set(variance.toFloatArray());
                // each layer's copies freed as it goes: kept to the end, 1 024 samples of 128×128 colour images
                // held 15 GB at a conv run's every epoch end, where its steps held 0.7 (a re-check, 7 Dec)
                centred.close();
                variance.close();
                mean.close();
                if (rows != x) {
                    rows.close();
                }
            }
            NDArray next = block.forward(store, new NDList(x), false).singletonOrThrow();
            if (next != x) {
                x.close();
            }
            x = next;
        }
        x.close();
    }

    /**
     * @param outputScale multiplier back to feature scale
     * @param outputShift shift back to feature scale
     * @return the generator's weights as the exporter needs them
     */
    GeneratorGraph toGraph(float outputScale, float outputShift) {
        float[] weight = embedding.getParameters().get("weight").getArray().toFloatArray();
        float[] table = new float[classes * embeddingDim];
        for (int e = 0; e < embeddingDim; e++) {
            for (int k = 0; k < classes; k++) {
                table[k * embeddingDim + e] = weight[e * classes + k];
            }
        }
        List<GeneratorLayer> layers = new ArrayList<>();
        List<Block> blocks = trunk.getChildren().values();
        for (int i = 0; i < blocks.size(); i++) {
            layers.add(layout.generator().get(i).export(blocks.get(i), layout.generatorInputs().get(i)));
        }
        return new GeneratorGraph(latentDim, table, classes, embeddingDim, layers, outputScale, outputShift);
    }
}
