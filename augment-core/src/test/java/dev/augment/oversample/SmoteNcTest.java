package dev.augment.oversample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.SmoteNc.MixedRows;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmoteNcTest {

    /** Random rows: {@code p} Gaussian numeric columns of very different scales, {@code q} categorical ones. */
    private static MixedRows rows(int n, int p, int q, int categories, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        int[][] c = new int[n][q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian() * Math.pow(100, j) + j;
            }
            for (int j = 0; j < q; j++) {
                c[i][j] = rng.nextInt(categories);
            }
        }
        return new MixedRows(x, c);
    }

    /**
     * SMOTE-NC's squared distance written out independently of the implementation: numeric differences over
     * the class's standard deviation (n − 1), squared, plus 1 (Med² with Med = 1 after standardising) for every
     * differing categorical column.
     */
    private static double distance(MixedRows r, int a, int b) {
        double sum = 0;
        for (int j = 0; j < r.numericWidth(); j++) {
            int col = j;
            double mean = Arrays.stream(r.numeric()).mapToDouble(x -> x[col]).average().orElseThrow();
            double var = Arrays.stream(r.numeric()).mapToDouble(x -> (x[col] - mean) * (x[col] - mean)).sum()
                    / (r.size() - 1);
            double d = (r.numeric()[a][j] - r.numeric()[b][j]) / Math.sqrt(var);
            sum += d * d;
        }
        for (int j = 0; j < r.categoricalWidth(); j++) {
            sum += r.categories()[a][j] == r.categories()[b][j] ? 0 : 1;
        }
        return sum;
    }

    private static int[] kNearest(MixedRows r, int i, int k) {
        return IntStream.range(0, r.size()).filter(j -> j != i).boxed()
                .sorted(Comparator.comparingDouble(j -> distance(r, i, j))).limit(k).mapToInt(Integer::intValue)
                .toArray();
    }

    /** Whether {@code s} lies on the segment from row i to row j (relative tolerance), and where. */
    private static double gapOnSegment(double[] s, double[] xi, double[] xj) {
        double u = Double.NaN;
        for (int d = 0; d < s.length; d++) {
            double dir = xj[d] - xi[d];
            if (Math.abs(dir) > 1e-12) {
                u = (s[d] - xi[d]) / dir;
                break;
            }
        }
        if (Double.isNaN(u)) {
            u = 0;
        }
        if (u < -1e-9 || u > 1 + 1e-9) {
            return Double.NaN;
        }
        for (int d = 0; d < s.length; d++) {
            double expected = xi[d] + u * (xj[d] - xi[d]);
            if (Math.abs(s[d] - expected) > 1e-9 * (1 + Math.abs(expected))) {
                return Double.NaN;
            }
        }
        return u;
    }

    /** The categories with the most votes among the neighbours, per column. */
    private static boolean isMajority(int[] category, MixedRows r, int[] neighbours) {
        for (int c = 0; c < category.length; c++) {
            int[] votes = new int[64];
            for (int nb : neighbours) {
                votes[r.categories()[nb][c]]++;
            }
            int best = Arrays.stream(votes).max().orElseThrow();
            if (category[c] < 0 || votes[category[c]] != best) {
                return false;
            }
        }
        return true;
    }

    @Test
    void makesExactlyTheAskedRowsWithTheInputsWidths() {
        MixedRows real = rows(20, 3, 2, 4, 1);
        for (int count : new int[] {0, 1, 37}) {
            MixedRows out = SmoteNc.withDefaults(7).oversample(real, count);
            assertEquals(count, out.size());
            for (int s = 0; s < count; s++) {
                assertEquals(3, out.numeric()[s].length);
                assertEquals(2, out.categories()[s].length);
            }
        }
    }

    @Test
    void sameSeedGivesSameRowsAndAnotherSeedOthers() {
        MixedRows real = rows(30, 2, 3, 3, 2);
        MixedRows a = SmoteNc.withDefaults(11).oversample(real, 50);
        MixedRows b = SmoteNc.withDefaults(11).oversample(real, 50);
        MixedRows c = SmoteNc.withDefaults(12).oversample(real, 50);
        assertTrue(Arrays.deepEquals(a.numeric(), b.numeric()));
        assertTrue(Arrays.deepEquals(a.categories(), b.categories()));
        assertFalse(Arrays.deepEquals(a.numeric(), c.numeric()));
    }

    @Test
    void numericValuesLieOnASegmentToANearNeighbourAndCategoriesAreTheNeighboursMajority() {
        int k = 3; // binary categories and an odd k: no ties, so the majority is unique
        MixedRows real = rows(25, 3, 3, 2, 3);
        int[][] nn = new int[real.size()][];
        for (int i = 0; i < real.size(); i++) {
            nn[i] = kNearest(real, i, k);
        }
        MixedRows out = SmoteNc.withDefaults(5).withK(k).oversample(real, 200);
        int differFromBase = 0;
        for (int s = 0; s < out.size(); s++) {
            boolean explained = false;
            for (int i = 0; i < real.size() && !explained; i++) {
                for (int j : nn[i]) {
                    double u = gapOnSegment(out.numeric()[s], real.numeric()[i], real.numeric()[j]);
                    if (!Double.isNaN(u) && isMajority(out.categories()[s], real, nn[i])) {
                        explained = true;
                        differFromBase += Arrays.equals(out.categories()[s], real.categories()[i]) ? 0 : 1;
                        break;
                    }
                }
            }
            assertTrue(explained, "synthetic row " + s + " " + Arrays.toString(out.numeric()[s])
                    + Arrays.toString(out.categories()[s]) + " is not on a segment to one of its base's " + k
                    + " nearest neighbours with their majority categories");
        }
        // The vote is the neighbours', not a copy of the base's categories.
        assertTrue(differFromBase > 0, "every synthetic row kept its base's categories");
    }

    @Test
    void plantedNeighboursOutvoteTheBasesOwnCategory() {
        // Rows 0-2 sit together with category 1; row 3 is near them numerically but has category 0. With k = 2
        // row 3's nearest are two of rows 0-2, so whatever row 3 draws takes category 1.
        double[][] x = {{0.0}, {0.1}, {0.2}, {0.05}, {50}, {51}};
        int[][] c = {{1}, {1}, {1}, {0}, {0}, {0}};
        MixedRows out = SmoteNc.withDefaults(3).withK(2).oversample(new MixedRows(x, c), 400);
        int nearCluster = 0;
        for (int s = 0; s < out.size(); s++) {
            if (out.numeric()[s][0] <= 0.2) {
                nearCluster++;
                assertEquals(1, out.categories()[s][0], "a row between rows 0-3 must take their majority 1");
            }
        }
        assertTrue(nearCluster > 100);
    }

    @Test
    void smallClassesClampKAndASingleRowIsCopied() {
        SmoteNc smoteNc = SmoteNc.withDefaults(1).withK(5);
        assertEquals(2, smoteNc.neighboursUsed(3));
        assertEquals(0, smoteNc.neighboursUsed(1));
        MixedRows three = new MixedRows(new double[][] {{0}, {1}, {2}}, new int[][] {{0}, {1}, {1}});
        MixedRows out = smoteNc.oversample(three, 30);
        for (int s = 0; s < 30; s++) {
            assertTrue(out.numeric()[s][0] >= 0 && out.numeric()[s][0] <= 2);
        }
        MixedRows one = new MixedRows(new double[][] {{4.5, 2}}, new int[][] {{3, 0}});
        MixedRows copies = smoteNc.oversample(one, 4);
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(new double[] {4.5, 2}, copies.numeric()[s]);
            assertArrayEquals(new int[] {3, 0}, copies.categories()[s]);
        }
    }

    @Test
    void categoricalOnlyRowsUseTheMismatchCount() {
        // Row 0's nearest (1 mismatch) are rows 1 and 2; row 3 differs in every column. With k = 2 and rows all
        // drawn from {0, 1, 2}, category vectors never take row 3's values in columns where rows 0-2 agree.
        int[][] c = {{0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {2, 2, 2}};
        MixedRows real = new MixedRows(new double[4][0], c);
        MixedRows out = SmoteNc.withDefaults(9).withK(2).oversample(real, 100);
        assertEquals(0, out.numericWidth());
        double[][] embedded = SmoteNc.embed(real);
        assertEquals(1.0, squared(embedded[0], embedded[1]), 1e-12);
        assertEquals(3.0, squared(embedded[0], embedded[3]), 1e-12);
        for (int[] row : out.categories()) {
            assertTrue(Arrays.stream(row).allMatch(v -> v >= 0 && v <= 2));
        }
    }

    @Test
    void missingCellsAreFilledFromTheOtherEndOrStayMissing() {
        double[][] x = {{Double.NaN, 1}, {2, Double.NaN}, {Double.NaN, 3}, {4, 5}};
        int[][] c = {{-1}, {-1}, {-1}, {-1}};
        MixedRows out = SmoteNc.withDefaults(2).withK(3).oversample(new MixedRows(x, c), 50);
        for (int s = 0; s < 50; s++) {
            assertFalse(Double.isNaN(out.numeric()[s][0]) && Double.isNaN(out.numeric()[s][1]));
            assertEquals(-1, out.categories()[s][0], "a column whose neighbours are all missing stays missing");
        }
        double[][] allMissing = {{Double.NaN}, {Double.NaN}};
        MixedRows still = SmoteNc.withDefaults(2).oversample(new MixedRows(allMissing, new int[][] {{0}, {0}}), 3);
        assertTrue(Double.isNaN(still.numeric()[0][0]));
        assertEquals(0, still.categories()[0][0]);
    }

    /** Added rows lost nearly every missing category: 53% of real rows, 4% of added ones (a fresh user, 6 Dec). */
    @Test
    void aMissingCategoryVotesLikeACategorySoAddedRowsKeepTheClassesShareOfGaps() {
        int n = 60;
        double[][] x = new double[n][1];
        int[][] c = new int[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            c[i][0] = i % 2 == 0 ? -1 : i % 6 == 1 ? 0 : i % 6 == 3 ? 1 : 2; // half missing, spread along x
        }
        MixedRows out = SmoteNc.withDefaults(4).oversample(new MixedRows(x, c), 2000);
        long missing = Arrays.stream(out.categories()).filter(row -> row[0] == -1).count();
        assertTrue(missing > 600 && missing < 1400, "about half the added rows miss it, as the class does: "
                + missing);
    }

    @Test
    void refusesKBelowOneAndMalformedRows() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> SmoteNc.withDefaults(0).withK(0));
        assertEquals("k", e.setting());
        assertThrows(IllegalArgumentException.class, () -> new MixedRows(new double[][] {{1}, {1, 2}},
                new int[][] {{0}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> new MixedRows(new double[][] {{1}}, new int[][] {{-2}}));
        assertThrows(IllegalArgumentException.class, () -> SmoteNc.withDefaults(0)
                .oversample(new MixedRows(new double[0][], new int[0][]), 1));
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return sum;
    }
}
