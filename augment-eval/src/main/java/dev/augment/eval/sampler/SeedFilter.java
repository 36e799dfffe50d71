package dev.augment.eval.sampler;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.augment.oversample.filter.FilterCounts;

import java.util.List;
import java.util.Locale;

/**
 * What the generation-time filter did in one seed's run ({@link FilteredSampler}).
 *
 * @param seed the run's seed
 * @param trainingRows real training rows the filter classifier learned (the seed's training split)
 * @param classes per class, in class order, the candidates drawn, kept and dropped
 */
public record SeedFilter(long seed, int trainingRows, List<FilterCounts> classes) {

    /** Copies the list. */
    public SeedFilter {
        if (trainingRows < 0 || classes == null) {
            throw new IllegalArgumentException("training rows >= 0 and the class counts are required");
        }
        classes = List.copyOf(classes);
    }

    /** @return candidates drawn over every class */
    @JsonProperty("drawn")
    public long drawn() {
        return classes.stream().mapToLong(FilterCounts::drawn).sum();
    }

    /** @return candidates kept over every class */
    @JsonProperty("kept")
    public long kept() {
        return classes.stream().mapToLong(FilterCounts::kept).sum();
    }

    /**
     * @param classNames display name per class index
     * @return one line: totals, then per class the dropped count and the mean probability of the class
     *     among kept and dropped candidates
     */
    public String text(List<String> classNames) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "seed %d: kept %d of %d generated candidates "
                + "(filter classifier trained on %d real training rows); per class dropped (mean p kept/dropped):",
                seed, kept(), drawn(), trainingRows));
        for (FilterCounts c : classes) {
            s.append(String.format(Locale.ROOT, " %s %d (%s/%s)", classNames.get(c.classIndex()), c.dropped(),
                    number(c.meanKeptProbability()), number(c.meanDroppedProbability())));
        }
        return s.toString();
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
