package dev.augment.eval.table;

import java.util.Arrays;

/**
 * Tribuo-scale feature vectors with their class indices.
 *
 * @param rows one feature vector per row, all of one length
 * @param classes the class index of each row, ≥ 0
 */
public record LabelledRows(float[][] rows, int[] classes) {

    /** Checks the lengths. */
    public LabelledRows {
        if (rows == null || classes == null || rows.length != classes.length) {
            throw new IllegalArgumentException("rows and classes must be equally long, were "
                    + (rows == null ? "null" : rows.length) + " and " + (classes == null ? "null" : classes.length));
        }
        if (Arrays.stream(classes).anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("class indices must be >= 0");
        }
    }

    /** @return the number of rows */
    public int size() {
        return rows.length;
    }

    /**
     * @param classIndex a class index
     * @return the rows of that class, in order (the arrays are shared, not copied)
     */
    public float[][] ofClass(int classIndex) {
        return java.util.stream.IntStream.range(0, rows.length).filter(i -> classes[i] == classIndex)
                .mapToObj(i -> rows[i]).toArray(float[][]::new);
    }
}
