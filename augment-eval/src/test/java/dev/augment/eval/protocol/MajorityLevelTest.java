package dev.augment.eval.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The majority level from test counts alone, as the image evaluation uses it (the table one checks Tribuo's). */
class MajorityLevelTest {

    @Test
    void tenBalancedClassesHaveAMajorityLevelOfOneEleventhAndACaveatBelowIt() {
        int[] counts = new int[10];
        java.util.Arrays.fill(counts, 50);
        // the largest class has share 0.1: F1 = 2 * 0.1 / 1.1 = 0.1818, over 10 classes
        assertEquals(2 * 0.1 / 1.1 / 10, MajorityLevel.macroF1(counts), 1e-12);
        Optional<String> caveat = MajorityLevel.caveat(family(0.018), counts, "examples");
        assertTrue(caveat.orElseThrow().startsWith("under config, real only (macro-F1 0.018) is no better than always "
                + "predicting the majority class (0.018 on the test split)"), caveat.orElseThrow());
        assertTrue(caveat.orElseThrow().contains("from the real examples"), caveat.orElseThrow());
        assertEquals(Optional.empty(), MajorityLevel.caveat(family(0.5), counts, "examples"));
        assertEquals(0, MajorityLevel.macroF1(new int[3]), "no test examples");
    }

    private static FamilyArms family(double realMacroF1) {
        List<ArmScores> runs = List.of(new ArmScores(1, 100, 0.1, realMacroF1, 0.1, List.of(0.0, 1.0), 0.1),
                new ArmScores(2, 100, 0.1, realMacroF1, 0.1, List.of(0.0, 1.0), 0.1));
        return new FamilyArms("config", List.of(ArmSummary.of(Arm.REAL, runs, null)));
    }
}
