package dev.augment.eval.protocol;

import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.eval.sampler.FilteredSampler;
import dev.augment.eval.sampler.SeedFilter;
import dev.augment.oversample.filter.ClassProbability;
import dev.augment.oversample.filter.FilterClassifier;
import dev.augment.oversample.filter.GenerationFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SamplerProvider} whose generators are filtered ({@link FilteredSampler}): for every seed it asks
 * the wrapped provider for the generator and builds the filter classifier from the same arguments, the
 * seed's real training split and nothing else, so the filter never sees test rows. Remembers each seed's
 * filter for the report ({@link #seeds()}).
 */
public final class FilteredSamplers implements SamplerProvider {

    /** Builds one seed's filter classifier from that seed's training split. */
    @FunctionalInterface
    public interface ClassifierFactory {

        /**
         * @param seed the run's seed
         * @param features the run's real training rows in feature scale
         * @param labels their class indices
         * @return the probability of a class, learned from those rows only
         */
        ClassProbability train(long seed, float[][] features, int[] labels);
    }

    private final SamplerProvider generators;
    private final double factor;
    private final ClassifierFactory classifiers;
    private final Map<Long, FilteredSampler> samplers = new LinkedHashMap<>();
    private final Map<Long, Integer> trainingRows = new LinkedHashMap<>();

    /**
     * @param generators the unfiltered generators
     * @param factor candidates drawn per sample kept, finite and ≥ 1
     * @param classifiers builds each seed's filter classifier
     */
    public FilteredSamplers(SamplerProvider generators, double factor, ClassifierFactory classifiers) {
        if (generators == null || classifiers == null) {
            throw new IllegalArgumentException("generators and a classifier factory are required");
        }
        this.generators = generators;
        this.factor = factor;
        this.classifiers = classifiers;
    }

    /**
     * The filter of the image evaluation: {@link FilterClassifier} on {@link TribuoData}'s examples.
     *
     * @param generators the unfiltered generators
     * @param factor candidates drawn per sample kept, finite and ≥ 1
     * @param data the evaluation's dataset builder
     * @return the filtered provider
     */
    public static FilteredSamplers logistic(SamplerProvider generators, double factor, TribuoData data) {
        return new FilteredSamplers(generators, factor, (seed, x, y) -> FilterClassifier.train(
                trainingDescription(seed), x, y, data.labels(), data::dataset, seed));
    }

    /**
     * @param seed the run's seed
     * @return what the filter classifier's training rows are, for its dataset's provenance
     */
    public static String trainingDescription(long seed) {
        return "real training split of seed " + seed + " (generation filter)";
    }

    /**
     * @param factor candidates drawn per generated sample kept
     * @return the filter's settings for a report: method, factor, classifier
     */
    public static Map<String, Object> describe(double factor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", GenerationFilter.METHOD);
        out.put("factor", factor);
        out.put("classifier", FilterClassifier.TRAINER + " (" + FilterClassifier.DESCRIPTION + ")");
        return out;
    }

    @Override
    public ConditionalSampler samplerFor(long seed, float[][] features, int[] labels) {
        ConditionalSampler generated = generators.samplerFor(seed, features, labels);
        FilteredSampler filtered = new FilteredSampler(generated, classifiers.train(seed, features, labels), factor);
        samplers.put(seed, filtered);
        trainingRows.put(seed, features.length);
        return filtered;
    }

    /** @return what the filter did in each seed asked so far, in seed order of asking */
    public List<SeedFilter> seeds() {
        List<SeedFilter> out = new ArrayList<>();
        samplers.forEach((seed, s) -> out.add(new SeedFilter(seed, trainingRows.get(seed), s.counts())));
        return out;
    }
}
