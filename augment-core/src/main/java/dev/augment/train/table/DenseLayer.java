package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.augment.onnx.GeneratorLayer;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/**
 * A fully connected layer held as two trainable arrays: weight {@code [inputs, outputs]} (stored
 * transposed so that {@code x.matMul(weight)} needs no per-step transpose) and bias {@code [outputs]}.
 * Initialised like PyTorch's {@code nn.Linear}: both uniform in {@code ±1/sqrt(inputs)}, from a seeded
 * generator. Results of {@link #forward} belong to the input's manager, so per-step arrays never land
 * in the long-lived manager that owns the weights.
 */
final class DenseLayer {

    final NDArray weight;
    final NDArray bias;
    final int inputs;
    final int outputs;

    DenseLayer(NDManager manager, int inputs, int outputs, UniformRandomProvider random) {
        this.inputs = inputs;
        this.outputs = outputs;
        double bound = 1 / Math.sqrt(inputs);
        float[] w = new float[inputs * outputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        float[] b = new float[outputs];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        weight = manager.create(w, new Shape(inputs, outputs));
        bias = manager.create(b, new Shape(outputs));
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    /**
     * @param x {@code [n, inputs]}
     * @return {@code x W + b}, {@code [n, outputs]}, in x's manager
     */
    NDArray forward(NDArray x) {
        return x.matMul(weight).add(bias);
    }

    /** @return the trainable arrays */
    List<NDArray> parameters() {
        return List.of(weight, bias);
    }

    /** @return the layer for the ONNX exporter, weight as {@code [outputs, inputs]} */
    GeneratorLayer.Dense export() {
        float[] stored = weight.toFloatArray();
        float[] transposed = new float[stored.length];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                transposed[o * inputs + i] = stored[i * outputs + o];
            }
        }
        return new GeneratorLayer.Dense(transposed, bias.toFloatArray(), outputs, inputs);
    }
}
