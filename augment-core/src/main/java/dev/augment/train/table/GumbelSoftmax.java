package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.augment.train.NativeScalar;

import java.util.List;

/**
 * The generator's output activations in training (CTGAN's {@code _apply_activate}): tanh on each numeric
 * column's normalised value, and the Gumbel-softmax (Jang et al. 2017; Maddison et al. 2017) with
 * temperature tau on each one-hot group (a numeric column's modes, a categorical column), which keeps
 * one-hot groups differentiable while letting them come close to one-hot vectors.
 */
final class GumbelSoftmax {

    /** CTGAN's temperature. */
    static final float TAU = 0.2f;
    /** Largest uniform draw used: the float just below 1, so the Gumbel noise stays finite. */
    static final float MAX_UNIFORM = Math.nextDown(1f);

    private GumbelSoftmax() {
    }

    /**
     * @param logits {@code [n, k]} raw scores
     * @param tau temperature, positive
     * @return {@code softmax((logits + g) / tau)} per row with {@code g} standard Gumbel noise from the
     *     engine's seeded generator; each row sums to 1
     */
    static NDArray sample(NDArray logits, float tau) {
        // gumbel() clips below 1: a float draw that rounds to 1.0 gives -log(-log(1)) = +inf and a NaN softmax,
        // which stopped training on the unbalanced table (CTGAN resamples on NaN; pytorch/pytorch#22442).
        NDArray uniform = logits.getManager().randomUniform(1e-10f, 1f, logits.getShape());
        return logits.add(gumbel(uniform)).div(NativeScalar.of(logits.getManager(), tau)).softmax(1);
    }

    /**
     * @param uniform draws in [0, 1], any shape
     * @return standard Gumbel noise {@code -log(-log(u))}, finite for every input: u is clipped to
     *     [1e-10, {@link #MAX_UNIFORM}] first
     */
    static NDArray gumbel(NDArray uniform) {
        return uniform.clip(1e-10f, MAX_UNIFORM).log().neg().log().neg();
    }

    /**
     * The activations of a whole output row in a fixed number of array operations per distinct one-hot width (about 80
     * for a table of 32 numeric columns, against about 420 when each span was activated on its own; with the one-read
     * gradient check, about 5% of a step at batch 64 or 428, docs/table-gan-recipes.md, "Fewer engine calls per step").
     * The values are those of activating span after span: the noise is one draw of the length those spans drew in turn,
     * laid out as they drew it (span by span, each {@code [n, width]} row by row), and every operation is elementwise
     * or a softmax over one span's values, so {@code TrainingPiecesTest} checks the two agree to the bit.
     *
     * @param raw the generator's raw output {@code [n, width]}
     * @param spans the encoder's activation spans, covering the row in order
     * @param tau the Gumbel-softmax temperature
     * @return the activated output, same shape
     */
    static NDArray activate(NDArray raw, List<TableEncoder.Span> spans, float tau) {
        NDManager manager = raw.getManager();
        int rows = Math.toIntExact(raw.getShape().get(0));
        int width = Math.toIntExact(raw.getShape().get(1));
        NDArray tanh = raw.tanh();
        SpanGroups groups = SpanGroups.of(spans, width);
        if (groups.softmaxWidth() == 0) {
            return tanh;
        }
        NDArray noise = gumbel(manager.randomUniform(1e-10f, 1f, new Shape((long) rows * groups.softmaxWidth())));
        NDArray scale = NativeScalar.of(manager, tau);
        NDList pieces = new NDList(groups.byWidth().size() + 1);
        pieces.add(tanh.reshape(-1));
        for (SpanGroups.Group group : groups.byWidth()) {
            NDArray logits = raw.take(manager.create(group.rawIndex(rows, width), group.shape(rows)));
            NDArray groupNoise = noise.take(manager.create(group.noiseIndex(rows), group.shape(rows)));
            pieces.add(logits.add(groupNoise).div(scale).softmax(2).reshape(-1));
        }
        long[] assembly = groups.assemblyIndex(rows);
        return NDArrays.concat(pieces, 0).take(manager.create(assembly, new Shape(rows, width)));
    }
}
