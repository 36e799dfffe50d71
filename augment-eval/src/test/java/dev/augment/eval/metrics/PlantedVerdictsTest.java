package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * End-to-end: planted synthetic sets run through {@link ClassDiagnoser} and judged by the default
 * {@link VerdictRules}. Two Gaussian classes in 8 dimensions, A around 0 and B around 3 (per axis);
 * label consistency is measured with a nearest-class-mean classifier fitted on the training data.
 */
class PlantedVerdictsTest {

    private static final int DIM = 8;
    private static final int N = 240;

    private final float[][] trainA = TestData.gaussian(N, DIM, 0, 1, 1);
    private final float[][] holdoutA = TestData.gaussian(N, DIM, 0, 1, 2);
    private final float[][] trainB = TestData.gaussian(N, DIM, 3, 1, 3);
    private final ClassDiagnoser diagnoser = ClassDiagnoser.withDefaults(42);

    /** Share of {@code samples} closer to the mean of class A than to the mean of class B. */
    private double labelConsistencyForA(float[][] samples) {
        float[] meanA = mean(trainA);
        float[] meanB = mean(trainB);
        int correct = 0;
        for (float[] s : samples) {
            if (Distances.squared(s, meanA) < Distances.squared(s, meanB)) {
                correct++;
            }
        }
        return correct / (double) samples.length;
    }

    private static float[] mean(float[][] x) {
        float[] m = new float[x[0].length];
        for (float[] row : x) {
            for (int d = 0; d < m.length; d++) {
                m[d] += row[d] / x.length;
            }
        }
        return m;
    }

    private ClassVerdict judge(float[][] syntheticA) {
        ClassDiagnostics d = diagnoser.diagnose(trainA, holdoutA, syntheticA, labelConsistencyForA(syntheticA));
        return VerdictRules.defaults().verdict(d);
    }

    @Test
    void freshSamplesOfTheSameDistributionAreHealthy() {
        // stands in for real unseen data, which calibrated rules must call healthy
        assertEquals(ClassVerdict.HEALTHY, judge(TestData.gaussian(N, DIM, 0, 1, 4)));
    }

    @Test
    void fewModesWithTinyNoiseAreModeCollapse() {
        // 4 fresh points of class A, each repeated with σ = 0.01 jitter
        float[][] modes = TestData.gaussian(4, DIM, 0, 1, 6);
        assertEquals(ClassVerdict.MODE_COLLAPSE, judge(TestData.collapsed(modes, 4, N, 0.01, 7)));
    }

    @Test
    void copiesOfTrainingRowsAreMemorisation() {
        float[][] copies = new float[N][];
        for (int i = 0; i < N; i++) {
            copies[i] = trainA[i].clone();
        }
        assertEquals(ClassVerdict.MEMORISATION, judge(copies));
    }

    @Test
    void samplesOfTheOtherClassAreLabelDrift() {
        // generator emits class-B samples under label A: labelConsistency ≈ 0
        assertEquals(ClassVerdict.LABEL_DRIFT, judge(TestData.gaussian(N, DIM, 3, 1, 8)));
    }
}
