package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictRulesTest {

    private static final VerdictRules RULES = VerdictRules.defaults();

    /** Healthy numbers for two samples of one distribution (k = 5; Naeem et al. 2020). */
    private static ClassDiagnostics healthy() {
        return new ClassDiagnostics(0.9, 0.9, 1.0, 0.97, 0.05, 1.0, 0.95, 0.5, 0.3, 0.01);
    }

    private static ClassDiagnostics with(String field, double v) {
        ClassDiagnostics h = healthy();
        return new ClassDiagnostics(
                field.equals("precision") ? v : h.precision(), field.equals("recall") ? v : h.recall(),
                h.density(), field.equals("coverage") ? v : h.coverage(),
                field.equals("ndbOverK") ? v : h.ndbOverK(),
                field.equals("diversityRatio") ? v : h.diversityRatio(),
                field.equals("labelConsistency") ? v : h.labelConsistency(),
                field.equals("shareCloserToTraining") ? v : h.shareCloserToTraining(),
                h.medianDcrRatio(), field.equals("nearDuplicateShare") ? v : h.nearDuplicateShare());
    }

    static Stream<Arguments> singleFailures() {
        // each value lies beyond its default threshold (see VerdictRules.defaults())
        return Stream.of(
                Arguments.of("nearDuplicateShare", 0.5, ClassVerdict.MEMORISATION),
                Arguments.of("shareCloserToTraining", 0.95, ClassVerdict.MEMORISATION),
                Arguments.of("labelConsistency", 0.1, ClassVerdict.LABEL_DRIFT),
                Arguments.of("coverage", 0.2, ClassVerdict.MODE_COLLAPSE),
                Arguments.of("recall", 0.1, ClassVerdict.MODE_COLLAPSE),
                Arguments.of("diversityRatio", 0.2, ClassVerdict.MODE_COLLAPSE),
                Arguments.of("ndbOverK", 0.9, ClassVerdict.MODE_COLLAPSE),
                Arguments.of("precision", 0.2, ClassVerdict.HEALTHY)); // precision alone is no verdict
    }

    @ParameterizedTest
    @MethodSource("singleFailures")
    void eachThresholdTriggersItsVerdict(String field, double value, ClassVerdict expected) {
        assertEquals(expected, RULES.verdict(with(field, value)));
    }

    private static ClassDiagnostics withNoiseRatio(ClassDiagnostics d, Double noiseRatio) {
        return new ClassDiagnostics(d.precision(), d.recall(), d.density(), d.coverage(), d.ndbOverK(),
                d.diversityRatio(), d.labelConsistency(), d.shareCloserToTraining(), d.medianDcrRatio(),
                d.nearDuplicateShare(), noiseRatio);
    }

    @Test
    void aNoiseRatioAboveTheThresholdIsNoisySamples() {
        assertEquals(ClassVerdict.NOISY_SAMPLES, RULES.verdict(withNoiseRatio(healthy(), RULES.maxNoiseRatio() + 0.01)));
        assertEquals(ClassVerdict.HEALTHY, RULES.verdict(withNoiseRatio(healthy(), RULES.maxNoiseRatio() - 0.01)));
        assertEquals(ClassVerdict.HEALTHY, RULES.verdict(withNoiseRatio(healthy(), null)), "no images, no noise verdict");
    }

    @Test
    void noisySamplesComeAfterTheOtherVerdicts() {
        double noisy = RULES.maxNoiseRatio() * 2;
        assertEquals(ClassVerdict.MEMORISATION, RULES.verdict(withNoiseRatio(with("nearDuplicateShare", 0.5), noisy)));
        assertEquals(ClassVerdict.MODE_COLLAPSE, RULES.verdict(withNoiseRatio(with("coverage", 0.2), noisy)));
        assertEquals(ClassVerdict.LABEL_DRIFT, RULES.verdict(withNoiseRatio(with("labelConsistency", 0.1), noisy)));
    }

    @Test
    void healthyNumbersAreHealthy() {
        assertEquals(ClassVerdict.HEALTHY, RULES.verdict(healthy()));
    }

    @Test
    void labelDriftIsCheckedBeforeCollapseAndMemorisation() {
        // copies of a few training rows of another class: drift wins, the rest is about another class
        ClassDiagnostics all = new ClassDiagnostics(1, 0.05, 5, 0.05, 0.9, 0.1, 0.1, 1.0, 0, 1.0);
        assertEquals(ClassVerdict.LABEL_DRIFT, RULES.verdict(all));
    }

    @Test
    void collapseIsCheckedBeforeMemorisation() {
        // a few modes near training rows, correctly labelled: collapse
        ClassDiagnostics collapsedNearTraining = new ClassDiagnostics(1, 0.05, 5, 0.05, 0.9, 0.1, 0.9, 1.0, 0, 0.4);
        assertEquals(ClassVerdict.MODE_COLLAPSE, RULES.verdict(collapsedNearTraining));
    }

    @Test
    void labelDriftIsJudgedOnlyWhereTheClassifierRecognisesRealExamplesOfTheClass() {
        ClassDiagnostics lowConsistency = with("labelConsistency", 0.24);
        assertEquals(ClassVerdict.LABEL_DRIFT, RULES.verdict(lowConsistency, 0.9), "real ones are recognised");
        assertEquals(ClassVerdict.HEALTHY, RULES.verdict(lowConsistency, 0.36),
                "real shirts at 0.36: the classifier cannot tell, so the other checks decide");
        assertEquals(ClassVerdict.MODE_COLLAPSE, RULES.verdict(withLabelConsistencyAndCoverage(0.24, 0.2), 0.36));
    }

    private static ClassDiagnostics withLabelConsistencyAndCoverage(double consistency, double coverage) {
        ClassDiagnostics d = with("labelConsistency", consistency);
        return new ClassDiagnostics(d.precision(), d.recall(), d.density(), coverage, d.ndbOverK(), d.diversityRatio(),
                d.labelConsistency(), d.shareCloserToTraining(), d.medianDcrRatio(), d.nearDuplicateShare(),
                d.noiseRatio());
    }

    @Test
    void labelDriftIsCheckedBeforeCollapse() {
        ClassDiagnostics driftAndCollapse = new ClassDiagnostics(1, 0.05, 5, 0.05, 0.9, 0.1, 0.1, 0.5, 0.3, 0);
        assertEquals(ClassVerdict.LABEL_DRIFT, RULES.verdict(driftAndCollapse));
    }

    @Test
    void thresholdsCanBeRecalibrated() {
        // coverage 0.6 passes the default 0.5 but not a calibrated 0.8
        ClassDiagnostics d = with("coverage", 0.6);
        assertEquals(ClassVerdict.HEALTHY, RULES.verdict(d));
        assertEquals(ClassVerdict.MODE_COLLAPSE, RULES.withMinCoverage(0.8).verdict(d));
    }

    @Test
    void refusesThresholdOutsideUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RULES.withMaxNdbOverK(1.5));
        assertEquals("maxNdbOverK must be in [0, 1], was 1.5", e.getMessage());
    }
}
