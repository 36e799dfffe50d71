package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A float constant as a 0-dimensional array whose memory PyTorch allocates and owns, for the right-hand
 * side of an operation whose gradient needs that constant ({@code mul}, {@code div}, {@code maximum}).
 *
 * <p>Why not {@code x.mul(10f)}: DJL's PyTorch engine turns a {@code Number} operand into a 0-dimensional
 * tensor over a Java direct buffer ({@code torch::from_blob}), applies the operation and closes that array at
 * once. Autograd keeps the tensor for the backward pass, but nothing keeps the Java buffer: when a garbage
 * collection runs between the forward and the backward pass, the buffer's memory is freed and may already
 * hold another value when the gradient reads it. That made two table-GAN runs with one seed drift apart at
 * a step that depended on garbage-collection timing (issue 10; with a 2 MB young generation every run
 * differed after 7–16 steps). The image GAN's losses and the evaluation's CNN use it for the same reason;
 * there the window between the forward and the backward pass is short, and no drift was seen with or
 * without it (an 18-step image run under a garbage-collection storm matched itself either way). Operations
 * whose backward pass does not read the constant ({@code add}, {@code sub}, comparisons) and operations
 * outside a gradient collector may keep using {@code Number}s.
 */
public final class NativeScalar {

    private NativeScalar() {
    }

    /**
     * @param manager owns the array; close it (or the manager) only after the backward pass
     * @param value the constant
     * @return a float32 array of shape {@code ()} holding value, in memory owned by PyTorch
     */
    public static NDArray of(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }
}
