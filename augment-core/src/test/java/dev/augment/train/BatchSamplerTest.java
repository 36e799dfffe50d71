package dev.augment.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSamplerTest {

    /** 500 rows of class 0, 5 of class 1, 20 of class 2: heavily imbalanced. */
    private static int[] imbalancedLabels() {
        int[] labels = new int[525];
        Arrays.fill(labels, 500, 505, 1);
        Arrays.fill(labels, 505, 525, 2);
        return labels;
    }

    @Test
    void balancedBatchesDrawEveryClassEquallyWhateverItsSize() {
        int[] labels = imbalancedLabels();
        GanSettings settings = GanSettings.builder(Architecture.MLP).batchSize(30).balancedBatches(true).seed(5)
                .build();
        BatchSampler sampler = new BatchSampler(labels, 3, settings);
        int[] counts = new int[3];
        for (int step = 0; step < 4; step++) {
            int[] perBatch = new int[3];
            for (int row : sampler.rows(0, step)) {
                perBatch[labels[row]]++;
                counts[labels[row]]++;
            }
            assertArrayEquals(new int[] {10, 10, 10}, perBatch, "batch " + step);
        }
        assertArrayEquals(new int[] {40, 40, 40}, counts);
    }

    @Test
    void remainderSlotsRotateSoClassesEvenOutOverBatches() {
        int[] labels = imbalancedLabels();
        GanSettings settings = GanSettings.builder(Architecture.MLP).batchSize(16).balancedBatches(true).build();
        BatchSampler sampler = new BatchSampler(labels, 3, settings);
        int[] counts = new int[3];
        for (int step = 0; step < 3; step++) {
            int[] rows = sampler.rows(2, step);
            assertEquals(16, rows.length);
            for (int row : rows) {
                counts[labels[row]]++;
            }
        }
        assertArrayEquals(new int[] {16, 16, 16}, counts);
    }

    @Test
    void classesWithoutExamplesGetNoSlots() {
        int[] labels = {0, 0, 0, 2, 2};
        GanSettings settings = GanSettings.builder(Architecture.MLP).batchSize(4).balancedBatches(true).build();
        int[] counts = new int[3];
        for (int row : new BatchSampler(labels, 3, settings).rows(0, 0)) {
            counts[labels[row]]++;
        }
        assertArrayEquals(new int[] {2, 0, 2}, counts);
    }

    @Test
    void unbalancedEpochsVisitEveryRowOncePerEpoch() {
        int[] labels = imbalancedLabels();
        GanSettings settings = GanSettings.builder(Architecture.MLP).batchSize(25).balancedBatches(false).build();
        BatchSampler sampler = new BatchSampler(labels, 3, settings);
        int[] seen = new int[labels.length];
        for (int step = 0; step < labels.length / 25; step++) {
            for (int row : sampler.rows(3, step)) {
                seen[row]++;
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(n -> n == 1));
    }

    @Test
    void batchesAreKeyedBySeedRoundAndStep() {
        int[] labels = imbalancedLabels();
        GanSettings settings = GanSettings.builder(Architecture.MLP).batchSize(12).balancedBatches(true).steps(10)
                .build();
        int[] first = new BatchSampler(labels, 3, settings).rows(-10, 7);
        assertArrayEquals(first, new BatchSampler(labels, 3, settings).rows(-10, 7));
        assertTrue(!Arrays.equals(first, new BatchSampler(labels, 3, settings).rows(-10, 8)));
    }
}
