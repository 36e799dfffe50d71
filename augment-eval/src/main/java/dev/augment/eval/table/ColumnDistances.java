package dev.augment.eval.table;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-column distribution distances between real and synthetic rows:
 *
 * <ul>
 *   <li>numeric columns: the two-sample Kolmogorov–Smirnov statistic {@code D = sup_x |F_real(x) − F_synth(x)|}
 *       (Kolmogorov 1933, Smirnov 1948), from Commons Statistics' {@link KolmogorovSmirnovTest#statistic(double[],
 *       double[])}; no p-value (with hundreds of rows any visible difference is "significant");</li>
 *   <li>categorical columns: the total variation distance {@code ½ Σ_v |p_real(v) − p_synth(v)|} of the
 *       category frequencies, a missing cell counting as a category of its own.</li>
 * </ul>
 *
 * Both lie in [0, 1] (0: same distribution; 1: disjoint). Values are read from Tribuo-scale feature vectors
 * ({@link TableColumnLayout}), so a missing numeric cell counts as 0, as Tribuo sees it.
 */
public final class ColumnDistances {

    private ColumnDistances() {
    }

    /**
     * @param columns the table's columns
     * @param real real feature vectors, at least one
     * @param synthetic synthetic feature vectors, at least one
     * @return one distance per column, in column order
     */
    public static List<ColumnDistance> of(List<TableColumnLayout> columns, float[][] real, float[][] synthetic) {
        if (real.length == 0 || synthetic.length == 0) {
            throw new IllegalArgumentException("column distances need real and synthetic rows, had " + real.length
                    + " and " + synthetic.length);
        }
        List<ColumnDistance> out = new ArrayList<>(columns.size());
        for (TableColumnLayout column : columns) {
            if (column.categorical()) {
                out.add(new ColumnDistance(column.name(), ColumnDistance.TV, totalVariation(categories(column, real),
                        categories(column, synthetic), column.width())));
            } else {
                out.add(new ColumnDistance(column.name(), ColumnDistance.KS, ks(values(column, real),
                        values(column, synthetic))));
            }
        }
        return out;
    }

    /**
     * @param a a sample, not empty
     * @param b another sample, not empty
     * @return the two-sample Kolmogorov–Smirnov statistic, in [0, 1]
     */
    public static double ks(double[] a, double[] b) {
        return KolmogorovSmirnovTest.withDefaults().statistic(twice(a), twice(b));
    }

    /**
     * Commons Statistics needs two values per sample; a single value repeated has the same empirical
     * distribution function, so the statistic is unchanged (a class with one training row in a split).
     */
    private static double[] twice(double[] sample) {
        if (sample.length != 1) {
            return sample;
        }
        return new double[] {sample[0], sample[0]};
    }

    /**
     * @param a categories of one sample, each in [−1, categories), −1 meaning missing; not empty
     * @param b categories of another sample, same coding; not empty
     * @param categories the number of categories
     * @return {@code ½ Σ_v |p_a(v) − p_b(v)|} over the categories and "missing", in [0, 1]
     */
    public static double totalVariation(int[] a, int[] b, int categories) {
        double[] p = frequencies(a, categories);
        double[] q = frequencies(b, categories);
        double sum = 0;
        for (int v = 0; v < p.length; v++) {
            sum += Math.abs(p[v] - q[v]);
        }
        return Math.min(1, sum / 2);
    }

    private static double[] frequencies(int[] x, int categories) {
        double[] f = new double[categories + 1];
        for (int v : x) {
            if (v < -1 || v >= categories) {
                throw new IllegalArgumentException("category " + v + " is outside [-1, " + categories + ")");
            }
            f[v + 1] += 1.0 / x.length;
        }
        return f;
    }

    private static double[] values(TableColumnLayout column, float[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = column.value(rows[i]);
        }
        return out;
    }

    private static int[] categories(TableColumnLayout column, float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = column.category(rows[i]);
        }
        return out;
    }
}
