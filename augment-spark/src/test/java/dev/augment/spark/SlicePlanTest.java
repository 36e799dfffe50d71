package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicePlanTest {

    @Test
    void slicesCoverEveryIndexOfEveryClassOnceInOrderWithNearEqualSizes() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        counts.put(7, 1000L);
        counts.put(2, 1L);
        counts.put(0, 333L);
        for (int partitions : new int[] {1, 2, 3, 7, 50, 5000}) {
            List<GenerationSlice> slices = SlicePlan.plan(counts, partitions);
            assertTrue(slices.size() <= partitions + counts.size() - 1, partitions + " partitions: " + slices.size());
            long perSlice = (1334 + partitions - 1) / partitions;
            int at = 0;
            for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
                long next = 0;
                while (next < entry.getValue()) {
                    GenerationSlice slice = slices.get(at++);
                    assertEquals(entry.getKey(), slice.classIndex());
                    assertEquals(next, slice.first());
                    assertTrue(slice.count() <= perSlice, slice + " is larger than " + perSlice);
                    next = slice.end();
                }
                assertEquals(entry.getValue(), next);
            }
            assertEquals(slices.size(), at);
        }
    }

    @Test
    void oneClassOnTwoPartitionsIsCutInHalves() {
        assertEquals(List.of(new GenerationSlice(3, 0, 5), new GenerationSlice(3, 5, 4)),
                SlicePlan.plan(Map.of(3, 9L), 2));
    }

    @Test
    void nonPositiveCountsAndPartitionsNameTheirSetting() {
        assertEquals("count", assertThrows(InvalidSettingException.class,
                () -> SlicePlan.plan(Map.of(1, 0L), 2)).setting());
        assertEquals("partitions", assertThrows(InvalidSettingException.class,
                () -> SlicePlan.plan(Map.of(1, 5L), 0)).setting());
    }

    @Test
    void moreThanTheMostPartitionsIsRefusedAndTheMostIsPlanned() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SlicePlan.plan(Map.of(1, 5L), 2_000_000_000));
        assertEquals("partitions", e.setting());
        assertTrue(e.getMessage().contains("at most 100000"), e.getMessage());
        assertEquals(SlicePlan.MAX_PARTITIONS, SlicePlan.plan(Map.of(0, 1_000_000L), SlicePlan.MAX_PARTITIONS).size());
    }

    @Test
    void theLargestCountIsCutIntoOneSliceAPartitionWithoutOverflow() {
        List<GenerationSlice> slices = SlicePlan.plan(Map.of(0, Long.MAX_VALUE), 4);
        assertEquals(4, slices.size());
        assertEquals(0, slices.get(0).first());
        long covered = 0;
        for (GenerationSlice slice : slices) {
            assertEquals(covered, slice.first(), "contiguous");
            covered += slice.count();
        }
        assertEquals(Long.MAX_VALUE, covered);
    }
}
