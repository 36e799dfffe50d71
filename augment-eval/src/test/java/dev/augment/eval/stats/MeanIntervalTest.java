package dev.augment.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeanIntervalTest {

    static Stream<Arguments> samples() {
        return Stream.of(
            // 1..5: mean 3, s = √2.5, t_{0.975,4} = 2.776445105 (scipy.stats.t.ppf(0.975, 4));
            // half-width 2.776445105·√2.5/√5 = 1.963243161 → [1.036756839, 4.963243161]
            // (also scipy.stats.t.interval(0.95, 4, loc=3, scale=sem), scipy 1.17.1)
            Arguments.of(new double[] {1, 2, 3, 4, 5}, 0.95, 3.0, 1.036756839, 4.963243161),
            // ten values; scipy.stats.t.interval(0.95, 9, loc=mean, scale=sem), scipy 1.17.1
            Arguments.of(new double[] {2.5, 3.1, 2.8, 3.6, 2.9, 3.3, 2.7, 3.0, 3.4, 2.6}, 0.95,
                    2.99, 2.732184648, 3.247815352),
            // 90%: t_{0.95,4} = 2.131846786 (scipy.stats.t.ppf(0.95, 4)); half 2.131846786·√0.5
            // = 1.507443319 → [1.492556681, 4.507443319] (scipy 1.17.1)
            Arguments.of(new double[] {1, 2, 3, 4, 5}, 0.90, 3.0, 1.492556681, 4.507443319));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void matchesStudentTInterval(double[] values, double confidence, double mean, double lower, double upper) {
        MeanInterval m = MeanInterval.of(values, confidence);
        assertEquals(mean, m.mean(), 1e-12);
        assertEquals(lower, m.lower(), 1e-8);
        assertEquals(upper, m.upper(), 1e-8);
        assertEquals(values.length, m.n());
        assertTrue(m.hasInterval());
    }

    @Test
    void oneValueHasNoInterval() {
        MeanInterval m = MeanInterval.of(new double[] {0.7});
        assertEquals(0.7, m.mean(), 0);
        assertTrue(Double.isNaN(m.lower()) && Double.isNaN(m.upper()));
        assertFalse(m.hasInterval());
        assertFalse(m.contains(0.7));
    }

    @Test
    void equalValuesGiveZeroWidthInterval() {
        // s = 0 → half-width 0
        MeanInterval m = MeanInterval.of(new double[] {0.8, 0.8, 0.8});
        assertEquals(0.0, m.width(), 0);
        assertTrue(m.contains(0.8));
    }

    @Test
    void refusesEmptyAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanInterval.of(new double[] {1, Double.NaN}));
        assertEquals("values[1] must be finite, was NaN", e.getMessage());
    }

    @Test
    void recordRefusesBoundsThatExcludeTheMean() {
        assertThrows(IllegalArgumentException.class, () -> new MeanInterval(3, 4, 5, 5, 0.95));
    }

    @Test
    void clippingKeepsTheIntervalInsideTheScoresRange() {
        // two macro-F1 values: 1 degree of freedom, t = 12.71, half-width 12.71 * 0.1414 / 1.414 = 1.271
        MeanInterval raw = MeanInterval.of(new double[] {0.8, 1.0});
        assertTrue(raw.lower() < 0 && raw.upper() > 1, raw.toString());
        MeanInterval clipped = raw.clippedTo(0, 1);
        assertEquals(0.9, clipped.mean(), 1e-12);
        assertEquals(0.0, clipped.lower(), 0);
        assertEquals(1.0, clipped.upper(), 0);
        assertEquals(2, clipped.n());
        MeanInterval inside = MeanInterval.of(new double[] {0.70, 0.72, 0.71, 0.73, 0.69});
        assertEquals(inside, inside.clippedTo(0, 1));
        MeanInterval one = MeanInterval.of(new double[] {0.5});
        assertEquals(one, one.clippedTo(0, 1));
        assertThrows(IllegalArgumentException.class, () -> inside.clippedTo(1, 0));
    }
}
