package dev.augment.eval.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded subsampling and order statistics shared by this package's metrics. */
final class Sampling {

    private Sampling() {
    }

    /**
     * Rows chosen without replacement by a partial Fisher–Yates shuffle; all rows, in order, when
     * there are no more than {@code max}.
     */
    static float[][] subsample(float[][] x, int max, SplittableRandom rng) {
        if (x.length <= max) {
            return x;
        }
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        float[][] out = new float[max][];
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = x[idx[i]];
        }
        return out;
    }

    /**
     * The q-quantile with linear interpolation between order statistics (Hyndman and Fan type 7,
     * the default of R and numpy).
     */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
