package dev.augment.eval.diagnostics;

import dev.augment.eval.sampler.ConditionalSampler;

import java.util.SplittableRandom;

/**
 * A fake generator that returns rows of a fixed pool per class, drawn without replacement (seeded).
 * With a pool of unseen real data it is "real held-out data as a generator"; with the training
 * data it is a memorising generator.
 */
record PoolSampler(float[][][] pools) implements ConditionalSampler {

    @Override
    public float[][] sample(int classIndex, int n, long seed) {
        return GeneratorDiagnostics.subsample(pools[classIndex], n, new SplittableRandom(seed + 7919L * classIndex));
    }
}
