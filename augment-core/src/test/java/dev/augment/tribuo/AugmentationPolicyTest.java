package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationPolicyTest {

    /** Three classes, labels "a", "b", "c", names Apple, Banana, Cherry. */
    private static final SampleSchema SCHEMA = new SampleSchema(List.of("f0", "f1"), List.of(2), 0, 1,
            List.of("a", "b", "c"), List.of("Apple", "Banana", "Cherry"));

    @Test
    void balanceGrowsEveryClassToTheLargest() {
        assertArrayEquals(new int[] {90, 0, 60}, AugmentationPolicy.balance().syntheticCounts(new int[] {10, 100, 40},
                SCHEMA));
    }

    @Test
    void balanceOfNamedClassesLeavesTheOthersAlone() {
        assertArrayEquals(new int[] {0, 0, 60}, AugmentationPolicy.balance("cherry").syntheticCounts(
                new int[] {10, 100, 40}, SCHEMA));
    }

    @Test
    void multiplyGrowsChosenClassesToFactorTimesTheirSize() {
        // 2.5 x 10 = 25 in all, 15 synthetic; 2.5 x 3 = 7.5 rounds to 8, 5 synthetic (Math.round of 4.5).
        assertArrayEquals(new int[] {15, 0, 5}, AugmentationPolicy.multiply(2.5, "a", "C").syntheticCounts(
                new int[] {10, 7, 3}, SCHEMA));
        // (1.0125 - 1) x 40 = 0.5 exactly in decimal, 0.4999… in binary: rounds half up to 1, as documented
        assertArrayEquals(new int[] {1, 0, 0}, AugmentationPolicy.multiply(1.0125, "a").syntheticCounts(
                new int[] {40, 7, 3}, SCHEMA));
    }

    @Test
    void multiplyingANamedClassWithoutRealExamplesIsRefusedAsItWouldAddNothing() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.multiply(3, "a", "Banana").syntheticCounts(new int[] {10, 0, 3}, SCHEMA));
        assertEquals("classes", e.setting());
        assertTrue(e.getMessage().contains("class 'Banana' (label 'b') to multiply, and the source has no examples of "
                + "it"), e.getMessage());
        // every class multiplied: one without examples stays at 0, as 3 × 0 asks
        assertArrayEquals(new int[] {20, 0, 6}, AugmentationPolicy.multiply(3).syntheticCounts(new int[] {10, 0, 3},
                SCHEMA));
    }

    /** Named by index and name, the class was called by the index (a Tribuo user, 7 Dec). */
    @Test
    void aClassNamedTwiceIsNamedByItsName() {
        InvalidSettingException byIndex = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance("Banana", "1").syntheticCounts(new int[] {10, 1, 3}, SCHEMA));
        assertEquals("classes names class 'Banana' (label 'b') twice, as 'Banana' and as '1'; name it once",
                byIndex.getMessage());
        InvalidSettingException same = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance("a", "a").syntheticCounts(new int[] {10, 1, 3}, SCHEMA));
        assertEquals("classes names class 'Apple' (label 'a') twice; name it once", same.getMessage());
    }

    /** Null gave a bare NullPointerException, and -3 real examples got 8 "added" (a Tribuo user, 7 Dec). */
    @Test
    void realCountsMustBeGivenAndNotNegative() {
        AugmentationPolicy balance = AugmentationPolicy.balance();
        assertEquals("realCounts must be given, was null", assertThrows(IllegalArgumentException.class,
                () -> balance.syntheticCounts(null, SCHEMA)).getMessage());
        assertEquals("schema must be given, was null", assertThrows(IllegalArgumentException.class,
                () -> balance.syntheticCounts(new int[3], null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> balance.syntheticCounts(new int[] {5, -3, 1},
                SCHEMA)).getMessage().contains("class 1's is -3"));
    }

    @Test
    void countsAreTakenAsGivenByLabelOrName() {
        assertArrayEquals(new int[] {0, 4, 9}, AugmentationPolicy.counts(Map.of("b", 4, "Cherry", 9))
                .syntheticCounts(new int[] {1, 1, 1}, SCHEMA));
    }

    /** A null map was "was empty" (a Tribuo user, 7 Dec); an empty one still is. */
    @Test
    void nullOrEmptyCountsAreRefusedForWhatTheyAre() {
        InvalidSettingException none = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(null));
        assertTrue(none.getMessage().endsWith("was null"), none.getMessage());
        InvalidSettingException empty = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(Map.of()));
        assertTrue(empty.getMessage().endsWith("was empty"), empty.getMessage());
    }

    @Test
    void shareCapScalesEveryClassDown() {
        // 100 real, share 0.2: at most floor(0.2 * 100 / 0.8) = 25 synthetic; 40 and 10 asked, scaled by 25/50.
        int[] counts = AugmentationPolicy.counts(Map.of("a", 40, "b", 10)).withMaxSyntheticShare(0.2)
                .syntheticCounts(new int[] {50, 30, 20}, SCHEMA);
        assertArrayEquals(new int[] {20, 5, 0}, counts);
    }

    /**
     * In doubles 0.03 × 97 / 0.97 is 2.9999999999999996: the cap allowed 2 where 3 of 100 is 3 %, for 43 % of the
     * shares and sizes whose cap is a whole number (a Tribuo user, 7 Dec). Every share 0.01–0.99 beside 1–300 real
     * examples is checked against exact fractions.
     */
    @Test
    void aCapThatIsAWholeNumberIsReachedExactly() {
        int[] counts = AugmentationPolicy.counts(Map.of("b", 83)).withMaxSyntheticShare(0.03)
                .syntheticCounts(new int[] {90, 7, 0}, SCHEMA);
        assertEquals(3, java.util.Arrays.stream(counts).sum(), java.util.Arrays.toString(counts));
        for (int percent = 1; percent < 100; percent++) {
            for (long real = 1; real <= 300; real++) {
                long exact = percent * real / (100 - percent); // share × real / (1 − share) in whole numbers
                assertEquals(exact, AugmentationPolicy.allowedBeside(percent / 100.0, real), percent + "% of " + real);
            }
        }
        // shares written as fractions: 1.0 / 9 is held just below a ninth, and 8 real examples allowed none (a
        // re-check, 7 Dec); p / q × real / (1 − p / q) is p × real / (q − p)
        for (int q = 2; q <= 20; q++) {
            for (int p = 1; p < q; p++) {
                for (long real = 1; real <= 300; real++) {
                    assertEquals(p * real / (q - p), AugmentationPolicy.allowedBeside((double) p / q, real),
                            p + "/" + q + " of " + real);
                }
            }
        }
        assertEquals(111_111_111L, AugmentationPolicy.allowedBeside(0.1, 1_000_000_000L));
    }

    /** An empty source with a cap gave a raw ArithmeticException (a re-check, 7 Dec). */
    @Test
    void aCapOnAnEmptySourceIsNamed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AugmentationPolicy.counts(
                Map.of("a", 3)).withMaxSyntheticShare(0.5).syntheticCounts(new int[] {0, 0, 0}, SCHEMA));
        assertEquals("maxSyntheticShare", e.setting());
        assertTrue(e.getMessage().contains("the source has no real examples"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"-2, factor", "0.5, factor", "NaN, factor"})
    void multiplyRefusesFactorsBelowOne(double factor, String field) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.multiply(factor));
        assertEquals(field, e.setting());
        assertTrue(e.getMessage().contains("was " + factor), e.getMessage());
    }

    @Test
    void refusesNegativeCountNamingTheClassAndValue() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(Map.of("a", -5)));
        assertEquals("counts", e.setting());
        assertTrue(e.getMessage().contains("counts['a'] must not be negative, was -5"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0", "1.5", "-0.1"})
    void refusesShareOutsideZeroToOne(double share) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance().withMaxSyntheticShare(share));
        assertEquals("maxSyntheticShare", e.setting());
        assertTrue(e.getMessage().contains("was " + share), e.getMessage());
    }

    @Test
    void refusesClassTheGeneratorDoesNotKnow() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(Map.of("durian", 3)).syntheticCounts(new int[] {1, 1, 1}, SCHEMA));
        assertEquals("counts", e.setting());
        assertTrue(e.getMessage().contains("'durian' is not a class of the data"), e.getMessage());
    }

    @Test
    void refusesToBalanceClassWithoutRealExamples() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance().syntheticCounts(new int[] {5, 0, 3}, SCHEMA));
        assertEquals("mode", e.setting(), "no classes were listed: mode BALANCE chose Banana");
        assertTrue(e.getMessage().contains("no examples of class 'Banana' (label 'b')")
                && e.getMessage().startsWith("mode balances every class when no classes are listed")
                && e.getMessage().endsWith("list the classes to balance (classes) or add real examples of it"),
                e.getMessage());
        InvalidSettingException listed = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance("b").syntheticCounts(new int[] {5, 0, 3}, SCHEMA));
        assertEquals("classes", listed.setting());
    }

    @Test
    void refusesTheSameClassNamedTwice() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance("a", "apple").syntheticCounts(new int[] {5, 5, 3}, SCHEMA));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void aSettingTheModeDoesNotReadIsRefused() {
        assertEquals("counts", assertThrows(InvalidSettingException.class, () -> new AugmentationPolicy(
                AugmentationPolicy.Mode.BALANCE, java.util.List.of(), 1, Map.of("a", 3), 1)).setting());
        assertEquals("classes", assertThrows(InvalidSettingException.class, () -> new AugmentationPolicy(
                AugmentationPolicy.Mode.COUNTS, java.util.List.of("a"), 1, Map.of("a", 3), 1)).setting());
        InvalidSettingException factor = assertThrows(InvalidSettingException.class, () -> new AugmentationPolicy(
                AugmentationPolicy.Mode.BALANCE, java.util.List.of(), 3, Map.of(), 1));
        assertEquals("factor", factor.setting());
        assertTrue(factor.getMessage().contains("MULTIPLY") && factor.getMessage().contains("BALANCE"),
                factor.getMessage());
        assertEquals("factor", AugmentationPolicy.multiply(2).countSetting());
    }

    @Test
    void nullClassesOrCountsNameTheirSetting() {
        assertEquals("classes", assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance((String) null)).setting());
        assertEquals("classes", assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.multiply(2, "a", null)).setting());
        java.util.Map<String, Integer> withNull = new java.util.HashMap<>();
        withNull.put("a", null);
        assertEquals("counts", assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(withNull)).setting());
        assertEquals(List.of(), AugmentationPolicy.balance((String[]) null).classes(), "no array: every class");
        InvalidSettingException empty = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance().syntheticCounts(new int[] {0, 0, 0}, SCHEMA));
        assertEquals("source", empty.setting());
        assertTrue(empty.getMessage().startsWith("source gave no examples at all"), empty.getMessage());
        // MULTIPLY of an empty source gave an empty dataset without a word (a Tribuo user, 6 Dec)
        InvalidSettingException emptyMultiply = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.multiply(2).syntheticCounts(new int[] {0, 0, 0}, SCHEMA));
        assertEquals("source", emptyMultiply.setting());
        assertTrue(emptyMultiply.getMessage().startsWith("source gave no examples at all, so mode MULTIPLY has "
                + "nothing to multiply"), emptyMultiply.getMessage());
    }
}
