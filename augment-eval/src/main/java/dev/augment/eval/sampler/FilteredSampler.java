package dev.augment.eval.sampler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A {@link ConditionalSampler} that oversamples a generator and keeps the candidates a classifier trained on
 * real data finds most typical of the requested class. For class {@code c} and a request of {@code n}, it
 * draws {@code m = ceil(factor × n)} candidates, samples {@code 0 … m−1} of the wrapped sampler's
 * deterministic {@code (seed, c)} stream, scores each with {@link ClassProbability} (the probability of
 * {@code c}), and returns the {@code n} with the highest probability (ties go to the lower candidate index),
 * in candidate-index order. The result is therefore deterministic whenever the wrapped sampler and the
 * classifier are. A factor of 1 returns the wrapped sampler's samples unchanged and scores nothing.
 *
 * <p>Source of the method: rejecting generated samples that a classifier trained on the real data does not
 * assign to their conditioning label ("label-consistency" or classifier filtering of synthetic training
 * data), a top-{@code n}-of-{@code m} form of rejection sampling. It is related to Discriminator Rejection
 * Sampling (Azadi et al., ICLR 2019), which accepts samples by the GAN discriminator's score of realism;
 * here the score is an independent real-data classifier's probability of the requested class, so the filter
 * removes samples that look like another class rather than samples that look fake.
 *
 * <p>Every filtered request is counted per class ({@link #counts()}). Safe to call from several threads.
 */
public final class FilteredSampler implements ConditionalSampler {

    private final ConditionalSampler generated;
    private final ClassProbability classifier;
    private final double factor;
    private final TreeMap<Integer, Tally> tallies = new TreeMap<>();

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
        if (!Double.isFinite(factor) || factor < 1) {
            throw new IllegalArgumentException("factor must be finite and at least 1, was " + factor);
        }
        this.generated = generated;
        this.classifier = classifier;
        this.factor = factor;
    }

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

    @Override
    public float[][] sample(int classIndex, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int m = candidates(n, factor);
        if (m == n) {
            return generated.sample(classIndex, n, seed);
        }
        float[][] pool = generated.sample(classIndex, m, seed);
        double[] p = classifier.of(classIndex, pool);
        if (p.length != m) {
            throw new IllegalStateException("the classifier scored " + p.length + " of " + m + " candidates");
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i));
        boolean[] keep = new boolean[m];
        for (int k = 0; k < n; k++) {
            keep[order[k]] = true;
        }
        float[][] out = new float[n][];
        int next = 0;
        double keptSum = 0;
        double droppedSum = 0;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                out[next++] = pool[i];
                keptSum += p[i];
            } else {
                droppedSum += p[i];
            }
        }
        synchronized (tallies) {
            tallies.computeIfAbsent(classIndex, c -> new Tally()).add(m, n, keptSum, droppedSum);
        }
        return out;
    }

    /** @return the candidates drawn per sample kept */
    public double factor() {
        return factor;
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
