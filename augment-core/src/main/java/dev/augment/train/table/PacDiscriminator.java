package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/**
 * CTGAN's critic with PacGAN packing (Lin et al. 2018): {@code pac} consecutive rows of
 * {@code concat(encoded row, one-hot class)} are joined into one input, then a {@link LeakyDenseStack} to one
 * score.
 *
 * <p>The WGAN-GP penalty (Gulrajani et al. 2017) needs the gradient of the score with respect to the
 * input inside the loss. DJL's gradient collector offers no {@code create_graph} double backward, so
 * {@link #inputGradient} writes that gradient out for this network (a chain of masked matrix products,
 * exactly what autograd computes for it, since the LeakyReLU slopes and dropout masks are constants) as
 * ordinary differentiable operations; one backward pass then trains on the penalty too.
 */
final class PacDiscriminator {

    final LeakyDenseStack layers;
    final int pac;

    /**
     * @param manager owns the weights
     * @param rowWidth width of one row: encoded row plus classes
     * @param pac rows packed into one input
     * @param widths hidden widths
     * @param random initialises the weights
     */
    PacDiscriminator(NDManager manager, int rowWidth, int pac, int[] widths, UniformRandomProvider random) {
        this.pac = pac;
        layers = new LeakyDenseStack(manager, rowWidth * pac, widths, 1, random);
    }

    /** The activations of one pass, kept for the input gradient. */
    record Pass(NDArray score, List<NDArray> slopes) { }

    /**
     * @param rows {@code [n, rowWidth]} with n a multiple of pac
     * @param training apply dropout
     * @return the scores {@code [n / pac, 1]} and, per hidden layer, the derivative of
     *     {@code dropout(LeakyReLU(h))} with respect to {@code h} (slope times mask)
     */
    Pass forward(NDArray rows, boolean training) {
        long n = rows.getShape().get(0);
        LeakyDenseStack.Pass pass = layers.forward(rows.reshape(n / pac, -1), training);
        return new Pass(pass.output(), pass.slopes());
    }

    /**
     * @param pass a forward pass
     * @return the gradient of each packed score with respect to its packed input, {@code [n / pac, pac * rowWidth]},
     *     differentiable with respect to the weights
     */
    NDArray inputGradient(Pass pass) {
        List<DenseLayer> hidden = layers.hidden;
        NDArray last = pass.slopes().get(hidden.size() - 1);
        NDArray row = layers.output.weight.transpose();
        row.attach(last.getManager());
        NDArray g = last.mul(row);
        for (int i = hidden.size() - 1; i >= 0; i--) {
            NDArray transposed = hidden.get(i).weight.transpose();
            transposed.attach(g.getManager());
            g = g.matMul(transposed);
            if (i > 0) {
                g = g.mul(pass.slopes().get(i - 1));
            }
        }
        return g;
    }

    /**
     * The WGAN-GP penalty on random interpolations between real and fake rows, one mixing weight per pack.
     *
     * @param real {@code [n, rowWidth]}
     * @param fake {@code [n, rowWidth]}, no gradient towards the generator
     * @return {@code mean((||grad||_2 - 1)^2)} over packs, a scalar
     */
    NDArray gradientPenalty(NDArray real, NDArray fake) {
        long n = real.getShape().get(0);
        NDArray packedReal = real.reshape(n / pac, -1);
        NDArray packedFake = fake.reshape(n / pac, -1);
        NDArray alpha = real.getManager().randomUniform(0f, 1f, new Shape(n / pac, 1));
        NDArray mixed = packedFake.add(packedReal.sub(packedFake).mul(alpha)).reshape(n, -1);
        NDArray gradient = inputGradient(forward(mixed, true));
        NDArray norm = gradient.square().sum(new int[] {1}).add(1e-12f).sqrt();
        return norm.sub(1f).square().mean();
    }

    /** @return every trainable array, in a fixed order */
    List<NDArray> parameters() {
        return layers.parameters();
    }
}
