package dev.augment.oversample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomOversamplerTest {

    private static final float[][] MINORITY = {{0f, 1f}, {2f, 3f}, {4f, 5f}};

    @Test
    void everySampleIsACopyOfAMinorityRow() {
        float[][] out = new RandomOversampler(9).oversample(MINORITY, 30);
        assertEquals(30, out.length);
        for (float[] s : out) {
            assertTrue(Arrays.stream(MINORITY).anyMatch(m -> Arrays.equals(m, s) && m != s));
        }
    }

    @Test
    void drawsWithReplacementCoveringAllRows() {
        // 300 draws from 3 rows: P(some row never drawn) ≤ 3·(2/3)^300 ≈ 0
        float[][] out = new RandomOversampler(9).oversample(MINORITY, 300);
        for (float[] m : MINORITY) {
            assertTrue(Arrays.stream(out).anyMatch(s -> Arrays.equals(m, s)));
        }
    }

    @Test
    void sameSeedSameSamples() {
        assertArrayEquals(new RandomOversampler(2).oversample(MINORITY, 10),
                new RandomOversampler(2).oversample(MINORITY, 10));
    }

    @Test
    void refusesEmptyMinority() {
        assertThrows(IllegalArgumentException.class, () -> new RandomOversampler(1).oversample(new float[0][], 3));
    }

    /** No copies asked of an empty class threw, as if copies had been. */
    @Test
    void noDrawsNeedNoMembers() {
        assertEquals(0, new RandomOversampler(1).draw(0, 0).length);
        assertThrows(IllegalArgumentException.class, () -> new RandomOversampler(1).draw(0, 1));
    }
}
