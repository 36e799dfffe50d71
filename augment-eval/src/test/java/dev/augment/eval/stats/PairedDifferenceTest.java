package dev.augment.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    @Test
    void matchesScipyPairedTTest() {
        double[] with = {0.81, 0.79, 0.84, 0.80, 0.83, 0.82};
        double[] without = {0.78, 0.77, 0.80, 0.79, 0.80, 0.81};
        PairedDifference p = PairedDifference.of(with, without);
        // scipy 1.17.1: d = a − b; d.mean() = 0.0233333;
        // t.interval(0.95, 5, loc=d.mean(), scale=sem(d)) = (0.010624037, 0.036042630);
        // ttest_rel(a, b).pvalue = 0.005245435
        assertEquals(0.0233333333, p.mean(), 1e-9);
        assertEquals(0.010624037, p.lower(), 1e-8);
        assertEquals(0.036042630, p.upper(), 1e-8);
        assertEquals(0.005245435, p.pValue(), 1e-8);
        assertTrue(p.significant());
    }

    @Test
    void differencesOneToFiveMatchHandComputation() {
        // d = 1..5: t = 3/(√2.5/√5) = 4.242640687; for 4 df F(t) = 1/2 + (3/4)x − (1/4)x³ with
        // x = t/√(4 + t²) (closed form of the t CDF), so p = 2(1 − F) = 0.013235600
        PairedDifference p = PairedDifference.of(new double[] {2, 4, 6, 8, 10}, new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, p.mean(), 1e-12);
        assertEquals(0.0132356, p.pValue(), 1e-7);
        assertEquals(5, p.n());
    }

    @Test
    void onePairHasNoIntervalNorPValue() {
        PairedDifference p = PairedDifference.of(new double[] {0.9}, new double[] {0.8});
        assertEquals(0.1, p.mean(), 1e-12);
        assertTrue(Double.isNaN(p.lower()) && Double.isNaN(p.pValue()));
        assertFalse(p.significant());
    }

    @Test
    void constantDifferencesGiveZeroWidthInterval() {
        // all differences 0 → p = 1; all equal to 0.5 → t = ±∞, p = 0
        assertEquals(1.0, PairedDifference.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}).pValue(), 0);
        PairedDifference shifted = PairedDifference.of(new double[] {1.5, 2.5, 3.5}, new double[] {1, 2, 3});
        assertEquals(0.0, shifted.pValue(), 0);
        assertEquals(0.0, shifted.difference().width(), 0);
    }

    @Test
    void refusesUnequalLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(new double[] {1, 2}, new double[] {1}));
        assertEquals("a and b must be non-empty and equally long, had 2 and 1", e.getMessage());
    }

    @Test
    void clippingKeepsAGainOfTwoScoresInsideMinusOneToOne() {
        PairedDifference raw = PairedDifference.of(new double[] {0.9, 0.2}, new double[] {0.1, 0.8});
        assertTrue(raw.difference().lower() < -1 && raw.difference().upper() > 1, raw.toString());
        PairedDifference clipped = raw.clippedTo(-1, 1);
        assertEquals(-1.0, clipped.difference().lower(), 0);
        assertEquals(1.0, clipped.difference().upper(), 0);
        assertEquals(raw.mean(), clipped.mean(), 0);
        assertEquals(raw.pValue(), clipped.pValue(), 0);
    }

    @Test
    void aBoundThatIsNotZeroNeverReadsAsZero() {
        PairedDifference d = new PairedDifference(new MeanInterval(-0.015, -0.0294, -0.0004, 3, 0.95), 0.04);
        assertEquals("-0.015 [-0.029, -0.0004]", d.text(3), "the interval excludes 0, and reads so");
        assertEquals("-0.0150 [-0.0294, -0.0004]", d.text(4));
        PairedDifference touching = new PairedDifference(new MeanInterval(-0.0002, -0.01, 0.0, 3, 0.95), 0.5);
        assertEquals("-0.0002 [-0.010, +0.000]", touching.text(3), "a mean that is not zero keeps its sign; an exact "
                + "0 bound stays 0");
        PairedDifference tiny = new PairedDifference(new MeanInterval(-0.0003, -0.0005, -0.0001, 3, 0.95), 0.01);
        assertEquals("-0.0003 [-0.001, -0.0001]", tiny.text(3), "the mean reads with its interval's sign");
        PairedDifference zero = new PairedDifference(new MeanInterval(0, -0.01, 0.01, 3, 0.95), 1);
        assertEquals("+0.000 [-0.010, +0.010]", zero.text(3));
        PairedDifference one = new PairedDifference(new MeanInterval(0.012, Double.NaN, Double.NaN, 1, 0.95),
                Double.NaN);
        assertEquals("+0.012", one.text(3), "one pair: no interval");
    }
}
