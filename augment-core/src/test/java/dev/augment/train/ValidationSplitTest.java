package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationSplitTest {

    private static final List<String> NAMES = List.of("cat", "dog", "ship");

    /** 600 rows of class 0, 120 of class 1, 200 of class 2, interleaved. */
    private static int[] labels() {
        int[] labels = new int[920];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 240 ? (i % 2 == 0 ? 0 : 1) : (i < 720 ? 0 : 2);
        }
        return labels;
    }

    @Test
    void isStratifiedAndPartitionsTheTrainingRows() {
        int[] labels = labels();
        ValidationSplit split = ValidationSplit.stratified(labels, NAMES, 0.1, 10, 4);
        int[] perClass = new int[3];
        for (int r : split.validationRows()) {
            perClass[labels[r]]++;
        }
        assertArrayEquals(new int[] {60, 12, 20}, perClass);
        int[] together = IntStream.concat(Arrays.stream(split.trainRows()), Arrays.stream(split.validationRows()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), together, "every row exactly once");
        assertEquals(12, split.describe(labels, 3).path("perClass").get(1).asInt());
        assertEquals(4, split.describe(labels, 3).path("seed").asLong());
    }

    @Test
    void smallClassesGiveAtLeastTheMinimumAndTheSeedDecides() {
        int[] labels = labels();
        ValidationSplit a = ValidationSplit.stratified(labels, NAMES, 0.02, 10, 1);
        int small = (int) Arrays.stream(a.validationRows()).filter(r -> labels[r] == 1).count();
        assertEquals(10, small);
        assertArrayEquals(a.validationRows(), ValidationSplit.stratified(labels, NAMES, 0.02, 10, 1).validationRows());
        assertFalse(Arrays.equals(a.validationRows(), ValidationSplit.stratified(labels, NAMES, 0.02, 10, 2)
                .validationRows()));
    }

    @Test
    void refusesSharesOutsideZeroOneAndClassesTooSmallToSplit() {
        assertEquals("validationShare", assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(labels(), NAMES, 1.5, 10, 1)).setting());
        int[] tiny = new int[30];
        Arrays.fill(tiny, 20, 30, 1);
        InvalidSettingException small = assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(tiny, NAMES.subList(0, 2), 0.1, 10, 1));
        assertEquals("validationShare", small.setting());
        assertTrue(small.getMessage().contains("class 'dog' has 10;"), small.getMessage());
    }

    /** "needs at least 20 samples of every class; class 0 has 30" at share 0.7 (a fresh user, 6 Dec). */
    @Test
    void aShareThatLeavesTooFewToTrainOnSaysHowMuchWorks() {
        int[] thirty = new int[60];
        Arrays.fill(thirty, 30, 60, 1);
        InvalidSettingException high = assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(thirty, NAMES.subList(0, 2), 0.7, 10, 1));
        assertEquals("validationShare 0.7 holds out 21 of the 30 samples of class 'cat', leaving 9 to train on, fewer "
                + "than the 10 needed; choose a share of at most 0.66 (0.1 is the default)", high.getMessage());
        ValidationSplit most = ValidationSplit.stratified(thirty, NAMES.subList(0, 2), 0.66, 10, 1);
        assertEquals(40, most.validationRows().length, "0.66 of 30 is 20 held out per class, 10 left");
        // the bound is the data's, not the first failing class's (a re-check, 6 Dec): 60 cats, 25 dogs
        int[] uneven = new int[85];
        Arrays.fill(uneven, 60, 85, 1);
        InvalidSettingException first = assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(uneven, NAMES.subList(0, 2), 0.9, 10, 1));
        assertTrue(first.getMessage().endsWith("at most 0.6 (0.1 is the default)"), first.getMessage());
        assertEquals(15 + 36, ValidationSplit.stratified(uneven, NAMES.subList(0, 2), 0.6, 10, 1).validationRows()
                .length, "0.6 works for both");
    }
}
