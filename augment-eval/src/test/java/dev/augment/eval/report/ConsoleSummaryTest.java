package dev.augment.eval.report;

import dev.augment.eval.stats.PairedDifference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the console table writes a paired difference. */
class ConsoleSummaryTest {

    @Test
    void aDifferenceThatRoundsToZeroHasNoMinusSign() {
        // arm - reference: -1e-9 and -3e-9, mean -2e-9: "-0.0000" before the fix
        PairedDifference tiny = PairedDifference.of(new double[] {0.5, 0.6}, new double[] {0.500000001, 0.600000003});
        assertEquals("+0.0000 [", ConsoleSummary.gain(tiny).substring(0, 9), ConsoleSummary.gain(tiny));
        PairedDifference real = PairedDifference.of(new double[] {0.5, 0.6}, new double[] {0.51, 0.62});
        assertEquals("-0.0150", ConsoleSummary.gain(real).substring(0, 7), "a real loss keeps its sign");
    }
}
