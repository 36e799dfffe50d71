package dev.augment.eval.report;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.stats.PairedDifference;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-family verdict on hand-made macro-F1 numbers, checked against sums done by hand. */
class FamilyVerdictTest {

    private static final double EPS = 1e-9;

    /** Three seeds; ROS has the best cheap mean (0.78), hybrid the best mean overall (0.80). */
    private static Map<Arm, double[]> threeSeeds() {
        Map<Arm, double[]> f1 = new EnumMap<>(Arm.class);
        f1.put(Arm.REAL, new double[] {0.70, 0.72, 0.71});
        f1.put(Arm.CLASS_WEIGHTS, new double[] {0.76, 0.77, 0.75});
        f1.put(Arm.OVERSAMPLING, new double[] {0.77, 0.79, 0.78});
        f1.put(Arm.SMOTE, new double[] {0.78, 0.76, 0.77});
        f1.put(Arm.GAN, new double[] {0.74, 0.73, 0.75});
        f1.put(Arm.HYBRID, new double[] {0.79, 0.81, 0.80});
        f1.put(Arm.MIX, new double[] {0.77, 0.75, 0.78});
        f1.put(Arm.SYNTHETIC_ONLY, new double[] {0.60, 0.62, 0.61});
        return f1;
    }

    @Test
    void choosesTheCheapArmWithTheHighestMeanAndPairsEveryArmWithIt() {
        FamilyVerdict v = FamilyVerdict.of("forest", summaries(threeSeeds()));
        assertEquals(Arm.OVERSAMPLING, v.bestCheapBaseline(), "ROS 0.78 > SMOTE 0.77 > class weights 0.76");
        assertEquals(0.78, v.baselineMacroF1(), EPS);
        assertEquals(Arm.HYBRID, v.bestPolicy());
        assertEquals(0.80, v.bestMacroF1(), EPS);
        assertEquals(3, v.seeds());
        assertNull(v.comparison(Arm.OVERSAMPLING).vsBaseline(), "the baseline is not compared with itself");

        // hybrid - ROS per seed: +0.02, +0.02, +0.02: zero spread, so a zero-width interval and p = 0.
        PairedDifference hybrid = v.comparison(Arm.HYBRID).vsBaseline();
        assertEquals(0.02, hybrid.mean(), EPS);
        assertEquals(0.02, hybrid.lower(), 1e-12);
        assertEquals(0.02, hybrid.upper(), 1e-12);
        assertEquals(hybrid.mean(), v.bestGain().mean(), EPS);

        // SMOTE - ROS per seed: +0.01, -0.03, -0.01: mean -0.01, sd 0.02, half-width t(0.975, 2) * 0.02 / sqrt 3.
        PairedDifference smote = v.comparison(Arm.SMOTE).vsBaseline();
        double half = TDistribution.of(2).inverseCumulativeProbability(0.975) * 0.02 / Math.sqrt(3);
        assertEquals(-0.01, smote.mean(), EPS);
        assertEquals(-0.01 - half, smote.lower(), 1e-9);
        assertEquals(-0.01 + half, smote.upper(), 1e-9);
        assertFalse(smote.significant());

        // real - ROS per seed: -0.07, -0.07, -0.07.
        assertEquals(-0.07, v.comparison(Arm.REAL).vsBaseline().mean(), EPS);
        assertEquals(threeSeeds().size(), v.vsBaseline().size());
    }

    /** On balanced data real only and class weights train one model: "+0.000 [+0.000, +0.000]" read oddly (6 Dec). */
    @Test
    void aBestPolicyWithTheBaselinesFiguresOnEverySeedIsSaidToBeTheSame() {
        Map<Arm, double[]> f1 = new EnumMap<>(Arm.class);
        f1.put(Arm.REAL, new double[] {0.70, 0.72, 0.71});
        f1.put(Arm.CLASS_WEIGHTS, new double[] {0.70, 0.72, 0.71});
        f1.put(Arm.OVERSAMPLING, new double[] {0.69, 0.70, 0.70});
        FamilyVerdict v = FamilyVerdict.of("logistic", summaries(f1));
        assertEquals(Arm.REAL, v.bestPolicy(), "the first of a tie, in report order");
        assertTrue(v.text().startsWith("logistic: best policy real only (macro-F1 0.710), the same macro-F1 on every "
                + "seed as the best cheap baseline, real, class weights (they are one model where the training data "
                + "are balanced, as every class weight is 1 there; on other data, two models that score alike)."),
                v.text());
        f1.put(Arm.CLASS_WEIGHTS, new double[] {0.71, 0.71, 0.71}); // the same mean, not the same runs
        assertTrue(FamilyVerdict.of("logistic", summaries(f1)).text().contains("+0.000 [-"), "a tie of means only");
    }

    @Test
    void whatTheGanAddsIsHybridAndMixAgainstSmote() {
        FamilyVerdict v = FamilyVerdict.of("logistic", summaries(threeSeeds()));
        // hybrid - SMOTE per seed: +0.01, +0.05, +0.03 -> mean +0.03, sd 0.02.
        double half = TDistribution.of(2).inverseCumulativeProbability(0.975) * 0.02 / Math.sqrt(3);
        assertEquals(0.03, v.ganOnTopOfSmote().mean(), EPS);
        assertEquals(0.03 - half, v.ganOnTopOfSmote().lower(), 1e-9);
        // mix - SMOTE per seed: -0.01, -0.01, +0.01 -> mean -0.00333.
        assertEquals(-0.01 / 3, v.ganForHalfOfSmote().mean(), EPS);
        assertTrue(v.text().startsWith("logistic: best policy real + SMOTE + GAN on top (macro-F1 0.800), +0.020 "
                + "[+0.020, +0.020] against the best cheap baseline, real + random oversampling (0.780): "
                + "significant with 3 seeds"), v.text());
        assertTrue(v.text().contains("What the GAN adds on top of rebalancing (hybrid - SMOTE): +0.030 ["), v.text());
        assertTrue(v.text().contains("(mix - SMOTE): -0.003 ["), v.text());
    }

    @Test
    void theRosHybridAndMixAreComparedWithRosAndOnlyWhenRun() {
        assertNull(FamilyVerdict.of("logistic", summaries(threeSeeds())).ganOnTopOfRos(), "not run: no comparison");
        Map<Arm, double[]> f1 = threeSeeds();
        f1.put(Arm.HYBRID_ROS, new double[] {0.80, 0.80, 0.81});
        f1.put(Arm.MIX_ROS, new double[] {0.76, 0.79, 0.78});
        FamilyVerdict v = FamilyVerdict.of("cnn", summaries(f1));
        // ROS hybrid - ROS per seed: +0.03, +0.01, +0.03 -> mean +0.02333; ROS mix - ROS: -0.01, 0, 0.
        assertEquals(0.07 / 3, v.ganOnTopOfRos().mean(), EPS);
        assertEquals(-0.01 / 3, v.ganForHalfOfRos().mean(), EPS);
        assertEquals(0.03, v.ganOnTopOfSmote().mean(), EPS, "the SMOTE hybrid is still compared with SMOTE");
        assertEquals(Arm.HYBRID_ROS, v.bestPolicy(), "0.8033 > the SMOTE hybrid's 0.80");
        assertTrue(v.text().contains("(hybrid ROS - ROS): +0.023 ["), v.text());
        assertTrue(v.text().contains("(mix ROS - ROS): -0.003 ["), v.text());
        assertTrue(v.text().contains("(hybrid - SMOTE): +0.030 ["), v.text());
    }

    @Test
    void aTieBetweenCheapArmsGoesToTheFirstInReportOrder() {
        Map<Arm, double[]> f1 = threeSeeds();
        f1.put(Arm.CLASS_WEIGHTS, f1.get(Arm.OVERSAMPLING).clone());
        assertEquals(Arm.CLASS_WEIGHTS, FamilyVerdict.of("cart", summaries(f1)).bestCheapBaseline());
    }

    @Test
    void whenTheBaselineIsBestTheTextNamesTheNextBest() {
        Map<Arm, double[]> f1 = threeSeeds();
        f1.put(Arm.SMOTE, new double[] {0.85, 0.86, 0.84});
        FamilyVerdict v = FamilyVerdict.of("cnn", summaries(f1));
        assertEquals(Arm.SMOTE, v.bestPolicy());
        assertEquals(Arm.SMOTE, v.bestCheapBaseline());
        assertNull(v.bestGain());
        assertTrue(v.text().contains("itself the best cheap baseline; the next best, real + SMOTE + GAN on top, is "
                + "-0.050 ["), v.text());
    }

    @Test
    void oneSeedHasNoIntervalsAndSaysSo() {
        Map<Arm, double[]> f1 = new EnumMap<>(Arm.class);
        threeSeeds().forEach((arm, values) -> f1.put(arm, new double[] {values[0]}));
        FamilyVerdict v = FamilyVerdict.of("forest", summaries(f1));
        assertEquals(Arm.HYBRID, v.bestPolicy());
        assertEquals(Arm.SMOTE, v.bestCheapBaseline(), "seed 1 alone: SMOTE 0.78 beats ROS 0.77");
        assertTrue(Double.isNaN(v.bestGain().lower()));
        assertTrue(v.text().contains("+0.010 against the best cheap baseline, real + SMOTE (0.780)."), v.text());
        assertTrue(v.text().endsWith("One seed: no intervals (2 or more seeds are needed to tell a gain from "
                + "noise)."), v.text());
    }

    @Test
    void armsWithoutACheapBaselineOrWithOtherSeedsAreRefused() {
        Map<Arm, double[]> f1 = new EnumMap<>(Arm.class);
        f1.put(Arm.REAL, new double[] {0.7, 0.8});
        f1.put(Arm.GAN, new double[] {0.75, 0.8});
        assertThrows(IllegalArgumentException.class, () -> FamilyVerdict.of("logistic", summaries(f1)));

        List<ArmSummary> arms = new ArrayList<>(summaries(threeSeeds()));
        List<ArmScores> otherSeeds = new ArrayList<>();
        for (ArmScores s : arms.get(Arm.SMOTE.ordinal()).runs()) {
            otherSeeds.add(new ArmScores(s.seed() + 10, s.trainingSize(), s.accuracy(), s.macroF1(),
                    s.balancedAccuracy(), s.recall(), s.seconds()));
        }
        arms.set(Arm.SMOTE.ordinal(), ArmSummary.of(Arm.SMOTE, otherSeeds, arms.get(0).runs().stream()
                .map(s -> new ArmScores(s.seed() + 10, s.trainingSize(), s.accuracy(), s.macroF1(),
                        s.balancedAccuracy(), s.recall(), s.seconds())).toList()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FamilyVerdict.of("logistic", arms));
        assertTrue(e.getMessage().contains("cannot pair"), e.getMessage());
    }

    /** Two macro-F1 values differ by at most 1: a two-seed interval is clipped to [-1, 1], as the gains' are. */
    @Test
    void aDifferenceBetweenArmsStaysWithinTheRangeItCanTake() {
        List<ArmSummary> arms = summaries(Map.of(Arm.REAL, new double[] {0.5, 0.5}, Arm.OVERSAMPLING, new double[] {0.1, 0.9},
                Arm.SMOTE, new double[] {0.9, 0.1}));
        ArmSummary ros = arms.stream().filter(a -> a.arm() == Arm.OVERSAMPLING).findFirst().orElseThrow();
        ArmSummary smote = arms.stream().filter(a -> a.arm() == Arm.SMOTE).findFirst().orElseThrow();
        var d = FamilyVerdict.macroF1Difference(ros, smote);
        assertEquals(-1, d.lower(), EPS);
        assertEquals(1, d.upper(), EPS);
    }

    /** Summaries whose macro-F1 per seed is given; seeds 1, 2, …; other metrics follow macro-F1. */
    private static List<ArmSummary> summaries(Map<Arm, double[]> macroF1) {
        Map<Arm, List<ArmScores>> runs = new EnumMap<>(Arm.class);
        macroF1.forEach((arm, values) -> {
            List<ArmScores> perSeed = new ArrayList<>();
            for (int s = 0; s < values.length; s++) {
                perSeed.add(new ArmScores(s + 1, 100, values[s], values[s], values[s], List.of(values[s]), 0.1));
            }
            runs.put(arm, perSeed);
        });
        List<ArmSummary> out = new ArrayList<>();
        runs.forEach((arm, r) -> out.add(ArmSummary.of(arm, r, arm == Arm.REAL ? null : runs.get(Arm.REAL))));
        return out;
    }
}
