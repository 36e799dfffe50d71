package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Batch normalisation over axis 1 (Ioffe and Szegedy 2015), as DJL's {@code BatchNorm} block with its parameter
 * names ({@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar}) and momentum, but computed on rows:
 * an input {@code [n, c, h, w]} is moved to {@code [n·h·w, c]} (channels last), normalised by DJL's
 * {@code BatchNorm.batchNorm} on that 2-D array, and moved back; a {@code [n, c]} input is normalised as it is. The
 * statistics are the same per channel either way.
 *
 * <p>Why: on this machine kind (2 cores with AVX-512), PyTorch's batch norm on the 4-D output of the convolutional
 * generator's pixel shuffle gave NaN gradients for one channel in most runs (whichever the thread count), so
 * {@code train --arch conv} stopped with "training diverged at step 2"; the same statistics on the 2-D rows, the
 * path the MLP generator always took, never did in the runs measured (README, "train").
 */
final class ChannelBatchNorm extends AbstractBlock {

    /** DJL's default momentum: the share of the running statistic kept at each update. */
    static final float MOMENTUM = 0.9f;

    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    /** @param epsilon added to the variance, positive */
    ChannelBatchNorm(float epsilon) {
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optInitializer(Initializer.ONES).optRequiresGrad(false).build());
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
        runningMean.setShape(channels);
        runningVar.setShape(channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long channels = shape.get(1);
        NDArray rows = shape.dimension() == 2 ? x : x.transpose(0, 2, 3, 1).reshape(-1, channels);
        NDArray normalised = BatchNorm.batchNorm(rows, store.getValue(runningMean, x.getDevice(), training),
                store.getValue(runningVar, x.getDevice(), training), store.getValue(gamma, x.getDevice(), training),
                store.getValue(beta, x.getDevice(), training), 1, MOMENTUM, epsilon, training).singletonOrThrow();
        return new NDList(shape.dimension() == 2 ? normalised
                : normalised.reshape(shape.get(0), shape.get(2), shape.get(3), channels).transpose(0, 3, 1, 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
