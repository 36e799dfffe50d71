package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistancesTest {

    @Test
    void euclideanOfThreeFourFiveTriangleIsFive() {
        // 3-4-5 right triangle; 7 dims so the unrolled loop and its tail both run.
        float[] a = {0, 0, 0, 0, 0, 0, 0};
        float[] b = {0, 0, 0, 0, 0, 3, 4};
        assertEquals(5.0, Distances.euclidean(a, b), 1e-6);
        assertEquals(25f, Distances.squared(b, a));
    }

    @ParameterizedTest
    @CsvSource({
        // points 0, 1, 3, 7: by hand, 1st NN distances 1,1,2,4; 2nd 3,2,3,6; 3rd 7,6,4,7
        "1, 1;1;2;4",
        "2, 3;2;3;6",
        "3, 7;6;4;7"
    })
    void kthNeighbourDistanceExcludesThePointItself(int k, String expected) {
        double[] want = java.util.Arrays.stream(expected.split(";")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(want, Distances.kthNeighbourDistances(TestData.line(0, 1, 3, 7), k), 1e-6);
    }

    @Test
    void duplicateCountsAsNeighbourAtDistanceZero() {
        // 2 and 2 are different points at distance 0 (self excluded by index, not by distance).
        assertArrayEquals(new double[] {0, 0, 2}, Distances.kthNeighbourDistances(TestData.line(2, 2, 4), 1), 0);
    }

    @Test
    void nearestFindsClosestReference() {
        // |2.5-3| = 0.5, |-1-0| = 1
        assertArrayEquals(new double[] {0.5, 1}, Distances.nearest(TestData.line(2.5, -1), TestData.line(0, 3, 9)), 1e-6);
    }

    @Test
    void refusesTooFewPointsForK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Distances.kthNeighbourDistances(TestData.line(0, 1), 2));
        assertEquals("a set needs more than k=2 vectors to have k other neighbours, had 2", e.getMessage());
    }

    @Test
    void refusesRaggedRows() {
        float[][] ragged = {{1, 2}, {3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Distances.requireRectangular("real", ragged));
        assertEquals("real[1] has length 1, expected 2 like real[0]", e.getMessage());
    }

    @Test
    void refusesDifferentDimensions() {
        assertThrows(IllegalArgumentException.class, () -> Distances.requireSameDimension(
                "real", new float[][] {{1, 2}}, "synthetic", new float[][] {{1}}));
    }
}
