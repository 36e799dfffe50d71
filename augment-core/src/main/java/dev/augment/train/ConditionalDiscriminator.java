package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * D: {@code (sample, one-hot label) -> (real/fake logit, class logits)}. The real/fake logit is a
 * projection discriminator (Miyato &amp; Koyama 2018): {@code psi(h) + <embed(y), h>} with {@code h}
 * the trunk's features; the class logits are an auxiliary classifier head (Odena et al. 2017).
 */
final class ConditionalDiscriminator extends AbstractBlock {

    private final int hidden;
    private final boolean minibatchStd;
    private final SequentialBlock trunk;
    private final Linear adversarial;
    private final Linear projection;
    private final Linear auxiliary;

    ConditionalDiscriminator(NetworkLayout layout, int classes, boolean minibatchStd) {
        super((byte) 1);
        this.hidden = layout.hidden();
        this.minibatchStd = minibatchStd;
        SequentialBlock layers = new SequentialBlock();
        layout.discriminator().forEach(layer -> layers.add(layer.toBlock()));
        this.trunk = addChildBlock("trunk", layers);
        this.adversarial = addChildBlock("adversarial", Linear.builder().setUnits(1).build());
        this.projection = addChildBlock("projection", Linear.builder().setUnits(hidden).optBias(false).build());
        this.auxiliary = addChildBlock("auxiliary", Linear.builder().setUnits(classes).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = trunk.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
        NDArray psi = adversarial.forward(store, new NDList(minibatchStd ? withBatchStd(h) : h), training)
                .singletonOrThrow().reshape(-1);
        NDArray embedded = projection.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow();
        NDArray logit = psi.add(embedded.mul(h).sum(new int[] {1}));
        NDArray classLogits = auxiliary.forward(store, new NDList(h), training).singletonOrThrow();
        return new NDList(logit, classLogits);
    }

    /**
     * Appends the batch's mean feature standard deviation as one more feature (Karras et al. 2018), so
     * the real/fake head can tell a batch of too-similar samples from a real one.
     */
    private static NDArray withBatchStd(NDArray h) {
        NDArray centred = h.sub(h.mean(new int[] {0}, true));
        NDArray std = centred.mul(centred).mean(new int[] {0}).add(1e-8f).sqrt().mean();
        NDArray column = h.getManager().ones(new Shape(h.getShape().get(0), 1)).mul(std);
        return h.concat(column, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n), new Shape(n, inputShapes[1].get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        trunk.initialize(manager, dataType, inputShapes[0]);
        adversarial.initialize(manager, dataType, new Shape(n, hidden + (minibatchStd ? 1 : 0)));
        projection.initialize(manager, dataType, inputShapes[1]);
        auxiliary.initialize(manager, dataType, new Shape(n, hidden));
    }
}
