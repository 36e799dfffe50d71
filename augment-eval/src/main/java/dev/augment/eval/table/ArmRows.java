package dev.augment.eval.table;

import java.util.List;

/**
 * One arm's training rows for one seed.
 *
 * @param description what the rows are, for the dataset's provenance
 * @param rows Tribuo-scale feature vectors, at least one
 * @param classes the class index of each row
 * @param weights the weight of each row, or null for 1
 */
public record ArmRows(String description, List<float[]> rows, List<Integer> classes, float[] weights) {

    /** Checks the lengths. */
    public ArmRows {
        if (rows == null || classes == null || rows.isEmpty() || rows.size() != classes.size()
                || (weights != null && weights.length != rows.size())) {
            throw new IllegalArgumentException("an arm needs rows, one class each and at most one weight each");
        }
        rows = List.copyOf(rows);
        classes = List.copyOf(classes);
        weights = weights == null ? null : weights.clone();
    }
}
