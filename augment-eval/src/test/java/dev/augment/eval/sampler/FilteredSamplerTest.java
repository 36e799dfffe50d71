package dev.augment.eval.sampler;

import dev.augment.oversample.filter.ClassProbability;
import dev.augment.oversample.filter.FilterCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking and bookkeeping of {@link FilteredSampler}, with hand-made probabilities. */
class FilteredSamplerTest {

    /** Sample i of class c, seed s is the row {c, i, s}: a recognisable stream. */
    private static float[][] stream(int classIndex, int n, long seed) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new float[] {classIndex, i, seed};
        }
        return out;
    }

    @Test
    void factorOneReturnsExactlyTheUnfilteredSamplesAndScoresNothing() {
        ClassProbability never = (c, rows) -> {
            throw new AssertionError("a factor of 1 must not score");
        };
        FilteredSampler sampler = new FilteredSampler(FilteredSamplerTest::stream, never, 1);
        assertArrayEquals(stream(3, 17, 5L), sampler.sample(3, 17, 5L));
        assertTrue(sampler.counts().isEmpty(), "nothing was filtered, nothing is reported");
    }

    @Test
    void keepsTheMostProbableCandidatesInCandidateOrder() {
        // probability of candidate i: 1 for i in {7, 2, 5}, falling with i otherwise
        ClassProbability p = (c, rows) -> {
            double[] out = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                int i = (int) rows[k][1];
                out[k] = i == 7 || i == 2 || i == 5 ? 1.0 : 0.5 - i / 100.0;
            }
            return out;
        };
        float[][] kept = new FilteredSampler(FilteredSamplerTest::stream, p, 3).sample(1, 3, 9L);
        assertArrayEquals(new float[][] {{1, 2, 9}, {1, 5, 9}, {1, 7, 9}}, kept);
    }

    @Test
    void tiesGoToTheLowerCandidateIndex() {
        ClassProbability flat = (c, rows) -> new double[rows.length];
        FilteredSampler sampler = new FilteredSampler(FilteredSamplerTest::stream, flat, 2.5);
        assertArrayEquals(stream(0, 4, 1L), sampler.sample(0, 4, 1L));
        FilterCounts counts = sampler.counts().get(0);
        assertEquals(new FilterCounts(0, 1, 10, 4, 0.0, 0.0), counts);
        assertEquals(6, counts.dropped());
    }

    @Test
    void countsAddUpOverRequestsPerClass() {
        ClassProbability byIndex = (c, rows) -> {
            double[] out = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                out[k] = rows[k][1] % 2 == 0 ? 0.9 : 0.1;
            }
            return out;
        };
        FilteredSampler sampler = new FilteredSampler(FilteredSamplerTest::stream, byIndex, 2);
        sampler.sample(1, 5, 3L);
        sampler.sample(1, 3, 3L);
        sampler.sample(0, 0, 3L);
        List<FilterCounts> counts = sampler.counts();
        assertEquals(1, counts.size(), "an empty request is not counted");
        FilterCounts c = counts.get(0);
        assertEquals(2, c.requests());
        assertEquals(16, c.drawn());
        assertEquals(8, c.kept());
        assertEquals(8, c.dropped());
        assertEquals(0.9, c.meanKeptProbability(), 1e-12);
        assertEquals(0.1, c.meanDroppedProbability(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"1.1, 10, 11", "2, 7, 14", "1.5, 3, 5", "1, 0, 0", "1.01, 1, 2"})
    void candidatesAreTheCeilingOfTheFactorTimesTheRequest(double factor, int n, int expected) {
        assertEquals(expected, FilteredSampler.candidates(n, factor));
    }

    @Test
    void refusesFactorsBelowOneOrNotFinite() {
        for (double bad : new double[] {0.5, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new FilteredSampler(FilteredSamplerTest::stream, (c, r) -> new double[r.length], bad));
        }
    }
}
