package dev.augment.train.table;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModeNormalisationTest {

    /** Two well separated Gaussians: N(-5, 1) with weight 0.3 and N(10, 2) with weight 0.7. */
    private static double[] twoModes(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < 0.3 * n ? -5 + random.nextGaussian() : 10 + 2 * random.nextGaussian();
        }
        return x;
    }

    @Test
    void emFindsTheModesOfABimodalColumn() {
        GaussianMixture1d mixture = GaussianMixture1d.fit(twoModes(4000, 1), 10, 7);
        int low = 0;
        int high = 0;
        for (int k = 0; k < mixture.modes(); k++) {
            low = mixture.means()[k] < mixture.means()[low] ? k : low;
            high = mixture.means()[k] > mixture.means()[high] ? k : high;
        }
        assertEquals(2, mixture.modes(), "BIC keeps two modes: " + Arrays.toString(mixture.means()));
        assertEquals(-5, mixture.means()[low], 0.15);
        assertEquals(10, mixture.means()[high], 0.2);
        assertEquals(1, mixture.sigmas()[low], 0.1);
        assertEquals(2, mixture.sigmas()[high], 0.15);
        assertEquals(0.3, mixture.weights()[low], 0.02);
        assertEquals(1, Arrays.stream(mixture.weights()).sum(), 1e-9);
    }

    /**
     * A column of about 1e-12 (farads) got one mode of sigma 1e-12 from the floor's absolute part, and one of about
     * 1e-30 every generated value at its minimum (a fresh user, 6 Dec): the fit no longer depends on the unit.
     */
    @Test
    void theModesOfAColumnOnATinyScaleAreTheSameModesScaled() {
        double[] x = twoModes(4000, 1);
        GaussianMixture1d plain = GaussianMixture1d.fit(x, 10, 7);
        for (double unit : new double[] {1e-13, 1e-30}) {
            GaussianMixture1d tiny = GaussianMixture1d.fit(Arrays.stream(x).map(v -> v * unit).toArray(), 10, 7);
            assertEquals(plain.modes(), tiny.modes(), "unit " + unit + ": " + Arrays.toString(tiny.sigmas()));
            for (int k = 0; k < plain.modes(); k++) {
                assertEquals(plain.means()[k], tiny.means()[k] / unit, 1e-6 * Math.abs(plain.means()[k]) + 1e-9);
                assertEquals(plain.sigmas()[k], tiny.sigmas()[k] / unit, 1e-6 * plain.sigmas()[k]);
            }
        }
    }

    @Test
    void fitIsDeterministicForASeed() {
        double[] x = twoModes(8000, 3);
        GaussianMixture1d a = GaussianMixture1d.fit(x, 10, 11);
        GaussianMixture1d b = GaussianMixture1d.fit(x.clone(), 10, 11);
        assertTrue(Arrays.equals(a.means(), b.means()) && Arrays.equals(a.sigmas(), b.sigmas()));
    }

    /** 90% zeros, the rest from N(2, 0.5): the shape of glass's Ba, K and Fe columns. */
    private static double[] mostlyZeros(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = (int) (0.9 * n); i < n; i++) {
            x[i] = Math.abs(2 + 0.5 * random.nextGaussian());
        }
        return x;
    }

    @Test
    void aColumnThatIsMostlyOneValueGetsOneModeForThatValue() {
        GaussianMixture1d mixture = GaussianMixture1d.fit(mostlyZeros(1000, 5), 10, 3);
        double zeroWeight = 0;
        for (int k = 0; k < mixture.modes(); k++) {
            for (int j = k + 1; j < mixture.modes(); j++) {
                assertFalse(mixture.means()[k] == mixture.means()[j] && mixture.sigmas()[k] == mixture.sigmas()[j],
                        "modes " + k + " and " + j + " are copies: " + Arrays.toString(mixture.means()));
            }
            zeroWeight += Math.abs(mixture.means()[k]) < 1e-6 ? mixture.weights()[k] : 0;
        }
        assertEquals(0.9, zeroWeight, 0.01, "the spike at 0 is one mode holding its share");
    }

    @Test
    void aTwoValuedColumnGetsAModePerValue() {
        double[] x = new double[200];
        Arrays.fill(x, 1.0);
        Arrays.fill(x, 0, 30, 2.0);
        GaussianMixture1d mixture = GaussianMixture1d.fit(x, 10, 1);
        assertEquals(2, mixture.modes(), Arrays.toString(mixture.means()));
        double[] means = mixture.means().clone();
        Arrays.sort(means);
        assertEquals(1.0, means[0], 1e-9);
        assertEquals(2.0, means[1], 1e-9);
    }

    @Test
    void startsAreDistinctValuesOfTheColumnEvenWhereQuantilesCoincide() {
        double[] x = new double[100];
        for (int i = 90; i < 100; i++) {
            x[i] = i - 89;
        }
        double[] starts = GaussianMixture1d.distinctQuantileStarts(x, 5);
        assertEquals(0.0, starts[0]);
        for (int j = 1; j < starts.length; j++) {
            assertTrue(starts[j] > starts[j - 1], Arrays.toString(starts));
        }
        assertTrue(Arrays.stream(starts).allMatch(s -> s == Math.rint(s) && s <= 10), Arrays.toString(starts));
        assertEquals(10, GaussianMixture1d.distinctQuantileStarts(x, 11)[10],
                "all 11 values (0 to 10) used when k is 11");
    }

    @Test
    void aConstantColumnHasOneMode() {
        double[] x = new double[50];
        Arrays.fill(x, 4.0);
        GaussianMixture1d mixture = GaussianMixture1d.fit(x, 10, 1);
        assertEquals(1, mixture.modes());
        assertEquals(4.0, mixture.means()[0], 1e-12);
    }

    @Test
    void encodingThenDecodingGivesTheValueBack() {
        double[] x = twoModes(2000, 5);
        double min = Arrays.stream(x).min().orElseThrow();
        double max = Arrays.stream(x).max().orElseThrow();
        ColumnEncoding.Numeric column = new ColumnEncoding.Numeric(GaussianMixture1d.fit(x, 10, 2), 0, min, max);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        float[] encoded = new float[column.width()];
        float[] decoded = new float[1];
        double worst = 0;
        for (double value : x) {
            column.encode(value, random, encoded, 0);
            int mode = ColumnEncoding.argmax(encoded, 1, column.mixture().modes());
            assertEquals(1, encoded[1 + mode], "the mode part is one-hot");
            assertTrue(Math.abs(encoded[0]) <= ColumnEncoding.ALPHA_LIMIT + 1e-6);
            // the generator's raw alpha goes through tanh, so the inverse of tanh stands in for it
            float[] raw = encoded.clone();
            raw[0] = (float) (0.5 * Math.log((1 + encoded[0]) / (1 - encoded[0])));
            column.decode(raw, 0, decoded, 0);
            worst = Math.max(worst, Math.abs(decoded[0] - value));
        }
        assertTrue(worst < 1e-3, "largest round-trip error " + worst);
    }

    @Test
    void aMissingCellIsEncodedAsTheMedianAndDecodedValuesStayInRange() {
        double[] x = twoModes(500, 8);
        ColumnEncoding.Numeric column = new ColumnEncoding.Numeric(GaussianMixture1d.fit(x, 10, 2), 3.5, -6, 12);
        float[] encoded = new float[column.width()];
        column.encode(Double.NaN, RandomSource.XO_RO_SHI_RO_128_PP.create(1L), encoded, 0);
        int mode = ColumnEncoding.argmax(encoded, 1, column.mixture().modes());
        assertEquals(3.5, column.value(encoded[0], mode), 1e-4);
        float[] raw = new float[column.width()];
        raw[0] = 50f;
        raw[1] = 1f;
        float[] decoded = new float[1];
        column.decode(raw, 0, decoded, 0);
        assertTrue(decoded[0] >= -6 && decoded[0] <= 12, "brought into the column's range: " + decoded[0]);
    }

    @Test
    void aBoundTheDataPilesOnClampsAndAnyOtherBoundReflects() {
        // a zero-inflated count (a third of the rows at 0, its minimum; one row at 40, its maximum)
        double[][] numeric = new double[300][];
        for (int r = 0; r < numeric.length; r++) {
            numeric[r] = new double[] {r % 3 == 0 ? 0 : r == 299 ? 40 : 10 + r % 17};
        }
        TableEncoder encoder = TableEncoder.fit(new int[] {0}, new double[] {0}, new double[] {40}, numeric,
                new int[numeric.length][1], 5);
        ColumnEncoding.Numeric column = (ColumnEncoding.Numeric) encoder.columns().get(0);
        assertTrue(column.clampMin(), "a third of the rows hold the minimum: overshoots below are clamped to it");
        assertFalse(column.clampMax(), "one row holds the maximum: overshoots above are reflected");
        int mode = 0;
        assertEquals(0, column.value(column.alphaFor(-3, mode), mode), 1e-9, "3 below the minimum is clamped");
        assertEquals(37, column.value(column.alphaFor(43, mode), mode), 1e-6, "3 above the maximum is mirrored");

        double[][] spread = new double[300][];
        for (int r = 0; r < spread.length; r++) {
            spread[r] = new double[] {r * 0.1};
        }
        ColumnEncoding.Numeric even = (ColumnEncoding.Numeric) TableEncoder.fit(new int[] {0}, new double[] {0},
                new double[] {29.9}, spread, new int[spread.length][1], 5).columns().get(0);
        assertFalse(even.clampMin() || even.clampMax(), "each bound held by one row of 300: both reflect");
    }

    @Test
    void aColumnWithMissingCellsGetsAMissingModeThatDecodesToNaN() {
        double[] x = twoModes(400, 11);
        double[] withGaps = x.clone();
        for (int i = 0; i < withGaps.length; i += 4) {
            withGaps[i] = Double.NaN;
        }
        double[][] numeric = new double[withGaps.length][];
        double[][] complete = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            numeric[i] = new double[] {withGaps[i]};
            complete[i] = new double[] {x[i]};
        }
        int[][] noCategories = new int[x.length][1];
        TableEncoder gappy = TableEncoder.fit(new int[] {0}, new double[] {-20}, new double[] {30}, numeric,
                noCategories, 3);
        TableEncoder full = TableEncoder.fit(new int[] {0}, new double[] {-20}, new double[] {30}, complete,
                noCategories, 3);
        ColumnEncoding.Numeric column = (ColumnEncoding.Numeric) gappy.columns().get(0);
        assertTrue(column.missingSlot());
        assertFalse(((ColumnEncoding.Numeric) full.columns().get(0)).missingSlot(), "no missing cell, no slot");
        assertEquals(full.width() + 1, gappy.width(), "one more slot after the modes");
        assertEquals(new TableEncoder.Span(1, column.mixture().modes() + 1, true), gappy.spans().get(1),
                "the slot is part of the modes' softmax group");

        float[] encoded = gappy.encode(numeric, noCategories, 4);
        int width = gappy.width();
        for (int r = 0; r < 8; r++) {
            float[] row = Arrays.copyOfRange(encoded, r * width, (r + 1) * width);
            int slot = ColumnEncoding.argmax(row, 1, column.slots());
            assertEquals(r % 4 == 0, slot == column.mixture().modes(), "row " + r + ": missing iff the last slot");
            row[0] = (float) (0.5 * Math.log((1 + row[0]) / (1 - row[0])));
            float decoded = gappy.decode(row)[0];
            if (r % 4 == 0) {
                assertTrue(Float.isNaN(decoded), "a missing cell decodes to NaN, was " + decoded);
            } else {
                assertEquals(x[r], decoded, 1e-3, "a present cell round-trips");
            }
        }
    }

    @Test
    void aColumnMissingInEveryRowIsOnlyTheMissingMode() {
        double[][] numeric = {{Double.NaN}, {Double.NaN}, {Double.NaN}};
        int[][] noCategories = new int[3][1];
        TableEncoder encoder = TableEncoder.fit(new int[] {0}, new double[] {0}, new double[] {0}, numeric,
                noCategories, 1);
        ColumnEncoding.Numeric column = (ColumnEncoding.Numeric) encoder.columns().get(0);
        assertTrue(column.missingSlot());
        float[] encoded = encoder.encode(numeric, noCategories, 2);
        float[] row = Arrays.copyOfRange(encoded, 0, encoder.width());
        assertTrue(Float.isNaN(encoder.decode(row)[0]), "generated as missing, not as 0");
    }

    @Test
    void categoricalMissingSlotDecodesToNoFeature() {
        ColumnEncoding.Categorical column = new ColumnEncoding.Categorical(3, true);
        float[] encoded = new float[4];
        column.encode(-1, encoded, 0);
        assertEquals(1f, encoded[3]);
        float[] features = new float[3];
        column.decode(encoded, 0, features, 0);
        assertEquals(0f, features[0] + features[1] + features[2]);
        column.encode(1, encoded, 0);
        column.decode(encoded, 0, features, 0);
        assertEquals(1f, features[1]);
        assertEquals(1f, features[0] + features[1] + features[2]);
    }
}
