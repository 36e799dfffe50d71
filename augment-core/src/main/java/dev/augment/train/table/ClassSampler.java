package dev.augment.train.table;

import dev.augment.random.SeededNoise;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Training-by-sampling on the class (Xu et al. 2019, section 4.3): for each row of a batch a class is
 * drawn (the conditional vector is its one-hot), then a real row of that class. Classes are drawn
 * uniformly (every class as often, which gives minority classes most training), by log-frequency (CTGAN's
 * choice for a conditioned column) or by frequency (the data's own shares). Every draw is keyed by
 * (seed, step, stream), so a run is reproducible.
 */
final class ClassSampler {

    private final int[][] rowsOfClass;
    private final double[] cumulative;
    private final long seed;

    /**
     * @param classes class index of every training row
     * @param classCount number of classes
     * @param conditioning how classes are drawn
     * @param seed the run's seed
     * @throws IllegalArgumentException when a class has no rows
     */
    ClassSampler(int[] classes, int classCount, Conditioning conditioning, long seed) {
        this.seed = seed;
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < classes.length; r++) {
            rows.get(classes[r]).add(r);
        }
        rowsOfClass = new int[classCount][];
        cumulative = new double[classCount];
        double total = 0;
        for (int c = 0; c < classCount; c++) {
            rowsOfClass[c] = rows.get(c).stream().mapToInt(Integer::intValue).toArray();
            if (rowsOfClass[c].length == 0) {
                throw new IllegalArgumentException("class " + c + " has no training rows");
            }
            total += conditioning.weight(rowsOfClass[c].length);
            cumulative[c] = total;
        }
        for (int c = 0; c < classCount; c++) {
            cumulative[c] /= total;
        }
    }

    /** @return the probability of each class being drawn */
    double[] probabilities() {
        double[] p = new double[cumulative.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = cumulative[c] - (c == 0 ? 0 : cumulative[c - 1]);
        }
        return p;
    }

    /**
     * @param n batch size
     * @param step the step
     * @param stream distinguishes draws within a step (discriminator, generator)
     * @return n class indices
     */
    int[] classes(int n, long step, int stream) {
        UniformRandomProvider random = SeededNoise.rng(seed, step, stream, 0x636c73L);
        int[] drawn = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int c = 0;
            while (c < cumulative.length - 1 && u >= cumulative[c]) {
                c++;
            }
            drawn[i] = c;
        }
        return drawn;
    }

    /**
     * @param classes the drawn classes
     * @param step the step
     * @param stream 0 for a step's first draw, k for its k-th redraw
     * @return one training row of each drawn class, uniformly within the class (with replacement)
     */
    int[] rows(int[] classes, long step, int stream) {
        UniformRandomProvider random = stream == 0 ? SeededNoise.rng(seed, step, 0x726f77L)
                : SeededNoise.rng(seed, step, stream, 0x726f77L);
        int[] rows = new int[classes.length];
        for (int i = 0; i < classes.length; i++) {
            int[] candidates = rowsOfClass[classes[i]];
            rows[i] = candidates[random.nextInt(candidates.length)];
        }
        return rows;
    }
}
