package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.function.BooleanSupplier;

/**
 * One network's update in a GAN step, computed again when it comes out non-finite. A pass (one forward and backward
 * pass, leaving gradients in place) is accepted and the optimiser's update applied when its loss and every gradient
 * are finite; otherwise the gradients are zeroed and the same pass, on the same batch and noise, is computed again,
 * up to {@link #ATTEMPTS} times in all. A pass whose loss is finite but whose gradients stay non-finite is dropped
 * (the weights stay as they were); one whose loss stays non-finite is returned, and the trainer reports divergence.
 *
 * <p>Why: on this machine kind (2 cores, AVX-512) oneDNN's convolutions in this PyTorch build now and then return
 * NaN from finite weights and inputs, and the same pass computed again on the same arrays usually comes out finite
 * (2 Dec: D's logits on a batch of finite fakes all NaN, then finite three times of three; README, "train"). Counts
 * are kept for the round's log line. One instance serves one thread. The evaluation's CNN uses it as the GANs do (a
 * Tribuo user's CNN of 4 and 8 filters "diverged" at a random step whatever the learning rate, 6 Dec).
 */
public final class Recomputation {

    /** Passes of one network in one step, at most, before its update is given up. */
    public static final int ATTEMPTS = 3;

    private long recomputed;
    private long dropped;

    /** One forward and backward pass of a network, leaving its gradients in place. */
    @FunctionalInterface
    public interface Pass {
        /** @return the pass's loss, perhaps not finite */
        float compute();
    }

    /**
     * @param pass computes the loss and the gradients
     * @param finiteGradients whether every gradient of the network is finite
     * @param update applies the optimiser's update from the gradients
     * @param zeroGradients zeroes the network's gradients
     * @return the loss of the last pass computed: finite unless every attempt's loss was not
     */
    public float run(Pass pass, BooleanSupplier finiteGradients, Runnable update, Runnable zeroGradients) {
        for (int tries = 1; ; tries++) {
            float loss = pass.compute();
            if (Float.isFinite(loss) && finiteGradients.getAsBoolean()) {
                update.run();
                return loss;
            }
            zeroGradients.run();
            if (tries == ATTEMPTS) {
                if (Float.isFinite(loss)) {
                    dropped++;
                }
                return loss;
            }
            recomputed++;
        }
    }

    /** @return passes computed again after a NaN or infinite loss or gradient */
    public long recomputedPasses() {
        return recomputed;
    }

    /** @return updates given up after {@link #ATTEMPTS} passes with a finite loss and a non-finite gradient */
    public long droppedUpdates() {
        return dropped;
    }

    /**
     * Sets the gradients of every trainable parameter of a network to exactly 0, NaN and infinite entries included
     * (subtracting a gradient from itself, as this did before, left a NaN in place for every later step).
     *
     * @param block the network
     * @param scratch a manager the gradients' handles are attached to (closed by the caller)
     */
    public static void zeroGradients(Block block, NDManager scratch) {
        zeroGradients(arrays(block), scratch);
    }

    /**
     * As {@link #zeroGradients(Block, NDManager)}, for arrays that take gradients outside a block (the table GAN's).
     *
     * @param parameters arrays with gradients attached
     * @param scratch a manager the gradients' handles are attached to (closed by the caller)
     */
    public static void zeroGradients(java.util.List<NDArray> parameters, NDManager scratch) {
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            grad.muli(0f);
            grad.set(grad.isNaN(), 0f);
        }
    }

    /**
     * @param block the network
     * @param scratch a manager the gradients' handles are attached to (closed by the caller)
     * @return true when every gradient of the network's trainable parameters is finite (no NaN, no infinity)
     */
    public static boolean finiteGradients(Block block, NDManager scratch) {
        return finiteGradients(arrays(block), scratch);
    }

    /**
     * As {@link #finiteGradients(Block, NDManager)}, for arrays that take gradients outside a block. Checked on each
     * gradient's largest magnitude (PyTorch's max propagates NaN), so one read from the engine serves all arrays.
     *
     * @param parameters arrays with gradients attached
     * @param scratch a manager the gradients' handles are attached to (closed by the caller)
     * @return true when every gradient is finite
     */
    public static boolean finiteGradients(java.util.List<NDArray> parameters, NDManager scratch) {
        if (parameters.isEmpty()) {
            return true;
        }
        ai.djl.ndarray.NDList largest = new ai.djl.ndarray.NDList(parameters.size());
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            largest.add(grad.abs().max().reshape(1));
        }
        NDArray all = ai.djl.ndarray.NDArrays.concat(largest);
        return !all.isNaN().logicalOr(all.isInfinite()).any().getBoolean();
    }

    private static java.util.List<NDArray> arrays(Block block) {
        return trainable(block).stream().map(Parameter::getArray).toList();
    }

    /** @return the network's parameters that take gradients, in its parameter order */
    static java.util.List<Parameter> trainable(Block block) {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
    }
}
