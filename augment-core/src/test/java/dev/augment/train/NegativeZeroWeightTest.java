package dev.augment.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link GanSettings}: a weight given as -0 (for instance {@code --aux-weight -0}) is recorded as 0.0, so
 * provenance and checkpoints never say -0.0.
 */
class NegativeZeroWeightTest {

    @Test
    void negativeZeroAuxiliaryAndLeCamWeightsBecomePositiveZero() {
        GanSettings settings = GanSettings.builder(Architecture.MLP).auxiliaryWeight(-0f).lecamWeight(-0f).build();

        assertEquals("0.0", Float.toString(settings.auxiliaryWeight()));
        assertEquals("0.0", Float.toString(settings.lecamWeight()));
        assertEquals("0.0", Float.toString(settings.withAuxiliaryWeight(-0f).auxiliaryWeight()));
    }
}
