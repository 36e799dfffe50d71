package dev.augment.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeCheckedNumbersTest {

    @Test
    void wholeNumbersAreTakenInAnyDecimalSpellingFractionsAndOverflowsAreRefused() {
        assertEquals(5000, RangeCheckedNumbers.toWhole("5000", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(5000, RangeCheckedNumbers.toWhole("5000.0", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(10000, RangeCheckedNumbers.toWhole("1e4", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(-3, RangeCheckedNumbers.toWhole("-3", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(0, RangeCheckedNumbers.toWhole("0.000", Integer.MIN_VALUE, Integer.MAX_VALUE));
        // another script's digits were read: --n \u0665 wrote 5 samples (a fresh user, 7 Dec)
        assertTrue(assertThrows(TypeConversionException.class, () -> RangeCheckedNumbers.toWhole(
                "\u0665", Integer.MIN_VALUE, Integer.MAX_VALUE)).getMessage().contains("write the digits 0-9 only"));
        assertEquals(Long.MAX_VALUE, RangeCheckedNumbers.toWhole(Long.toString(Long.MAX_VALUE), Long.MIN_VALUE,
                Long.MAX_VALUE));

        assertRefused("1.5", "'1.5' is not a whole number");
        assertRefused("5k", "'5k' is not a whole number (write digits only, as 5000)");
        assertRefused("5,000", "is not a whole number");
        assertRefused("2147483648", "'2147483648' is too large (at most 2147483647)");
        assertRefused("1e999999999", "is too large (at most 2147483647)");
        assertRefused("-1e999999999", "is too small (at least -2147483648)");
        assertRefused("1e2147483647", "'1e2147483647' is too large");
        assertRefused("1e2147483648", "'1e2147483648' is too large");
        assertRefused("-2147483649", "'-2147483649' is too small (at least -2147483648)");
        assertRefused("1e-2147483649", "'1e-2147483649' is not a whole number");
    }

    private static void assertRefused(String text, String expected) {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> RangeCheckedNumbers.toWhole(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
