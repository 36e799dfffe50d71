package dev.augment.eval.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

class SeedRangeTest {

    @Test
    void seedsThatWouldWrapRoundAreRefusedNamingTheLargestFirstSeed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SeedRange.check(Long.MAX_VALUE, 2));
        assertEquals("seed", e.setting());
        assertEquals(true, e.getMessage().contains("at most " + (Long.MAX_VALUE - 1)), e.getMessage());
        assertDoesNotThrow(() -> SeedRange.check(Long.MAX_VALUE - 4, 5));
        assertDoesNotThrow(() -> SeedRange.check(Long.MIN_VALUE, 5));
        assertEquals("seeds", assertThrows(InvalidSettingException.class, () -> SeedRange.check(1, 0)).setting());
    }
}
