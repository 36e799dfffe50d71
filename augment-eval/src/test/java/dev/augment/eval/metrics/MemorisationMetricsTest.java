package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemorisationMetricsTest {

    private static final MemorisationMetrics METRICS = MemorisationMetrics.withDefaults(11);

    @Test
    void copiesOfTrainingAreMemorised() {
        float[][] train = TestData.gaussian(300, 8, 0, 1, 1);
        float[][] holdout = TestData.gaussian(300, 8, 0, 1, 2);
        float[][] copies = new float[200][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = train[i].clone();
        }
        MemorisationMetrics.Result r = METRICS.compute(train, holdout, copies);
        // every copy has DCR 0 to training and > 0 to hold-out → share 1; DCR 0 ≤ any threshold → 1
        assertEquals(1.0, r.shareCloserToTraining(), 0);
        assertEquals(1.0, r.nearDuplicateShare(), 0);
        assertEquals(0.0, r.medianDcrTraining(), 0);
        assertEquals(0.0, r.medianDcrRatio(), 0);
    }

    @Test
    void freshSamplesAreEquallyCloseToTrainingAndHoldout() {
        float[][] train = TestData.gaussian(300, 8, 0, 1, 1);
        float[][] holdout = TestData.gaussian(300, 8, 0, 1, 2);
        float[][] fresh = TestData.gaussian(300, 8, 0, 1, 3);
        MemorisationMetrics.Result r = METRICS.compute(train, holdout, fresh);
        // exchangeable train and hold-out sets of equal size → P(dTrain < dHoldout) = 0.5;
        // binomial sd for 300 draws ≈ 0.029, so ±0.1 is > 3 sd.
        assertEquals(0.5, r.shareCloserToTraining(), 0.1);
        // threshold = 1st percentile of training NN distances → ≈ 1% of fresh samples fall below
        // (0.8–3.3% over seeds 1–4)
        assertTrue(r.nearDuplicateShare() < 0.06, () -> "near duplicates " + r.nearDuplicateShare());
        // uniform points in the 8-d bounding box (≈ ±2.7 per axis) are far from the Gaussian mass
        assertTrue(r.medianDcrRatio() < 1.0, () -> "median DCR ratio " + r.medianDcrRatio());
    }

    @Test
    void handComputedOnALine() {
        // train 0, 10; hold-out 4, 20; synthetic 1 (dTrain 1 < dHoldout 3), 5 (5 > 1), 10 (0 < 6)
        // → share closer = 2/3; DCRs to train 1, 5, 0 → median 1; to hold-out 3, 1, 6 → median 3.
        // fixed threshold 0.5 → only 10 (DCR 0) is a near duplicate → 1/3.
        MemorisationMetrics.Result r = METRICS.withNearDuplicateThreshold(0.5)
                .compute(TestData.line(0, 10), TestData.line(4, 20), TestData.line(1, 5, 10));
        assertEquals(2.0 / 3, r.shareCloserToTraining(), 1e-12);
        assertEquals(1.0, r.medianDcrTraining(), 1e-6);
        assertEquals(3.0, r.medianDcrHoldout(), 1e-6);
        assertEquals(0.5, r.nearDuplicateThreshold(), 0);
        assertEquals(1.0 / 3, r.nearDuplicateShare(), 1e-12);
        // random points are uniform in [0, 10], so their DCR to {0, 10} is at most 5
        assertTrue(r.medianDcrRandom() <= 5.0);
    }

    @Test
    void defaultThresholdIsFirstPercentileOfTrainingNeighbourDistances() {
        // train 0, 1, 3, 7, 15: NN distances 1, 1, 2, 4, 8 → sorted 1,1,2,4,8;
        // type-7 1st percentile: h = 4·0.01 = 0.04 → 1 + 0.04·(1 − 1) = 1
        MemorisationMetrics.Result r = METRICS.compute(TestData.line(0, 1, 3, 7, 15),
                TestData.line(2), TestData.line(0.5, 20));
        assertEquals(1.0, r.nearDuplicateThreshold(), 1e-9);
        assertEquals(0.5, r.nearDuplicateShare(), 0); // 0.5 is 0.5 from 0; 20 is 5 from 15
    }

    @Test
    void randomBaselineIsSeeded() {
        float[][] train = TestData.gaussian(50, 3, 0, 1, 1);
        float[][] holdout = TestData.gaussian(50, 3, 0, 1, 2);
        float[][] fresh = TestData.gaussian(50, 3, 0, 1, 3);
        assertEquals(METRICS.compute(train, holdout, fresh), METRICS.compute(train, holdout, fresh));
    }
}
