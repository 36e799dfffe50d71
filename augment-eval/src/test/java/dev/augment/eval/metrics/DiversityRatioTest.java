package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiversityRatioTest {

    @Test
    void handComputedOnALine() {
        // real 0,2,4: pairwise 2,4,2 → mean 8/3; synthetic 0,1: mean 1 → ratio 3/8
        DiversityRatio.Result r = DiversityRatio.withDefaults(1).compute(TestData.line(0, 2, 4), TestData.line(0, 1));
        assertEquals(8.0 / 3, r.realMeanDistance(), 1e-9);
        assertEquals(1.0, r.syntheticMeanDistance(), 1e-9);
        assertEquals(3.0 / 8, r.ratio(), 1e-9);
    }

    @Test
    void sameDistributionIsAboutOne() {
        DiversityRatio.Result r = DiversityRatio.withDefaults(1)
                .compute(TestData.gaussian(300, 8, 0, 1, 1), TestData.gaussian(300, 8, 0, 1, 2));
        // same distribution → same expected pairwise distance (≈ √(2·8) = 4 for N(0, I₈))
        assertEquals(1.0, r.ratio(), 0.05);
    }

    @Test
    void collapsedSampleIsFarBelowOne() {
        float[][] real = TestData.gaussian(300, 8, 0, 1, 1);
        DiversityRatio.Result r = DiversityRatio.withDefaults(1).compute(real, TestData.collapsed(real, 1, 300, 0.05, 2));
        // one mode with σ = 0.05 jitter: pairwise ≈ 0.05·4 = 0.2 versus ≈ 4 → ratio ≈ 0.05
        assertTrue(r.ratio() < 0.1, () -> "ratio " + r.ratio());
    }

    @Test
    void subsamplingIsSeeded() {
        float[][] real = TestData.gaussian(120, 4, 0, 1, 1);
        float[][] fake = TestData.gaussian(120, 4, 0, 1, 2);
        DiversityRatio capped = DiversityRatio.withDefaults(5).withMaxSamples(50);
        assertEquals(capped.compute(real, fake), capped.compute(real, fake));
    }

    @Test
    void refusesIdenticalRealVectors() {
        assertThrows(IllegalArgumentException.class,
                () -> DiversityRatio.withDefaults(1).compute(TestData.line(1, 1, 1), TestData.line(0, 1)));
    }
}
