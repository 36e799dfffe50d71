package dev.augment.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.errors.InvalidSettingException;
import dev.augment.random.SeededNoise;
import org.apache.commons.rng.sampling.PermutationSampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stratified validation split carved from the training data for model selection during training,
 * so the test split is never used to pick a generator: each class gives {@code round(share * count)}
 * of its rows, at least {@code minimumPerClass} (a class without rows gives none), chosen by a permutation seeded by {@code seed}; the
 * remaining rows are the training rows. The two lists partition the training data and are sorted.
 *
 * @param trainRows rows the GAN trains on
 * @param validationRows rows held out for the quality check
 * @param share asked share of every class
 * @param seed the seed of the choice
 */
public record ValidationSplit(int[] trainRows, int[] validationRows, double share, long seed) {

    /** Checks the lists. */
    public ValidationSplit {
        if (trainRows == null || validationRows == null) {
            throw new IllegalArgumentException("a split needs both row lists");
        }
    }

    /**
     * @param labels class index of each training row
     * @param classNames each class's name, by index, for messages (their count is the number of classes)
     * @param share share of each class held out, in (0, 1)
     * @param minimumPerClass fewest rows each class gives and keeps for training
     * @param seed seed of the choice
     * @return the split
     * @throws InvalidSettingException naming {@code validationShare} when the share is outside (0, 1) or a
     *     class has too few rows to give {@code minimumPerClass} and keep as many
     */
    public static ValidationSplit stratified(int[] labels, List<String> classNames, double share, int minimumPerClass,
                                             long seed) {
        int classes = classNames.size();
        if (!(share > 0 && share < 1)) {
            throw new InvalidSettingException("validationShare", "must be between 0 and 1, was " + share);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        boolean[] held = new boolean[labels.length];
        double most = 1;
        for (int c = 0; c < classes; c++) {
            int n = byClass.get(c).size();
            if (n > 0 && n < 2 * minimumPerClass) {
                throw new InvalidSettingException("validationShare", "needs at least " + 2 * minimumPerClass
                        + " samples of every class (" + minimumPerClass + " to hold out and as many to train on); "
                        + "class '" + classNames.get(c) + "' has " + n + "; set it to 0 to check against "
                        + "the test split, or train without the quality check (checkSamples 0)");
            }
            if (n > 0) {
                // the largest share that leaves every class enough: the first failing class's own bound was then
                // refused for another class (a re-check, 6 Dec)
                most = Math.min(most, Math.floor(100.0 * (n - minimumPerClass) / n) / 100);
            }
        }
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            if (rows.isEmpty()) {
                continue;
            }
            int take = Math.max(minimumPerClass, (int) Math.round(share * rows.size()));
            if (rows.size() - take < minimumPerClass) {
                // "needs at least 20 samples; class 0 has 30" contradicted itself at share 0.7 (a fresh user, 6 Dec)
                throw new InvalidSettingException("validationShare", share + " holds out " + take + " of the "
                        + rows.size() + " samples of class '" + classNames.get(c) + "', leaving "
                        + (rows.size() - take) + " to train on, fewer than the " + minimumPerClass + " needed; choose "
                        + "a share of at most " + most + " (0.1 is the default)");
            }
            int[] order = PermutationSampler.natural(rows.size());
            PermutationSampler.shuffle(SeededNoise.rng(seed, c, -6), order);
            for (int j = 0; j < take; j++) {
                held[rows.get(order[j])] = true;
            }
        }
        int validation = 0;
        for (boolean h : held) {
            validation += h ? 1 : 0;
        }
        int[] trainRows = new int[labels.length - validation];
        int[] validationRows = new int[validation];
        int t = 0;
        int v = 0;
        for (int i = 0; i < labels.length; i++) {
            if (held[i]) {
                validationRows[v++] = i;
            } else {
                trainRows[t++] = i;
            }
        }
        return new ValidationSplit(trainRows, validationRows, share, seed);
    }

    /**
     * @param rows the rows to pick
     * @param values one value per training row
     * @return the picked values, in order
     */
    public static float[][] pick(int[] rows, float[][] values) {
        return Arrays.stream(rows).mapToObj(r -> values[r]).toArray(float[][]::new);
    }

    /**
     * @param rows the rows to pick
     * @param values one value per training row
     * @return the picked values, in order
     */
    public static int[] pick(int[] rows, int[] values) {
        return Arrays.stream(rows).map(r -> values[r]).toArray();
    }

    /**
     * @param labels class index of each training row
     * @param classes number of classes
     * @return what provenance records: method, share, seed, sizes and rows per class held out
     */
    public ObjectNode describe(int[] labels, int classes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("method", "stratified split carved from the training data (never the test split)");
        node.put("share", share);
        node.put("seed", seed);
        node.put("size", validationRows.length);
        node.put("trainingSize", trainRows.length);
        int[] perClass = new int[classes];
        for (int r : validationRows) {
            perClass[labels[r]]++;
        }
        var counts = node.putArray("perClass");
        Arrays.stream(perClass).forEach(counts::add);
        return node;
    }
}
