package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationSplitTest {

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
        ValidationSplit split = ValidationSplit.stratified(labels, 3, 0.1, 10, 4);
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
        ValidationSplit a = ValidationSplit.stratified(labels, 3, 0.02, 10, 1);
        int small = (int) Arrays.stream(a.validationRows()).filter(r -> labels[r] == 1).count();
        assertEquals(10, small);
        assertArrayEquals(a.validationRows(), ValidationSplit.stratified(labels, 3, 0.02, 10, 1).validationRows());
        assertFalse(Arrays.equals(a.validationRows(), ValidationSplit.stratified(labels, 3, 0.02, 10, 2)
                .validationRows()));
    }

    @Test
    void refusesSharesOutsideZeroOneAndClassesTooSmallToSplit() {
        assertEquals("validationShare", assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(labels(), 3, 1.5, 10, 1)).setting());
        int[] tiny = new int[30];
        Arrays.fill(tiny, 20, 30, 1);
        assertEquals("validationShare", assertThrows(InvalidSettingException.class,
                () -> ValidationSplit.stratified(tiny, 2, 0.1, 10, 1)).setting());
    }
}
