package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManifoldMetricsTest {

    @Test
    void handComputedOnALineWithKOne() {
        // real 0,1,2,3,6,7 with k=1: every real radius is 1.
        // synthetic 0.5, 2.9, 10: fake radii (k=1 among fakes) 2.4, 2.4, 7.1.
        float[][] real = TestData.line(0, 1, 2, 3, 6, 7);
        float[][] fake = TestData.line(0.5, 2.9, 10);
        ManifoldMetrics.Result r = ManifoldMetrics.withDefaults().withK(1).compute(real, fake);
        // precision: 0.5 (in balls of 0 and 1) and 2.9 (balls of 2 and 3) yes, 10 (7 is 3 away) no → 2/3
        assertEquals(2.0 / 3, r.precision(), 1e-12);
        // density: (2 + 2 + 0) balls / (k·M = 3) = 4/3
        assertEquals(4.0 / 3, r.density(), 1e-12);
        // coverage: balls of 0,1,2,3 hold a fake; 6 (nearest fake 3.1 away) and 7 (3 away) do not → 4/6
        assertEquals(4.0 / 6, r.coverage(), 1e-12);
        // recall: 0..3 lie within 2.4 of 0.5 or 2.9; 6 and 7 lie within 7.1 of 10 → 6/6
        assertEquals(1.0, r.recall(), 1e-12);
        assertEquals(1, r.k());
    }

    @Test
    void pointOnBallBoundaryCounts() {
        // real 0,1,2 with k=1 have radius 1; fakes 3,5,9 have radii 2,2,4.
        // precision: 3 is exactly 1 from real 2, on the boundary → in (closed ball, ≤ as in
        // Kynkäänniemi et al. 2019, Eq. 1); 5 and 9 are out → 1/3.
        // recall: real 1 is exactly 2 from fake 3 → in; real 2 is 1 from 3 → in; real 0 → out: 2/3.
        ManifoldMetrics.Result r = ManifoldMetrics.withDefaults().withK(1)
                .compute(TestData.line(0, 1, 2), TestData.line(3, 5, 9));
        assertEquals(1.0 / 3, r.precision(), 1e-12);
        assertEquals(2.0 / 3, r.recall(), 1e-12);
    }

    @Test
    void twoSamplesOfOneGaussianScoreHigh() {
        float[][] real = TestData.gaussian(400, 8, 0, 1, 1);
        float[][] fake = TestData.gaussian(400, 8, 0, 1, 2);
        ManifoldMetrics.Result r = ManifoldMetrics.withDefaults().compute(real, fake);
        // Naeem et al. 2020: for identical distributions E[coverage] ≈ 1 - 2^-5 ≈ 0.97 and
        // E[density] = 1; precision and recall should be high in 8 dimensions with k = 5.
        assertTrue(r.coverage() > 0.9, () -> "coverage " + r.coverage());
        assertTrue(r.precision() > 0.85, () -> "precision " + r.precision());
        assertTrue(r.recall() > 0.85, () -> "recall " + r.recall());
        assertEquals(1.0, r.density(), 0.2);
    }

    @Test
    void collapsedSampleHasLowCoverageAndRecall() {
        float[][] real = TestData.gaussian(400, 8, 0, 1, 1);
        // five real points, each repeated 80 times with 0.01 jitter: precision stays high,
        // but at most the balls near five points can be covered.
        float[][] fake = TestData.collapsed(real, 5, 400, 0.01, 3);
        ManifoldMetrics.Result r = ManifoldMetrics.withDefaults().compute(real, fake);
        // each mode sits in the balls of about k + a few real points: coverage ≈ 5·8/400 ≈ 0.1
        // (0.075–0.105 over seeds 1–4); recall: only the 5 source points are near a fake ball
        // (fake radii ≈ 0.03) → 5/400 = 0.0125
        assertTrue(r.coverage() < 0.2, () -> "coverage " + r.coverage());
        assertTrue(r.recall() < 0.05, () -> "recall " + r.recall());
        assertTrue(r.precision() > 0.9, () -> "precision " + r.precision());
    }

    @Test
    void refusesSetsNoLargerThanK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManifoldMetrics.withDefaults().compute(TestData.line(0, 1, 2, 3, 4, 5), TestData.line(0, 1)));
        assertTrue(e.getMessage().contains("more than k=5"), e.getMessage());
    }

    @Test
    void refusesNonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> ManifoldMetrics.withDefaults().withK(0));
    }

    @Test
    void resultRefusesPrecisionAboveOne() {
        assertThrows(IllegalArgumentException.class, () -> new ManifoldMetrics.Result(1.5, 0, 0, 0, 5));
    }

    @Test
    void aCancelledTokenStopsTheNeighbourSearchesNamingWhatStopped() {
        float[][] points = new float[50][2];
        for (int i = 0; i < points.length; i++) {
            points[i] = new float[] {i, i % 7};
        }
        dev.augment.cancel.CancellationToken token = new dev.augment.cancel.CancellationToken();
        ManifoldMetrics metrics = ManifoldMetrics.withDefaults().withCancellation(token);
        assertEquals(1.0, metrics.compute(points, points).coverage(), 1e-12, "runs while not cancelled");
        token.cancel();
        dev.augment.cancel.CancelledException e = assertThrows(dev.augment.cancel.CancelledException.class,
                () -> metrics.compute(points, points));
        assertTrue(e.getMessage().contains("nearest neighbours"), e.getMessage());
        assertThrows(dev.augment.cancel.CancelledException.class,
                () -> Distances.kthNeighbourSquared(points, 5, token));
    }
}
