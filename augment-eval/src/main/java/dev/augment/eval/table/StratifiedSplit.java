package dev.augment.eval.table;

import dev.augment.errors.InvalidSettingException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stratified train/test split of one seed: every class's rows are shuffled with the seed and
 * {@code round(testShare × n_c)} of them go to the test split, at least one and at most {@code n_c − 1} (so a
 * class of two rows has one on each side). The tables have no official test split, so every seed draws its
 * own; the same seed gives the same split.
 *
 * @param train indices of the training rows, ascending
 * @param test indices of the test rows, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

    /** The share of each class that goes to the test split by default. */
    public static final double DEFAULT_TEST_SHARE = 0.3;

    /** Copies the index arrays. */
    public StratifiedSplit {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * @param classes the class index of every row
     * @param classCount the number of classes
     * @param testShare the share of each class for the test split, in (0, 1)
     * @param seed the seed
     * @return the split
     * @throws InvalidSettingException (setting {@code testShare}) outside (0, 1)
     * @throws IllegalArgumentException when a class has fewer than two rows
     */
    public static StratifiedSplit of(int[] classes, int classCount, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new InvalidSettingException("testShare", "testShare must be in (0, 1), was " + testShare);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < classes.length; i++) {
            byClass.get(classes[i]).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            List<Integer> rows = byClass.get(c);
            if (rows.size() < 2) {
                throw new IllegalArgumentException("class " + c + " has " + rows.size() + " rows; a stratified split "
                        + "needs at least 2");
            }
            int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int nTest = (int) Math.max(1, Math.min(order.length - 1, Math.round(testShare * order.length)));
            for (int i = 0; i < order.length; i++) {
                (i < nTest ? test : train).add(order[i]);
            }
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] te = test.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new StratifiedSplit(tr, te);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedSplit s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "StratifiedSplit(" + train.length + " train, " + test.length + " test)";
    }
}
