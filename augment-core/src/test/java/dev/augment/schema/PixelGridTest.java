package dev.augment.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PixelGridTest {

    @Test
    void roundsHalfUpClampsAndMapsNanToZero() {
        assertEquals(0f, PixelGrid.round(0.49f));
        assertEquals(1f, PixelGrid.round(0.5f));
        assertEquals(3f, PixelGrid.round(2.5f), "half up, not to even");
        assertEquals(254f, PixelGrid.round(254.49f));
        assertEquals(255f, PixelGrid.round(254.5f));
        assertEquals(255f, PixelGrid.round(300f));
        assertEquals(0f, PixelGrid.round(-3f));
        assertEquals(0f, PixelGrid.round(Float.NaN));
        assertEquals(255f, PixelGrid.round(Float.POSITIVE_INFINITY));
    }

    @Test
    void roundsOnlyTheGivenLengthInPlace() {
        float[] values = {0.3f, 7.6f, 0.3f};
        PixelGrid.roundInPlace(values, 2);
        assertArrayEquals(new float[] {0f, 8f, 0.3f}, values);
    }
}
