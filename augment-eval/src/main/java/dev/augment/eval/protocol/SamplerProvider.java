package dev.augment.eval.protocol;

import dev.augment.eval.sampler.ConditionalSampler;

/**
 * Supplies the generator of one run: either a fixed generator file, or a GAN trained on that run's
 * training split (so the GAN never sees examples the scenario removed, nor the test split).
 */
@FunctionalInterface
public interface SamplerProvider {

    /**
     * @param seed the run's seed
     * @param features the run's training rows in feature scale
     * @param labels their class indices
     * @return the run's generator; the provider owns and closes any resources behind it
     */
    ConditionalSampler samplerFor(long seed, float[][] features, int[] labels);
}
