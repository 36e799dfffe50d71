package dev.augment.eval.cnn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A trained network's parameters as plain arrays, copied out of DJL: the parameter names DJL gives
 * the block ({@code 01Conv2d_weight}, …), their shapes and their values in row-major order. Holds no
 * native resources, so a model that keeps it is serialisable and can outlive the DJL engine.
 */
final class CnnWeights implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final long[][] shapes;
    private final float[][] values;

    private CnnWeights(String[] names, long[][] shapes, float[][] values) {
        this.names = names;
        this.shapes = shapes;
        this.values = values;
    }

    /**
     * @param block an initialised block
     * @return a copy of every parameter
     */
    static CnnWeights copyOf(Block block) {
        ParameterList parameters = block.getParameters();
        String[] names = new String[parameters.size()];
        long[][] shapes = new long[names.length][];
        float[][] values = new float[names.length][];
        for (int i = 0; i < names.length; i++) {
            names[i] = parameters.keyAt(i);
            shapes[i] = parameters.valueAt(i).getArray().getShape().getShape();
            values[i] = parameters.valueAt(i).getArray().toFloatArray();
        }
        return new CnnWeights(names, shapes, values);
    }

    /**
     * Overwrites the parameters of an initialised block of the same architecture.
     *
     * @param block the block
     * @throws IllegalStateException when the block's parameters differ in name or shape
     */
    void copyInto(Block block) {
        ParameterList parameters = block.getParameters();
        if (parameters.size() != names.length) {
            throw new IllegalStateException("the network has " + parameters.size() + " parameters, the weights "
                    + names.length);
        }
        for (int i = 0; i < names.length; i++) {
            Parameter p = parameters.valueAt(i);
            long[] shape = p.getArray().getShape().getShape();
            if (!parameters.keyAt(i).equals(names[i]) || !Arrays.equals(shape, shapes[i])) {
                throw new IllegalStateException("parameter " + i + " is " + parameters.keyAt(i) + " "
                        + p.getArray().getShape() + " in the network but " + names[i] + " in the weights");
            }
            p.getArray().set(values[i]);
        }
    }

    /** @return the number of trained values */
    long size() {
        long n = 0;
        for (float[] v : values) {
            n += v.length;
        }
        return n;
    }
}
