package dev.augment.train;

import dev.augment.random.SeededNoise;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the rows of each training batch, keyed by {@code (seed, round, step)} so a resumed run draws
 * the same batches:
 * <ul>
 *   <li>epochs, not balanced: a seeded permutation of the data per epoch, cut into batches (every sample
 *       once per epoch);</li>
 *   <li>steps, not balanced: rows drawn uniformly with replacement;</li>
 *   <li>balanced: every class gets {@code batch / classes} slots (the remainder goes to classes in turn
 *       from batch to batch) and each slot a row of its class drawn with replacement, so small classes
 *       are seen as often as large ones. The batch's labels are also the fake labels of D's and G's
 *       steps: drawn uniformly over classes every batch (BAGAN-GP, Huang &amp; Jafari 2021).</li>
 * </ul>
 */
final class BatchSampler {

    private final int[] labels;
    private final int classes;
    private final int batchSize;
    private final long seed;
    private final boolean balanced;
    private final boolean epochs;
    private final int[][] rowsOfClass;
    private final int[] presentClasses;
    private int[] order;
    private long orderRound = Long.MIN_VALUE;

    /**
     * @param labels class index of every row
     * @param classes number of classes
     * @param settings batch size, seed, balance and whether training counts epochs
     */
    BatchSampler(int[] labels, int classes, GanSettings settings) {
        this.labels = labels;
        this.classes = classes;
        this.batchSize = settings.batchSize();
        this.seed = settings.seed();
        this.balanced = settings.balancedBatches();
        this.epochs = !settings.countsSteps();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        rowsOfClass = new int[classes][];
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            rowsOfClass[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            if (rowsOfClass[c].length > 0) {
                present.add(c);
            }
        }
        presentClasses = present.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param round the epoch (epochs) or a fixed key (steps)
     * @param step the step within the epoch (epochs) or since the start (steps)
     * @return the batch's row indices
     */
    int[] rows(long round, long step) {
        int[] rows = new int[batchSize];
        if (balanced) {
            UniformRandomProvider random = SeededNoise.rng(seed, round, step, -3);
            int[] perClass = classCounts(step);
            int slot = 0;
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < perClass[c]; j++) {
                    rows[slot++] = rowsOfClass[c][random.nextInt(rowsOfClass[c].length)];
                }
            }
        } else if (epochs) {
            if (orderRound != round) {
                order = PermutationSampler.natural(labels.length);
                PermutationSampler.shuffle(SeededNoise.rng(seed, round, -1), order);
                orderRound = round;
            }
            System.arraycopy(order, Math.toIntExact(step * batchSize), rows, 0, batchSize);
        } else {
            UniformRandomProvider random = SeededNoise.rng(seed, round, step, -3);
            for (int i = 0; i < batchSize; i++) {
                rows[i] = random.nextInt(labels.length);
            }
        }
        return rows;
    }

    /**
     * @return slots per class in a balanced batch: equal shares over the classes that have rows (a class
     *     without examples gets none), the remainder rotating over them
     */
    int[] classCounts(long step) {
        int[] counts = new int[classes];
        int n = presentClasses.length;
        int remainder = batchSize % n;
        int start = (int) Math.floorMod(step * remainder, (long) n);
        for (int c : presentClasses) {
            counts[c] = batchSize / n;
        }
        for (int j = 0; j < remainder; j++) {
            counts[presentClasses[(start + j) % n]]++;
        }
        return counts;
    }
}
