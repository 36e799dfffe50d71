package dev.augment.eval.sampler;

import dev.augment.oversample.filter.ClassProbability;
import dev.augment.oversample.filter.FilterCounts;
import dev.augment.oversample.filter.GenerationFilter;

import java.util.List;

/**
 * A {@link ConditionalSampler} that oversamples a generator and keeps the candidates a classifier trained on
 * real data finds most typical of the requested class: augment-core's {@link GenerationFilter} (the filter the
 * Tribuo plugin uses too) applied to a sampler. For class {@code c} and a request of {@code n}, it draws
 * {@code m = ceil(factor × n)} candidates, samples {@code 0 … m−1} of the wrapped sampler's deterministic
 * {@code (seed, c)} stream, scores each with {@link ClassProbability} (the probability of {@code c}), and
 * returns the {@code n} with the highest probability (ties go to the lower candidate index), in candidate-index
 * order. The result is therefore deterministic whenever the wrapped sampler and the classifier are. A factor of
 * 1 returns the wrapped sampler's samples unchanged and scores nothing.
 *
 * <p>Every filtered request is counted per class ({@link #counts()}). Safe to call from several threads.
 */
public final class FilteredSampler implements ConditionalSampler {

    private final ConditionalSampler generated;
    private final ClassProbability classifier;
    private final GenerationFilter filter;

    /**
     * @param generated the generator's sampler
     * @param classifier the probability of the requested class, from a classifier trained on real data
     * @param factor candidates drawn per sample kept, finite and ≥ 1
     * @throws IllegalArgumentException for a missing sampler or classifier, or a factor below 1 or not finite
     */
    public FilteredSampler(ConditionalSampler generated, ClassProbability classifier, double factor) {
        if (generated == null || classifier == null) {
            throw new IllegalArgumentException("a sampler and a classifier are required");
        }
        this.filter = new GenerationFilter(factor);
        this.generated = generated;
        this.classifier = classifier;
    }

    /**
     * @param n samples requested, ≥ 0
     * @param factor candidates per sample, ≥ 1
     * @return {@code ceil(factor × n)}, as {@link GenerationFilter#candidates(int, double)}
     */
    public static int candidates(int n, double factor) {
        return GenerationFilter.candidates(n, factor);
    }

    @Override
    public float[][] sample(int classIndex, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int m = filter.candidates(n);
        if (m == n) {
            return generated.sample(classIndex, n, seed);
        }
        float[][] pool = generated.sample(classIndex, m, seed);
        boolean[] keep = filter.keep(classIndex, n, classifier.of(classIndex, pool));
        float[][] out = new float[n][];
        int next = 0;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                out[next++] = pool[i];
            }
        }
        return out;
    }

    /** @return the candidates drawn per sample kept */
    public double factor() {
        return filter.factor();
    }

    /** @return per class that had a filtered request, in class order, what was drawn, kept and dropped */
    public List<FilterCounts> counts() {
        return filter.counts();
    }
}
