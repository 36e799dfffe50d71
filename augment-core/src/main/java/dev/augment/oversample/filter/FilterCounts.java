package dev.augment.oversample.filter;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link GenerationFilter} did to one class, summed over every request for it: each request draws its
 * own candidates (the first {@code ceil(factor × n)} samples of the class's stream) and keeps {@code n}, so
 * {@code drawn = kept + dropped}, and the means are over all kept (dropped) candidates of all requests.
 *
 * @param classIndex the class
 * @param requests how many requests for the class were filtered, ≥ 0
 * @param drawn candidates scored, ≥ 0
 * @param kept candidates returned, ≤ drawn
 * @param meanKeptProbability mean predicted probability of the class among the kept candidates, or null
 *     when none was kept
 * @param meanDroppedProbability the same among the dropped candidates, or null when none was dropped
 */
public record FilterCounts(int classIndex, int requests, long drawn, long kept, Double meanKeptProbability,
                           Double meanDroppedProbability) {

    /** Checks the counts. */
    public FilterCounts {
        if (classIndex < 0 || requests < 0 || kept < 0 || drawn < kept) {
            throw new IllegalArgumentException("invalid filter counts: class " + classIndex + ", " + requests
                    + " requests, " + kept + " kept of " + drawn);
        }
    }

    /** @return candidates drawn but not returned */
    @JsonProperty("dropped")
    public long dropped() {
        return drawn - kept;
    }
}
