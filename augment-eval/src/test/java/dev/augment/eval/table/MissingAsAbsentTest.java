package dev.augment.eval.table;

import dev.augment.eval.sampler.ConditionalSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A table generator's missing numeric cell (NaN) reaches the arms as a real missing cell does: 0. */
class MissingAsAbsentTest {

    @Test
    void nanBecomesZeroAndEveryOtherValueStays() {
        ConditionalSampler generator = (c, n, seed) -> new float[][] {{Float.NaN, 2.5f, -1f}, {0f, Float.NaN, 3f}};
        float[][] rows = TableRows.missingAsAbsent(generator).sample(0, 2, 1L);
        assertArrayEquals(new float[] {0f, 2.5f, -1f}, rows[0]);
        assertArrayEquals(new float[] {0f, 0f, 3f}, rows[1]);
        assertNull(TableRows.missingAsAbsent(null), "no generator, none wrapped");
    }
}
