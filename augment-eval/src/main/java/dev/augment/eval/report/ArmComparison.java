package dev.augment.eval.report;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.stats.MeanInterval;
import dev.augment.eval.stats.PairedDifference;

/**
 * One arm of a classifier family against that family's best cheap baseline ({@link FamilyVerdict}).
 *
 * @param arm the arm
 * @param macroF1 its mean macro-F1 over seeds with the 95% t interval
 * @param vsBaseline its macro-F1 minus the baseline's, paired by seed, with the paired 95% t interval and
 *     p-value; null for the baseline itself
 */
public record ArmComparison(Arm arm, MeanInterval macroF1, PairedDifference vsBaseline) {

    /** Requires the arm and its macro-F1. */
    public ArmComparison {
        if (arm == null || macroF1 == null) {
            throw new IllegalArgumentException("an arm and its macro-F1 are required");
        }
    }
}
