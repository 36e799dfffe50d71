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

/**
 * Adam (Kingma &amp; Ba 2015) over one network's trainable parameters, with its moment estimates held
 * here so that a checkpoint can save and restore them. The update itself is DJL's native
 * {@code adamUpdate}, the same kernel DJL's {@code Adam} optimizer calls (which zeroes each updated
 * parameter's gradient); DJL's optimizer keeps its moments private, which is why this class exists.
 */
final class AdamState {

    private final List<Parameter> parameters;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private int step;

    AdamState(List<Parameter> trainable, NDManager manager, float learningRate, float beta1, float beta2) {
        this.parameters = List.copyOf(trainable);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        for (Parameter p : parameters) {
            means.add(manager.zeros(p.getArray().getShape()));
            variances.add(manager.zeros(p.getArray().getShape()));
        }
    }

    /**
     * Applies one update from the parameters' current gradients, then zeroes those gradients.
     *
     * @param scratch manager that owns the per-step gradient handles
     */
    void update(NDManager scratch) {
        step++;
        double coef1 = 1.0 - Math.pow(beta1, step);
        double coef2 = 1.0 - Math.pow(beta2, step);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray grad = weight.getGradient();
            grad.attach(scratch);
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, means.get(i), variances.get(i)),
                    new NDList(weight), learningRate, corrected, 0f, 1f, -1f, beta1, beta2, 1e-8f, true, false);
        }
    }

    /** @return updates applied so far */
    int steps() {
        return step;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(step);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            Checkpoints.writeFloats(out, means.get(i).toFloatArray());
            Checkpoints.writeFloats(out, variances.get(i).toFloatArray());
        }
    }

    void load(DataInputStream in) throws IOException {
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
