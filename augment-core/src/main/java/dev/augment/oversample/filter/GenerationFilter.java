package dev.augment.oversample.filter;

import dev.augment.errors.InvalidSettingException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The generation-time filter: for a request of {@code n} generated samples of class {@code c}, draw
 * {@code m = ceil(factor × n)} candidates (samples {@code 0 … m−1} of the generator's deterministic
 * {@code (seed, c)} stream), score each with a classifier trained on real data only ({@link ClassProbability},
 * the probability of {@code c}), and keep the {@code n} with the highest probability (ties go to the lower
 * candidate index), in candidate-index order. This class decides which candidates are kept ({@link #keep}) and
 * counts, per class, what was drawn, kept and dropped; the caller draws the candidates and scores them (the
 * evaluation's {@code FilteredSampler} from a sampler, the Tribuo plugin from its synthetic examples), so both
 * filter the same way. A factor of 1 keeps exactly the samples asked for and scores nothing.
 *
 * <p>Source of the method: rejecting generated samples that a classifier trained on the real data does not
 * assign to their conditioning label ("label-consistency" or classifier filtering of synthetic training data),
 * a top-{@code n}-of-{@code m} form of rejection sampling. It is related to Discriminator Rejection Sampling
 * (Azadi et al., ICLR 2019), which accepts samples by the GAN discriminator's score of realism; here the score
 * is an independent real-data classifier's probability of the requested class, so the filter removes samples
 * that look like another class rather than samples that look fake.
 *
 * <p>Safe to call from several threads.
 */
public final class GenerationFilter {

    /** The Java name of the setting: candidates drawn per generated sample kept. */
    public static final String SETTING = "ganFilter";

    /** The factor that filters nothing. */
    public static final double OFF = 1.0;

    /** The filtering method in one sentence, for the evaluation's reports: its classifier learns a seed's split. */
    public static final String METHOD = method("the seed's real training split");

    /**
     * @param trainedOn what the classifier learns, e.g. "the wrapped source's real examples" (the Tribuo plugin's
     *     provenance said "the seed's real training split", the evaluation's words, of a source that has none)
     * @return the filtering method in one sentence, for reports and provenance
     */
    public static String method(String trainedOn) {
        return "classifier filtering: for a request of n samples of class c, draw ceil(factor x n) candidates (the "
                + "first of the generator's (seed, c) stream), keep the n with the highest probability of c under a "
                + "classifier trained on " + trainedOn + " only (ties by candidate index), in candidate order";
    }

    private final double factor;
    private final TreeMap<Integer, Tally> tallies = new TreeMap<>();

    /**
     * @param factor candidates drawn per sample kept, finite and ≥ 1
     * @throws IllegalArgumentException for a factor below 1 or not finite
     */
    public GenerationFilter(double factor) {
        if (!Double.isFinite(factor) || factor < 1) {
            throw new IllegalArgumentException("factor must be finite and at least 1, was " + factor);
        }
        this.factor = factor;
    }

    /**
     * The check of the {@value #SETTING} setting, shared by the evaluations and the Tribuo plugin.
     *
     * @param ganFilter candidates drawn per generated sample kept
     * @throws InvalidSettingException (setting {@value #SETTING}) unless it is finite, at least 1 and at most
     *     {@value #MOST_FACTOR}
     */
    public static void requireFactor(double ganFilter) {
        if (!Double.isFinite(ganFilter) || ganFilter < 1) {
            throw new InvalidSettingException(SETTING, "must be a finite number of at least 1 (candidates drawn "
                    + "per generated sample kept; 1 = no filtering), was " + ganFilter);
        }
        if (ganFilter > MOST_FACTOR) {
            // 1e7 ran silently for more than 10 minutes, and evaluate's 1e9 failed after the GAN and four arms (a
            // fresh user, 5 Dec)
            throw new InvalidSettingException(SETTING, "must be at most " + (long) MOST_FACTOR + " (candidates drawn, "
                    + "generated and scored per generated sample kept), was " + ganFilter);
        }
    }

    /** The most candidates per kept sample: every one is generated and scored by the classifier. */
    public static final double MOST_FACTOR = 1000;

    /**
     * @param n samples requested, ≥ 0
     * @param factor candidates per sample, ≥ 1
     * @return {@code ceil(factor × n)}, with the factor read as the decimal it prints as (1.1 × 10 = 11)
     * @throws IllegalArgumentException when the result exceeds {@link Integer#MAX_VALUE}
     */
    public static int candidates(int n, double factor) {
        BigDecimal m = BigDecimal.valueOf(factor).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING);
        if (m.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(factor + " × " + n + " candidates are too many");
        }
        return m.intValueExact();
    }

    /**
     * @param n samples requested, ≥ 0
     * @return the candidates to draw for them, {@code ceil(factor × n)}
     */
    public int candidates(int n) {
        return candidates(n, factor);
    }

    /** @return the candidates drawn per sample kept */
    public double factor() {
        return factor;
    }

    /**
     * Chooses the {@code n} candidates to keep and counts the request for the class.
     *
     * @param classIndex the requested class
     * @param n samples requested, ≥ 0
     * @param probabilities the probability of the class of each of the {@link #candidates(int)} candidates, in
     *     candidate order
     * @return per candidate, whether it is kept: the {@code n} highest probabilities, ties to the lower index
     * @throws IllegalStateException when the probabilities are not one per candidate
     */
    public boolean[] keep(int classIndex, int n, double[] probabilities) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int m = candidates(n);
        double[] p = probabilities;
        if (p.length != m) {
            throw new IllegalStateException("the classifier scored " + p.length + " of " + m + " candidates");
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i));
        boolean[] keep = new boolean[m];
        for (int k = 0; k < n; k++) {
            keep[order[k]] = true;
        }
        double keptSum = 0;
        double droppedSum = 0;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                keptSum += p[i];
            } else {
                droppedSum += p[i];
            }
        }
        synchronized (tallies) {
            tallies.computeIfAbsent(classIndex, c -> new Tally()).add(m, n, keptSum, droppedSum);
        }
        return keep;
    }

    /** @return per class that had a filtered request, in class order, what was drawn, kept and dropped */
    public List<FilterCounts> counts() {
        synchronized (tallies) {
            List<FilterCounts> out = new ArrayList<>();
            tallies.forEach((c, t) -> out.add(t.counts(c)));
            return out;
        }
    }

    /** Running sums of one class. */
    private static final class Tally {
        private int requests;
        private long drawn;
        private long kept;
        private double keptSum;
        private double droppedSum;

        void add(int m, int n, double keptP, double droppedP) {
            requests++;
            drawn += m;
            kept += n;
            keptSum += keptP;
            droppedSum += droppedP;
        }

        FilterCounts counts(int classIndex) {
            long dropped = drawn - kept;
            return new FilterCounts(classIndex, requests, drawn, kept, kept == 0 ? null : keptSum / kept,
                    dropped == 0 ? null : droppedSum / dropped);
        }
    }
}
