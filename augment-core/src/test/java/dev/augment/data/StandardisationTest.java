package dev.augment.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StandardisationTest {

    private static final List<float[]> ROWS = List.of(new float[] {1, 5, 0}, new float[] {3, 5, 0}, new float[] {5, 5, 3});

    @Test
    void zScoresUseTheSampleDeviationAndAConstantFeatureBecomesZero() {
        Standardisation z = Standardisation.fit(ROWS);
        // feature 0: mean 3, sd 2; feature 1 constant; feature 2: mean 1, sd sqrt(3)
        assertArrayEquals(new float[] {-1f, 0f, (float) (-1 / Math.sqrt(3))}, z.apply(ROWS.get(0)), 1e-6f);
        assertArrayEquals(new float[] {1.5f, 0f, 0f}, z.apply(new float[] {6, 9, 1}), 1e-6f);
    }

    @Test
    void varyingFeaturesLeaveOutTheConstantOnes() {
        assertArrayEquals(new int[] {0, 2}, Standardisation.fit(ROWS).varyingFeatures());
        assertArrayEquals(new int[] {}, Standardisation.fit(List.of(ROWS.get(0))).varyingFeatures(), "one row: no deviation");
    }

    /**
     * A column in farads (about 1e-12), the only one telling the classes apart, was taken for a constant by an
     * absolute bound of 1e-12, and evaluate scored at chance (a fresh user, 6 Dec): the bound is relative.
     */
    @Test
    void aFeatureOnATinyScaleIsStandardisedAsTheSameFeatureInOtherUnits() {
        List<float[]> tiny = ROWS.stream().map(r -> new float[] {r[0] * 1e-13f, r[1] * 1e-13f, r[2] * 1e-30f})
                .toList();
        Standardisation z = Standardisation.fit(tiny);
        assertArrayEquals(new int[] {0, 2}, z.varyingFeatures());
        assertArrayEquals(Standardisation.fit(ROWS).apply(ROWS.get(0)), z.apply(tiny.get(0)), 1e-5f);
        // a constant of any size is still a constant, rounding of its mean and all
        List<float[]> constant = List.of(new float[] {0.1f}, new float[] {0.1f}, new float[] {0.1f});
        assertArrayEquals(new int[] {}, Standardisation.fit(constant).varyingFeatures());
    }
}
