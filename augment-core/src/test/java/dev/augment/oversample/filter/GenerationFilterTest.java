package dev.augment.oversample.filter;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice and bookkeeping of {@link GenerationFilter}, with hand-made probabilities. */
class GenerationFilterTest {

    @Test
    void keepsTheHighestProbabilitiesWithTiesToTheLowerIndexAndCountsThem() {
        GenerationFilter filter = new GenerationFilter(2);
        // of two candidates tied at 0.5 the lower index is kept; of 1 and 4, tied at 0.8, only 1 when one fits
        assertArrayEquals(new boolean[] {true, false}, new GenerationFilter(2).keep(0, 1, new double[] {0.5, 0.5}));
        assertArrayEquals(new boolean[] {false, true, false, false, false, false}, new GenerationFilter(6).keep(0, 1,
                new double[] {0.1, 0.8, 0.2, 0.3, 0.8, 0.3}));
        double[] p = {0.1, 0.8, 0.2, 0.9, 0.8, 0.3};
        assertArrayEquals(new boolean[] {false, true, false, true}, filter.keep(5, 2, new double[] {0.1, 0.8, 0.2,
                0.9}));
        assertArrayEquals(new boolean[] {false, true, false, true, true, false}, filter.keep(5, 3, p));
        List<FilterCounts> counts = filter.counts();
        assertEquals(1, counts.size());
        FilterCounts c = counts.get(0);
        assertEquals(5, c.classIndex());
        assertEquals(2, c.requests());
        assertEquals(10, c.drawn(), "4 + 6 candidates");
        assertEquals(5, c.kept());
        assertEquals(5, c.dropped());
        assertEquals((0.8 + 0.9 + 0.9 + 0.8 + 0.8) / 5, c.meanKeptProbability(), 1e-12);
        assertEquals((0.1 + 0.2 + 0.1 + 0.2 + 0.3) / 5, c.meanDroppedProbability(), 1e-12);
    }

    @Test
    void refusesProbabilitiesThatAreNotOnePerCandidate() {
        assertThrows(IllegalStateException.class, () -> new GenerationFilter(2).keep(0, 3, new double[5]));
    }

    @ParameterizedTest
    @CsvSource({"10, 1.1, 11", "3, 2.5, 8", "0, 3, 0", "7, 1, 7"})
    void drawsTheCeilingOfFactorTimesNReadingTheFactorAsItsDecimal(int n, double factor, int expected) {
        assertEquals(expected, GenerationFilter.candidates(n, factor));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.99, -2, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void aFactorBelowOneOrNotFiniteIsRefused(double bad) {
        assertThrows(IllegalArgumentException.class, () -> new GenerationFilter(bad));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> GenerationFilter.requireFactor(bad));
        assertEquals(GenerationFilter.SETTING, e.setting());
    }

    /** 1e7 ran silently for more than 10 minutes; evaluate's 1e9 failed after its GAN and four arms (5 Dec). */
    @Test
    void aFactorAboveAThousandIsRefusedUpFront() {
        GenerationFilter.requireFactor(1000);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> GenerationFilter.requireFactor(1e7));
        assertTrue(e.getMessage().contains("must be at most 1000"), e.getMessage());
    }
}
