package dev.augment.eval.report;

import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.Arm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineTest {

    @Test
    void twoSeedsWithAnIntervalAcrossZeroAreNotSignificantAndNameTheBestArm() {
        Headline h = Headline.of(HandBuiltReports.twoSeedArms(), HandBuiltReports.diagnostics());
        // GAN − real only per seed: 0.00 and 0.08 → mean 0.04, sd 0.0566; t(0.975, 1) = 12.706 gives ±0.508;
        // paired t = 1 with 1 degree of freedom → p = 0.5 exactly
        assertTrue(h.text().startsWith("real + GAN samples: +0.040 macro-F1 [-0.468, +0.548] against real only, "
                + "p = 0.50: not significant with 2 seeds"), h.text());
        assertEquals(Arm.CLASS_WEIGHTS, h.bestArm());
        // class weights − real only: 0.08 and 0.06 → mean 0.07, sd 0.0141; ±12.706 · 0.01 = ±0.127
        assertTrue(h.text().contains("Best arm: real, class weights (macro-F1 0.790, +0.070 [-0.057, +0.197] "
                + "against real only, not significant)."), h.text());
        assertFalse(h.ganSignificant());
        assertEquals(2, h.seeds());
    }

    @Test
    void aGainWhoseIntervalExcludesZeroIsSignificantAndTheGanArmCanBeBest() {
        Headline h = Headline.of(HandBuiltReports.arms(new double[][] {
                {0.70, 0.71, 0.71, 0.71, 0.75, 0.60}, {0.72, 0.73, 0.73, 0.73, 0.78, 0.61},
                {0.71, 0.72, 0.72, 0.72, 0.75, 0.62}}), HandBuiltReports.diagnostics());
        assertTrue(h.ganSignificant());
        assertEquals(Arm.GAN, h.bestArm());
        assertTrue(h.text().contains("better than real only, significant with 3 seeds"), h.text());
        assertTrue(h.text().contains("Best arm, the GAN arm itself: real + GAN samples"), h.text());
    }

    @Test
    void oneSeedSaysThereIsNoIntervalRatherThanCallingItSignificant() {
        Headline h = Headline.of(HandBuiltReports.arms(new double[][] {{0.70, 0.71, 0.71, 0.71, 0.75, 0.60}}),
                HandBuiltReports.diagnostics());
        assertFalse(h.ganSignificant());
        assertTrue(h.text().startsWith("real + GAN samples: +0.050 macro-F1 against real only, from one seed: no "
                + "interval or test"), h.text());
    }

    @Test
    void generatorSentenceCountsHealthyClassesAndNamesTheOthers() {
        Headline h = Headline.of(HandBuiltReports.twoSeedArms(), HandBuiltReports.diagnostics());
        assertEquals(8, h.healthyClasses());
        assertEquals(9, h.diagnosedClasses());
        assertTrue(h.text().endsWith("Generator of the first seed: 8 of 10 classes healthy; label drift: Shirt; "
                + "1 without a verdict (too few examples)."), h.text());
    }

    @Test
    void noVerdictAtAllSaysWhatTheDiagnosticsNeed() {
        List<ClassReport> none = List.of(new ClassReport(0, "a", 5, 0.9, null, null, "only 5 training and 100 "
                + "test examples; diagnostics need at least 20 of each"), new ClassReport(1, "b", 5, 0.9, null,
                null, "only 5 training and 100 test examples; diagnostics need at least 20 of each"));
        Headline h = Headline.of(HandBuiltReports.twoSeedArms(), none);
        assertEquals(0, h.diagnosedClasses());
        assertTrue(h.text().endsWith("Generator diagnostics: no verdicts, every class had too few real examples (they "
                + "need at least 20 training and 20 test examples of a class; each class's note gives its counts)."),
                h.text());
    }

    @Test
    void realOnlyBestSaysNoMethodBeatIt() {
        Headline h = Headline.of(HandBuiltReports.arms(new double[][] {
                {0.80, 0.71, 0.71, 0.71, 0.75, 0.60}, {0.82, 0.73, 0.73, 0.73, 0.78, 0.61}}),
                HandBuiltReports.diagnostics());
        assertEquals(Arm.REAL, h.bestArm());
        assertTrue(h.text().contains("Best arm: real only (macro-F1 0.810); no method beat it"), h.text());
    }
}
