package dev.augment.eval.table;

import dev.augment.eval.metrics.Distances;

import java.util.Arrays;

/**
 * DCR memorisation check (distance to closest record; Park et al., "Data Synthesis based on Generative
 * Adversarial Networks", VLDB 2018, and the synthcity/SDMetrics privacy checks): the Euclidean distance,
 * in a {@link StandardSpace}, from every synthetic row to its closest real training row, compared with the
 * same distance from real held-out (test) rows, which the generator never saw. A generator that copies
 * its training rows puts synthetic rows closer to them than fresh real rows are; the comparison is at the
 * 5th percentile, where copies show first.
 *
 * @param synthetic5th the 5th percentile of the synthetic rows' DCR
 * @param holdout5th the 5th percentile of the held-out real rows' DCR
 * @param ratio {@code synthetic5th / holdout5th}: about 1 or more for a generator that does not copy, near 0
 *     for one that does; null (undefined, JSON null) when the held-out one is 0, i.e. at least 5% of the held-out
 *     rows repeat training rows, which leaves nothing to compare with (it was {@link Double#MAX_VALUE}, or 0 when
 *     both were 0, which read as "copies")
 */
public record DistanceToClosestRecord(double synthetic5th, double holdout5th, Double ratio) {

    /** The percentile compared. */
    public static final double PERCENTILE = 0.05;

    /** Checks the values. */
    public DistanceToClosestRecord {
        if (!(synthetic5th >= 0) || !(holdout5th >= 0) || (ratio != null && !(ratio >= 0))) {
            throw new IllegalArgumentException("DCR percentiles and ratio must be >= 0, were " + synthetic5th + ", "
                    + holdout5th + ", " + ratio);
        }
    }

    /**
     * @param training real training rows in the space, at least one
     * @param holdout real held-out rows in the space, at least one
     * @param synthetic synthetic rows in the space, at least one
     * @return the two 5th percentiles and their ratio
     */
    public static DistanceToClosestRecord of(float[][] training, float[][] holdout, float[][] synthetic) {
        if (training.length == 0 || holdout.length == 0 || synthetic.length == 0) {
            throw new IllegalArgumentException("DCR needs training, held-out and synthetic rows, had "
                    + training.length + ", " + holdout.length + " and " + synthetic.length);
        }
        double s = percentile(Distances.nearest(synthetic, training), PERCENTILE);
        double h = percentile(Distances.nearest(holdout, training), PERCENTILE);
        Double ratio = h > 0 ? s / h : null;
        return new DistanceToClosestRecord(s, h, ratio);
    }

    /**
     * @param values at least one value
     * @param q the quantile, in [0, 1]
     * @return the quantile, linearly interpolated between order statistics (as numpy's default)
     */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
