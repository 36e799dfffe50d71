package dev.augment.eval.sampler;

import dev.augment.generate.OnnxGenerator;

/**
 * A {@link ConditionalSampler} backed by a generator ONNX file. Sample {@code i} of class {@code c}
 * is sample {@code i} of the generator's {@code (seed, c)} stream, so results do not depend on the
 * batch size used here. Does not own the generator: the caller closes it.
 */
public final class OnnxSampler implements ConditionalSampler {

    private static final int BATCH = 1024;

    private final OnnxGenerator generator;

    /**
     * @param generator the loaded generator, closed by the caller
     */
    public OnnxSampler(OnnxGenerator generator) {
        if (generator == null) {
            throw new IllegalArgumentException("generator is required");
        }
        this.generator = generator;
    }

    @Override
    public float[][] sample(int classIndex, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int features = generator.metadata().schema().featureCount();
        float[][] out = new float[n][];
        for (int first = 0; first < n; first += BATCH) {
            int count = Math.min(BATCH, n - first);
            float[] flat = generator.generate(classIndex, seed, first, count);
            for (int i = 0; i < count; i++) {
                float[] row = new float[features];
                System.arraycopy(flat, i * features, row, 0, features);
                out[first + i] = row;
            }
        }
        return out;
    }
}
