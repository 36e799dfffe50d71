package dev.augment.tribuo;

import dev.augment.oversample.filter.FilterCounts;

import java.util.Map;

/**
 * What the generation-time filter of an {@link AugmentingDataSource} did, for its provenance.
 *
 * @param method the filtering method in one sentence
 * @param classifier the filter classifier in words
 * @param trainingRows the real examples the classifier learned
 * @param byLabel per label the GAN added examples to, the candidates drawn, kept and dropped
 */
record GanFilterRecord(String method, String classifier, int trainingRows, Map<String, FilterCounts> byLabel) {

    /** Copies the map. */
    GanFilterRecord {
        byLabel = Map.copyOf(byLabel);
    }
}
