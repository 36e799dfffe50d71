package dev.augment.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Deterministic randomness keyed by a tuple of longs, e.g. {@code (seed, class, sampleIndex)}: the
 * same key always gives the same numbers, whatever the batch size, thread or machine. This is what
 * makes generation reproducible byte for byte and splittable across machines.
 */
public final class SeededNoise {

    private SeededNoise() {
    }

    /**
     * @param key the key, e.g. seed, class index and sample index
     * @return a generator seeded from the key alone
     */
    public static UniformRandomProvider rng(long... key) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xD1B54A32D192ED03L;
        for (long part : key) {
            a = new SplitMix64(a ^ part).nextLong();
            b = new SplitMix64(b + part * 0x632BE59BD9B4E019L).nextLong();
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
    }

    /**
     * Fills {@code out[offset .. offset+count)} with standard normal values for one key.
     *
     * @param out destination
     * @param offset first index written
     * @param count how many values
     * @param key the key
     */
    public static void gaussian(float[] out, int offset, int count, long... key) {
        ZigguratSampler.NormalizedGaussian sampler = ZigguratSampler.NormalizedGaussian.of(rng(key));
        for (int i = 0; i < count; i++) {
            out[offset + i] = (float) sampler.sample();
        }
    }
}
