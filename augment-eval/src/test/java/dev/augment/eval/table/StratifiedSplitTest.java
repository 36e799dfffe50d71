package dev.augment.eval.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.augment.errors.InvalidSettingException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static final int[] CLASSES = IntStream.range(0, 113).map(i -> i < 100 ? 0 : i < 110 ? 1 : 2).toArray();

    @Test
    void everyClassSendsItsShareToTestAndNoRowIsOnBothSides() {
        StratifiedSplit s = StratifiedSplit.of(CLASSES, 3, 0.3, 1);
        assertEquals(113, s.train().length + s.test().length);
        assertEquals(113, IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).distinct().count());
        assertEquals(30, Arrays.stream(s.test()).filter(i -> CLASSES[i] == 0).count());
        assertEquals(3, Arrays.stream(s.test()).filter(i -> CLASSES[i] == 1).count());
        assertEquals(1, Arrays.stream(s.test()).filter(i -> CLASSES[i] == 2).count());
    }

    @Test
    void sameSeedSameSplitOtherSeedOther() {
        assertEquals(StratifiedSplit.of(CLASSES, 3, 0.3, 4), StratifiedSplit.of(CLASSES, 3, 0.3, 4));
        assertNotEquals(StratifiedSplit.of(CLASSES, 3, 0.3, 4), StratifiedSplit.of(CLASSES, 3, 0.3, 5));
    }

    @Test
    void aClassOfTwoHasOneRowOnEachSideAndOneRowIsRefused() {
        StratifiedSplit s = StratifiedSplit.of(new int[] {0, 0, 0, 1, 1}, 2, 0.9, 0);
        assertEquals(1, Arrays.stream(s.train()).filter(i -> i >= 3).count());
        assertEquals(1, s.train().length - 0 - Arrays.stream(s.train()).filter(i -> i < 3).count());
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(new int[] {0, 0, 1}, 2, 0.3, 0));
        assertEquals("testShare", assertThrows(InvalidSettingException.class,
                () -> StratifiedSplit.of(CLASSES, 3, 1.0, 0)).setting());
    }
}
