package dev.augment.eval.quality;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaProjectionTest {

    /**
     * Points spread widely along (1, 2, 2)/3 and narrowly along (2, −2, 1)/3: the projections on the first
     * component carry almost all the variance, in the ratio of the two spreads (standard deviations 10
     * and 1, so variances 100 and 1). More rows than one covariance block, so the blocks are summed.
     */
    @Test
    void leadingComponentFollowsTheWidestSpread() {
        double[] wide = {1 / 3.0, 2 / 3.0, 2 / 3.0};
        double[] narrow = {2 / 3.0, -2 / 3.0, 1 / 3.0};
        SplittableRandom random = new SplittableRandom(1);
        float[][] data = new float[3000][3];
        for (float[] row : data) {
            double a = 10 * random.nextGaussian();
            double b = random.nextGaussian();
            for (int j = 0; j < 3; j++) {
                row[j] = (float) (5 + a * wide[j] + b * narrow[j]);
            }
        }
        PcaProjection pca = PcaProjection.fit(data, 2);
        assertEquals(2, pca.dimensions());
        float[][] projected = pca.project(data);
        double first = variance(projected, 0);
        double second = variance(projected, 1);
        assertEquals(100, first, 8, "variance along the first component");
        assertEquals(1, second, 0.1, "variance along the second component");
        assertTrue(Math.abs(mean(projected, 0)) < 0.5, "projections are centred");
    }

    /**
     * Fewer rows than features take the Gram matrix's route: the same leading subspace as the covariance's, so the
     * distances between projected rows agree with those of the covariance route (signs of components may differ).
     */
    @Test
    void fewerRowsThanFeaturesGiveTheCovariancesSubspace() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] few = new float[40][60];
        for (float[] row : few) {
            double a = 8 * random.nextGaussian();
            double b = 3 * random.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (a * Math.sin(j) + b * Math.cos(3 * j) + 0.1 * random.nextGaussian());
            }
        }
        float[][] dual = PcaProjection.fit(few, 2).project(few);
        float[][] padded = new float[80][]; // every row twice, more rows than features: the covariance route
        for (int i = 0; i < padded.length; i++) {
            padded[i] = few[i % 40];
        }
        PcaProjection primalFit = PcaProjection.fit(padded, 2);
        float[][] primal = primalFit.project(few);
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                assertEquals(distance(primal[i], primal[j]), distance(dual[i], dual[j]), 0.05 * (1 + distance(
                        primal[i], primal[j])), "rows " + i + " and " + j);
            }
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(sum);
    }

    private static double mean(float[][] x, int column) {
        double sum = 0;
        for (float[] row : x) {
            sum += row[column];
        }
        return sum / x.length;
    }

    private static double variance(float[][] x, int column) {
        double m = mean(x, column);
        double sum = 0;
        for (float[] row : x) {
            sum += (row[column] - m) * (row[column] - m);
        }
        return sum / (x.length - 1);
    }
}
