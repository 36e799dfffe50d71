package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.augment.onnx.GeneratorLayer;

import java.util.List;

/**
 * Batch normalisation over axis 0 of {@code [n, c]} inputs, as PyTorch's {@code BatchNorm1d}: in
 * training the batch's mean and biased variance normalise and the running statistics move by
 * {@link #MOMENTUM} (the variance with Bessel's correction); in inference the running statistics are
 * used. Sampling and export always use inference mode (CTGAN issue #235 sampled in training mode).
 */
final class BatchNormLayer {

    /** PyTorch's default epsilon. */
    static final float EPSILON = 1e-5f;
    /** PyTorch's default momentum: the share of the batch statistic in the running one. */
    static final float MOMENTUM = 0.1f;

    final NDArray gamma;
    final NDArray beta;
    final NDArray runningMean;
    final NDArray runningVar;

    BatchNormLayer(NDManager manager, int channels) {
        gamma = manager.ones(new Shape(channels));
        beta = manager.zeros(new Shape(channels));
        runningMean = manager.zeros(new Shape(channels));
        runningVar = manager.ones(new Shape(channels));
        gamma.setRequiresGradient(true);
        beta.setRequiresGradient(true);
    }

    /**
     * @param x {@code [n, c]}
     * @param training batch statistics (and update the running ones) when true
     * @return the normalised input, in x's manager
     */
    NDArray forward(NDArray x, boolean training) {
        if (!training) {
            NDArray std = runningVar.add(EPSILON).sqrt();
            std.attach(x.getManager());
            return x.sub(runningMean).div(std).mul(gamma).add(beta);
        }
        long n = x.getShape().get(0);
        NDArray mean = x.mean(new int[] {0});
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {0});
        try (NDArray meanNow = mean.stopGradient(); NDArray varNow = variance.stopGradient()) {
            runningMean.muli(1 - MOMENTUM).addi(meanNow.mul(MOMENTUM));
            runningVar.muli(1 - MOMENTUM).addi(varNow.mul(MOMENTUM * n / Math.max(1.0, n - 1.0)));
        }
        return centred.div(variance.add(EPSILON).sqrt()).mul(gamma).add(beta);
    }

    /** @return the trainable arrays */
    List<NDArray> parameters() {
        return List.of(gamma, beta);
    }

    /** @return the layer for the ONNX exporter */
    GeneratorLayer.BatchNorm export() {
        return new GeneratorLayer.BatchNorm(gamma.toFloatArray(), beta.toFloatArray(), runningMean.toFloatArray(),
                runningVar.toFloatArray(), EPSILON);
    }
}
