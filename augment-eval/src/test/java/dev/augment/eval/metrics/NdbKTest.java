package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NdbKTest {

    private static final NdbK TWENTY_BINS = NdbK.withDefaults(7).withBins(20);

    @Test
    void sameDistributionHasFewDifferentBins() {
        float[][] real = TestData.gaussian(600, 4, 0, 1, 1);
        float[][] fake = TestData.gaussian(600, 4, 0, 1, 2);
        NdbK.Result r = TWENTY_BINS.compute(real, fake);
        // Richardson & Weiss 2018: with matching distributions each bin is "different" with
        // probability ≈ the significance level 0.05, so NDB/K stays small.
        assertTrue(r.ndbOverK() <= 0.2, () -> "NDB/K " + r.ndbOverK());
        assertEquals(20, r.k());
        assertFalse(r.clamped());
    }

    @Test
    void collapsedSampleHasManyDifferentBins() {
        float[][] real = TestData.gaussian(600, 4, 0, 1, 1);
        float[][] fake = TestData.collapsed(real, 3, 600, 0.01, 3);
        NdbK.Result r = TWENTY_BINS.compute(real, fake);
        // three modes fill at most three bins (each with ~1/3 of the fakes); the other ≥ 17 bins
        // hold ≈ 5% of the real samples and no fakes: z ≈ 0.05/√(0.025·0.975·2/600) ≈ 5.5.
        assertTrue(r.ndbOverK() >= 0.8, () -> "NDB/K " + r.ndbOverK());
    }

    @Test
    void binProportionsSumToOne() {
        NdbK.Result r = TWENTY_BINS.compute(TestData.gaussian(200, 3, 0, 1, 4), TestData.gaussian(150, 3, 0, 1, 5));
        double real = r.bins().stream().mapToDouble(NdbK.Bin::realProportion).sum();
        double fake = r.bins().stream().mapToDouble(NdbK.Bin::syntheticProportion).sum();
        assertEquals(1.0, real, 1e-9);
        assertEquals(1.0, fake, 1e-9);
        assertEquals(r.ndb(), r.bins().stream().filter(NdbK.Bin::different).count());
    }

    @Test
    void clampsKToHalfTheRealSamplesAndSaysSo() {
        // 30 real samples → K ≤ 30 / 2 = 15 although 100 bins were asked for
        NdbK.Result r = NdbK.withDefaults(1).compute(TestData.gaussian(30, 2, 0, 1, 1), TestData.gaussian(30, 2, 0, 1, 2));
        assertEquals(15, r.k());
        assertTrue(r.clamped());
        assertEquals("K clamped from 100 to 15 = half the 30 real samples", r.note());
    }

    @Test
    void sameSeedGivesSameResult() {
        float[][] real = TestData.gaussian(200, 3, 0, 1, 1);
        float[][] fake = TestData.gaussian(200, 3, 0.3, 1, 2);
        assertEquals(TWENTY_BINS.compute(real, fake), TWENTY_BINS.compute(real, fake));
    }

    @Test
    void zTestMatchesHandComputation() {
        // Two tight clusters at -10 and +10 (1-d); K = 2.
        // real: 10 at -10, 10 at +10 → p1 = 0.5 per bin; fake: 18 at -10, 2 at +10 → p2 = 0.9, 0.1.
        // pooled p = 28/40 = 0.7, se = √(0.7·0.3·(1/20 + 1/20)) = √0.021 = 0.144914;
        // z = (0.5 − 0.9)/0.144914 = −2.760262; two-sided p = 2·Φ(−2.760262) = 0.005775
        // (scipy.stats.norm.sf(2.760262)*2).
        double[] reals = new double[20];
        double[] fakes = new double[20];
        for (int i = 0; i < 20; i++) {
            reals[i] = i < 10 ? -10 + i * 0.01 : 10 + i * 0.01;
            fakes[i] = i < 18 ? -10 + i * 0.001 : 10 + i * 0.001;
        }
        NdbK.Result r = NdbK.withDefaults(3).withBins(2).compute(TestData.line(reals), TestData.line(fakes));
        NdbK.Bin low = r.bins().stream().filter(b -> b.syntheticProportion() > 0.5).findFirst().orElseThrow();
        assertEquals(0.5, low.realProportion(), 1e-12);
        assertEquals(-2.760262, low.z(), 1e-6);
        assertEquals(0.005775, low.pValue(), 1e-6);
        assertEquals(2, r.ndb());
        assertEquals(1.0, r.ndbOverK(), 0);
    }
}
