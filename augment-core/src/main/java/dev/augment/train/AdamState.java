package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Adam (Kingma &amp; Ba 2015) over one network's trainable parameters, with its moment estimates held
 * here so that a checkpoint can save and restore them. The update itself is DJL's native
 * {@code adamUpdate}, the same kernel DJL's {@code Adam} optimizer calls (which zeroes each updated
 * parameter's gradient); DJL's optimizer keeps its moments private, which is why this class exists.
 * With the same settings an update equals DJL's {@code Adam.update} (epsilon 1e-8, no gradient rescaling
 * or clipping, L2 weight decay as PyTorch Adam's {@code weight_decay}). The image GAN builds it over DJL
 * {@link Parameter}s, the table GAN ({@link #of}) over its own weight arrays.
 */
public final class AdamState {

    private final List<Supplier<NDArray>> parameters;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float weightDecay;
    private int step;

    AdamState(List<Parameter> trainable, NDManager manager, float learningRate, float beta1, float beta2) {
        this(trainable.stream().<Supplier<NDArray>>map(p -> p::getArray).toList(), manager, learningRate, beta1, beta2,
                0f);
    }

    private AdamState(List<Supplier<NDArray>> parameters, NDManager manager, float learningRate, float beta1,
                      float beta2, float weightDecay) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (Supplier<NDArray> p : this.parameters) {
            means.add(manager.zeros(p.get().getShape()));
            variances.add(manager.zeros(p.get().getShape()));
        }
    }

    /**
     * @param weights the trainable arrays, each with a gradient; the same arrays are updated every step
     * @param manager owns the moment estimates (zero at first, one pair per array)
     * @param learningRate Adam's step size, positive
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param weightDecay L2 weight decay added to each gradient, not negative
     * @return the optimiser state over these arrays, no update applied yet
     */
    public static AdamState of(List<NDArray> weights, NDManager manager, float learningRate, float beta1, float beta2,
                               float weightDecay) {
        return new AdamState(weights.stream().<Supplier<NDArray>>map(w -> () -> w).toList(), manager, learningRate,
                beta1, beta2, weightDecay);
    }

    /**
     * Applies one update from the parameters' current gradients, then zeroes those gradients.
     *
     * @param scratch manager that owns the per-step gradient handles
     */
    public void update(NDManager scratch) {
        step++;
        double coef1 = 1.0 - Math.pow(beta1, step);
        double coef2 = 1.0 - Math.pow(beta2, step);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).get();
            NDArray grad = weight.getGradient();
            grad.attach(scratch);
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, means.get(i), variances.get(i)),
                    new NDList(weight), learningRate, corrected, weightDecay, 1f, -1f, beta1, beta2, 1e-8f, true,
                    false);
        }
    }

    /** @return updates applied so far */
    public int steps() {
        return step;
    }

    /**
     * Writes the update count and every moment estimate.
     *
     * @param out the checkpoint stream
     * @throws IOException when writing fails
     */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(step);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            Checkpoints.writeFloats(out, means.get(i).toFloatArray());
            Checkpoints.writeFloats(out, variances.get(i).toFloatArray());
        }
    }

    /**
     * Reads what {@link #save} wrote, for the same arrays.
     *
     * @param in the checkpoint stream
     * @throws IOException when the stream ends early or holds other shapes
     */
    public void load(DataInputStream in) throws IOException {
        step = in.readInt();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("optimizer state holds " + count + " parameters, network has " + parameters.size());
        }
        for (int i = 0; i < count; i++) {
            means.get(i).set(Checkpoints.readFloats(in, Math.toIntExact(means.get(i).size())));
            variances.get(i).set(Checkpoints.readFloats(in, Math.toIntExact(variances.get(i).size())));
        }
    }
}
