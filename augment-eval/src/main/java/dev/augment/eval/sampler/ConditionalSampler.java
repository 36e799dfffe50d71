package dev.augment.eval.sampler;

/**
 * Draws labelled samples of one class. The evaluation's only view of a generator: the real one
 * wraps an ONNX file ({@link OnnxSampler}); tests plug in planted failures (collapsed, memorising,
 * label-swapped) and real held-out data.
 *
 * <p>Implementations must be deterministic: equal arguments give equal samples.
 */
@FunctionalInterface
public interface ConditionalSampler {

    /**
     * @param classIndex the requested class, an index into the schema's labels
     * @param n how many samples, ≥ 0
     * @param seed the seed
     * @return {@code n} fresh rows in the source's feature scale (0–255 for images)
     */
    float[][] sample(int classIndex, int n, long seed);
}
